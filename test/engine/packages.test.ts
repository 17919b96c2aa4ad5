import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { diskHost, type DocumentHost } from "../../server/src/engine/host";
import {
  envFileOf,
  lockfileOf,
  MAX_WORKSPACE_MEMBERS,
  packageOf,
  packagesOf,
  workspaceMembers,
  workspacePackageDirs,
  workspaceRootAbove,
  workspaceRootOf,
} from "../../server/src/engine/packages";
import { ProjectModel } from "../../server/src/engine/project";
import { writeProject } from "../helpers/project";

const json = (value: unknown): string => JSON.stringify(value);

function model(root: string, host: DocumentHost = diskHost): ProjectModel {
  return new ProjectModel(root, host);
}

const rel = (project: ProjectModel, dir: string | undefined): string | undefined => (dir === undefined ? undefined : project.relative(dir) || ".");

describe("the package graph", () => {
  it("finds npm workspace members, nested packages, and gives each file exactly one package", () => {
    const p = writeProject({
      "package.json": json({ name: "acme", private: true, workspaces: ["apps/*"] }),
      "package-lock.json": "{}",
      "apps/a/package.json": json({ name: "a", dependencies: { express: "1" } }),
      "apps/a/src/esm/package.json": json({ type: "module" }),
      "apps/a/src/esm/x.ts": "",
      "apps/b/package.json": json({ name: "b" , scripts: { start: "node ." } }),
      "apps/b/.env.example": "PORT=\n",
      "tools/gen/package.json": json({ name: "gen", dependencies: { yargs: "1" } }),
      "node_modules/dep/package.json": json({ name: "dep", dependencies: { x: "1" } }),
      "scripts/run.ts": "",
    });
    try {
      const project = model(p.root);
      assert.deepEqual(packagesOf(project).map((pkg) => rel(project, pkg.dir)), [".", "apps/a", "apps/b", "tools/gen"]);
      const of = (file: string) => rel(project, packageOf(project, path.join(p.root, file)).dir);
      // A `{ "type": "module" }` marker is no package boundary.
      assert.equal(of("apps/a/src/esm/x.ts"), "apps/a");
      assert.equal(of("scripts/run.ts"), ".");
      const a = packageOf(project, path.join(p.root, "apps/a/package.json"));
      const gen = packageOf(project, path.join(p.root, "tools/gen/package.json"));
      assert.equal(rel(project, workspaceRootOf(project, a)?.dir), ".");
      assert.equal(workspaceRootOf(project, gen), undefined);
      // The lockfile is inherited from the workspace root, not by a package outside its globs.
      assert.equal(rel(project, lockfileOf(project, a)), "package-lock.json");
      assert.equal(lockfileOf(project, gen), undefined);
      const root = packageOf(project, path.join(p.root, "package.json"));
      assert.deepEqual(workspaceMembers(project, root).map((pkg) => rel(project, pkg.dir)), ["apps/a", "apps/b"]);
      assert.deepEqual([...workspacePackageDirs(project, root)].map(([name, dir]) => `${name} ${rel(project, dir)}`), ["acme .", "a apps/a", "b apps/b"]);
      assert.deepEqual(project.notes, []);
    } finally {
      p.cleanup();
    }
  });

  it("reads yarn's { packages } form and pnpm-workspace.yaml", () => {
    const p = writeProject({
      "yarn/package.json": json({ private: true, workspaces: { packages: ["./libs/*/"] } }),
      "yarn/libs/x/package.json": json({ name: "x", dependencies: { a: "1" } }),
      "pnpm/package.json": json({ name: "mono", private: true }),
      "pnpm/pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - '!packages/legacy'\n",
      "pnpm/packages/api/package.json": json({ name: "api", dependencies: { a: "1" } }),
      "pnpm/packages/legacy/package.json": json({ name: "legacy", dependencies: { a: "1" } }),
    });
    try {
      const project = model(p.root);
      const root = (file: string) => rel(project, workspaceRootOf(project, packageOf(project, path.join(p.root, file)))?.dir);
      assert.equal(root("yarn/libs/x/package.json"), "yarn");
      assert.equal(root("pnpm/packages/api/package.json"), "pnpm");
      assert.equal(root("pnpm/packages/legacy/package.json"), undefined);
    } finally {
      p.cleanup();
    }
  });

  it("takes the nearest committed .env.example at or above the package, never a git-ignored one", () => {
    const p = writeProject({
      ".gitignore": "apps/c/.env.example\n",
      ".env.example": "ROOT=\n",
      "apps/a/package.json": json({ name: "a" }),
      "apps/a/.env.example": "A=\n",
      "apps/b/package.json": json({ name: "b" }),
      "apps/c/package.json": json({ name: "c" }),
      "apps/c/.env.example": "REAL=value\n",
    });
    try {
      const project = model(p.root);
      const example = (dir: string) => rel(project, envFileOf(project, packageOf(project, path.join(p.root, dir, "package.json")), ".env.example")?.path);
      assert.equal(example("apps/a"), "apps/a/.env.example");
      assert.equal(example("apps/b"), ".env.example");
      assert.equal(example("apps/c"), ".env.example");
    } finally {
      p.cleanup();
    }
  });
});

describe("bad workspace declarations: one clear note each, no crash, nothing read outside the root", () => {
  it("a malformed pnpm-workspace.yaml", () => {
    const p = writeProject({
      "package.json": json({ name: "mono" }),
      "pnpm-workspace.yaml": "packages:\n  - 'packages/*\n  - : [\n",
      "packages/api/package.json": json({ name: "api", dependencies: { a: "1" } }),
    });
    try {
      const project = model(p.root);
      const api = packageOf(project, path.join(p.root, "packages/api/package.json"));
      assert.equal(workspaceRootOf(project, api), undefined);
      assert.equal(workspaceRootOf(project, api), undefined);
      assert.equal(project.notes.length, 1);
      assert.match(project.notes[0].message, /^pnpm-workspace\.yaml is not valid YAML \(.+\); its workspace packages are not known, so each is audited on its own\.$/);
    } finally {
      p.cleanup();
    }
  });

  it("a pnpm-workspace.yaml whose packages is not a list", () => {
    const p = writeProject({ "pnpm-workspace.yaml": "packages: 'packages/*'\n", "packages/api/package.json": json({ name: "api", dependencies: { a: "1" } }) });
    try {
      const project = model(p.root);
      assert.equal(workspaceRootOf(project, packageOf(project, path.join(p.root, "packages/api/package.json"))), undefined);
      assert.deepEqual(project.notes.map((note) => note.message), ["pnpm-workspace.yaml: `packages` should be a list of folder globs; its workspace packages are not known, so each is audited on its own."]);
    } finally {
      p.cleanup();
    }
  });

  it("globs climbing out of the root are ignored, and no file outside the root is read", () => {
    const p = writeProject({
      "outside/lib/package.json": json({ name: "lib" }),
      "repo/package.json": json({ name: "mono", workspaces: ["../outside/*", "/etc/*", "apps/*"] }),
      "repo/apps/a/package.json": json({ name: "a", dependencies: { x: "1" } }),
    });
    try {
      const reads: string[] = [];
      const recording: DocumentHost = {
        readFile: (file) => (reads.push(file), diskHost.readFile(file)),
        fileExists: (file) => (reads.push(file), diskHost.fileExists(file)),
      };
      const root = path.join(p.root, "repo");
      const project = model(root, recording);
      const mono = packageOf(project, path.join(root, "package.json"));
      assert.deepEqual(workspaceMembers(project, mono).map((pkg) => rel(project, pkg.dir)), ["apps/a"]);
      assert.deepEqual([...workspacePackageDirs(project, mono).keys()], ["mono", "a"]);
      assert.deepEqual(project.notes.map((note) => note.message), [
        'package.json: workspace glob "../outside/*" points outside its folder; it is ignored (nothing outside the project is read).',
        'package.json: workspace glob "/etc/*" points outside its folder; it is ignored (nothing outside the project is read).',
      ]);
      assert.deepEqual(reads.filter((file) => !file.startsWith(root + path.sep)), []);
    } finally {
      p.cleanup();
    }
  });

  it(`globs matching more than ${MAX_WORKSPACE_MEMBERS} packages are capped, with a note`, () => {
    const files: Record<string, string> = { "package.json": json({ name: "mono", workspaces: ["packages/**"] }) };
    for (let i = 0; i < MAX_WORKSPACE_MEMBERS + 5; i++) files[`packages/p${String(i).padStart(4, "0")}/package.json`] = json({ name: `p${i}`, version: "1.0.0", scripts: { build: "tsc" } });
    const p = writeProject(files);
    try {
      const project = model(p.root);
      const members = workspaceMembers(project, packageOf(project, path.join(p.root, "package.json")));
      assert.equal(members.length, MAX_WORKSPACE_MEMBERS);
      assert.deepEqual(project.notes.map((note) => note.message), [`package.json: the workspace globs match ${MAX_WORKSPACE_MEMBERS + 5} packages; only the first ${MAX_WORKSPACE_MEMBERS} are taken as workspace packages.`]);
    } finally {
      p.cleanup();
    }
  });
});

describe("workspaceRootAbove (the CLI's and the editor's way to a member's workspace)", () => {
  it("finds the root that lists the folder, and never looks above the limit", () => {
    const p = writeProject({ "package.json": json({ workspaces: ["apps/*"] }), "apps/b/package.json": json({ name: "b" }), "other/package.json": json({ name: "o" }) });
    try {
      assert.equal(workspaceRootAbove(path.join(p.root, "apps/b"), diskHost, p.root), p.root);
      assert.equal(workspaceRootAbove(path.join(p.root, "other"), diskHost, p.root), undefined);
      assert.equal(workspaceRootAbove(path.join(p.root, "apps/b"), diskHost, path.join(p.root, "apps/b")), undefined);
    } finally {
      p.cleanup();
    }
  });
});
