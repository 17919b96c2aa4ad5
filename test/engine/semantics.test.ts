import assert from "node:assert/strict";
import path from "node:path";
import { after, describe, it } from "node:test";
import ts from "typescript";
import { Engine } from "../../server/src/engine/analyzer";
import type { ValueOrigin } from "../../server/src/engine/semantics";
import { writeProject } from "../helpers/project";

/**
 * The semantic helpers every rule relies on. Each case writes a small project, parses the file
 * under test through the engine's cache and asks about the expression marked `/*?*\/`.
 */
const projects: Array<{ cleanup(): void }> = [];
after(() => projects.forEach((p) => p.cleanup()));

function probe(files: Record<string, string>, file = "src/index.ts"): { engine: Engine; expression: ts.Expression } {
  const project = writeProject(files);
  projects.push(project);
  const engine = new Engine({ root: project.root, rules: [] });
  const full = path.join(project.root, file);
  const text = files[file];
  const sourceFile = engine.parseCache.withParents(full, text);
  assert.ok(sourceFile);
  const marker = text.indexOf("/*?*/");
  assert.ok(marker >= 0, "no /*?*/ marker");
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && ts.isExpression(node) && node.getStart(sourceFile) === marker + 5) found = node;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  // The outermost expression starting right after the marker.
  assert.ok(found, "no expression after the marker");
  while (found.parent && ts.isExpression(found.parent) && found.parent.getStart(sourceFile) === found.getStart(sourceFile) && !ts.isCallExpression(found.parent)) {
    found = found.parent as ts.Expression;
  }
  return { engine, expression: found };
}

function describeValue(value: ValueOrigin): string {
  if (value.kind === "literal") return `literal ${JSON.stringify(value.value)} in ${path.basename(value.sourceFile.fileName)}`;
  if (value.kind === "env") return `env ${value.name ?? "?"}${value.fallback ? ` ?? ${JSON.stringify(value.fallback.value)}` : ""}`;
  return "unknown";
}

function valueOf(files: Record<string, string>, file?: string): string {
  const { engine, expression } = probe(files, file);
  return describeValue(engine.semantics.valueOf(expression));
}

function moduleRefOf(files: Record<string, string>, file?: string): string {
  const { engine, expression } = probe(files, file);
  const ref = engine.semantics.moduleRef(expression);
  return ref ? [ref.module, ...ref.path].join(" ") : "none";
}

describe("semantics.moduleRef", () => {
  const cases: Array<[string, string, string]> = [
    ["namespace import with node: prefix", `import * as fs from "node:fs";\n/*?*/fs.writeFileSync;`, "fs writeFileSync"],
    ["default import", `import fs from "fs";\n/*?*/fs.promises.writeFile;`, "fs promises writeFile"],
    ["named import with alias", `import { writeFile as save } from "fs/promises";\n/*?*/save;`, "fs/promises writeFile"],
    ["require", `const fs = require("fs");\n/*?*/fs.appendFileSync;`, "fs appendFileSync"],
    ["destructured require with node: prefix", `const { createWriteStream: cws } = require("node:fs");\n/*?*/cws;`, "fs createWriteStream"],
    ["require member", `const promises = require("fs").promises;\n/*?*/promises.writeFile;`, "fs promises writeFile"],
    ["destructured from a namespace", `import winston from "winston";\nconst { transports } = winston;\n/*?*/transports.File;`, "winston transports File"],
    ["import equals", `import fs = require("fs");\n/*?*/fs.mkdirSync;`, "fs mkdirSync"],
    ["dynamic import", `async function f() { const fs = await import("node:fs/promises");\n/*?*/fs.writeFile; }`, "fs/promises writeFile"],
    ["const alias of a member", `import * as fs from "fs";\nconst write = fs.writeFileSync;\n/*?*/write;`, "fs writeFileSync"],
    ["local variable shadows an import", `import * as fs from "fs";\nfunction f(fs: any) { /*?*/fs.writeFileSync; }`, "none"],
    ["a global is not a module", `/*?*/window.fetch;`, "none"],
  ];
  for (const [name, code, expected] of cases) it(name, () => assert.equal(moduleRefOf({ "src/index.ts": code }), expected));

  it("re-export of a package binding through a local barrel", () => {
    assert.equal(
      moduleRefOf({
        "src/util/index.ts": `export { writeFile } from "node:fs/promises";\nexport * from "./other";`,
        "src/util/other.ts": `export { appendFileSync as append } from "fs";`,
        "src/index.ts": `import { append } from "./util";\n/*?*/append;`,
      }),
      "fs appendFileSync",
    );
  });
});

describe("semantics.valueOf", () => {
  const cases: Array<[string, string, string]> = [
    ["a number literal", `/*?*/3000;`, "literal 3000 in index.ts"],
    ["a const", `const PORT = 3000;\nlisten(/*?*/PORT);`, "literal 3000 in index.ts"],
    ["a const through a const", `const BASE = 8080; const PORT = BASE;\nlisten(/*?*/PORT);`, "literal 8080 in index.ts"],
    ["an object property", `const cfg = { port: 8080 };\nlisten(/*?*/cfg.port);`, "literal 8080 in index.ts"],
    ["a nested property with element access", `const cfg = { server: { "port": 8080 } };\nlisten(/*?*/cfg.server["port"]);`, "literal 8080 in index.ts"],
    ["a shorthand property", `const port = 81; const cfg = { port };\nlisten(/*?*/cfg.port);`, "literal 81 in index.ts"],
    ["a spread", `const base = { port: 82 }; const cfg = { ...base, host: "x" };\nlisten(/*?*/cfg.port);`, "literal 82 in index.ts"],
    ["a later property wins over a spread", `const base = { port: 82 }; const cfg = { ...base, port: process.env.PORT };\nlisten(/*?*/cfg.port);`, "env PORT"],
    ["destructured const", `const { port } = { port: 83 };\nlisten(/*?*/port);`, "literal 83 in index.ts"],
    ["as const and parentheses", `const PORT = (3000 as const);\nlisten(/*?*/PORT);`, "literal 3000 in index.ts"],
    ["a reassigned let is not a constant", `let PORT = 3000; PORT = 4000;\nlisten(/*?*/PORT);`, "unknown"],
    ["a never-reassigned let is", `let PORT = 3000;\nlisten(/*?*/PORT);`, "literal 3000 in index.ts"],
    ["a parameter is unknown", `function start(port = 3000) { listen(/*?*/port); }`, "unknown"],
    ["process.env", `/*?*/process.env.PORT;`, "env PORT"],
    ["process.env element", `/*?*/process.env["PORT"];`, "env PORT"],
    ["with a ?? fallback", `const PORT = process.env.PORT ?? 3000;\nlisten(/*?*/PORT);`, "env PORT ?? 3000"],
    ["with an || fallback inside Number()", `const PORT = Number(process.env.PORT || "3000");\nlisten(/*?*/PORT);`, "env PORT ?? \"3000\""],
    ["parseInt", `listen(/*?*/parseInt(process.env.PORT!, 10));`, "env PORT"],
    ["destructured from process.env", `const { PORT } = process.env;\nlisten(/*?*/PORT);`, "env PORT"],
    ["destructured with a default", `const { PORT = "3000" } = process.env;\nlisten(/*?*/PORT);`, "env PORT ?? \"3000\""],
    ["an alias of process.env", `const env = process.env;\nlisten(/*?*/env.PORT);`, "env PORT"],
    ["a config object reading env", `const config = { port: Number(process.env.PORT ?? 3000) };\nlisten(/*?*/config.port);`, "env PORT ?? 3000"],
    ["import.meta.env", `/*?*/import.meta.env.VITE_API;`, "env VITE_API"],
    ["Deno.env.get", `/*?*/Deno.env.get("PORT");`, "env PORT"],
    ["a template built from env", "const url = `postgres://${process.env.DB_HOST}/app`;\nconnect(/*?*/url);", "env ?"],
    ["a shadowed process is not the environment", `function f(process: any) { return /*?*/process.env.PORT; }`, "unknown"],
  ];
  for (const [name, code, expected] of cases) it(name, () => assert.equal(valueOf({ "src/index.ts": code }), expected));

  it("across files: a named import", () => {
    assert.equal(valueOf({ "src/config.ts": `export const PORT = 4000;`, "src/index.ts": `import { PORT } from "./config";\nlisten(/*?*/PORT);` }), "literal 4000 in config.ts");
  });
  it("across files: ESM .js specifier naming a .ts file", () => {
    assert.equal(valueOf({ "src/config.ts": `export const PORT = 4001;`, "src/index.ts": `import { PORT } from "./config.js";\nlisten(/*?*/PORT);` }), "literal 4001 in config.ts");
  });
  it("across files: through a barrel with export * and a renamed re-export", () => {
    assert.equal(
      valueOf({
        "src/config/ports.ts": `const HTTP = 4002;\nexport { HTTP as HTTP_PORT };`,
        "src/config/index.ts": `export * from "./ports";`,
        "src/index.ts": `import { HTTP_PORT } from "./config";\nlisten(/*?*/HTTP_PORT);`,
      }),
      "literal 4002 in ports.ts",
    );
  });
  it("across files: a default-exported config object", () => {
    assert.equal(valueOf({ "src/config.ts": `export default { server: { port: 4003 } };`, "src/index.ts": `import config from "./config";\nlisten(/*?*/config.server.port);` }), "literal 4003 in config.ts");
  });
  it("across files: a namespace import", () => {
    assert.equal(valueOf({ "src/config.ts": `export const port = 4004;`, "src/index.ts": `import * as config from "./config";\nlisten(/*?*/config.port);` }), "literal 4004 in config.ts");
  });
  it("across files: CommonJS module.exports and require", () => {
    assert.equal(valueOf({ "src/config.js": `module.exports = { port: 4005 };`, "src/index.js": `const { port } = require("./config");\nlisten(/*?*/port);` }, "src/index.js"), "literal 4005 in config.js");
  });
  it("across files: exports.X and require().X", () => {
    assert.equal(valueOf({ "src/config.js": `exports.port = 4006;`, "src/index.js": `listen(/*?*/require("./config").port);` }, "src/index.js"), "literal 4006 in config.js");
  });
  it("across files: a config that reads env is env", () => {
    assert.equal(valueOf({ "src/config.ts": `export const config = { port: process.env.PORT ?? 3000 };`, "src/index.ts": `import { config } from "./config";\nlisten(/*?*/config.port);` }), "env PORT ?? 3000");
  });
  it("across files: a tsconfig paths alias", () => {
    assert.equal(
      valueOf({
        "tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }`,
        "src/config.ts": `export const PORT = 4007;`,
        "src/index.ts": `import { PORT } from "@app/config";\nlisten(/*?*/PORT);`,
      }),
      "literal 4007 in config.ts",
    );
  });
  it("across files: a paths alias in the base of an extends chain, and a baseUrl import", () => {
    const ports = `export const METRICS = 9464;\nexport const ADMIN = 9465;`;
    // Without a baseUrl, paths are relative to the config that declares them.
    const chain = { "tsconfig.json": `{ "extends": "./configs/base.json" }`, "configs/base.json": `{ "compilerOptions": { "paths": { "~/*": ["../src/*"] } } }`, "src/settings/ports.ts": ports };
    assert.equal(valueOf({ ...chain, "src/index.ts": `import { METRICS } from "~/settings/ports";\nlisten(/*?*/METRICS);` }), "literal 9464 in ports.ts");
    const baseUrl = { "tsconfig.json": `{ "compilerOptions": { "baseUrl": "src" } }`, "src/settings/ports.ts": ports };
    assert.equal(valueOf({ ...baseUrl, "src/index.ts": `import { ADMIN } from "settings/ports";\nlisten(/*?*/ADMIN);` }), "literal 9465 in ports.ts");
  });
  it("across files: a workspace package, to its source although its exports name the build output", () => {
    const files = {
      "package.json": `{ "private": true, "workspaces": ["apps/*", "packages/*"] }`,
      "packages/config/package.json": `{ "name": "@acme/config", "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" }, "./ports": "./src/ports.ts" } }`,
      "packages/config/src/index.ts": `export * from "./ports";`,
      "packages/config/src/ports.ts": `export const ports = { billing: 4010, ledger: 4011 };`,
      "apps/billing/package.json": `{ "name": "billing", "dependencies": { "@acme/config": "workspace:*" } }`,
    };
    assert.equal(valueOf({ ...files, "apps/billing/src/server.ts": `import { ports } from "@acme/config";\nlisten(/*?*/ports.billing);` }, "apps/billing/src/server.ts"), "literal 4010 in ports.ts");
    assert.equal(valueOf({ ...files, "apps/billing/src/server.ts": `import { ports } from "@acme/config/ports";\nlisten(/*?*/ports.ledger);` }, "apps/billing/src/server.ts"), "literal 4011 in ports.ts");
    // A package of the same scope that is no workspace member is an npm package.
    assert.equal(valueOf({ ...files, "apps/billing/src/server.ts": `import { ports } from "@acme/other";\nlisten(/*?*/ports.billing);` }, "apps/billing/src/server.ts"), "unknown");
  });
  it("an import cycle ends as unknown", () => {
    assert.equal(valueOf({ "src/a.ts": `import { B } from "./index";\nexport const A = B;`, "src/index.ts": `import { A } from "./a";\nexport const B = A;\nlisten(/*?*/B);` }), "unknown");
  });
  it("a package import is not a literal", () => {
    assert.equal(valueOf({ "src/index.ts": `import { PORT } from "some-pkg";\nlisten(/*?*/PORT);` }), "unknown");
  });
});

describe("semantics.property", () => {
  it("finds an option in an object passed by name from another file", () => {
    const { engine, expression } = probe({ "src/opts.ts": `export const options = { dest: "uploads/" };`, "src/index.ts": `import { options } from "./opts";\nmulter(/*?*/options);` });
    const property = engine.semantics.property(expression, "dest");
    assert.equal(property?.node.getText(property.sourceFile), `"uploads/"`);
    assert.equal(path.basename(property?.sourceFile.fileName ?? ""), "opts.ts");
  });
});
