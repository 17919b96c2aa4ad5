import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { Engine } from "../../../server/src/engine/analyzer";
import rule from "../../../server/src/rules/logs/no-file-logging";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { writeProject } from "../../helpers/project";
import { spanOf } from "../snippetRange";

/** `log4js.configure("config/log4js.json")`: the JSON file's appenders, read relative to the project root. */
const JSON_CONFIG = JSON.stringify(
  {
    appenders: { out: { type: "stdout" }, app: { type: "file", filename: "logs/app.log" }, audit: { type: "dateFile", filename: "/var/log/svc/audit.log" } },
    categories: { default: { appenders: ["out", "app", "audit"], level: "info" } },
  },
  null,
  2,
);
const CONSOLE_ONLY = JSON.stringify({ appenders: { out: { type: "stdout" }, err: { type: "stderr" }, dev: { type: "file", filename: "/dev/stdout" } }, categories: { default: { appenders: ["out"], level: "info" } } });
const message = (type: string, name: string, file: string, where: string): string =>
  `log4js "${type}" appender "${name}" in ${file} writes logs to ${where}; use a "stdout" appender and let the platform route the stream.`;

const CALL = `log4js.configure("config/log4js.json")`;
const invalid: InvalidCase[] = [
  {
    name: "file appenders in the JSON a configure call names",
    code: `import log4js from "log4js";\n${CALL};\nexport const logger = log4js.getLogger();\n`,
    files: { "config/log4js.json": JSON_CONFIG },
    errors: [
      { message: message("file", "app", "config/log4js.json", '"logs/app.log"'), ...spanOf(`import log4js from "log4js";\n${CALL};\n`, CALL), severity: "warning", signals: ['log4js "file" appender in a JSON config', "relative path"] },
      { message: message("dateFile", "audit", "config/log4js.json", '"/var/log/svc/audit.log"'), ...spanOf(`import log4js from "log4js";\n${CALL};\n`, CALL), severity: "warning", signals: ['log4js "dateFile" appender in a JSON config', "absolute path"] },
    ],
  },
  {
    name: "the path through a constant, in CommonJS, from a nested file (relative to the root, not the file)",
    code: `const log4js = require("log4js");\nconst LOG_CONFIG = "./log4js.json";\nlog4js.configure(LOG_CONFIG);\n`,
    filename: "src/lib/logging.js",
    files: { "log4js.json": JSON.stringify({ appenders: { file: { type: "fileSync", filename: "app.log" } } }) },
    errors: [{ message: message("fileSync", "file", "log4js.json", '"app.log"'), ...spanOf(`const log4js = require("log4js");\nconst LOG_CONFIG = "./log4js.json";\nlog4js.configure(LOG_CONFIG);\n`, "log4js.configure(LOG_CONFIG)"), severity: "warning" }],
  },
];

const valid: ValidCase[] = [
  { name: "console-only appenders (and a file appender on /dev/stdout)", code: `import log4js from "log4js";\n${CALL};\n`, files: { "config/log4js.json": CONSOLE_ONLY } },
  { name: "the JSON file does not exist", code: `import log4js from "log4js";\n${CALL};\n` },
  { name: "a path that is not JSON (a .js config is not read)", code: `import log4js from "log4js";\nlog4js.configure("config/log4js.js");\n`, files: { "config/log4js.js": `module.exports = { appenders: { app: { type: "file", filename: "x.log" } } };\n` } },
  { name: "the path comes from the environment", code: `import log4js from "log4js";\nlog4js.configure(process.env.LOG4JS_CONFIG);\n`, files: { "config/log4js.json": JSON_CONFIG } },
  { name: "broken JSON", code: `import log4js from "log4js";\n${CALL};\n`, files: { "config/log4js.json": `{ "appenders": { "app": { "type": "file", ` } },
];

runRuleTests(rule, { valid, invalid });

describe("log4js JSON configs: what is not read", () => {
  const run = (files: Record<string, string>, root: string, file: string) => {
    const project = writeProject(files);
    try {
      const engine = new Engine({ root: path.join(project.root, root), rules: [rule], config: { rules: {}, ignore: [], secrets: { allow: [] } } });
      const { findings } = engine.analyzeFile(path.join(project.root, root, file));
      return { findings: findings.map((f) => f.message), notes: engine.project.notes.map((n) => `${n.level} ${path.relative(project.root, n.file ?? "")}: ${n.message}`) };
    } finally {
      project.cleanup();
    }
  };

  it("a path outside the project root is not read", () => {
    const result = run({ "shared/log4js.json": JSON_CONFIG, "app/package.json": "{}", "app/src/index.ts": `import log4js from "log4js";\nlog4js.configure("../shared/log4js.json");\n` }, "app", "src/index.ts");
    assert.deepEqual(result, { findings: [], notes: [] });
  });

  it("broken JSON gives a note, once, and no finding", () => {
    const result = run({ "config/log4js.json": "{ nope", "src/index.ts": `import log4js from "log4js";\n${CALL};\n${CALL};\n` }, ".", "src/index.ts");
    assert.deepEqual(result, { findings: [], notes: ["warning config/log4js.json: config/log4js.json (read for log4js.configure in src/index.ts) is not valid JSON; its appenders are not checked."] });
  });

  it("an edit to the JSON is seen after the file is invalidated", () => {
    const project = writeProject({ "config/log4js.json": CONSOLE_ONLY, "src/index.ts": `import log4js from "log4js";\n${CALL};\n` });
    try {
      const engine = new Engine({ root: project.root, rules: [rule], config: { rules: {}, ignore: [], secrets: { allow: [] } } });
      const file = path.join(project.root, "src/index.ts");
      assert.equal(engine.analyzeFile(file).findings.length, 0);
      const json = path.join(project.root, "config/log4js.json");
      writeFileSync(json, JSON_CONFIG);
      assert.equal(engine.analyzeFile(file).findings.length, 0, "cached until the file is reported changed");
      engine.invalidate(json);
      assert.deepEqual(engine.analyzeFile(file).findings.map((f) => f.message), [message("file", "app", "config/log4js.json", '"logs/app.log"'), message("dateFile", "audit", "config/log4js.json", '"/var/log/svc/audit.log"')]);
    } finally {
      project.cleanup();
    }
  });
});
