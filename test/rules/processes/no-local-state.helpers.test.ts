import assert from "node:assert/strict";
import { describe, it } from "node:test";
import rule from "../../../server/src/rules/processes/no-local-state";
import path from "node:path";
import { diskHost } from "../../../server/src/engine/host";
import { ProjectModel } from "../../../server/src/engine/project";
import { writeProject } from "../../helpers/project";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

// Values followed through the project's own helpers: parameters back to their call sites.
const ADVICE = "keep state in a backing service (database, cache or object storage) so any process can serve any request";
const through = (helper: string, display: string, via: string, action = "writes to"): string => `${helper} ${action} ${display} on the local disk (through ${via}); ${ADVICE}.`;

const FILES_HELPER = `import fs from "node:fs";\nexport function writeJson(file: string, data: unknown): void {\n  fs.writeFileSync(file, JSON.stringify(data));\n}\n`;
const CACHE = `path.join(__dirname, "../data/cache.json")`;

const valid: ValidCase[] = [
  {
    name: "a helper called only with os.tmpdir() paths",
    code: `import os from "node:os";\nimport path from "node:path";\nimport { writeJson } from "./lib/files";\nwriteJson(path.join(os.tmpdir(), "cache.json"), {});\nwriteJson(\`\${os.tmpdir()}/run.json\`, {});`,
    files: { "src/lib/files.ts": FILES_HELPER },
  },
  {
    name: "a helper called only with process.env values",
    code: `import { writeJson } from "./lib/files";\nwriteJson(process.env.CACHE_FILE ?? "/tmp/cache.json", {});\nconst target = process.env.STATE_PATH!;\nwriteJson(target, {});`,
    files: { "src/lib/files.ts": FILES_HELPER },
  },
  {
    name: "a helper whose callers pass what they were given (a parameter)",
    code: `import { writeJson } from "./lib/files";\nexport function persist(file: string) {\n  writeJson(file, {});\n}`,
    files: { "src/lib/files.ts": FILES_HELPER },
  },
  {
    name: "a helper that writes where it decides itself is reported in its own file, not at each call",
    code: `import { saveCache } from "./lib/cache";\nsaveCache({ a: 1 });\nsaveCache({ b: 2 });`,
    files: { "src/lib/cache.ts": `import fs from "node:fs";\nexport function saveCache(data: unknown) {\n  fs.writeFileSync("data/cache.json", JSON.stringify(data));\n}\n` },
  },
  {
    name: "a helper that sends its argument to a log file is the logging rule's",
    code: `import fs from "node:fs";\nfunction log(file: string, line: string) { fs.appendFileSync(file, line); }\nlog("logs/app.log", "started");`,
  },
  {
    name: "four helpers deep: beyond the depth followed",
    code: `import fs from "node:fs";\nconst a = (f: string) => fs.writeFileSync(f, "");\nconst b = (f: string) => a(f);\nconst c = (f: string) => b(f);\nconst d = (f: string) => c(f);\nd("data/deep.json");`,
  },
  {
    name: "a recursive helper does not loop",
    code: `import fs from "node:fs";\nfunction walk(dir: string, depth: number): void { if (depth > 0) walk(dir, depth - 1); }\nwalk("data", 3);`,
  },
  {
    name: "a method of an instance whose constructor is given a temp folder",
    code: `import fs from "node:fs";\nimport os from "node:os";\nclass FileStore {\n  constructor(private readonly dir: string) {}\n  save(name: string, body: string) { fs.writeFileSync(\`\${this.dir}/\${name}\`, body); }\n}\nconst store = new FileStore(os.tmpdir());\nstore.save("a.txt", "x");`,
  },
  {
    name: "a field assigned outside the constructor has no one known value",
    code: `import fs from "node:fs";\nclass FileStore {\n  dir = "uploads";\n  use(dir: string) { this.dir = dir; }\n  save(name: string) { fs.writeFileSync(this.dir + "/" + name, ""); }\n}\nconst store = new FileStore();\nstore.save("a.txt");`,
  },
  {
    name: "test files may call helpers as they like",
    code: `import { writeJson } from "../src/lib/files";\nwriteJson("fixtures/out.json", {});`,
    filename: "test/files.test.ts",
    files: { "src/lib/files.ts": FILES_HELPER },
  },
];

const invalidCases: InvalidCase[] = [
  (() => {
    const code = `import path from "node:path";\nimport os from "node:os";\nimport { writeJson } from "./lib/files";\nwriteJson(${CACHE}, { hits: 1 });\nwriteJson(path.join(os.tmpdir(), "scratch.json"), {});\nwriteJson(process.env.STATE_FILE!, {});`;
    return {
      name: "a helper in another file, called with a local path, a temp path and a configured one: only the local call",
      code,
      files: { "src/lib/files.ts": FILES_HELPER },
      errors: [{ message: through("writeJson()", CACHE, "fs.writeFileSync in src/lib/files.ts"), ...spanOf(code, CACHE), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `const fs = require("fs");\nconst writeJson = (file, data) => fs.writeFileSync(file, JSON.stringify(data));\nconst DATA = "./data/users.json";\nwriteJson(DATA, []);`;
    return {
      name: "a const arrow helper in the same file (CommonJS), given a constant",
      code,
      filename: "src/store.js",
      errors: [{ message: through("writeJson()", `"./data/users.json"`, "fs.writeFileSync"), ...spanOf(code, "DATA", 1), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `const { save } = require("./helpers");\nsave("state/session.json", "{}");`;
    return {
      name: "a helper exported from a CommonJS module and destructured from require()",
      code,
      filename: "src/index.js",
      files: { "src/helpers.js": `const { writeFileSync: put } = require("fs");\nfunction save(target, body) {\n  put(target, body);\n}\nmodule.exports = { save };\n` },
      errors: [{ message: through("save()", `"state/session.json"`, "put in src/helpers.js"), ...spanOf(code, `"state/session.json"`), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `import * as files from "./lib/files";\nimport path from "node:path";\nfiles.writeJson(${CACHE}, {});`;
    return {
      name: "a helper through a namespace import",
      code,
      files: { "src/lib/files.ts": FILES_HELPER },
      errors: [{ message: through("files.writeJson()", CACHE, "fs.writeFileSync in src/lib/files.ts"), ...spanOf(code, CACHE), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `import { persist } from "./lib/persist";\npersist("data/orders.json");`;
    return {
      name: "two helpers deep across two files: both named",
      code,
      files: { "src/lib/files.ts": FILES_HELPER, "src/lib/persist.ts": `import { writeJson } from "./files";\nexport const persist = (file: string) => writeJson(file, { at: Date.now() });\n` },
      errors: [{ message: through("persist() → writeJson()", `"data/orders.json"`, "fs.writeFileSync in src/lib/files.ts"), ...spanOf(code, `"data/orders.json"`), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `import fs from "node:fs";\nclass FileStore {\n  constructor(private readonly dir: string) {\n    fs.mkdirSync(dir, { recursive: true });\n  }\n  save(name: string, body: string) {\n    fs.writeFileSync(name, body);\n  }\n}\nconst store = new FileStore("uploads");\nstore.save("uploads/a.txt", "x");`;
    return {
      name: "a class: its constructor given a folder, a method on the known instance given a file",
      code,
      errors: [
        { message: through("new FileStore", `"uploads"`, "fs.mkdirSync", "creates a folder at"), ...spanOf(code, `"uploads"`), severity: "warning" as const },
        { message: through("FileStore.save()", `"uploads/a.txt"`, "fs.writeFileSync"), ...spanOf(code, `"uploads/a.txt"`), severity: "warning" as const },
      ],
    };
  })(),
  (() => {
    const code = `import fs from "node:fs";\nclass FileStore {\n  constructor(private readonly dir: string) {}\n  save(name: string, body: string) {\n    fs.writeFileSync(\`\${this.dir}/\${name}\`, body);\n  }\n}\nconst store = new FileStore("./var/files");\nstore.save("a.txt", "x");`;
    return {
      name: "a method writing under the folder its instance was made with: reported at the method call",
      code,
      errors: [{ message: through("FileStore.save()", "`${this.dir}/${name}`", "fs.writeFileSync"), ...spanOf(code, `store.save("a.txt", "x")`), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `import type { FastifyInstance } from "fastify";\nimport { FileStore } from "./fileStore";\nexport default async function routes(fastify: FastifyInstance) {\n  fastify.decorate("files", new FileStore());\n  fastify.post("/upload", async () => {\n    await fastify.files.put("data/uploads/latest.bin", "x");\n  });\n}`;
    return {
      name: "a method of a service registered with fastify.decorate()",
      code,
      files: { "src/fileStore.ts": `import { writeFile } from "node:fs/promises";\nexport class FileStore {\n  async put(file: string, body: string) {\n    await writeFile(file, body);\n  }\n}\n` },
      errors: [{ message: through("FileStore.put()", `"data/uploads/latest.bin"`, "writeFile in src/fileStore.ts"), ...spanOf(code, `"data/uploads/latest.bin"`), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `import path from "node:path";\nimport fp from "fastify-plugin";\nexport default fp(async (fastify) => {\n  const { fileManager } = fastify;\n  fileManager.ensureDir(path.join(import.meta.dirname, "uploads"));\n  fileManager.ensureDir(process.env.UPLOAD_DIR!);\n});`;
    return {
      name: "a service decorated by another Fastify plugin, returned by a factory",
      code,
      files: { "src/plugins/file-manager.ts": `import fs from "node:fs";\nimport fp from "fastify-plugin";\nfunction createFileManager() {\n  return {\n    ensureDir(dir: string) {\n      fs.mkdirSync(dir, { recursive: true });\n    },\n  };\n}\nexport default fp(async (fastify) => {\n  fastify.decorate("fileManager", createFileManager());\n});\n` },
      errors: [{ message: through("fileManager.ensureDir()", `path.join(import.meta.dirname, "uploads")`, "fs.mkdirSync in src/plugins/file-manager.ts", "creates a folder at"), ...spanOf(code, `path.join(import.meta.dirname, "uploads")`), severity: "warning" as const }],
    };
  })(),
  (() => {
    const code = `import Database from "better-sqlite3";\nconst openDb = (file: string) => new Database(file);\nexport const db = openDb("app.sqlite");`;
    return {
      name: "a file-backed store opened by a helper",
      code,
      errors: [{ message: `openDb() opens a database file at "app.sqlite" on the local disk (through better-sqlite3); ${ADVICE}.`, ...spanOf(code, `"app.sqlite"`), severity: "warning" as const }],
    };
  })(),
];

runRuleTests(rule, { valid, invalid: invalidCases });

describe("processes/no-local-state pre-scan through imports", () => {
  it("lets a file through when a project file it imports (or one that file imports) writes, and no other", () => {
    const project = writeProject({
      "src/a.ts": `import { persist } from "./lib/persist";\npersist("x");`,
      "src/b.ts": `import { format } from "./lib/format";\nformat("x");`,
      "src/lib/persist.ts": `import { writeJson } from "./files";\nexport const persist = (f: string) => writeJson(f, {});\n`,
      "src/lib/files.ts": FILES_HELPER,
      "src/lib/format.ts": `export const format = (s: string) => s.trim();\n`,
    });
    try {
      const model = new ProjectModel(project.root, diskHost);
      const test = (rel: string): boolean => rule.trigger.test(project.read(rel) ?? "", path.join(project.root, rel), model);
      assert.equal(test("src/a.ts"), true);
      assert.equal(test("src/b.ts"), false);
    } finally {
      project.cleanup();
    }
  });
});
