import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyFixture, ensureBuilt, REPO, runCli } from "./helpers";

/*
 * End-to-end: the built dist/cli.js on fixture projects (copied to a temp folder), asserting
 * exact output and exit codes. Expected texts were reviewed by hand against the rule catalogue.
 */

const SERVICE_TEXT = [
  "src/metrics.ts",
  "  4:56  warning  Port 9464 is hardcoded in listen() (via `METRICS_PORT`); bind to the port the platform gives in process.env.METRICS_PORT.  port-binding/no-fixed-port",
  "",
  "src/server.ts",
  "  5:12  warning  Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.  port-binding/no-fixed-port",
  "",
  "✖ 2 problems (0 errors, 2 warnings, 0 infos)",
  "  2 problems are fixable with --fix.",
  "",
].join("\n");

before(() => ensureBuilt());

describe("twelve-factor-lint on a project with fixed ports", () => {
  const project = copyFixture("service");
  after(() => project.cleanup());

  it("prints findings grouped by file and exits 0 on warnings", () => {
    assert.deepEqual(runCli(project.root, []), { code: 0, stdout: SERVICE_TEXT, stderr: "" });
  });

  it("finds the project root from a subfolder and reports paths relative to it", () => {
    const run = runCli(path.join(project.root, "src"), ["server.ts"]);
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      "src/server.ts\n  5:12  warning  Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.  port-binding/no-fixed-port\n\n✖ 1 problem (0 errors, 1 warning, 0 infos)\n  1 problem is fixable with --fix.\n",
    );
  });

  it("exits 1 when warnings exceed --max-warnings, and 0 at the limit", () => {
    assert.deepEqual(runCli(project.root, ["--max-warnings", "1"]), { code: 1, stdout: SERVICE_TEXT, stderr: "✖ Too many warnings: 2 (maximum: 1).\n" });
    assert.deepEqual(runCli(project.root, ["--max-warnings=2"]), { code: 0, stdout: SERVICE_TEXT, stderr: "" });
  });

  it("--quiet reports errors only (warnings still count for --max-warnings)", () => {
    assert.deepEqual(runCli(project.root, ["--quiet"]), { code: 0, stdout: "✔ No errors found (5 files checked, 2 warnings hidden by --quiet).\n", stderr: "" });
    assert.deepEqual(runCli(project.root, ["--quiet", "--max-warnings", "0"]), { code: 1, stdout: "✔ No errors found (5 files checked, 2 warnings hidden by --quiet).\n", stderr: "✖ Too many warnings: 2 (maximum: 0).\n" });
  });

  it("--rule turns a rule off or raises it to an error (exit 1)", () => {
    assert.deepEqual(runCli(project.root, ["--rule", "port-binding/no-fixed-port=off"]), { code: 0, stdout: "✔ No problems found (5 files checked).\n", stderr: "" });
    const raised = runCli(project.root, ["--rule", "port-binding/no-fixed-port=error", "src/server.ts"]);
    assert.deepEqual(raised, {
      code: 1,
      stdout: "src/server.ts\n  5:12  error  Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.  port-binding/no-fixed-port\n\n✖ 1 problem (1 error, 0 warnings, 0 infos)\n  1 problem is fixable with --fix.\n",
      stderr: "",
    });
  });

  it("--format json prints the documented document", () => {
    const run = runCli(project.root, ["--format", "json"]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, "");
    const json = JSON.parse(run.stdout);
    assert.equal(typeof json.stats.durationMs, "number");
    json.stats.durationMs = 0;
    const docs = "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/port-binding/no-fixed-port.md";
    assert.deepEqual(json, {
      version: 1,
      root: project.root,
      stats: { files: 5, parsed: 2, skipped: 0, bytes: json.stats.bytes, durationMs: 0 },
      summary: { problems: 2, errors: 0, warnings: 2, infos: 0, fixable: 2, suggested: 0 },
      findings: [
        {
          ruleId: "port-binding/no-fixed-port",
          factor: "VII",
          severity: "warning",
          message: "Port 9464 is hardcoded in listen() (via `METRICS_PORT`); bind to the port the platform gives in process.env.METRICS_PORT.",
          file: "src/metrics.ts",
          range: { start: { line: 4, column: 56 }, end: { line: 4, column: 68 } },
          signals: json.findings[0].signals,
          fixable: true,
          suggestedFix: false,
          docs,
        },
        {
          ruleId: "port-binding/no-fixed-port",
          factor: "VII",
          severity: "warning",
          message: "Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.",
          file: "src/server.ts",
          range: { start: { line: 5, column: 12 }, end: { line: 5, column: 16 } },
          signals: json.findings[1].signals,
          fixable: true,
          suggestedFix: false,
          docs,
        },
      ],
      notes: [],
    });
    const sizes = ["package.json", "package-lock.json", "src/server.ts", "src/metrics.ts", "src/config.ts"].map((rel) => fs.statSync(path.join(project.root, rel)).size);
    assert.equal(json.stats.bytes, sizes.reduce((a, b) => a + b, 0));
  });

  it("--format sarif prints SARIF 2.1.0 results", () => {
    const run = runCli(project.root, ["--format=sarif"]);
    assert.equal(run.code, 0);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, "2.1.0");
    const results = sarif.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; locations: unknown[] }>;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level, r.locations]),
      [
        ["port-binding/no-fixed-port", "warning", [{ physicalLocation: { artifactLocation: { uri: "src/metrics.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 4, startColumn: 56, endLine: 4, endColumn: 68 } } }]],
        ["port-binding/no-fixed-port", "warning", [{ physicalLocation: { artifactLocation: { uri: "src/server.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 5, startColumn: 12, endLine: 5, endColumn: 16 } } }]],
      ],
    );
    assert.equal(sarif.runs[0].tool.driver.rules[results[0].ruleIndex].id, "port-binding/no-fixed-port");
    assert.equal(sarif.runs[0].originalUriBaseIds["%SRCROOT%"].uri, `file://${project.root}/`);
  });

  it("--output writes the report to a file and nothing to stdout", () => {
    const run = runCli(project.root, ["--output", "reports/lint.txt", "--format", "text"]);
    assert.deepEqual(run, { code: 0, stdout: "", stderr: "" });
    assert.equal(project.read("reports/lint.txt"), SERVICE_TEXT);
  });

  it("--version and --help exit 0", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
    assert.deepEqual(runCli(project.root, ["--version"]), { code: 0, stdout: `${version}\n`, stderr: "" });
    const help = runCli(project.root, ["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: twelve-factor-lint \[paths\.\.\.\] \[options\]\n/);
    assert.match(help.stdout, /--max-warnings N/);
  });
});

describe("twelve-factor-lint usage errors exit 2 with one clear line", () => {
  const project = copyFixture("clean");
  after(() => project.cleanup());
  const usage = (message: string) => ({ code: 2, stdout: "", stderr: `twelve-factor-lint: ${message}\nRun twelve-factor-lint --help for usage.\n` });

  it("rejects unknown flags, bad values and missing paths", () => {
    assert.deepEqual(runCli(project.root, ["--fxi"]), usage("unknown option --fxi"));
    assert.deepEqual(runCli(project.root, ["--format", "xml"]), usage('--format must be one of text, json, sarif, html, markdown, gitlab (got "xml")'));
    assert.deepEqual(runCli(project.root, ["--max-warnings", "many"]), usage('--max-warnings must be a whole number of 0 or more (got "many")'));
    assert.deepEqual(runCli(project.root, ["--rule", "port-binding/no-fixed-port=loud"]), usage('--rule "port-binding/no-fixed-port=loud": the severity must be one of off, info, warning, error'));
    assert.deepEqual(runCli(project.root, ["--rule", "port-binding/no-fixed-prot=off"]), usage('--rule "port-binding/no-fixed-prot=off": "port-binding/no-fixed-prot" is not a known rule id (did you mean "port-binding/no-fixed-port"?)'));
    assert.deepEqual(runCli(project.root, ["src", "missing.ts"]), usage("no such file or directory: missing.ts"));
  });

  it("fails with 2 when the report cannot be written", () => {
    fs.mkdirSync(path.join(project.root, "taken"), { recursive: true });
    assert.deepEqual(runCli(project.root, ["--output", "taken"]), usage("could not write the report to taken (EISDIR)"));
  });

  it("reports an internal failure in one line with exit 2, the stack only with TWELVE_FACTOR_DEBUG=1", () => {
    // Fault injection from outside the bundle: the JSON serializer fails as an internal bug would.
    const breaker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tfl-breaker-")), "breaker.cjs");
    fs.writeFileSync(
      breaker,
      'const s = JSON.stringify; JSON.stringify = (v, ...r) => { if (v && v.version === 1 && "findings" in v) throw new Error("serializer exploded"); return s(v, ...r); };\n',
    );
    assert.deepEqual(runCli(project.root, ["--format", "json", "src"], {}, ["--require", breaker]), {
      code: 2,
      stdout: "",
      stderr: "twelve-factor-lint: internal error: serializer exploded\n(set TWELVE_FACTOR_DEBUG=1 for the stack trace)\n",
    });
    const debug = runCli(project.root, ["--format", "json", "src"], { TWELVE_FACTOR_DEBUG: "1" }, ["--require", breaker]);
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /^twelve-factor-lint: internal error: serializer exploded\nError: serializer exploded\n {4}at /);
    fs.rmSync(path.dirname(breaker), { recursive: true, force: true });
  });

  it("reports a clean project in one line with exit 0", () => {
    assert.deepEqual(runCli(project.root, []), { code: 0, stdout: "✔ No problems found (2 files checked).\n", stderr: "" });
  });
});

describe("twelve-factor-lint reads .twelve-factor.json", () => {
  it("applies the file's severities, keeps going past an unknown id, and lets --rule win", () => {
    const project = copyFixture("configured");
    try {
      const run = runCli(project.root, []);
      assert.deepEqual(run, {
        code: 1,
        stdout: "src/server.ts\n  3:56  error  Port 8080 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.  port-binding/no-fixed-port\n\n✖ 1 problem (1 error, 0 warnings, 0 infos)\n  1 problem is fixable with --fix.\n",
        stderr: 'warning: .twelve-factor.json: rules["port-binding/no-fixed-ports"] is not a known rule id (did you mean "port-binding/no-fixed-port"?); using the defaults for it.\n',
      });
      const overridden = runCli(project.root, ["--rule", "port-binding/no-fixed-port=off", "--format", "json"]);
      assert.equal(overridden.code, 0);
      assert.deepEqual(JSON.parse(overridden.stdout).findings, []);
      assert.deepEqual(JSON.parse(overridden.stdout).notes, [
        { level: "warning", file: ".twelve-factor.json", message: '.twelve-factor.json: rules["port-binding/no-fixed-ports"] is not a known rule id (did you mean "port-binding/no-fixed-port"?); using the defaults for it.' },
      ]);
    } finally {
      project.cleanup();
    }
  });

  it("ignores a broken file with one note and runs on defaults", () => {
    const project = copyFixture("service", { ".twelve-factor.json": '{ "rules": { "port-binding/no-fixed-port": "off", } ' });
    try {
      const run = runCli(project.root, ["src/server.ts"]);
      assert.equal(run.code, 0);
      assert.equal(run.stderr, "warning: .twelve-factor.json:1:53: invalid JSON (a closing } is missing); the file is ignored and defaults are used.\n");
      assert.match(run.stdout, /^src\/server\.ts\n {2}5:12 {2}warning {2}Port 3000 is hardcoded/);
    } finally {
      project.cleanup();
    }
  });
});

describe("twelve-factor-lint --fix", () => {
  it("applies the safe fixes, says how many on stderr, and reports what remains", () => {
    const project = copyFixture("service");
    try {
      const run = runCli(project.root, ["--fix"]);
      assert.deepEqual(run, { code: 0, stdout: "✔ No problems found (5 files checked).\n", stderr: "Fixed 2 problems, changing 2 files:\n  src/metrics.ts\n  src/server.ts\n" });
      assert.equal(project.read("src/server.ts"), 'import express from "express";\n\nconst app = express();\napp.get("/", (_req, res) => res.send("ok"));\napp.listen(Number(process.env.PORT ?? 3000));\n\n// Stops gracefully: the platform sends SIGTERM before it stops the instance.\nprocess.on("SIGTERM", () => process.exit(0));\n');
      assert.equal(project.read("src/metrics.ts"), 'import http from "node:http";\n\nconst METRICS_PORT = Number(process.env.METRICS_PORT ?? 9464);\nhttp.createServer((_req, res) => res.end("up")).listen(METRICS_PORT);\n');
      assert.equal(project.read("src/config.ts"), "export const port = Number(process.env.PORT ?? 8080);\n");

      assert.deepEqual(runCli(project.root, ["--fix"]), { code: 0, stdout: "✔ No problems found (5 files checked).\n", stderr: "No safe fixes to apply.\n" });
    } finally {
      project.cleanup();
    }
  });

  it("keeps CRLF line endings of the fixed file", () => {
    const project = copyFixture("clean", { "src/server.ts": 'import http from "node:http";\r\n\r\nhttp.createServer((_req, res) => res.end("ok")).listen(4000);\r\n' });
    try {
      assert.equal(runCli(project.root, ["--fix"]).code, 0);
      assert.equal(project.read("src/server.ts"), 'import http from "node:http";\r\n\r\nhttp.createServer((_req, res) => res.end("ok")).listen(Number(process.env.PORT ?? 4000));\r\n');
    } finally {
      project.cleanup();
    }
  });

  it("with --quiet fixes errors only", () => {
    const project = copyFixture("service");
    try {
      const run = runCli(project.root, ["--fix", "--quiet"]);
      assert.deepEqual(run, { code: 0, stdout: "✔ No errors found (5 files checked, 2 warnings hidden by --quiet).\n", stderr: "No safe fixes to apply.\n" });
      assert.equal(project.read("src/server.ts")?.includes("app.listen(3000);"), true);
    } finally {
      project.cleanup();
    }
  });
});
