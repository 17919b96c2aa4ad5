import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { findProjectRoot } from "../../server/src/cli/projectRoot";
import { IGNORED_EXAMPLE_APP, WORKSPACE } from "../helpers/packageFixtures";
import { writeProject } from "../helpers/project";
import { ensureBuilt, runCli } from "./helpers";

/**
 * Packages are projects: a workspace root, or a plain folder of apps, reports exactly the union
 * of auditing each package alone, and each package's facts are its own (.env.example, SIGTERM
 * handler), inherited from the workspace root where package managers inherit them (lockfile).
 */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

interface JsonFinding {
  ruleId: string;
  message: string;
  file: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

function audit(cwd: string, target: string): { root: string; findings: JsonFinding[]; notes: { message: string }[] } {
  const run = runCli(cwd, [target, "--format", "json"]);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout);
}

/** rule, path from `base`, range and message: what a user compares between two runs. */
function comparable(report: { root: string; findings: JsonFinding[] }, base: string): string[] {
  return report.findings.map((finding) => {
    const file = path.relative(base, path.resolve(report.root, finding.file)).split(path.sep).join("/");
    const { start, end } = finding.range;
    return `${finding.ruleId} ${file}:${start.line}:${start.column}-${end.line}:${end.column} ${finding.message}`;
  });
}

before(() => ensureBuilt());

describe("an npm-workspaces root", () => {
  const project = writeProject(WORKSPACE);
  after(() => project.cleanup());

  it("reports what apps/b lacks, judged by apps/b's own facts", () => {
    assert.deepEqual(comparable(audit(project.root, "."), project.root), [
      "config/undocumented-env-var apps/b/src/server.ts:3:27-3:36 process.env.API_TOKEN is read but not listed in apps/b/.env.example; add API_TOKEN= there so every deploy knows to set it.",
      "disposability/no-graceful-shutdown apps/b/src/server.ts:4:1-4:11 app.listen() binds a port, but no file of its package handles SIGTERM or SIGINT; on SIGTERM, close the server so in-flight requests finish, then exit.",
    ]);
  });

  it("equals the union of auditing each member alone, and a member without a lockfile is locked by the root's", () => {
    const whole = comparable(audit(project.root, "."), project.root);
    const a = audit(project.root, "apps/a");
    const b = audit(project.root, "apps/b");
    // A member belongs to its workspace: the run's root is the workspace root, as for npm.
    assert.equal(b.root, project.root);
    assert.deepEqual(comparable(a, project.root), []);
    assert.deepEqual([...comparable(a, project.root), ...comparable(b, project.root)].sort(), [...whole].sort());
    assert.ok(!b.findings.some((finding) => finding.ruleId === "dependencies/no-lockfile"));
  });

  it("finds a member's workspace root only up to the folder the CLI runs in", () => {
    const b = path.join(project.root, "apps/b");
    assert.equal(findProjectRoot(path.join(b, "src/server.ts"), project.root), project.root);
    assert.equal(findProjectRoot(b, path.dirname(project.root)), project.root);
    // Run inside apps/b: nothing above it is read, so apps/b is the project.
    assert.equal(findProjectRoot(b, b), b);
    assert.equal(findProjectRoot(b), b);
  });

  it("reports no-lockfile for a member when the root has no lockfile either", () => {
    const bare = writeProject({ ...WORKSPACE, "package-lock.json": "" });
    try {
      fs.rmSync(path.join(bare.root, "package-lock.json"));
      const found = audit(bare.root, ".").findings.filter((finding) => finding.ruleId === "dependencies/no-lockfile").map((finding) => `${finding.file} ${finding.message}`);
      assert.deepEqual(found, [
        "apps/a/package.json apps/a/package.json declares dependencies but has no lockfile next to it nor at the workspace root (.); run your package manager (for example `npm install`) and commit the lockfile it writes.",
        "apps/b/package.json apps/b/package.json declares dependencies but has no lockfile next to it nor at the workspace root (.); run your package manager (for example `npm install`) and commit the lockfile it writes.",
      ]);
    } finally {
      bare.cleanup();
    }
  });
});

describe("a plain folder holding two independent apps", () => {
  const project = writeProject({
    ".git/HEAD": "ref: refs/heads/main\n",
    "shop/package.json": json({ name: "shop", dependencies: { express: "^4.19.2" } }),
    "shop/package-lock.json": "{}\n",
    "shop/.env.example": "PORT=\nSHOP_KEY=\n",
    "shop/server.js": 'const app = require("express")();\nconst key = process.env.SHOP_KEY;\nconst server = app.listen(process.env.PORT);\nprocess.on("SIGTERM", () => server.close());\n',
    "blog/package.json": json({ name: "blog", dependencies: { express: "^4.19.2" } }),
    "blog/.env.example": "PORT=\nBLOG_KEY=\n",
    "blog/server.js": 'const app = require("express")();\nconst key = process.env.BLOG_KEY + process.env.SHOP_KEY;\napp.listen(process.env.PORT);\n',
  });
  after(() => project.cleanup());

  it("reports exactly the union of auditing each app alone", () => {
    const whole = comparable(audit(project.root, "."), project.root);
    const shop = audit(path.join(project.root, "shop"), ".");
    const blog = audit(path.join(project.root, "blog"), ".");
    assert.equal(blog.root, path.join(project.root, "blog"));
    const union = [...comparable(shop, project.root), ...comparable(blog, project.root)].map((line) => line.replace(/listed in \.env\.example/, "listed in blog/.env.example"));
    assert.deepEqual(whole, [
      "dependencies/no-lockfile blog/package.json:3:3-3:17 blog/package.json declares dependencies but has no lockfile next to it; run your package manager (for example `npm install`) and commit the lockfile it writes.",
      "config/undocumented-env-var blog/server.js:2:48-2:56 process.env.SHOP_KEY is read but not listed in blog/.env.example; add SHOP_KEY= there so every deploy knows to set it.",
      "disposability/no-graceful-shutdown blog/server.js:3:1-3:11 app.listen() binds a port, but no file of its package handles SIGTERM or SIGINT; on SIGTERM, close the server so in-flight requests finish, then exit.",
    ]);
    // Alone, blog's messages name its files from blog/: the only difference.
    assert.deepEqual(union.sort(), [...whole].map((line) => line.replace(" blog/package.json declares", " package.json declares")).sort());
  });
});

describe("--fix on an app that loads its git-ignored .env.example", () => {
  it("reports nothing in that file and leaves it byte for byte", () => {
    const project = writeProject(IGNORED_EXAMPLE_APP);
    try {
      const before = project.read(".env.example");
      const reported = audit(project.root, ".").findings.map((finding) => `${finding.ruleId} ${finding.file}`);
      assert.deepEqual(reported, ["backing-services/hardcoded-service-url src/db.ts"]);
      const run = runCli(project.root, ["--fix"]);
      // The ignored .env gets the value; the ignored, loaded .env.example is not among the changed files.
      assert.match(run.stderr, /^Fixed 1 problem, changing 2 files:\n {2}\.env\n {2}src\/db\.ts$/m);
      assert.equal(project.read(".env.example"), before);
    } finally {
      project.cleanup();
    }
  });
});

describe("bad workspace declarations, as the CLI user sees them", () => {
  it("a malformed pnpm-workspace.yaml: one warning, and the rest of the audit goes on", () => {
    const project = writeProject({
      "package.json": json({ name: "mono", private: true }),
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
      "pnpm-workspace.yaml": "packages:\n  - 'packages/*\n  - : [\n",
      "packages/api/package.json": json({ name: "api", dependencies: { express: "^4.19.2" } }),
      "packages/api/server.js": 'require("express")().listen(3000);\n',
    });
    try {
      const run = runCli(project.root, ["--format", "json"]);
      const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; notes: { level: string; message: string }[] };
      const notes = report.notes.filter((note) => note.message.includes("pnpm-workspace.yaml"));
      assert.equal(notes.length, 1);
      assert.match(notes[0].message, /^pnpm-workspace\.yaml is not valid YAML \(.+\); its workspace packages are not known, so each is audited on its own\.$/);
      assert.deepEqual(report.findings.map((finding) => `${finding.ruleId} ${finding.file}`), [
        "dependencies/no-lockfile packages/api/package.json",
        "disposability/no-graceful-shutdown packages/api/server.js",
        "port-binding/no-fixed-port packages/api/server.js",
      ]);
    } finally {
      project.cleanup();
    }
  });
});
