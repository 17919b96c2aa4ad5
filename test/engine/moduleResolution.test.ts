import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { diskHost, OverlayHost } from "../../server/src/engine/host";
import { ProjectModel } from "../../server/src/engine/project";
import { MAX_CACHED_ANSWERS, ModuleResolution, type Resolution } from "../../server/src/engine/resolution/moduleResolver";
import { writeProject } from "../helpers/project";

/**
 * The engine's one module resolver: TypeScript's resolution with the tsconfig that governs the
 * importing file, workspace packages linked by name, nothing read outside the project root.
 */
const projects: Array<{ cleanup(): void }> = [];
after(() => projects.forEach((p) => p.cleanup()));

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function setup(files: Record<string, string>, host = diskHost): { root: string; model: ProjectModel; resolve(specifier: string, from?: string): string } {
  const project = writeProject(files);
  projects.push(project);
  const model = new ProjectModel(project.root, host);
  const describeResolution = (resolution: Resolution): string => {
    switch (resolution.kind) {
      case "file":
        return `file ${model.relative(resolution.file)}${resolution.workspacePackage ? ` (workspace ${resolution.workspacePackage})` : ""}`;
      case "workspace":
        return `workspace ${resolution.name} at ${model.relative(resolution.dir)}`;
      case "package":
        return `package ${resolution.name}`;
      default:
        return resolution.kind;
    }
  };
  return {
    root: project.root,
    model,
    resolve: (specifier, from = "src/index.ts") => describeResolution(model.modules.resolve(specifier, path.join(project.root, from))),
  };
}

describe("module resolution follows TypeScript and the project's tsconfigs", () => {
  it("baseUrl reaches a folder's index.d.ts: a project file, not the npm package of that name", () => {
    const { resolve } = setup({
      "tsconfig.json": json({ compilerOptions: { baseUrl: "." } }),
      "types/index.d.ts": "export interface SiteConfig { name: string }\n",
      "src/index.ts": "",
    });
    assert.equal(resolve("types"), "file types/index.d.ts");
    assert.equal(resolve("express"), "package express");
    assert.equal(resolve("node:fs"), "package fs");
  });

  it("paths aliases, with and without a wildcard, and TypeScript's extension rules", () => {
    const { resolve } = setup({
      "tsconfig.json": json({ compilerOptions: { paths: { "@/*": ["./src/*"], config: ["./src/config/index.ts"] } } }),
      "src/lib/db.ts": "export const db = 1;\n",
      "src/config/index.ts": "export const port = 3000;\n",
      "src/index.ts": "",
      "src/esm.ts": "",
    });
    assert.equal(resolve("@/lib/db"), "file src/lib/db.ts");
    assert.equal(resolve("config"), "file src/config/index.ts");
    // TypeScript's ESM spelling: `./lib/db.js` means the `.ts` source.
    assert.equal(resolve("./lib/db.js"), "file src/lib/db.ts");
    // An alias with no file behind it is still no package.
    assert.equal(resolve("@/lib/missing"), "unresolved");
  });

  it("an extends chain with the paths in the base, relative to the base's folder", () => {
    const { resolve } = setup({
      "tsconfig.json": json({ extends: "./config/tsconfig.paths.json", compilerOptions: { strict: true } }),
      "config/tsconfig.paths.json": json({ extends: "./tsconfig.base.json" }),
      "config/tsconfig.base.json": json({ compilerOptions: { paths: { "@lib/*": ["../src/lib/*"] } } }),
      "src/lib/date.ts": "export const format = 1;\n",
      "src/index.ts": "",
    });
    assert.equal(resolve("@lib/date"), "file src/lib/date.ts");
  });

  it("the nearest tsconfig governs: a package's own aliases, not the root's", () => {
    const { resolve } = setup({
      "tsconfig.json": json({ compilerOptions: { paths: { "@/*": ["./root-src/*"] } } }),
      "apps/web/tsconfig.json": json({ compilerOptions: { paths: { "@/*": ["./app/*"] } } }),
      "apps/web/app/page.ts": "",
      "root-src/page.ts": "",
      "src/index.ts": "",
    });
    assert.equal(resolve("@/page", "apps/web/app/layout.ts"), "file apps/web/app/page.ts");
    assert.equal(resolve("@/page"), "file root-src/page.ts");
  });

  it("a solution-style tsconfig hands each file to the referenced config that includes it", () => {
    const { resolve } = setup({
      "tsconfig.json": json({ files: [], references: [{ path: "./tsconfig.node.json" }, { path: "./tsconfig.app.json" }] }),
      "tsconfig.app.json": json({ include: ["src"], compilerOptions: { paths: { "@/*": ["./src/*"] } } }),
      "tsconfig.node.json": json({ include: ["vite.config.ts"] }),
      "src/lib/utils.ts": "",
      "src/index.ts": "",
    });
    assert.equal(resolve("@/lib/utils"), "file src/lib/utils.ts");
  });

  it("workspace packages resolve to their source: exports to build output, exports to source, main, subpaths, bare folders", () => {
    const { resolve } = setup({
      "package.json": json({ private: true, workspaces: ["packages/*", "apps/*"] }),
      "pnpm-workspace.yaml": "packages:\n  - libs/*\n",
      "packages/config/package.json": json({ name: "@acme/config", exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } } }),
      "packages/config/src/index.ts": "export const ports = { billing: 8080 };\n",
      "packages/ui/package.json": json({ name: "@acme/ui", exports: { ".": "./src/index.ts", "./button": "./src/button.tsx" } }),
      "packages/ui/src/index.ts": "",
      "packages/ui/src/button.tsx": "",
      "libs/log/package.json": json({ name: "log-lib", main: "lib/main.js" }),
      "libs/log/lib/main.js": "module.exports = {};\n",
      "packages/empty/package.json": json({ name: "@acme/empty" }),
      "apps/billing/package.json": json({ name: "billing", dependencies: { "@acme/config": "*" } }),
      "apps/billing/src/server.ts": "",
    });
    const from = "apps/billing/src/server.ts";
    assert.equal(resolve("@acme/config", from), "file packages/config/src/index.ts (workspace @acme/config)");
    assert.equal(resolve("@acme/ui", from), "file packages/ui/src/index.ts (workspace @acme/ui)");
    assert.equal(resolve("@acme/ui/button", from), "file packages/ui/src/button.tsx (workspace @acme/ui)");
    assert.equal(resolve("log-lib", from), "file libs/log/lib/main.js (workspace log-lib)");
    assert.equal(resolve("@acme/empty", from), "workspace @acme/empty at packages/empty");
    assert.equal(resolve("@acme/other", from), "package @acme/other");
  });

  it("installed packages are never looked into: a bare name is a package import with or without node_modules", () => {
    const { resolve } = setup({
      "tsconfig.json": json({ compilerOptions: { baseUrl: "." } }),
      "node_modules/express/package.json": json({ name: "express", main: "index.js" }),
      "node_modules/express/index.js": "module.exports = {};\n",
      "node_modules/@types/express/index.d.ts": "export {};\n",
      "src/index.ts": "",
    });
    assert.equal(resolve("express"), "package express");
    assert.equal(resolve("express/lib/router"), "package express");
  });

  it("paths that leave the project folder resolve to nothing readable", () => {
    const { resolve } = setup({
      "tsconfig.json": json({ compilerOptions: { paths: { "@shared/*": ["../shared/*"] } } }),
      "src/index.ts": "",
    });
    assert.equal(resolve("../../outside/lib"), "outside");
    assert.equal(resolve("@shared/util"), "outside");
    assert.equal(resolve("./missing"), "unresolved");
  });

  it("answers follow an edited tsconfig once it is invalidated (editor buffers win over the disk)", () => {
    const host = new OverlayHost();
    const { root, model, resolve } = setup({ "tsconfig.json": json({ compilerOptions: {} }), "src/lib/a.ts": "", "src/index.ts": "" }, host);
    assert.equal(resolve("@/lib/a"), "unresolved");
    const config = path.join(root, "tsconfig.json");
    host.set(config, json({ compilerOptions: { paths: { "@/*": ["./src/*"] } } }));
    model.invalidate(config);
    assert.equal(resolve("@/lib/a"), "file src/lib/a.ts");
    // An ordinary source edit keeps the answers.
    model.invalidate(path.join(root, "src/lib/a.ts"));
    assert.equal(resolve("@/lib/a"), "file src/lib/a.ts");
  });
});

describe("bad tsconfigs: one clear note each, resolution goes on", () => {
  const notesFor = (files: Record<string, string>, specifier = "@/a"): { notes: string[]; answer: string } => {
    const { model, resolve } = setup({ ...files, "src/a.ts": "", "src/index.ts": "" });
    const answer = resolve(specifier);
    resolve("./a");
    return { notes: model.notes.map((note) => `${note.level} ${note.file ? model.relative(note.file) : "-"}: ${note.message}`), answer };
  };

  it("a broken extends", () => {
    const { notes, answer } = notesFor({ "tsconfig.json": json({ extends: "./tsconfig.base.json", compilerOptions: { paths: { "@/*": ["./src/*"] } } }) });
    assert.deepEqual(notes, ['warning tsconfig.json: tsconfig.json: "extends" names tsconfig.base.json, which does not exist; its options are not used.']);
    assert.equal(answer, "file src/a.ts");
  });

  it("a cycle of extends", () => {
    const { notes, answer } = notesFor({
      "tsconfig.json": json({ extends: "./a.json" }),
      "a.json": json({ extends: "./b.json", compilerOptions: { paths: { "@/*": ["./src/*"] } } }),
      "b.json": json({ extends: "./a.json" }),
    });
    assert.deepEqual(notes, ['warning tsconfig.json: tsconfig.json: "extends" forms a cycle (tsconfig.json → a.json → b.json → a.json); the options read before it repeats are used.']);
    assert.equal(answer, "file src/a.ts");
  });

  it("an extends outside the project folder, and an uninstalled config package", () => {
    const { notes } = notesFor({ "tsconfig.json": json({ extends: ["../../elsewhere/tsconfig.json", "@tsconfig/node20/tsconfig.json"] }) });
    assert.deepEqual(notes, [
      'info tsconfig.json: tsconfig.json: "extends" names the package @tsconfig/node20/tsconfig.json, which is not installed in the project; its options are not used.',
      'info tsconfig.json: tsconfig.json: "extends" points outside the project folder (../../elsewhere/tsconfig.json), which is never read; its options are not used.',
    ]);
  });

  it("paths that climb out of the workspace", () => {
    const { notes, answer } = notesFor({ "tsconfig.json": json({ compilerOptions: { paths: { "@/*": ["./src/*"], "@shared/*": ["../../shared/*"] } } }) });
    assert.deepEqual(notes, ['info tsconfig.json: tsconfig.json: "paths" maps "@shared/*" outside the project folder (../../shared/*), which is never read; imports through it are not followed.']);
    assert.equal(answer, "file src/a.ts");
  });

  it("a tsconfig that is not JSON", () => {
    const { notes, answer } = notesFor({ "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } ' });
    assert.deepEqual(notes, ["warning tsconfig.json: tsconfig.json is not valid JSON; imports in the files it governs are resolved with the options that could be read."]);
    assert.equal(answer, "file src/a.ts");
  });

  it("a tsconfig of the wrong shape", () => {
    assert.deepEqual(notesFor({ "tsconfig.json": json({ compilerOptions: { paths: ["./src/*"], baseUrl: 3 } }) }).notes, [
      "warning tsconfig.json: tsconfig.json: Compiler option 'baseUrl' requires a value of type string; module resolution ignores it.",
      'warning tsconfig.json: tsconfig.json: "paths" must map each pattern to a list of paths; module resolution ignores the entries that do not.',
    ]);
    assert.deepEqual(notesFor({ "tsconfig.json": json({ compilerOptions: { paths: { "@/*": "./src/*", "~/*": ["./src/*"] } } }) }, "~/a"), {
      notes: ['warning tsconfig.json: tsconfig.json: "paths" must map each pattern to a list of paths; module resolution ignores the entries that do not.'],
      answer: "file src/a.ts",
    });
    assert.deepEqual(notesFor({ "tsconfig.json": "[1, 2]" }).notes, ["warning tsconfig.json: tsconfig.json: The root value of a 'tsconfig.json' file must be an object; module resolution ignores it."]);
  });
});

describe("the resolver's host never touches a path outside the project root", () => {
  it("whatever imports, extends, paths, workspaces and symlinks point to", () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-resolver-"));
    projects.push({ cleanup: () => fs.rmSync(base, { recursive: true, force: true }) });
    const root = path.join(base, "project");
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
      fs.writeFileSync(path.join(base, file), text);
    };
    write("outside/tsconfig.base.json", json({ compilerOptions: { baseUrl: ".", paths: { "@out/*": ["./*"] } } }));
    write("outside/lib/util.ts", "export const PORT = 3000;\n");
    write("outside/pkg/package.json", json({ name: "@acme/outside" }));
    write("project/package.json", json({ name: "root", workspaces: ["packages/*", "../outside/*"] }));
    write("project/tsconfig.json", json({ extends: "../outside/tsconfig.base.json", compilerOptions: { baseUrl: "..", paths: { "@up/*": ["../outside/*"], "~/*": ["./src/*"] } } }));
    write("project/packages/a/package.json", json({ name: "@acme/a", main: "../../../outside/lib/util.js" }));
    write("project/src/index.ts", "");
    fs.symlinkSync(path.join(base, "outside/lib"), path.join(root, "src/linked"));
    const touched: string[] = [];
    const modules = new ModuleResolution(new ProjectModel(root, diskHost), { onAccess: (file) => touched.push(file) });
    const from = path.join(root, "src/index.ts");
    const answers = ["../../outside/lib/util", "/etc/passwd", "@out/lib/util", "@up/lib/util", "outside/lib/util", "@acme/a", "@acme/outside", "./linked/util", "~/linked/util", "express"].map(
      (specifier) => `${specifier} → ${modules.resolve(specifier, from).kind}`,
    );
    assert.deepEqual(answers, [
      "../../outside/lib/util → outside",
      "/etc/passwd → outside",
      "@out/lib/util → package",
      "@up/lib/util → outside",
      "outside/lib/util → package",
      "@acme/a → workspace",
      "@acme/outside → package",
      "./linked/util → unresolved",
      // baseUrl ".." puts every alias target outside the root.
      "~/linked/util → outside",
      "express → package",
    ]);
    assert.ok(touched.length > 0, "the host was asked about something");
    assert.deepEqual(
      touched.filter((file) => file !== root && !file.startsWith(root + path.sep)),
      [],
    );
  });
});

describe("the resolver's answers", () => {
  it("keep at most MAX_CACHED_ANSWERS, the least recently used going first, and stay right after they go", () => {
    const project = writeProject({ "src/index.ts": "", "src/lib/util.ts": "export const x = 1;\n" });
    projects.push(project);
    let accesses = 0;
    const modules = new ModuleResolution(new ProjectModel(project.root, diskHost), { onAccess: () => accesses++ });
    const from = path.join(project.root, "src/index.ts");
    const util = path.join(project.root, "src/lib/util.ts");
    assert.deepEqual(modules.resolve("./lib/util", from), { kind: "file", file: util });
    // The oldest answer is util's; asked again when the cache is full, it becomes the newest.
    for (let i = 0; i < MAX_CACHED_ANSWERS - 1; i++) assert.equal(modules.resolve(`./missing/m${i}`, from).kind, "unresolved");
    modules.resolve("./lib/util", from);
    for (let i = MAX_CACHED_ANSWERS - 1; i < MAX_CACHED_ANSWERS + 100; i++) modules.resolve(`./missing/m${i}`, from);
    assert.equal(modules.cachedAnswers, MAX_CACHED_ANSWERS);
    const before = accesses;
    assert.deepEqual(modules.resolve("./lib/util", from), { kind: "file", file: util });
    assert.equal(accesses, before, "kept: answered without a look at the disk");
    // The first missing ones went: asked again, they are computed again, with the same answer.
    assert.equal(modules.resolve("./missing/m0", from).kind, "unresolved");
    assert.ok(accesses > before, "dropped: computed again");
    assert.equal(modules.cachedAnswers, MAX_CACHED_ANSWERS);
  });
});
