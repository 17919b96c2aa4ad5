import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
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
 * It tries the repository's HEAD commit (`--ref`), so both runs share one install of the hook
 * (several minutes: pre-commit installs every dependency, then packs and installs the package).
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
  let project: string;
  let home: string;
  let head: string;
  before(() => {
    head = git(REPO, "rev-parse", "HEAD").trim();
    project = newRepo("tfl-precommit-", {
      "package.json": `${JSON.stringify({ name: "svc", private: true, dependencies: { express: "4.19.2" } }, null, 2)}\n`,
      "package-lock.json": "{}\n",
      "README.md": "A service.\n",
    });
    home = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-precommit-home-"));
  });
  after(() => {
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  function tryRepo(): { code: number | null; output: string } {
    const result = spawnSync("pre-commit", ["try-repo", REPO, "twelve-factor-lint", "--ref", head, "--color=never"], {
      cwd: project,
      // The npm cache the repository's own install filled keeps the hook's install off the network.
      env: { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: home, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" },
      encoding: "utf8",
      timeout: 900_000,
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it("fails a commit that adds app.listen(8080), naming the file, line and rule", () => {
    writeFiles(project, { "src/server.ts": 'import express from "express";\n\nconst app = express();\napp.listen(8080);\nprocess.on("SIGTERM", () => process.exit(0));\n' });
    git(project, "add", "src/server.ts");
    const run = tryRepo();
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /Twelve-Factor Lint\.+Failed/);
    assert.match(run.output, /src\/server\.ts\n {2}4:12 {2}warning {2}Port 8080 is hardcoded in listen\(\); bind to the port the platform gives in process\.env\.PORT\. {2}port-binding\/no-fixed-port\n/);
    assert.match(run.output, /✖ Too many warnings: 1 \(maximum: 0\)\./);
  });

  it("passes a clean commit", () => {
    writeFiles(project, { "src/server.ts": 'import express from "express";\n\nconst app = express();\nconst server = app.listen(Number(process.env.PORT));\nprocess.on("SIGTERM", () => server.close());\n' });
    git(project, "add", "src/server.ts");
    git(project, "commit", "-q", "--no-verify", "-m", "clean server");
    writeFiles(project, { "src/health.ts": 'export const health = () => ({ ok: true });\n', "README.md": "A service. Port 8080 is not hardcoded anywhere.\n" });
    git(project, "add", "-A");
    const run = tryRepo();
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /Twelve-Factor Lint\.+Passed/);
  });
});
