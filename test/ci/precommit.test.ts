import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "yaml";
import { REPO } from "../cli/helpers";
import { GIT_ENV, git, newRepo, writeFiles } from "./git";

/*
 * The pre-commit hook, run by the real pre-commit (`pre-commit try-repo`, which installs this
 * repository as the framework would) on a throw-away repository: a change that adds
 * `app.listen(8080)` fails, a clean one passes, files the hook does not read are not passed.
 * It tries the repository's HEAD commit (`--ref`): commit a change to the hook before testing it.
 */

const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
const skip = hasPreCommit ? false : "pre-commit is not installed (apt-get install -y pre-commit)";

describe(".pre-commit-hooks.yaml", () => {
  it("declares one node hook that checks staged sources and project files", () => {
    const hooks = parse(fs.readFileSync(path.join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as Array<Record<string, unknown>>;
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.deepEqual([hook.id, hook.entry, hook.language, hook.args, hook.require_serial], ["twelve-factor-lint", "twelve-factor-lint", "node", ["--max-warnings=0"], true]);
    const files = new RegExp(hook.files as string);
    for (const name of ["src/server.ts", "a.mjs", "web/App.tsx", "package.json", "svc/.env.example", "Dockerfile", "docker-compose.yml", "config/default.json", "Procfile"]) assert.ok(files.test(name), name);
    for (const name of ["README.md", "src/styles.css", "docs/config.json", "package.json.bak", "images/logo.png"]) assert.equal(files.test(name), false, name);
  });
});

describe("pre-commit try-repo on a throw-away repository", { skip }, () => {
  const made: string[] = [];
  let failing: TryRun;
  let passing: TryRun;

  function project(staged: Record<string, string>): string {
    const root = newRepo("tfl-precommit-", {
      "package.json": `${JSON.stringify({ name: "svc", private: true, dependencies: { express: "4.19.2" } }, null, 2)}\n`,
      "package-lock.json": "{}\n",
      "README.md": "A service.\n",
    });
    made.push(root);
    writeFiles(root, staged);
    git(root, "add", "-A");
    return root;
  }

  // try-repo installs the hook afresh on every call (several minutes: pre-commit installs every
  // dependency, then packs and installs the package), so the two run side by side.
  before(async () => {
    const head = git(REPO, "rev-parse", "HEAD").trim();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-precommit-home-"));
    made.push(home);
    const dirty = project({ "src/server.ts": 'import express from "express";\n\nconst app = express();\napp.listen(8080);\nprocess.on("SIGTERM", () => process.exit(0));\n' });
    const clean = project({
      "src/server.ts": 'import express from "express";\n\nconst app = express();\nconst server = app.listen(Number(process.env.PORT));\nprocess.on("SIGTERM", () => server.close());\n',
      "README.md": "A service. Port 8080 is not hardcoded anywhere.\n",
    });
    [failing, passing] = await Promise.all([tryRepo(dirty, head, home), tryRepo(clean, head, home)]);
  });
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fails a commit that adds app.listen(8080), naming the file, line and rule", () => {
    assert.equal(failing.code, 1, failing.output);
    assert.match(failing.output, /Twelve-Factor Lint\.+Failed/);
    assert.match(failing.output, /src\/server\.ts\n {2}4:12 {2}warning {2}Port 8080 is hardcoded in listen\(\); bind to the port the platform gives in process\.env\.PORT\. {2}port-binding\/no-fixed-port\n/);
    assert.match(failing.output, /✖ Too many warnings: 1 \(maximum: 0\)\./);
  });

  it("passes a clean commit (a README that mentions 8080 is not passed to the hook)", () => {
    assert.equal(passing.code, 0, passing.output);
    assert.match(passing.output, /Twelve-Factor Lint\.+Passed/);
  });
});

interface TryRun {
  code: number | null;
  output: string;
}

/** `pre-commit try-repo` of this repository's HEAD on the staged files of `cwd`. */
function tryRepo(cwd: string, ref: string, home: string): Promise<TryRun> {
  return new Promise((resolve) => {
    // Each run gets its own PRE_COMMIT_HOME (try-repo uses a store of its own anyway); the npm
    // cache the repository's own install filled keeps the hook's install off the network.
    const env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: fs.mkdtempSync(path.join(home, "store-")), npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" };
    const child = spawn("pre-commit", ["try-repo", REPO, "twelve-factor-lint", "--ref", ref, "--color=never"], { cwd, env, timeout: 1_200_000 });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}
