import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { Engine } from "../../../server/src/engine/analyzer";
import { diskHost } from "../../../server/src/engine/host";
import { ProjectModel } from "../../../server/src/engine/project";
import { noOutOfRepoImport } from "../../../server/src/rules/codebase/no-out-of-repo-import";
import { writeProject } from "../../helpers/project";
import { runRuleTests } from "../../helpers/ruleTester";

const aboveProject = (specifier: string): string =>
  `"${specifier}" climbs above the project folder into code outside this repository; publish the shared code as a package and declare it as a dependency.`;
const leavesPackage = (specifier: string, pkg: string, target: string): string =>
  `"${specifier}" leaves the package ${pkg}/ for ${target}; make the shared code a declared workspace package (or a published one) and import it by name.`;

const pkg = (name: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ name, ...extra });
const monorepo = {
  "package.json": pkg("mono", { private: true, workspaces: ["packages/*", "apps/*", "!packages/legacy"] }),
  "packages/a/package.json": pkg("@mono/a"),
  "packages/b/package.json": pkg("@mono/b"),
  "packages/legacy/package.json": pkg("@mono/legacy"),
  "apps/web/package.json": pkg("web"),
  "services/billing/package.json": pkg("billing"),
};
const aliasOutside = (specifier: string): string =>
  `"${specifier}" is a tsconfig "paths" alias for code outside the project folder; publish the shared code as a package and declare it as a dependency.`;
const aliasLeaves = (specifier: string, target: string, pkg: string): string =>
  `"${specifier}" resolves through tsconfig "paths" to ${target}, outside the package ${pkg}/; make the shared code a declared workspace package (or a published one) and import it by name.`;
const twoApps = { "package.json": pkg("repo"), "apps/web/package.json": pkg("web"), "apps/other-app/package.json": pkg("other-app") };

runRuleTests(noOutOfRepoImport, {
  valid: [
    // Inside the package.
    { code: `import { x } from "./util";\nimport { y } from "../lib/y";\nexport * from "../lib";`, filename: "src/api/index.ts", files: { "package.json": pkg("svc") } },
    { code: `const cfg = require("../../config/db");`, filename: "src/db/pool/index.js", files: { "package.json": pkg("svc") } },
    { code: `import { y } from "../lib/y";`, filename: "apps/web/src/page.ts", files: twoApps },
    // No package.json at all: the project folder is the boundary.
    { code: `import { x } from "../shared/x";`, filename: "src/index.ts" },
    // Between declared workspaces: package.json `workspaces`, deep imports into a sibling's src included.
    { code: `import { b } from "../../b/src/b";\nexport { c } from "../../b";`, filename: "packages/a/src/index.ts", files: monorepo },
    { code: `import { Button } from "../../../packages/a/src/button";`, filename: "apps/web/src/page.tsx", files: monorepo },
    {
      name: "yarn's { packages: [...] } form",
      code: `import { b } from "../../b/src/b";`,
      filename: "packages/a/src/index.ts",
      files: { "package.json": pkg("mono", { workspaces: { packages: ["packages/*"] } }), "packages/a/package.json": pkg("a"), "packages/b/package.json": pkg("b") },
    },
    {
      name: "pnpm-workspace.yaml",
      code: `import { Button } from "../../../packages/ui/src/button";`,
      filename: "apps/web/src/page.tsx",
      files: { "package.json": pkg("mono"), "pnpm-workspace.yaml": "packages:\n  - 'apps/*'\n  - \"packages/**\"\n", "apps/web/package.json": pkg("web"), "packages/ui/package.json": pkg("ui") },
    },
    // A package.json that only sets the module type is not a package boundary.
    { code: `import { db } from "../config/db";`, filename: "src/server.ts", files: { "package.json": pkg("svc"), "src/package.json": JSON.stringify({ type: "module" }) } },
    // A published sub-path entry stub (named like a path, declaring nothing) is no package either.
    { code: `export { parse } from "../es6/parse.js";`, filename: "core/index.js", files: { "package.json": pkg("phone"), "core/package.json": JSON.stringify({ private: true, name: "phone/core", main: "index.cjs" }) } },
    // Tooling that is not deployed may reach into the code it serves, inside the repository.
    { code: `import { price } from "../../other-app/src/x";`, filename: "apps/web/test/price.test.ts", files: twoApps },
    { code: `import { seed } from "../../other-app/src/seed";`, filename: "apps/web/scripts/seed.ts", files: twoApps },
    { code: `import base from "../../eslint.config.js";\nexport default [...base];`, filename: "apps/web/eslint.config.js", files: twoApps },
    { code: `import { parse } from "../index.js";`, filename: "benchmark/parse.mjs", files: { "package.json": pkg("lib"), "benchmark/package.json": pkg("lib-bench", { dependencies: { tinybench: "2.0.0" } }) } },
    { code: `import { parse } from "../../src/index";`, filename: "examples/basic/main.ts", files: { "package.json": pkg("lib"), "examples/basic/package.json": pkg("basic", { dependencies: { lib: "file:../.." } }) } },
    // Bare, absolute (Vite's root-relative) and alias specifiers; paths that are not imports.
    { code: `import main from "/src/main";\nimport x from "@scope/pkg/../x";\nimport y from "~/lib";`, filename: "src/index.ts" },
    { code: `const secrets = fs.readFileSync("../../../etc/hosts");\nconst p = "../../x";`, filename: "src/index.ts" },
    { code: `function require(p: string) { return p; }\nrequire("../../../x");`, filename: "src/index.ts" },
    { code: `import x from "./a/../b";\nconst m = await import("../lib/m");`, filename: "src/index.ts" },
    // Aliases that stay in the package, or reach a declared workspace; workspace packages by name.
    {
      code: `import { db } from "@/lib/db";\nimport { Button } from "@ui/button";\nimport { ports } from "@mono/a";`,
      filename: "apps/web/src/page.ts",
      files: {
        ...monorepo,
        "apps/web/tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@/*": ["./src/*"], "@ui/*": ["../../packages/b/src/*"] } } }),
        "apps/web/src/lib/db.ts": "export const db = 1;\n",
        "packages/b/src/button.ts": "export const Button = 1;\n",
        "packages/a/src/index.ts": "export const ports = {};\n",
      },
    },
  ],
  invalid: [
    {
      name: "above the project folder",
      code: `import { money } from "../../shared/money";`,
      filename: "src/index.ts",
      files: { "package.json": pkg("svc") },
      errors: [{ message: aboveProject("../../shared/money"), line: 1, column: 23, endLine: 1, endColumn: 43, severity: "info" }],
    },
    {
      name: "out of one app into another (the catalogue's example)",
      code: `import { price } from "../../other-app/src/x";`,
      filename: "apps/web/src/a.ts",
      files: twoApps,
      errors: [{ message: leavesPackage("../../other-app/src/x", "apps/web", "apps/other-app/src/x"), line: 1, column: 23, endLine: 1, endColumn: 46 }],
    },
    {
      name: "every form: export from, require, import(), import =, import types, type-only imports",
      code: [
        `export * from "../../lib";`,
        `const m = require('../../lib/m');`,
        "const d = await import(`../../lib/d`);",
        `import e = require("../../lib/e");`,
        `type T = typeof import("../../lib/t");`,
        `import type { U } from "../../lib/u";`,
      ].join("\n"),
      filename: "apps/web/a.ts",
      files: twoApps,
      errors: [
        { message: leavesPackage("../../lib", "apps/web", "lib"), line: 1, column: 15, endLine: 1, endColumn: 26 },
        { message: leavesPackage("../../lib/m", "apps/web", "lib/m"), line: 2, column: 19, endLine: 2, endColumn: 32 },
        { message: leavesPackage("../../lib/d", "apps/web", "lib/d"), line: 3, column: 24, endLine: 3, endColumn: 37 },
        { message: leavesPackage("../../lib/e", "apps/web", "lib/e"), line: 4, column: 20, endLine: 4, endColumn: 33 },
        { message: leavesPackage("../../lib/t", "apps/web", "lib/t"), line: 5, column: 24, endLine: 5, endColumn: 37 },
        { message: leavesPackage("../../lib/u", "apps/web", "lib/u"), line: 6, column: 24, endLine: 6, endColumn: 37 },
      ],
    },
    {
      name: "tooling still may not leave the repository",
      code: `import { seed } from "../../../../other-repo/seed";`,
      filename: "apps/web/scripts/seed.ts",
      files: twoApps,
      errors: [{ message: aboveProject("../../../../other-repo/seed"), line: 1, column: 22, endLine: 1, endColumn: 51 }],
    },
    {
      name: "a monorepo folder that is not a declared workspace",
      code: `import { gen } from "../../../packages/a/src/gen";\nimport { util } from "../../../../shared/util";`,
      filename: "services/billing/src/index.ts",
      files: { ...monorepo, "shared/util.ts": "export const util = 1;\n" },
      errors: [
        { message: leavesPackage("../../../packages/a/src/gen", "services/billing", "packages/a/src/gen"), line: 1, column: 21, endLine: 1, endColumn: 50 },
        { message: aboveProject("../../../../shared/util"), line: 2, column: 22, endLine: 2, endColumn: 47 },
      ],
    },
    {
      name: "from a workspace into shared code that is not a workspace, or an excluded one",
      code: `import { util } from "../../../shared/util";\nimport { old } from "../../legacy/src/old";`,
      filename: "packages/a/src/index.ts",
      files: monorepo,
      errors: [
        { message: leavesPackage("../../../shared/util", "packages/a", "shared/util"), line: 1, column: 22, endLine: 1, endColumn: 44 },
        { message: leavesPackage("../../legacy/src/old", "packages/a", "packages/legacy/src/old"), line: 2, column: 21, endLine: 2, endColumn: 43 },
      ],
    },
    {
      name: "tsconfig paths aliases that reach out of the project, or into another app",
      code: `import { money } from "@shared/money";\nimport { price } from "@other/x";`,
      filename: "apps/web/src/a.ts",
      files: {
        ...twoApps,
        "apps/web/tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@shared/*": ["../../../shared/*"], "@other/*": ["../other-app/src/*"] } } }),
        "apps/other-app/src/x.ts": "export const price = 1;\n",
      },
      errors: [
        { message: aliasOutside("@shared/money"), line: 1, column: 23, endLine: 1, endColumn: 38 },
        { message: aliasLeaves("@other/x", "apps/other-app/src/x.ts", "apps/web"), line: 2, column: 23, endLine: 2, endColumn: 33 },
      ],
    },
  ],
});

describe("codebase/no-out-of-repo-import", () => {
  it("reads nothing above the opened folder: a monorepo root up there is unknown, so climbing to a sibling is reported", () => {
    const project = writeProject({ ...monorepo, "apps/web/src/page.ts": `import { a } from "../../../packages/a/src/a";\nimport { x } from "../../../outside/x";\n` });
    try {
      const root = path.join(project.root, "apps/web");
      const engine = new Engine({ root, rules: [noOutOfRepoImport], config: { rules: {}, ignore: [], secrets: { allow: [] } } });
      const { findings } = engine.analyzeFile(path.join(root, "src/page.ts"));
      assert.deepEqual(
        findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
        [`1:19 ${aboveProject("../../../packages/a/src/a")}`, `2:19 ${aboveProject("../../../outside/x")}`],
      );
    } finally {
      project.cleanup();
    }
  });

  it("the trigger parses only files whose relative specifiers leave their package", () => {
    const project = writeProject(twoApps);
    try {
      const model = new ProjectModel(project.root, diskHost);
      const web = path.join(project.root, "apps/web/src/a.ts");
      assert.equal(noOutOfRepoImport.trigger.test(`import x from "../../other-app/x";`), true);
      // Without a project any bare specifier may be a tsconfig alias that leaves it.
      assert.equal(noOutOfRepoImport.trigger.test(`import x from "./x";\nimport y from "react";`), true);
      assert.equal(noOutOfRepoImport.trigger.test(`import x from "./x";\nimport y from "./lib/y";`), false);
      assert.equal(noOutOfRepoImport.trigger.test(`import y from "react";\nimport { x } from "@/lib/x";`, web, model), false);
      assert.equal(noOutOfRepoImport.trigger.test(`import x from "../lib/x";`, web, model), false);
      assert.equal(noOutOfRepoImport.trigger.test(`import x from "../../other-app/x";`, web, model), true);
      assert.equal(noOutOfRepoImport.trigger.test(`const x = require("../../../x");`, web, model), true);
    } finally {
      project.cleanup();
    }
  });

  it("the trigger lets aliases through only where the tsconfig points beyond the package", () => {
    const project = writeProject({ ...twoApps, "apps/web/tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@other/*": ["../other-app/src/*"] } } }), "apps/other-app/src/x.ts": "" });
    try {
      const model = new ProjectModel(project.root, diskHost);
      const web = path.join(project.root, "apps/web/src/a.ts");
      assert.equal(noOutOfRepoImport.trigger.test(`import { x } from "@other/x";`, web, model), true);
      assert.equal(noOutOfRepoImport.trigger.test(`import React from "react";`, web, model), false);
    } finally {
      project.cleanup();
    }
  });
});
