import assert from "node:assert/strict";
import path from "node:path";
import { after, describe, it } from "node:test";
import ts from "typescript";
import { Engine } from "../../../server/src/engine/analyzer";
import { classifyPath } from "../../../server/src/rules/shared/pathKinds";
import { writeProject } from "../../helpers/project";

/**
 * Where a path expression points, as the two disk rules see it. Each case classifies the first
 * argument of the `target(...)` call in `src/index.ts`.
 */
const projects: Array<{ cleanup(): void }> = [];
after(() => projects.forEach((p) => p.cleanup()));

function classify(code: string, files: Record<string, string> = {}): string {
  const project = writeProject({ ...files, "src/index.ts": code });
  projects.push(project);
  const engine = new Engine({ root: project.root, rules: [] });
  const sourceFile = engine.parseCache.withParents(path.join(project.root, "src/index.ts"), code);
  assert.ok(sourceFile);
  let argument: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (!argument && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "target") argument = node.arguments[0];
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  assert.ok(argument, "no target(...) call");
  const info = classifyPath(engine.semantics, argument);
  return `${info.kind} | ${info.reason} | ${info.display}${info.tail !== undefined ? ` | tail ${info.tail}` : ""}`;
}

const P = `import path from "node:path";\nimport os from "node:os";\n`;

describe("classifyPath", () => {
  const cases: Array<[string, string, string]> = [
    ["a relative literal", `target("data/x.json");`, `local | relative path | "data/x.json" | tail data/x.json`],
    ["an absolute literal", `target("/var/lib/app");`, `local | absolute path | "/var/lib/app" | tail /var/lib/app`],
    ["a /tmp literal", `target("/tmp/x");`, `temp | OS temp folder | "/tmp/x" | tail /tmp/x`],
    ["a device", `target("/dev/stdout");`, `stdio | device | "/dev/stdout" | tail /dev/stdout`],
    ["a descriptor", `target(1);`, `descriptor | file descriptor | "1"`],
    ["an empty string", `target("");`, `unknown | unknown path | ""`],
    ["__dirname in path.join", `${P}target(path.join(__dirname, "logs", "app.log"));`, `local | path under __dirname | path.join(__dirname, "logs", "app.log") | tail app.log`],
    ["a declared __dirname (ESM)", `${P}import { fileURLToPath } from "node:url";\nconst __dirname = path.dirname(fileURLToPath(import.meta.url));\ntarget(path.join(__dirname, "x"));`, `local | path under import.meta.url | path.join(__dirname, "x") | tail x`],
    ["a shadowed __dirname parameter", `function f(__dirname: string) { target(__dirname); }`, `unknown | unknown path | __dirname`],
    ["os.tmpdir() in path.join", `${P}target(path.join(os.tmpdir(), "x.bin"));`, `temp | OS temp folder | path.join(os.tmpdir(), "x.bin") | tail x.bin`],
    ["path.resolve: the right-most absolute piece wins", `${P}target(path.resolve(__dirname, "/tmp", "x"));`, `temp | OS temp folder | path.resolve(__dirname, "/tmp", "x") | tail x`],
    ["path.resolve of relative pieces is the working directory", `${P}target(path.resolve("a", "b"));`, `local | relative path | path.resolve("a", "b") | tail b`],
    ["path.resolve ignores an unknown file name after the base", `${P}function f(name: string) { target(path.resolve(__dirname, "uploads", name)); }`, `local | path under __dirname | path.resolve(__dirname, "uploads", name)`],
    ["an env read", `target(process.env.DATA_FILE);`, `env | path from process.env.DATA_FILE | process.env.DATA_FILE`],
    ["an env piece in a template", "target(`${process.env.DIR}/state.json`);", "env | path from process.env.DIR | `${process.env.DIR}/state.json` | tail /state.json"],
    ["a temp base wins over an env piece", `${P}target(path.join(os.tmpdir(), process.env.NAME!));`, `temp | OS temp folder | path.join(os.tmpdir(), process.env.NAME!)`],
    ["a temp base wins over an env piece in a template", "import os from 'os';\ntarget(`${os.tmpdir()}/${process.env.NAME}`);", "temp | OS temp folder | `${os.tmpdir()}/${process.env.NAME}`"],
    ["an unknown base keeps the tail", `${P}function f(dir: string) { target(path.join(dir, "app.log")); }`, `unknown | unknown path | path.join(dir, "app.log") | tail app.log`],
    ["concatenation on process.cwd()", `target(process.cwd() + "/uploads");`, `local | path under process.cwd() | process.cwd() + "/uploads" | tail /uploads`],
    ["new URL on import.meta.url", `target(new URL("./db.json", import.meta.url));`, `local | path under import.meta.url | new URL("./db.json", import.meta.url) | tail ./db.json`],
    ["a mkdtemp result", `import { mkdtempSync } from "node:fs";\nconst dir = mkdtempSync("/tmp/x-");\ntarget(dir + "/a");`, `temp | OS temp folder | dir + "/a" | tail /a`],
    ["tmp-promise's .path", `import tmp from "tmp-promise";\nconst f = await tmp.file();\ntarget(f.path);`, `temp | OS temp folder | f.path`],
    ["a constant in another file", `import { DATA } from "./paths";\ntarget(DATA);`, `local | path under __dirname | path.join(__dirname, "data") | tail data`],
    ["a conditional between two local paths", `target(process.env.X ? "/var/data" : "./data");`, `local | absolute path | process.env.X ? "/var/data" : "./data" | tail /var/data`],
    ["a conditional between env and a default", `target(process.env.DIR ? process.env.DIR : "./data");`, `env | path from process.env.DIR | process.env.DIR ? process.env.DIR : "./data"`],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => assert.equal(classify(code, { "src/paths.ts": `import path from "path";\nexport const DATA = path.join(__dirname, "data");` }), expected));
  }
});
