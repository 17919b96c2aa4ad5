import assert from "node:assert/strict";
import path from "node:path";
import { after, describe, it } from "node:test";
import { diskHost } from "../../../server/src/engine/host";
import { ProjectModel } from "../../../server/src/engine/project";
import { undeclaredDependency, undeclaredDependencyTrigger } from "../../../server/src/rules/dependencies/undeclared-dependency";
import { writeProject } from "../../helpers/project";
import { runRuleTests } from "../../helpers/ruleTester";

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const msg = (name: string, manifest = "package.json"): string => `"${name}" is imported but not declared in ${manifest}; add it with \`npm install ${name}\`.`;
const devMsg = (name: string, manifest = "package.json"): string =>
  `"${name}" is only in devDependencies of ${manifest}, which production installs omit; move it to dependencies (\`npm install --save-prod ${name}\`).`;

const pkg = json({
  name: "@acme/app",
  dependencies: { express: "^4.19.2", lodash: "^4.17.21", "@aws-sdk/client-s3": "^3.0.0" },
  devDependencies: { vitest: "^1.6.0", "@types/express": "^4.17.21", vite: "^5.0.0" },
  peerDependencies: { react: "^18.0.0" },
  optionalDependencies: { "better-sqlite3": "^9.0.0" },
});
const files = { "package.json": pkg };

/** A NestJS app: express arrives through @nestjs/platform-express, its types through @types/express. */
const nest = {
  "package.json": json({ name: "api", dependencies: { "@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0", "@nestjs/platform-express": "^10.0.0" }, devDependencies: { "@types/express": "^4.17.21" } }),
  "tsconfig.json": json({ compilerOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } }),
};
const nestController = (importLine: string): string =>
  `import { Controller, Get, Req } from "@nestjs/common";\n${importLine}\n\n@Controller("cats")\nexport class CatsController {\n  @Get()\n  findAll(@Req() request: Request): string {\n    return request.url;\n  }\n}\n`;

runRuleTests(undeclaredDependency, {
  valid: [
    // The workspace root's dependencies are installed for every member (npm, yarn and pnpm).
    {
      code: `import express from "express";`,
      filename: "apps/api/src/index.ts",
      files: { "package.json": json({ private: true, workspaces: ["apps/*"], dependencies: { express: "^4.0.0" } }), "apps/api/package.json": json({ name: "api" }) },
    },
    // A specifier still being typed: unterminated, or on a line the parser cannot read yet.
    { code: `import express from "express";\nconst stripe = require('s`, files },
    { code: `import express from "express";\nimport Stripe from 'st\nexpress();`, files },
    { code: `import express from "express";\nconst stripe = require('st' +);\n`, files },
    // Declared in any production section.
    { code: `import express from "express";\nimport { S3Client } from "@aws-sdk/client-s3";\nimport React from "react";\nconst db = require("better-sqlite3");`, files },
    // Subpaths map to their package.
    { code: `import fp from "lodash/fp";\nimport { GetObjectCommand } from "@aws-sdk/client-s3/dist-cjs/commands";`, files },
    // Node builtins, with and without the node: scheme, and their subpaths.
    { code: `import fs from "fs";\nimport { readFile } from "node:fs/promises";\nimport { test } from "node:test";\nconst path = require("path");\nimport assert from "assert/strict";`, files },
    // Relative and absolute paths, package imports, URLs and bundler virtual modules.
    { code: `import a from "./a";\nimport b from "../b";\nimport c from "/opt/c.js";\nimport d from "#internal/d";\nimport e from "virtual:pwa-register";\nimport f from "https://esm.sh/preact";`, files },
    // Modules the runtime provides (VS Code extension host, Bun, Electron).
    { code: `import * as vscode from "vscode";\nimport { serve } from "bun";\nimport { app } from "electron";`, files },
    // tsconfig paths aliases, with and without a wildcard; `~/` and `@/` are never package names.
    {
      code: `import { db } from "@app/db";\nimport config from "config";\nimport x from "~/lib/x";\nimport y from "@/components/y";`,
      files: { ...files, "tsconfig.json": json({ compilerOptions: { baseUrl: ".", paths: { "@app/*": ["src/*"], config: ["src/config/index.ts"] } } }) },
    },
    // baseUrl-relative project files.
    { code: `import { format } from "utils/date";`, files: { ...files, "tsconfig.json": json({ compilerOptions: { baseUrl: "src" } }), "src/utils/date.ts": "export const format = 1;\n" } },
    // Type-only imports need nothing at run time (the types come from @types/*).
    { code: `import type { Request } from "express-serve-static-core";\nimport { type Pool } from "pg";\nexport type { Redis } from "ioredis";\nexport { type Job } from "bullmq";\ntype Q = typeof import("kysely");`, files },
    // tsconfig baseUrl "." reaches ./types/index.d.ts: a project folder, not the npm package "types".
    {
      code: `import { SiteConfig } from "types";\nexport const site: SiteConfig = { name: "Taxonomy" };`,
      filename: "config/site.ts",
      files: { ...files, "tsconfig.json": json({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }), "types/index.d.ts": "export type SiteConfig = { name: string };\n" },
    },
    // A paths alias defined in the base of an extends chain.
    {
      code: `import { db } from "@db/client";\ndb.connect();`,
      files: { ...files, "tsconfig.json": json({ extends: "./tsconfig.base.json" }), "tsconfig.base.json": json({ compilerOptions: { paths: { "@db/*": ["./src/db/*"] } } }), "src/db/client.ts": "export const db = { connect() {} };\n" },
    },
    // A workspace package imported from another one resolves to its source.
    {
      code: `import { ports } from "@acme/config";\nexport const port = ports.billing;`,
      filename: "apps/billing/src/server.ts",
      files: {
        "package.json": json({ private: true, workspaces: ["apps/*", "packages/*"] }),
        "apps/billing/package.json": json({ name: "billing", dependencies: { express: "^4.0.0" } }),
        "packages/config/package.json": json({ name: "@acme/config", exports: { ".": "./dist/index.js" } }),
        "packages/config/src/index.ts": "export const ports = { billing: 8080 };\n",
      },
    },
    // A plain import whose bindings are used only as types is erased by the compiler.
    { code: `import { Request, Response } from "express-serve-static-core";\nexport function handle(req: Request, res: Response): void {}`, files },
    { code: `import Redis from "ioredis";\nimport * as k from "kysely";\nlet client: Redis | undefined;\ntype DB = k.Kysely<unknown>;\nclass Cache implements k.Dialect {}`, files },
    // NestJS: the Request type of a decorated handler's parameter; express's types are declared.
    { code: nestController(`import { Request } from "express";`), filename: "src/cats.controller.ts", files: nest },
    { code: nestController(`import type { Request } from "express";`), filename: "src/cats.controller.ts", files: nest },
    { code: nestController(`import { type Request } from "express";`), filename: "src/cats.controller.ts", files: nest },
    // An unused import is erased too; it is let go when a declared package provides the name.
    { code: `import { Request } from "express";\nexport class UsersController {}`, filename: "src/users.controller.ts", files: { "package.json": json({ dependencies: { "@nestjs/platform-express": "^10.0.0" } }) } },
    // The package's own name (self-reference through "exports").
    { code: `import { helper } from "@acme/app/helpers";`, files },
    // devDependencies are fine in tests, scripts and tool config.
    { code: `import { describe } from "vitest";\nimport { readFile } from "node:fs/promises";`, filename: "test/app.test.ts", files },
    { code: `import { defineConfig } from "vite";\nexport default defineConfig({});`, filename: "vite.config.ts", files },
    { code: `import { describe } from "vitest";`, filename: "scripts/seed.ts", files },
    // Workspace packages, found through the root's workspaces globs.
    {
      code: `import { log } from "@acme/logger";\nimport { ui } from "shared-ui";`,
      filename: "apps/api/src/index.ts",
      files: {
        "package.json": json({ private: true, workspaces: ["packages/*", "libs/shared-ui"] }),
        "apps/api/package.json": json({ name: "api", dependencies: { express: "^4.0.0" } }),
        "packages/logger/package.json": json({ name: "@acme/logger" }),
        "libs/shared-ui/package.json": json({ name: "shared-ui" }),
      },
    },
    // No package.json at all: nothing to compare against.
    { code: `import express from "express";` },
    // A `{ "type": "module" }` marker is not the manifest; the real one above declares express.
    { code: `import express from "express";`, filename: "src/esm/index.ts", files: { ...files, "src/esm/package.json": json({ type: "module" }) } },
    // A local `require` is not node's; declaration files only describe types.
    { code: `function require(name: string) { return name; }\nrequire("left-pad");`, files },
    { code: `import { Foo } from "foo-lib";\nexport declare const x: Foo;`, filename: "src/types.d.ts", files },
    // Dynamic specifiers cannot be judged.
    { code: `const name = "x";\nawait import(name);\nrequire(\`\${name}\`);`, files },
  ],
  invalid: [
    // Once the statement parses, the name is judged, even with a syntax error on another line.
    { code: `const stripe = require("stripe");\nconst broken = (;\n`, files, errors: [{ message: msg("stripe"), line: 1, column: 24, endLine: 1, endColumn: 32 }] },
    {
      name: "a default import of an undeclared package",
      code: `import express from "express";\nimport axios from "axios";`,
      files,
      errors: [{ message: msg("axios"), line: 2, column: 19, endLine: 2, endColumn: 26, severity: "info" }],
    },
    {
      name: "require, dynamic import, re-export and import = require",
      code: `const pg = require("pg");\nconst { Redis } = await import("ioredis");\nexport { Queue } from "bullmq";\nexport * from "zod";\nimport knex = require("knex");\nimport "dotenv/config";`,
      files,
      errors: [
        { message: msg("pg"), line: 1, column: 20, endLine: 1, endColumn: 24 },
        { message: msg("ioredis"), line: 2, column: 32, endLine: 2, endColumn: 41 },
        { message: msg("bullmq"), line: 3, column: 23, endLine: 3, endColumn: 31 },
        { message: msg("zod"), line: 4, column: 15, endLine: 4, endColumn: 20 },
        { message: msg("knex"), line: 5, column: 23, endLine: 5, endColumn: 29 },
        { message: msg("dotenv"), line: 6, column: 8, endLine: 6, endColumn: 23 },
      ],
    },
    {
      name: "a scoped subpath names its scoped package",
      code: `import { Storage } from "@google-cloud/storage/build/src";`,
      files,
      errors: [{ message: msg("@google-cloud/storage"), line: 1, column: 25, endLine: 1, endColumn: 58 }],
    },
    {
      name: "@types/* declares types, not the runtime package",
      code: `import cors from "cors";\napp.use(cors());`,
      files: { "package.json": json({ dependencies: { express: "^4.0.0" }, devDependencies: { "@types/cors": "^2.8.0" } }) },
      errors: [{ message: msg("cors"), line: 1, column: 18, endLine: 1, endColumn: 24 }],
    },
    {
      name: "a devDependency imported by app code",
      code: `import { describe } from "vitest";`,
      files,
      errors: [{ message: devMsg("vitest"), line: 1, column: 26, endLine: 1, endColumn: 34 }],
    },
    {
      name: "a mixed type and value import still loads the package",
      code: `import { type Pool, Client } from "pg";`,
      files,
      errors: [{ message: msg("pg"), line: 1, column: 35, endLine: 1, endColumn: 39 }],
    },
    {
      name: "a sibling workspace's dependency is not the member's (it only happens to be hoisted)",
      code: `import express from "express";`,
      filename: "apps/api/src/index.ts",
      files: { "package.json": json({ private: true, workspaces: ["apps/*"] }), "apps/api/package.json": json({ name: "api" }), "apps/web/package.json": json({ name: "web", dependencies: { express: "^4.0.0" } }) },
      errors: [{ message: msg("express", "apps/api/package.json"), line: 1, column: 21, endLine: 1, endColumn: 30 }],
    },
    {
      name: "a tsconfig alias that does not cover the specifier",
      code: `import { db } from "@data/db";`,
      files: { ...files, "tsconfig.json": json({ compilerOptions: { paths: { "@app/*": ["src/*"] } } }) },
      errors: [{ message: msg("@data/db"), line: 1, column: 20, endLine: 1, endColumn: 30 }],
    },
    {
      name: "a runtime import beside a type-only use of the same package",
      code: `import { Request, Router } from "express-serve-static-core";\nexport const router: Router = Router();\nexport type R = Request;`,
      files,
      errors: [{ message: msg("express-serve-static-core"), line: 1, column: 33, endLine: 1, endColumn: 60 }],
    },
    {
      name: "a class that types a constructor parameter of a decorated class is kept under emitDecoratorMetadata (NestJS injection)",
      code: `import { Injectable } from "@nestjs/common";\nimport { ConfigService } from "@nestjs/config";\n\n@Injectable()\nexport class Mailer {\n  constructor(private readonly config: ConfigService) {}\n}\n`,
      filename: "src/mailer.ts",
      files: nest,
      errors: [{ message: msg("@nestjs/config"), line: 2, column: 31, endLine: 2, endColumn: 47 }],
    },
    {
      name: "an unused import with no declared provider is taken as code being written",
      code: `import { Request } from "express";\nexport class UsersController {}`,
      files: { "package.json": json({ dependencies: { "@nestjs/common": "^10.0.0" } }) },
      errors: [{ message: msg("express"), line: 1, column: 25, endLine: 1, endColumn: 34 }],
    },
    {
      name: "under verbatimModuleSyntax a plain import is kept as written",
      code: `import { Request } from "express-serve-static-core";\nexport function handle(req: Request): void {}`,
      files: { ...files, "tsconfig.json": json({ compilerOptions: { verbatimModuleSyntax: true } }) },
      errors: [{ message: msg("express-serve-static-core"), line: 1, column: 25, endLine: 1, endColumn: 52 }],
    },
    {
      name: "a bare name that baseUrl does not reach is still a package",
      code: `import { SiteConfig } from "types";\nconsole.log(SiteConfig);`,
      files: { ...files, "tsconfig.json": json({ compilerOptions: { baseUrl: "." } }) },
      errors: [{ message: msg("types"), line: 1, column: 28, endLine: 1, endColumn: 35 }],
    },
    {
      name: "JavaScript files too",
      filename: "src/server.js",
      code: `const fastify = require("fastify")();`,
      files,
      errors: [{ message: msg("fastify"), line: 1, column: 25, endLine: 1, endColumn: 34 }],
    },
  ],
});

describe("the pre-scan lets a file through only when it imports a package the manifest may lack", () => {
  const project = writeProject({ "package.json": JSON.stringify({ name: "svc", dependencies: { express: "^5" }, devDependencies: { vitest: "^3" } }), "src/a.ts": "" });
  after(() => project.cleanup());
  const model = new ProjectModel(project.root, diskHost);
  const file = path.join(project.root, "src/a.ts");
  const cases: Array<[string, boolean]> = [
    [`import express from "express";\nimport fs from "node:fs";\nimport { x } from "./x";\nconst os = require("os");`, false],
    [`import express from "express/lib/router";`, false],
    [`import axios from "axios";`, true],
    [`export * from "lodash";`, true],
    [`const m = await import("chalk");`, true],
    [`import { it } from "vitest";`, true],
    [`const plain = "no imports here";`, false],
  ];
  for (const [code, expected] of cases) {
    it(`${expected ? "parses" : "skips"}: ${code.split("\n")[0]}`, () => assert.equal(undeclaredDependencyTrigger.test(code, file, model), expected));
  }
  it("lets a test file import a devDependency, as the rule does, but not app code", () => {
    assert.equal(undeclaredDependencyTrigger.test(`import { it } from "vitest";`, path.join(project.root, "test/a.test.ts"), model), false);
    assert.equal(undeclaredDependencyTrigger.test(`import { it } from "vitest";`, path.join(project.root, "src/a.ts"), model), true);
    assert.equal(undeclaredDependencyTrigger.test(`import axios from "axios";`, path.join(project.root, "test/a.test.ts"), model), true);
  });
  it("without a project it still over-approximates", () => {
    assert.equal(undeclaredDependencyTrigger.test(`import express from "express";`), true);
    assert.equal(undeclaredDependencyTrigger.test(`import fs from "fs";`), false);
  });
});
