import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Ajv from "ajv";
import { copyFixture, ensureBuilt, runCli } from "../cli/helpers";

/*
 * `--format gitlab`: GitLab's Code Quality JSON, checked against a schema written from GitLab's
 * documented format (GitLab publishes none), with the baseline's fingerprints.
 */

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "gitlab-code-quality.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

interface BaselineFile {
  findings: Array<{ rule: string; file: string; fingerprint: string; count: number }>;
}

function gitlab(cwd: string, args: string[] = []) {
  const run = runCli(cwd, ["--format", "gitlab", ...args]);
  assert.equal(run.stderr, "");
  return { code: run.code, issues: JSON.parse(run.stdout) as Array<Record<string, unknown> & { fingerprint: string; location: { lines: { begin: number } } }>, stdout: run.stdout };
}

before(() => ensureBuilt());

describe("--format gitlab", () => {
  const project = copyFixture("service");
  after(() => project.cleanup());

  it("the schema rejects what GitLab would not read (so passing it means something)", () => {
    const good = { description: "d", check_name: "c", fingerprint: "f", severity: "minor", location: { path: "src/a.ts", lines: { begin: 1 } } };
    assert.equal(validate([good]), true);
    for (const bad of [
      { ...good, fingerprint: undefined },
      { ...good, severity: "warning" },
      { ...good, location: { path: "src/a.ts" } },
      { ...good, location: { path: "/abs/src/a.ts", lines: { begin: 1 } } },
      { ...good, location: { path: "src/a.ts", lines: { begin: 0 } } },
    ]) {
      assert.equal(validate([JSON.parse(JSON.stringify(bad))]), false, JSON.stringify(bad));
    }
  });

  it("writes one schema-valid issue per finding, with the baseline's fingerprint", () => {
    const wrote = runCli(project.root, ["--write-baseline"]);
    assert.equal(wrote.stdout, "Wrote 2 findings to .twelve-factor-baseline.json.\n");
    const baseline = JSON.parse(project.read(".twelve-factor-baseline.json") as string) as BaselineFile;
    const printOf = (file: string) => baseline.findings.find((entry) => entry.file === file)?.fingerprint;
    const { code, issues, stdout } = gitlab(project.root, ["--no-baseline"]);
    assert.equal(code, 0);
    assert.equal(validate(issues), true, JSON.stringify(validate.errors));
    assert.deepEqual(issues, [
      {
        description: "Port 9464 is hardcoded in listen() (via `METRICS_PORT`); bind to the port the platform gives in process.env.METRICS_PORT.",
        check_name: "port-binding/no-fixed-port",
        fingerprint: printOf("src/metrics.ts"),
        severity: "minor",
        location: { path: "src/metrics.ts", lines: { begin: 4, end: 4 } },
      },
      {
        description: "Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.",
        check_name: "port-binding/no-fixed-port",
        fingerprint: printOf("src/server.ts"),
        severity: "minor",
        location: { path: "src/server.ts", lines: { begin: 5, end: 5 } },
      },
    ]);
    assert.match(stdout, /^\[\n {2}\{\n {4}"description"/);
  });

  it("hides baselined findings like every format ([] when all are), and keeps fingerprints when lines move", () => {
    assert.deepEqual(runCli(project.root, ["--format", "gitlab"]), { code: 0, stdout: "[]\n", stderr: "" });
    const before = gitlab(project.root, ["--no-baseline"]).issues;
    const server = path.join(project.root, "src/server.ts");
    const text = fs.readFileSync(server, "utf8");
    fs.writeFileSync(server, `// a new first line\n\n${text}`);
    try {
      const moved = gitlab(project.root, ["--no-baseline"]).issues;
      assert.equal(moved[1].location.lines.begin, 7);
      assert.deepEqual(moved.map((issue) => issue.fingerprint), before.map((issue) => issue.fingerprint));
      assert.deepEqual(runCli(project.root, ["--format", "gitlab"]).stdout, "[]\n");
    } finally {
      fs.writeFileSync(server, text);
    }
  });

  it("maps error to major and info to info; without a baseline the fingerprints are still stable", () => {
    fs.rmSync(path.join(project.root, ".twelve-factor-baseline.json"));
    const first = gitlab(project.root, ["--rule", "port-binding/no-fixed-port=error"]);
    assert.equal(first.code, 1);
    assert.deepEqual(first.issues.map((issue) => issue.severity), ["major", "major"]);
    assert.deepEqual(gitlab(project.root, ["--rule", "port-binding/no-fixed-port=info"]).issues.map((issue) => issue.severity), ["info", "info"]);
    const again = gitlab(project.root, []).issues.map((issue) => issue.fingerprint);
    assert.deepEqual(again, first.issues.map((issue) => issue.fingerprint));
    for (const print of again) assert.match(print, /^[0-9a-f]{64}$/);
  });
});

describe("--format gitlab with identical lines", () => {
  const project = copyFixture("service", { "src/twice.ts": 'import http from "node:http";\nhttp.createServer().listen(7000);\nhttp.createServer().listen(7000);\n' });
  after(() => project.cleanup());

  it("gives each copy its own fingerprint (GitLab keeps one issue per fingerprint); the first is the baseline's", () => {
    runCli(project.root, ["--write-baseline"]);
    const baseline = JSON.parse(project.read(".twelve-factor-baseline.json") as string) as BaselineFile;
    const entry = baseline.findings.find((item) => item.file === "src/twice.ts");
    assert.equal(entry?.count, 2);
    const twice = gitlab(project.root, ["--no-baseline", "src/twice.ts"]).issues;
    assert.deepEqual(twice.map((issue) => issue.location.lines.begin), [2, 3]);
    assert.equal(twice[0].fingerprint, entry?.fingerprint);
    assert.notEqual(twice[1].fingerprint, twice[0].fingerprint);
    assert.equal(validate(twice), true);
  });
});
