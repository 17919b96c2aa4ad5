import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { loadProjectConfig, parseRuleOverride } from "../../server/src/engine/config";
import { diskHost, type DocumentHost } from "../../server/src/engine/host";
import { RULES } from "../../server/src/rules/registry";
import { writeProject } from "../helpers/project";

const ROOT = path.resolve("/projects/app");
const CONFIG_PATH = path.join(ROOT, ".twelve-factor.json");
const KNOWN = new Set(["config/no-hardcoded-secret", "port-binding/no-fixed-port", "logs/no-file-logging"]);

function hostWith(text: string | undefined, exists = text !== undefined): DocumentHost {
  return {
    readFile: (file) => (file === CONFIG_PATH ? text : undefined),
    fileExists: (file) => file === CONFIG_PATH && exists,
  };
}

function load(text: string | undefined) {
  return loadProjectConfig(ROOT, hostWith(text), KNOWN);
}

const DEFAULTS = { rules: {}, ignore: [], secrets: { allow: [] } };

describe("loadProjectConfig", () => {
  it("returns the defaults and no note when the file is absent", () => {
    assert.deepEqual(load(undefined), { config: DEFAULTS, notes: [] });
  });

  it("reads every setting of a valid file", () => {
    const result = load(
      JSON.stringify({
        $schema: "./node_modules/twelve-factor-lint/schema/twelve-factor.schema.json",
        rules: { "port-binding/no-fixed-port": "error", "logs/no-file-logging": "off" },
        ignore: ["generated/**", "legacy/*.js"],
        secrets: { allow: ["not-a-secret-value", "/^pk_test_/"] },
      }),
    );
    assert.deepEqual(result, {
      config: {
        rules: { "port-binding/no-fixed-port": "error", "logs/no-file-logging": "off" },
        ignore: ["generated/**", "legacy/*.js"],
        secrets: { allow: ["not-a-secret-value", "/^pk_test_/"] },
      },
      notes: [],
    });
  });

  it("accepts comments and trailing commas (JSONC)", () => {
    const text = `{
  // stricter in CI
  "rules": {
    "port-binding/no-fixed-port": "warning", /* block comment */
  },
  "ignore": ["dist/**",],
}`;
    assert.deepEqual(load(text), { config: { ...DEFAULTS, rules: { "port-binding/no-fixed-port": "warning" }, ignore: ["dist/**"] }, notes: [] });
  });

  it("treats an empty file as no settings", () => {
    assert.deepEqual(load("  \n"), { config: DEFAULTS, notes: [] });
  });

  it("ignores broken JSON as a whole, with one note giving the position", () => {
    const result = load('{\n  "rules": {\n    "port-binding/no-fixed-port": "error"\n    "logs/no-file-logging": "off"\n  }\n}');
    assert.deepEqual(result.config, DEFAULTS);
    assert.deepEqual(result.notes, [
      { level: "warning", file: CONFIG_PATH, message: ".twelve-factor.json:4:5: invalid JSON (a comma is missing); the file is ignored and defaults are used." },
    ]);
  });

  it("ignores the file when a severity is not one of the four", () => {
    const result = load('{ "rules": { "config/no-hardcoded-secret": "warn", "port-binding/no-fixed-port": "error" } }');
    assert.deepEqual(result.config, DEFAULTS);
    assert.deepEqual(result.notes, [
      {
        level: "warning",
        file: CONFIG_PATH,
        message: ".twelve-factor.json: /rules/config~1no-hardcoded-secret must be one of off, info, warning, error; the file is ignored and defaults are used.",
      },
    ]);
  });

  it("ignores the file when a setting has the wrong type", () => {
    assert.deepEqual(load('{ "ignore": "dist/**" }').notes.map((n) => n.message), [
      ".twelve-factor.json: /ignore must be an array; the file is ignored and defaults are used.",
    ]);
    assert.deepEqual(load('{ "secrets": { "allow": [42] } }').notes.map((n) => n.message), [
      ".twelve-factor.json: /secrets/allow/0 must be a string; the file is ignored and defaults are used.",
    ]);
    assert.deepEqual(load('{ "ignore": [""] }').notes.map((n) => n.message), [
      ".twelve-factor.json: /ignore/0 must not be empty; the file is ignored and defaults are used.",
    ]);
    assert.deepEqual(load("[]").notes.map((n) => n.message), [".twelve-factor.json: the file must hold a JSON object; the file is ignored and defaults are used."]);
  });

  it("warns about an unknown top-level key and uses the rest; ignores the file for an unknown key inside secrets", () => {
    const top = load('{ "rulez": {}, "ignore": ["x"], "rules": { "port-binding/no-fixed-port": "error" } }');
    assert.deepEqual(top.config, { ...DEFAULTS, ignore: ["x"], rules: { "port-binding/no-fixed-port": "error" } });
    assert.deepEqual(top.notes.map((n) => n.message), ['.twelve-factor.json: unknown property "rulez" at the top level; it is ignored and the rest of the file is used.']);
    const broken = load('{ "rulez": {}, "ignore": "x" }');
    assert.deepEqual(broken.config, DEFAULTS, "a wrong-shape known key still makes the file ignored");
    assert.equal(broken.notes.length, 2);
    assert.deepEqual(load('{ "secrets": { "deny": [] } }').notes.map((n) => n.message), [
      '.twelve-factor.json: unknown property "deny" in /secrets; the file is ignored and defaults are used.',
    ]);
  });

  it("keeps the rest of the file when a rule id is unknown, and suggests the closest id", () => {
    const result = load('{ "rules": { "config/no-hardcoded-secrt": "off", "port-binding/no-fixed-port": "error", "made/up": "off" }, "ignore": ["a/**"] }');
    assert.deepEqual(result.config, { ...DEFAULTS, rules: { "port-binding/no-fixed-port": "error" }, ignore: ["a/**"] });
    assert.deepEqual(result.notes, [
      {
        level: "warning",
        file: CONFIG_PATH,
        message: '.twelve-factor.json: rules["config/no-hardcoded-secrt"] is not a known rule id (did you mean "config/no-hardcoded-secret"?); using the defaults for it.',
      },
      { level: "warning", file: CONFIG_PATH, message: '.twelve-factor.json: rules["made/up"] is not a known rule id; using the defaults for it.' },
    ]);
  });

  it("drops an allow-list regular expression that does not compile, without echoing it", () => {
    const result = load('{ "secrets": { "allow": ["/[a-/", "plain"] } }');
    assert.deepEqual(result.config.secrets.allow, ["plain"]);
    assert.deepEqual(result.notes.map((n) => n.message), [
      ".twelve-factor.json: secrets.allow[0] is written as a regular expression but does not compile; it is ignored.",
    ]);
  });

  it("notes a config file that exists but cannot be read", () => {
    const result = loadProjectConfig(ROOT, hostWith(undefined, true), KNOWN);
    assert.deepEqual(result, {
      config: DEFAULTS,
      notes: [{ level: "warning", file: CONFIG_PATH, message: ".twelve-factor.json: could not be read; the file is ignored and defaults are used." }],
    });
  });

  it("never throws, even when the host does", () => {
    const throwing: DocumentHost = {
      readFile: () => {
        throw new Error("EACCES");
      },
      fileExists: () => true,
    };
    assert.deepEqual(loadProjectConfig(ROOT, throwing, KNOWN).notes.map((n) => n.message), [
      ".twelve-factor.json: could not be loaded (EACCES); the file is ignored and defaults are used.",
    ]);
  });

  it("reads the file from the project root on disk", () => {
    const project = writeProject({ ".twelve-factor.json": '{ "rules": { "logs/no-file-logging": "info" } }' });
    try {
      assert.deepEqual(loadProjectConfig(project.root, diskHost, KNOWN), { config: { ...DEFAULTS, rules: { "logs/no-file-logging": "info" } }, notes: [] });
    } finally {
      project.cleanup();
    }
  });
});

describe("the example in docs/cli.md", () => {
  it("is a valid configuration for the registered rules", () => {
    const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/cli.md"), "utf8");
    const example = /```jsonc\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(example, "docs/cli.md has a jsonc example");
    const result = loadProjectConfig(ROOT, hostWith(example), new Set(RULES.map((rule) => rule.id)));
    assert.deepEqual(result, {
      config: {
        rules: { "port-binding/no-fixed-port": "error", "logs/no-file-logging": "off" },
        ignore: ["generated/**", "legacy/*.js"],
        secrets: { allow: ["a-known-test-value", "/^pk_test_/"] },
      },
      notes: [],
    });
  });
});

describe("parseRuleOverride", () => {
  it("parses id=severity", () => {
    assert.deepEqual(parseRuleOverride("port-binding/no-fixed-port=off", KNOWN), { ok: true, id: "port-binding/no-fixed-port", severity: "off" });
    assert.deepEqual(parseRuleOverride(" logs/no-file-logging = error ", KNOWN), { ok: true, id: "logs/no-file-logging", severity: "error" });
  });

  it("rejects a missing =, an empty id, a bad severity and an unknown id", () => {
    assert.deepEqual(parseRuleOverride("port-binding/no-fixed-port"), { ok: false, message: '--rule "port-binding/no-fixed-port" must look like <rule-id>=off|info|warning|error' });
    assert.deepEqual(parseRuleOverride("=off"), { ok: false, message: '--rule "=off" names no rule id' });
    assert.deepEqual(parseRuleOverride("port-binding/no-fixed-port=warn"), {
      ok: false,
      message: '--rule "port-binding/no-fixed-port=warn": the severity must be one of off, info, warning, error',
    });
    assert.deepEqual(parseRuleOverride("port-binding/no-fixed-prt=off", KNOWN), {
      ok: false,
      message: '--rule "port-binding/no-fixed-prt=off": "port-binding/no-fixed-prt" is not a known rule id (did you mean "port-binding/no-fixed-port"?)',
    });
  });

  it("accepts any id when no list of known ids is given", () => {
    assert.deepEqual(parseRuleOverride("future/rule=info"), { ok: true, id: "future/rule", severity: "info" });
  });
});
