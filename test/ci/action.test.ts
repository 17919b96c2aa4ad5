import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { parse } from "yaml";
import { ensureBuilt, REPO, sarifValidator } from "../cli/helpers";

/*
 * The GitHub Action: action.yml's shape, then its script run as the runner would run it, against
 * the bundled example, with the GitHub environment faked (workspace, step summary, outputs).
 */

interface Step {
  id?: string;
  if?: string;
  run?: string;
  shell?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(REPO, "action.yml"), "utf8")) as Action;
const SCRIPT = path.join(REPO, "action/run.sh");

describe("action.yml", () => {
  it("is a composite action with the documented inputs", () => {
    assert.equal(action.runs.using, "composite");
    assert.deepEqual(Object.keys(action.inputs), ["paths", "baseline", "changed-since", "max-warnings", "fail-on", "category", "upload-sarif", "sarif-file", "working-directory", "cli"]);
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description.length > 10, `${name} has a description`);
      assert.equal(typeof input.default, "string", `${name} has a default`);
    }
    assert.equal(action.inputs["fail-on"].default, "error");
    assert.equal(action.inputs.paths.default, ".");
    assert.deepEqual(Object.keys(action.outputs), ["sarif-file", "errors", "warnings", "infos"]);
  });

  it("runs the script with every input, then uploads the SARIF under the category even when the lint step failed", () => {
    const [lint, upload] = action.runs.steps;
    assert.equal(action.runs.steps.length, 2);
    assert.equal(lint.id, "lint");
    assert.equal(lint.shell, "bash");
    assert.equal(lint.run, 'bash "$GITHUB_ACTION_PATH/action/run.sh"');
    const script = fs.readFileSync(SCRIPT, "utf8");
    const read = [...new Set([...script.matchAll(/\bTFL_[A-Z_]+/g)].map((match) => match[0]))].sort();
    const given = Object.keys(lint.env ?? {}).sort();
    assert.deepEqual(given, read, "the step passes exactly the variables the script reads");
    for (const [name, value] of Object.entries(lint.env ?? {})) {
      const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1];
      assert.ok(input && input in action.inputs, `${name} comes from an input`);
      assert.equal(name, `TFL_${input.toUpperCase().replace(/-/g, "_")}`);
    }
    assert.equal(upload.uses, "github/codeql-action/upload-sarif@v3");
    assert.deepEqual(upload.with, { sarif_file: "${{ steps.lint.outputs.sarif-file }}", category: "${{ inputs.category }}" });
    assert.match(upload.if ?? "", /^\$\{\{ always\(\) && inputs\.upload-sarif == 'true' && steps\.lint\.outputs\.sarif-file != '' \}\}$/);
    for (const [name, output] of Object.entries(action.outputs)) assert.equal(output.value, `\${{ steps.lint.outputs.${name} }}`);
  });
});

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: string;
  sarif?: { runs: Array<{ results: Array<{ level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>; originalUriBaseIds: Record<string, { uri: string }> }> };
}

describe("action/run.sh against the bundled example", () => {
  let tmp: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-action-"));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  let runs = 0;
  function runAction(inputs: Record<string, string>): ActionRun {
    const dir = path.join(tmp, String(++runs));
    fs.mkdirSync(dir);
    const summary = path.join(dir, "summary.md");
    const outputs = path.join(dir, "output.txt");
    const sarifFile = path.join(dir, "results.sarif");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: REPO,
      GITHUB_ACTION_PATH: REPO,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
      TFL_SARIF_FILE: sarifFile,
      ...inputs,
    };
    const result = spawnSync("bash", [SCRIPT], { cwd: dir, env, encoding: "utf8", timeout: 120_000 });
    const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
    return {
      code: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      summary: read(summary),
      outputs: read(outputs),
      sarif: fs.existsSync(sarifFile) ? JSON.parse(read(sarifFile)) : undefined,
    };
  }

  const levels = (run: ActionRun) => {
    const counts: Record<string, number> = {};
    for (const result of run.sarif?.runs[0].results ?? []) counts[result.level] = (counts[result.level] ?? 0) + 1;
    return counts;
  };

  it("passes on warnings (fail-on: error), writes valid SARIF with repository paths, the summary and the outputs", () => {
    const run = runAction({ TFL_PATHS: "examples/express-service" });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(run.sarif);
    const validate = sarifValidator();
    assert.equal(validate(run.sarif), true, JSON.stringify(validate.errors));
    assert.deepEqual(levels(run), { warning: 9, note: 9 });
    const uris = run.sarif.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes("examples/express-service/src/server.ts"), uris.join(", "));
    assert.ok(uris.every((uri) => uri.startsWith("examples/express-service/")), uris.join(", "));
    assert.equal(run.sarif.runs[0].originalUriBaseIds["%SRCROOT%"].uri, pathToFileURL(REPO).href + "/");
    assert.match(run.summary, /^## Twelve-Factor audit: orders-service\n\n\*\*17 files\*\* scanned in (\d+ ms|\d+(\.\d)? s) · ❌ 0 errors · ⚠️ 9 warnings · ℹ️ 9 info · 🔧 6 fixable with `--fix` · 💡 3 with suggested fixes\n/);
    assert.match(run.summary, /\| VII \| Port binding \| ⚠️ Warnings \| 0 \| \d+ \| \d+ \|/);
    const sarifPath = path.join(tmp, String(runs), "results.sarif");
    assert.equal(run.outputs, `sarif-file=${sarifPath}\nerrors=0\nwarnings=9\ninfos=9\nfailed=false\n`);
    assert.equal(run.stdout, `twelve-factor-lint: 0 errors, 9 warnings, 9 infos (fail-on: error). SARIF: ${sarifPath}\n`);
  });

  it("fails on warnings with fail-on: warning, still writing the SARIF and the summary", () => {
    const run = runAction({ TFL_PATHS: "examples/express-service", TFL_FAIL_ON: "warning" });
    assert.equal(run.code, 1);
    assert.deepEqual(levels(run), { warning: 9, note: 9 });
    assert.match(run.summary, /^## Twelve-Factor audit/);
    assert.match(run.outputs, /\nfailed=true\n$/);
    assert.match(run.stdout, /\n::error title=twelve-factor-lint::findings at or above fail-on=warning; see the job summary\n$/);
  });

  it("fails when warnings exceed max-warnings, from a working directory, on some paths only", () => {
    const run = runAction({ TFL_WORKING_DIRECTORY: "examples/express-service", TFL_PATHS: "src/server.ts\nsrc/routes", TFL_MAX_WARNINGS: "0" });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, "✖ Too many warnings: 3 (maximum: 0).\n");
    const uris = run.sarif?.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri) ?? [];
    assert.ok(uris.length > 0 && uris.every((uri) => /^examples\/express-service\/src\/(server\.ts|routes\/)/.test(uri)), uris.join(", "));
    assert.match(run.stdout, /::error title=twelve-factor-lint::findings at or above fail-on=error or more than 0 warnings; see the job summary\n$/);
  });

  it("fail-on: never passes whatever is found; fail-on: info fails on infos alone", () => {
    assert.equal(runAction({ TFL_PATHS: "examples/express-service", TFL_FAIL_ON: "never", TFL_MAX_WARNINGS: "0" }).code, 0);
    const infos = runAction({ TFL_PATHS: "examples/express-service/package.json", TFL_FAIL_ON: "info", TFL_CLI: `node ${path.join(REPO, "dist/cli.js")} --rule port-binding/no-fixed-port=off` });
    assert.deepEqual(levels(infos), { note: 1 });
    assert.equal(infos.code, 1);
  });

  it("exits 2 with one error line on a bad input or a CLI usage error, and writes no outputs", () => {
    const bad = runAction({ TFL_FAIL_ON: "warnings" });
    assert.deepEqual([bad.code, bad.stdout, bad.outputs, bad.sarif], [2, '::error title=twelve-factor-lint::fail-on must be error, warning, info or never (got "warnings")\n', "", undefined]);
    const limit = runAction({ TFL_MAX_WARNINGS: "ten" });
    assert.deepEqual([limit.code, limit.stdout], [2, '::error title=twelve-factor-lint::max-warnings must be a whole number of 0 or more (got "ten")\n']);
    const missing = runAction({ TFL_PATHS: "examples/express-service", TFL_BASELINE: "no-such-baseline.json" });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, "twelve-factor-lint: no such baseline file: no-such-baseline.json\nRun twelve-factor-lint --help for usage.\n");
    assert.equal(missing.stdout, "::error title=twelve-factor-lint::twelve-factor-lint failed (exit 2); see the message above\n");
    assert.equal(missing.outputs, "");
  });
});
