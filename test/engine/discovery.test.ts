import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { discoverFiles, type DiscoveryResult } from "../../server/src/engine/discovery";
import { writeProject } from "../helpers/project";

const SOURCE = "export const x = 1;\n";

/** Relative, forward-slash paths, so expectations read like the tree. */
function relativeFiles(root: string, result: DiscoveryResult): string[] {
  return result.files.map((file) => path.relative(root, file).split(path.sep).join("/"));
}

function messages(result: DiscoveryResult): string[] {
  return result.notes.map((note) => note.message);
}

const TREE: Record<string, string> = {
  ".gitignore": "generated/\n*.log\nsecret-*.ts\n!secret-ok.ts\n",
  "package.json": "{}",
  "package-lock.json": "{}",
  "yarn.lock": "",
  ".npmrc": "",
  ".env": "A=1\n",
  ".env.example": "A=\n",
  Dockerfile: "FROM node:20\n",
  "Dockerfile.prod": "FROM node:20\n",
  "docker-compose.yml": "services: {}\n",
  "compose.prod.yaml": "services: {}\n",
  Procfile: "web: node index.js\n",
  "README.md": "# not analysed\n",
  "config/default.json": "{}",
  "config/production.yml": "a: 1\n",
  "config/env/nested.yml": "a: 1\n",
  "config/notes.txt": "not data\n",
  "src/index.ts": SOURCE,
  "src/util.js": SOURCE,
  "src/view.tsx": SOURCE,
  "src/esm.mjs": SOURCE,
  "src/legacy.cjs": SOURCE,
  "src/types.d.ts": "export type T = 1;\n",
  "src/app.min.js": SOURCE,
  "src/vendor-min.js": SOURCE,
  "src/app.bundle.js": SOURCE,
  "src/util.js.map": "{}",
  "src/server.log": "log line\n",
  "src/secret-a.ts": SOURCE,
  "src/secret-ok.ts": SOURCE,
  "src/widget.generated.ts": SOURCE,
  "generated/x.ts": SOURCE,
  "legacy/old.ts": SOURCE,
  "node_modules/pkg/index.js": SOURCE,
  "node_modules/pkg/package.json": "{}",
  "dist/index.js": SOURCE,
  "build/index.js": SOURCE,
  "out/index.js": SOURCE,
  "coverage/lcov.js": SOURCE,
  ".next/page.js": SOURCE,
  ".git/hooks/pre-commit.js": SOURCE,
  "packages/api/.gitignore": "tmp.ts\n!secret-nested.ts\n",
  "packages/api/package.json": "{}",
  "packages/api/tmp.ts": SOURCE,
  "packages/api/src/tmp.ts": SOURCE,
  "packages/api/secret-nested.ts": SOURCE,
  "packages/web/tmp.ts": SOURCE,
};

const CONFIG_IGNORE = ["legacy/", "*.generated.ts"];

describe("discoverFiles", () => {
  let project: ReturnType<typeof writeProject>;
  before(() => {
    project = writeProject(TREE);
  });
  after(() => project.cleanup());

  it("takes sources and project files, honouring .gitignore (nested, negated), ignore globs and default excludes", () => {
    const result = discoverFiles(project.root, { ignore: CONFIG_IGNORE });
    assert.deepEqual(relativeFiles(project.root, result), [
      ".env",
      ".env.example",
      ".gitignore",
      ".npmrc",
      "Dockerfile",
      "Dockerfile.prod",
      "Procfile",
      "compose.prod.yaml",
      "config/default.json",
      "config/production.yml",
      "docker-compose.yml",
      "package-lock.json",
      "package.json",
      "packages/api/.gitignore",
      "packages/api/package.json",
      "packages/api/secret-nested.ts",
      "packages/web/tmp.ts",
      "src/esm.mjs",
      "src/index.ts",
      "src/legacy.cjs",
      "src/secret-ok.ts",
      "src/util.js",
      "src/view.tsx",
      "yarn.lock",
    ]);
    assert.deepEqual(result.notes, []);
    assert.equal(result.skipped, 0);
    assert.ok(result.files.every((file) => path.isAbsolute(file)));
  });

  it("with onlyNames, takes what the whole walk takes of those names, under the same .gitignore and globs", () => {
    const names = new Set(["package.json", ".gitignore"]);
    const only = discoverFiles(project.root, { ignore: CONFIG_IGNORE, onlyNames: names });
    assert.deepEqual(relativeFiles(project.root, only), [".gitignore", "package.json", "packages/api/.gitignore", "packages/api/package.json"]);
    const whole = discoverFiles(project.root, { ignore: CONFIG_IGNORE });
    assert.deepEqual(only.files, whole.files.filter((file) => names.has(path.basename(file))));
  });

  it("counts the bytes of what it takes", () => {
    const result = discoverFiles(project.root, { paths: ["src/index.ts", "src/util.js"] });
    assert.equal(result.bytes, 2 * Buffer.byteLength(SOURCE));
  });

  it("walks dependencies and build output when the default excludes are off; .gitignore still applies", () => {
    const files = relativeFiles(project.root, discoverFiles(project.root, { ignore: CONFIG_IGNORE, defaultExcludes: false }));
    for (const expected of ["node_modules/pkg/index.js", "node_modules/pkg/package.json", "dist/index.js", "build/index.js", "out/index.js", "coverage/lcov.js", ".next/page.js", ".git/hooks/pre-commit.js", "src/app.min.js", "src/vendor-min.js", "src/app.bundle.js"]) {
      assert.ok(files.includes(expected), `${expected} is taken`);
    }
    for (const ignored of ["generated/x.ts", "src/secret-a.ts", "legacy/old.ts", "src/types.d.ts", "src/util.js.map"]) {
      assert.ok(!files.includes(ignored), `${ignored} is not taken`);
    }
  });

  it("takes a named file even under a default exclude, but not one the project ignores", () => {
    const result = discoverFiles(project.root, {
      ignore: CONFIG_IGNORE,
      paths: ["node_modules/pkg/index.js", "src/app.min.js", "src/secret-a.ts", "generated/x.ts", "legacy/old.ts", "packages/api/src/tmp.ts", "README.md", "missing.ts", "../outside.ts"],
    });
    assert.deepEqual(relativeFiles(project.root, result), ["node_modules/pkg/index.js", "src/app.min.js"]);
    assert.deepEqual(messages(result), [
      "src/secret-a.ts: ignored by .gitignore; skipped.",
      "generated/x.ts: ignored by .gitignore; skipped.",
      "legacy/old.ts: ignored by the ignore setting; skipped.",
      "packages/api/src/tmp.ts: ignored by .gitignore; skipped.",
      "README.md: not a TS/JS source or a project file; skipped.",
      "missing.ts: no such file or directory; skipped.",
      `${path.resolve(project.root, "../outside.ts")}: outside the project root ${project.root}; skipped.`,
    ]);
    assert.deepEqual(result.notes.map((note) => note.level), ["warning", "warning", "warning", "warning", "info", "warning", "warning"]);
  });

  it("walks a named folder with the .gitignore files above it, and refuses an ignored one", () => {
    const result = discoverFiles(project.root, { paths: ["packages/api", "generated", "packages/api/tmp.ts"] });
    assert.deepEqual(relativeFiles(project.root, result), ["packages/api/.gitignore", "packages/api/package.json", "packages/api/secret-nested.ts"]);
    assert.deepEqual(messages(result), ["generated: folder is ignored by .gitignore; skipped.", "packages/api/tmp.ts: ignored by .gitignore; skipped."]);
  });

  it("names each file found twice once", () => {
    const result = discoverFiles(project.root, { paths: ["src/index.ts", "src", "./src/index.ts"] });
    assert.equal(relativeFiles(project.root, result).filter((file) => file === "src/index.ts").length, 1);
  });
});

describe("discoverFiles size cap and binary sniff", () => {
  const LIMIT = 1024 * 1024;
  let project: ReturnType<typeof writeProject>;
  before(() => {
    project = writeProject({
      "src/big.js": "x".repeat(LIMIT + 1),
      "src/limit.js": "/" + "/".repeat(LIMIT - 1),
      "src/blob.js": "const a = 1;\u0000\u0001binary",
      "src/late-nul.js": "/".repeat(9000) + "\u0000",
      "package.json": "{}\n",
    });
  });
  after(() => project.cleanup());

  it("skips a file over 1 MiB with one info note naming it and its size", () => {
    const result = discoverFiles(project.root);
    assert.deepEqual(relativeFiles(project.root, result), ["package.json", "src/late-nul.js", "src/limit.js"]);
    assert.deepEqual(result.notes, [
      { level: "info", file: path.join(project.root, "src/big.js"), message: "src/big.js: 1.0 MiB (1048577 bytes) is over the 1 MiB limit; skipped." },
      { level: "info", file: path.join(project.root, "src/blob.js"), message: "src/blob.js: binary (a NUL byte in its first 8 KB); skipped." },
    ]);
    assert.equal(result.skipped, 2);
  });

  it("with onlyNames, takes only files of those names and opens no other (no note about the big or binary ones)", () => {
    const result = discoverFiles(project.root, { onlyNames: new Set(["package.json"]) });
    assert.deepEqual(relativeFiles(project.root, result), ["package.json"]);
    assert.deepEqual(result.notes, []);
    assert.equal(result.skipped, 0);
  });

  it("notes a skipped file once even when it is named twice", () => {
    const result = discoverFiles(project.root, { paths: ["src/big.js", "src", "src/big.js"] });
    assert.equal(result.notes.filter((note) => note.message.startsWith("src/big.js:")).length, 1);
  });
});

describe("discoverFiles symlinks", () => {
  it("does not follow linked folders (no loop), reads linked files", () => {
    const project = writeProject({ "src/index.ts": SOURCE, "lib/real.ts": SOURCE });
    try {
      symlinkSync("..", path.join(project.root, "src/loop"));
      symlinkSync(path.join(project.root, "src/self"), path.join(project.root, "src/self"));
      symlinkSync(path.join(project.root, "lib/real.ts"), path.join(project.root, "src/link.ts"));
      symlinkSync(path.join(project.root, "missing.ts"), path.join(project.root, "src/dangling.ts"));
      const result = discoverFiles(project.root);
      assert.deepEqual(relativeFiles(project.root, result), ["lib/real.ts", "src/index.ts", "src/link.ts"]);
      assert.deepEqual(result.notes, []);
    } finally {
      project.cleanup();
    }
  });
});

/**
 * Runs discovery as an unprivileged user: root reads through any permission bits, so when the
 * suite runs as root the check moves to a child process running as `nobody`.
 */
function discoverUnprivileged(root: string): DiscoveryResult {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return discoverFiles(root);
  const module = pathToFileURL(path.resolve(__dirname, "../../server/src/engine/discovery.ts")).href;
  const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(JSON.stringify((m.discoverFiles ?? m.default.discoverFiles)(${JSON.stringify(root)}))));`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { uid: 65534, gid: 65534, encoding: "utf8", cwd: path.resolve(__dirname, "../..") });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as DiscoveryResult;
}

describe("discoverFiles unreadable entries", () => {
  it("notes a file and a folder it may not read, and goes on", () => {
    const project = writeProject({ "src/index.ts": SOURCE, "src/locked.ts": SOURCE, "src/private/hidden.ts": SOURCE });
    try {
      chmodSync(project.root, 0o755);
      chmodSync(path.join(project.root, "src/locked.ts"), 0o000);
      chmodSync(path.join(project.root, "src/private"), 0o000);
      const result = discoverUnprivileged(project.root);
      assert.deepEqual(relativeFiles(project.root, result), ["src/index.ts"]);
      assert.deepEqual(messages(result).sort(), ["src/locked.ts: could not be read (permission denied); skipped.", "src/private: folder could not be read (permission denied); skipped."]);
    } finally {
      chmodSync(path.join(project.root, "src/private"), 0o755);
      project.cleanup();
    }
  });
});

describe("discoverFiles at scale", () => {
  it("walks a wide, deep tree and returns it sorted", () => {
    const project = writeProject({});
    try {
      const expected: string[] = [];
      for (let a = 0; a < 20; a++) {
        for (let b = 0; b < 25; b++) {
          const rel = `src/m${a}/d${b}/f${a}_${b}.ts`;
          mkdirSync(path.dirname(path.join(project.root, rel)), { recursive: true });
          writeFileSync(path.join(project.root, rel), SOURCE);
          expected.push(rel);
        }
      }
      const result = discoverFiles(project.root);
      assert.deepEqual(relativeFiles(project.root, result), expected.sort());
    } finally {
      project.cleanup();
    }
  });
});
