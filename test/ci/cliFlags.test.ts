import path from "node:path";
import fs from "node:fs";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseCliArgs } from "../../server/src/cli/args";
import { RULES } from "../../server/src/rules/registry";
import { copyFixture, ensureBuilt, runCli } from "../cli/helpers";

/* `--list-rules`, `--print-config FILE` and the parsing of the CI flags, as a user sees them. */

const usage = (message: string) => ({ code: 2, stdout: "", stderr: `twelve-factor-lint: ${message}\nRun twelve-factor-lint --help for usage.\n` });

before(() => ensureBuilt());

describe("parsing the CI flags", () => {
  it("adds each key only when its flag is given", () => {
    const parsed = parseCliArgs(["--changed-since", "origin/main", "--format", "gitlab"]);
    assert.ok(parsed.ok);
    assert.equal(parsed.options.changedSince, "origin/main");
    assert.equal(parsed.options.format, "gitlab");
    assert.equal("printConfig" in parsed.options || "listRules" in parsed.options, false);
    const printing = parseCliArgs(["--print-config", "src/a.ts"]);
    assert.ok(printing.ok);
    assert.equal(printing.options.printConfig, "src/a.ts");
    const listing = parseCliArgs(["--list-rules"]);
    assert.ok(listing.ok);
    assert.equal(listing.options.listRules, true);
  });

  it("rejects combinations that cannot mean anything", () => {
    assert.deepEqual(parseCliArgs(["--print-config", "a.ts", "--list-rules"]), { ok: false, message: "--print-config and --list-rules cannot be used together" });
    assert.deepEqual(parseCliArgs(["--print-config="]), { ok: false, message: "--print-config needs a file name" });
  });
});

describe("--list-rules", () => {
  it("prints every rule with its factor, default severity and fixability, in catalogue order", () => {
    const run = runCli(REPO_TMP(), ["--list-rules"]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, "");
    const lines = run.stdout.split("\n");
    assert.equal(lines[0], "rule                                                  factor  default  fixable");
    assert.equal(lines[1], "config/no-hardcoded-secret ★                          III     warning  yes");
    assert.equal(lines[3], "config/secret-in-client-bundle                        III     warning  no");
    assert.equal(lines[7], "dependencies/undeclared-dependency                    II      info     no");
    assert.equal(lines[14], "port-binding/no-fixed-port ★                          VII     warning  yes");
    assert.equal(lines.length, RULES.length + 4);
    assert.equal(lines.at(-2), `${RULES.length} rules. Docs: https://github.com/twelve-factor-lint/twelve-factor-lint/tree/main/docs/rules`);
    // Every rule of the registry, each once: the list is built from it, never written by hand.
    for (const rule of RULES) assert.equal(lines.filter((line) => line.startsWith(`${rule.id} `)).length, 1, rule.id);
  });

  it("--format json gives the same as data; other formats are a usage error", () => {
    const run = runCli(REPO_TMP(), ["--list-rules", "--format", "json"]);
    const listed = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    assert.equal(listed.length, RULES.length);
    assert.deepEqual(listed[13], {
      id: "port-binding/no-fixed-port",
      factor: "VII",
      headline: true,
      defaultSeverity: "warning",
      fixable: true,
      description: "Servers must bind to the port the platform provides (process.env.PORT), not a hardcoded one.",
      docs: "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/port-binding/no-fixed-port.md",
    });
    assert.deepEqual(runCli(REPO_TMP(), ["--list-rules", "--format", "sarif"]), usage("--list-rules prints text or json"));
  });
});

let tmp: ReturnType<typeof copyFixture> | undefined;
function REPO_TMP(): string {
  tmp ??= copyFixture("service");
  return tmp.root;
}
after(() => tmp?.cleanup());

describe("--print-config", () => {
  const project = copyFixture("configured", { "dist/server.js": "require('http').createServer().listen(1);\n" });
  after(() => project.cleanup());

  it("prints the effective settings of a file: config file, then --rule on top", () => {
    const run = runCli(project.root, ["--print-config", "src/server.ts", "--rule", "logs/no-file-logging=off"]);
    assert.equal(run.code, 0);
    // The config's typo'd rule id is reported as on every run.
    assert.equal(run.stderr, 'warning: .twelve-factor.json: rules["port-binding/no-fixed-ports"] is not a known rule id (did you mean "port-binding/no-fixed-port"?); using the defaults for it.\n');
    const printed = JSON.parse(run.stdout);
    assert.deepEqual({ ...printed, rules: undefined, rolePolicies: undefined }, {
      file: "src/server.ts",
      root: project.root,
      configFile: ".twelve-factor.json",
      kind: "source",
      analysed: true,
      skipped: null,
      role: "app",
      rules: undefined,
      rolePolicies: undefined,
      ignore: ["legacy/**"],
      secrets: { allow: [] },
    });
    assert.deepEqual(Object.keys(printed.rules), RULES.map((rule) => rule.id));
    assert.equal(printed.rules["port-binding/no-fixed-port"], "error");
    assert.equal(printed.rules["logs/no-file-logging"], "off");
    assert.equal(printed.rules["config/no-hardcoded-secret"], "warning");
    assert.equal(printed.rules["dependencies/no-lockfile"], "info");
    assert.deepEqual(Object.keys(printed.rolePolicies), RULES.map((rule) => rule.id));
    assert.ok(Object.values(printed.rolePolicies).every((policy) => policy === "on"), "app code: every rule on");
  });

  it("shows what the file's role does to each rule", () => {
    fs.mkdirSync(path.join(project.root, "test"), { recursive: true });
    fs.writeFileSync(path.join(project.root, "test/login.test.ts"), "export {};\n");
    const printed = JSON.parse(runCli(project.root, ["--print-config", "test/login.test.ts"]).stdout);
    assert.equal(printed.role, "test");
    assert.equal(printed.rolePolicies["config/no-hardcoded-secret"], "self-identifying only");
    assert.equal(printed.rolePolicies["config/undocumented-env-var"], "off");
  });

  it("says when and why a run would not analyse the file", () => {
    const legacy = JSON.parse(runCli(project.root, ["--print-config", "legacy/old.js"]).stdout);
    assert.deepEqual([legacy.kind, legacy.analysed, legacy.skipped], ["source", false, "ignored by the ignore setting"]);
    const bundle = JSON.parse(runCli(project.root, ["--print-config", "dist/server.js"]).stdout);
    assert.deepEqual([bundle.analysed, bundle.skipped], [false, "excluded by default (dependencies, build output or generated bundles)"]);
    const manifest = JSON.parse(runCli(project.root, ["--print-config", "package.json"]).stdout);
    assert.deepEqual([manifest.kind, manifest.analysed], ["packageJson", true]);
    const missing = JSON.parse(runCli(project.root, ["--print-config", "test/new.test.ts"]).stdout);
    assert.deepEqual([missing.kind, missing.analysed, missing.skipped, missing.role], ["source", false, "no such file", "test"]);
  });
});
