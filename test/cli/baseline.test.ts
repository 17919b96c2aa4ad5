import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseCliArgs } from "../../server/src/cli/args";
import { writeProject } from "../helpers/project";
import { ensureBuilt, runCli } from "./helpers";

/** Assembled at run time so the repository never holds a token-shaped string. */
const SECRET = ["sk", "live", "51HqLyjWDarjtT1zdp7dcQ8xPz"].join("_");
const OTHER_SECRET = ["sk", "live", "51HqLyjWDarjtT1zdp7dcQ8xQa"].join("_");

const SERVER = `import express from "express";
const app = express();
const stripeKey = "${SECRET}";
const server = app.listen(3000);
process.on("SIGTERM", () => server.close());
export function auth() {
  return "Bearer " + stripeKey;
}
`;
const METRICS = `import http from "node:http";\nhttp.createServer().listen(9100);\n`;

const SECRET_LINE = `  3:19  error  Hardcoded secret "sk_l…" (34 chars): Stripe live secret key format. Read it from process.env.STRIPE_KEY instead.  config/no-hardcoded-secret`;
const ALL_FINDINGS = [
  "src/metrics.ts",
  "  2:28  warning  Port 9100 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.  port-binding/no-fixed-port",
  "",
  "src/server.ts",
  SECRET_LINE.replace("error  ", "error    "),
  "  4:27  warning  Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.                      port-binding/no-fixed-port",
  "",
  "✖ 3 problems (1 error, 2 warnings, 0 infos)",
  "  3 problems are fixable with --fix.",
  "",
].join("\n");
const CLEAN_WITH_THREE_HIDDEN = "✔ No problems found (4 files checked, 3 baselined findings hidden).\n";
const DEFAULT_FILE = ".twelve-factor-baseline.json";

const projects: Array<{ cleanup(): void }> = [];
after(() => projects.forEach((project) => project.cleanup()));

function service(extra: Record<string, string> = {}) {
  const project = writeProject({
    "package.json": JSON.stringify({ name: "svc", dependencies: { express: "4.18.2" } }),
    "package-lock.json": "{}",
    "src/server.ts": SERVER,
    "src/metrics.ts": METRICS,
    ...extra,
  });
  projects.push(project);
  const write = (rel: string, text: string) => fs.writeFileSync(path.join(project.root, rel), text);
  return { ...project, write };
}

before(() => ensureBuilt());

describe("baseline flags", () => {
  it("parses --write-baseline with and without a file, --baseline and --no-baseline", () => {
    const options = (argv: string[]) => {
      const parsed = parseCliArgs(argv);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      return parsed.options;
    };
    assert.deepEqual(options(["--write-baseline"]).writeBaseline, {});
    assert.deepEqual(options(["--write-baseline", "ci/accepted.json"]).writeBaseline, { file: "ci/accepted.json" });
    assert.deepEqual(options(["--write-baseline=accepted"]).writeBaseline, { file: "accepted" });
    // A following path that is not a .json file is a path to lint.
    const withPath = options(["--write-baseline", "src", "--quiet"]);
    assert.deepEqual([withPath.writeBaseline, withPath.paths, withPath.quiet], [{}, ["src"], true]);
    assert.deepEqual([options(["--baseline", "b.json"]).baseline, options(["--no-baseline"]).noBaseline], ["b.json", true]);
    assert.equal("writeBaseline" in options([]) || "baseline" in options([]) || "noBaseline" in options([]), false);
  });

  it("rejects contradictions and missing file names in one line", () => {
    assert.deepEqual(parseCliArgs(["--baseline", "a.json", "--no-baseline"]), { ok: false, message: "--baseline and --no-baseline cannot be used together" });
    assert.deepEqual(parseCliArgs(["--baseline="]), { ok: false, message: "--baseline needs a file name" });
    assert.deepEqual(parseCliArgs(["--write-baseline="]), { ok: false, message: "--write-baseline= needs a file name" });
    assert.deepEqual(parseCliArgs(["--write-baseline", "--no-baseline"]), {
      ok: false,
      message: "--write-baseline cannot be combined with --baseline or --no-baseline (write to another file with --write-baseline=FILE)",
    });
  });
});

describe("twelve-factor-lint --write-baseline", () => {
  it("writes the default file, exits 0, and later runs find it and show only new findings", () => {
    const project = service();
    assert.deepEqual(runCli(project.root, []), { code: 1, stdout: ALL_FINDINGS, stderr: "" });

    assert.deepEqual(runCli(project.root, ["--write-baseline"]), { code: 0, stdout: `Wrote 3 findings to ${DEFAULT_FILE}.\n`, stderr: "" });
    const written = JSON.parse(project.read(DEFAULT_FILE) ?? "") as { findings: Array<{ rule: string; file: string; count: number }> };
    assert.deepEqual(
      written.findings.map((entry) => `${entry.file} ${entry.rule} ${entry.count}`),
      ["src/metrics.ts port-binding/no-fixed-port 1", "src/server.ts config/no-hardcoded-secret 1", "src/server.ts port-binding/no-fixed-port 1"],
    );

    assert.deepEqual(runCli(project.root, []), { code: 0, stdout: CLEAN_WITH_THREE_HIDDEN, stderr: "" });
    // Code moves: lines above, and the metrics server moved into a function.
    project.write("src/server.ts", `// Payments API\n\n${SERVER}`);
    project.write("src/metrics.ts", `import http from "node:http";\n\nexport function startMetrics() {\n    http.createServer().listen(9100);\n}\n`);
    assert.deepEqual(runCli(project.root, []), { code: 0, stdout: CLEAN_WITH_THREE_HIDDEN, stderr: "" });

    // A new value is a new finding, and only it is shown.
    project.write("src/server.ts", SERVER.replace(SECRET, OTHER_SECRET));
    assert.deepEqual(runCli(project.root, []), {
      code: 1,
      stdout: ["src/server.ts", SECRET_LINE, "", "✖ 1 problem (1 error, 0 warnings, 0 infos) (2 baselined findings hidden)", "  1 problem is fixable with --fix.", ""].join("\n"),
      stderr: "",
    });
  });

  it("reports only fresh findings in JSON (with the hidden count), SARIF and Markdown", () => {
    const project = service();
    runCli(project.root, ["--write-baseline"]);
    project.write("src/metrics.ts", METRICS.replace("9100", "9101"));
    const json = JSON.parse(runCli(project.root, ["-f", "json"]).stdout) as { summary: Record<string, number>; findings: Array<{ ruleId: string; message: string }> };
    assert.deepEqual(json.summary, { problems: 1, errors: 0, warnings: 1, infos: 0, fixable: 1, suggested: 0, baselined: 2 });
    assert.deepEqual(
      json.findings.map((finding) => finding.message),
      ["Port 9101 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."],
    );
    const sarif = JSON.parse(runCli(project.root, ["-f", "sarif"]).stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    assert.deepEqual(
      sarif.runs[0].results.map((result) => result.message.text),
      ["Port 9101 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."],
    );
    const markdown = runCli(project.root, ["-f", "markdown"]).stdout;
    assert.match(markdown, /^> 2 findings recorded in the baseline are not shown\.$/m);
    assert.doesNotMatch(markdown, /9100|Hardcoded secret/);
  });

  it("never writes the secret, and rewriting keeps the salt and the bytes when nothing changed", () => {
    const project = service();
    runCli(project.root, ["--write-baseline"]);
    const first = project.read(DEFAULT_FILE) ?? "";
    assert.ok(!first.includes(SECRET) && !first.includes(SECRET.slice(0, 8)), "the baseline holds the secret");
    runCli(project.root, ["--write-baseline"]);
    assert.equal(project.read(DEFAULT_FILE), first);

    // After a merge conflict the file is no JSON, yet its salt is kept.
    const salt = (JSON.parse(first) as { salt: string }).salt;
    project.write(DEFAULT_FILE, first.replace('  "findings": [\n', '  "findings": [\n<<<<<<< HEAD\n=======\n>>>>>>> branch\n'));
    assert.equal(runCli(project.root, ["--write-baseline"]).code, 0);
    assert.equal(project.read(DEFAULT_FILE), first);
    assert.equal((JSON.parse(project.read(DEFAULT_FILE) ?? "") as { salt: string }).salt, salt);
  });

  it("writes FILE elsewhere, read back with --baseline FILE; --no-baseline shows everything", () => {
    const project = service();
    assert.deepEqual(runCli(project.root, ["--write-baseline", "ci/accepted.json"]), { code: 0, stdout: "Wrote 3 findings to ci/accepted.json.\n", stderr: "" });
    assert.equal(project.read(DEFAULT_FILE), undefined);
    assert.deepEqual(runCli(project.root, []), { code: 1, stdout: ALL_FINDINGS, stderr: "" });
    // From a subfolder, the relative FILE is relative to where the tool runs.
    assert.deepEqual(runCli(path.join(project.root, "src"), ["--baseline", "../ci/accepted.json"]), {
      code: 0,
      stdout: "✔ No problems found (2 files checked, 3 baselined findings hidden).\n",
      stderr: "",
    });

    runCli(project.root, ["--write-baseline"]);
    assert.deepEqual(runCli(project.root, ["--no-baseline"]), { code: 1, stdout: ALL_FINDINGS, stderr: "" });
  });

  it("baselining one folder keeps the entries of the rest", () => {
    const project = service();
    runCli(project.root, ["--write-baseline"]);
    project.write("src/metrics.ts", METRICS.replace("9100", "9101"));
    fs.mkdirSync(path.join(project.root, "lib"));
    project.write("lib/admin.ts", `import http from "node:http";\nhttp.createServer().listen(7000);\n`);
    assert.deepEqual(runCli(project.root, ["lib", "--write-baseline"]), { code: 0, stdout: `Wrote 4 findings to ${DEFAULT_FILE}.\n`, stderr: "" });
    const run = runCli(project.root, []);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^src\/metrics\.ts\n {2}2:28 {2}warning {2}Port 9101 is hardcoded/);
    assert.match(run.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 infos\) \(3 baselined findings hidden\)\n/);
  });

  it("--fix leaves baselined findings alone and fixes the new ones", () => {
    const project = service();
    runCli(project.root, ["--write-baseline"]);
    project.write("src/metrics.ts", `${METRICS}http.createServer().listen(9200);\n`);
    const run = runCli(project.root, ["--fix"]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, CLEAN_WITH_THREE_HIDDEN);
    assert.equal(project.read("src/metrics.ts"), `${METRICS}http.createServer().listen(Number(process.env.PORT ?? 9200));\n`);
    assert.equal(project.read("src/server.ts"), SERVER);
  });

  it("a broken baseline is a warning and every finding is shown; a missing --baseline FILE is a usage error", () => {
    const project = service({ [DEFAULT_FILE]: '{ "version": 1, "salt": "abc", "findings": [] }\n' });
    assert.deepEqual(runCli(project.root, []), {
      code: 1,
      stdout: ALL_FINDINGS,
      stderr: `warning: ${DEFAULT_FILE}: "salt" must be a lowercase hex string; the baseline is ignored and every finding is shown.\n`,
    });
    project.write(DEFAULT_FILE, `STRIPE_KEY=${SECRET}\n`);
    const run = runCli(project.root, []);
    assert.equal(run.stderr, `warning: ${DEFAULT_FILE}: 1:1: invalid JSON (InvalidSymbol); the baseline is ignored and every finding is shown.\n`);
    assert.deepEqual(runCli(project.root, ["--baseline", "nope.json"]), {
      code: 2,
      stdout: "",
      stderr: "twelve-factor-lint: no such baseline file: nope.json\nRun twelve-factor-lint --help for usage.\n",
    });
  });
});
