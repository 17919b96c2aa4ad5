import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ensureBuilt, runCli } from "../cli/helpers";
import { git, newRepo, writeFiles } from "./git";

/*
 * `--changed-since REF` on throw-away git repositories: findings in changed files, project-level
 * re-checks when package.json or .env.example changed, and one clear message (exit 2) when git
 * cannot answer.
 */

const BASE = {
  "package.json": `${JSON.stringify({ name: "svc", private: true, dependencies: { express: "4.19.2" } }, null, 2)}\n`,
  "package-lock.json": "{}\n",
  ".env.example": "DATABASE_URL=\n",
  "src/server.ts": 'import express from "express";\n\nconst app = express();\napp.listen(3000);\nprocess.on("SIGTERM", () => process.exit(0));\n',
  "src/config.ts": "export const databaseUrl = process.env.DATABASE_URL;\n",
};
const NEW_FILE = 'import axios from "axios";\n\nexport const apiUrl = process.env.API_URL;\nexport const client = axios.create();\n';

interface JsonFinding {
  ruleId: string;
  file: string;
  range: { start: { line: number } };
}

function findings(cwd: string, args: string[]): { code: number | null; found: string[]; stderr: string } {
  const run = runCli(cwd, ["--format", "json", ...args]);
  const found = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((item) => `${item.ruleId} ${item.file}:${item.range.start.line}`) : [];
  return { code: run.code, found, stderr: run.stderr };
}

before(() => ensureBuilt());

describe("--changed-since on a feature branch", () => {
  let root: string;
  before(() => {
    root = newRepo("tfl-changed-", BASE);
    git(root, "checkout", "-q", "-b", "feature");
    writeFiles(root, { "src/new.ts": NEW_FILE });
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "feature");
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("the full run reports the old fixed port too", () => {
    assert.deepEqual(findings(root, []).found, [
      "dependencies/undeclared-dependency src/new.ts:1",
      "config/undocumented-env-var src/new.ts:3",
      "port-binding/no-fixed-port src/server.ts:4",
    ]);
  });

  it("reports only the findings of the files the branch changed, with one note naming the merge base", () => {
    const base = git(root, "rev-parse", "main").trim();
    const run = findings(root, ["--changed-since", "main"]);
    assert.deepEqual(run.found, ["dependencies/undeclared-dependency src/new.ts:1", "config/undocumented-env-var src/new.ts:3"]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, `info: --changed-since main: 1 changed file to check since ${base.slice(0, 12)}.\n`);
  });

  it("prints the text report of the changed files only, and a clean run when nothing changed", () => {
    const run = runCli(root, ["--changed-since", "main", "--quiet", "--rule", "config/undocumented-env-var=error"]);
    assert.deepEqual(run, {
      code: 1,
      stdout:
        "src/new.ts\n  3:35  error  process.env.API_URL is read but not listed in .env.example; add API_URL= there so every deploy knows to set it.  config/undocumented-env-var\n\n✖ 1 problem (1 error, 0 warnings; 1 info hidden by --quiet)\n  1 problem is fixable with --fix.\n",
      stderr: "",
    });
    assert.deepEqual(runCli(root, ["--changed-since", "HEAD", "--quiet"]), { code: 0, stdout: "✔ No errors found (0 files checked).\n", stderr: "" });
  });

  it("counts uncommitted and untracked files as changed", () => {
    writeFiles(root, { "src/draft.ts": 'import http from "node:http";\nhttp.createServer().listen(4000);\n' });
    try {
      assert.deepEqual(findings(root, ["--changed-since", "HEAD"]).found, ["port-binding/no-fixed-port src/draft.ts:2"]);
    } finally {
      fs.rmSync(path.join(root, "src/draft.ts"));
    }
  });

  it("a changed package.json re-checks dependency findings in unchanged files, and nothing else of theirs", () => {
    const manifest = path.join(root, "package.json");
    const before = fs.readFileSync(manifest, "utf8");
    fs.writeFileSync(manifest, `${JSON.stringify({ name: "svc", private: true, dependencies: { axios: "1.7.2" } }, null, 2)}\n`);
    try {
      // axios is declared now; express is not, so the unchanged server.ts gains a dependency
      // finding. Its fixed port (not a dependency finding) stays out of the diff-aware run.
      assert.deepEqual(findings(root, ["--changed-since", "main"]).found, ["config/undocumented-env-var src/new.ts:3", "dependencies/undeclared-dependency src/server.ts:1"]);
    } finally {
      fs.writeFileSync(manifest, before);
    }
  });

  it("a changed .env.example re-checks env reads in unchanged files", () => {
    const example = path.join(root, ".env.example");
    fs.writeFileSync(example, "API_URL=\n");
    try {
      assert.deepEqual(findings(root, ["--changed-since", "main"]).found, ["config/undocumented-env-var src/config.ts:1", "dependencies/undeclared-dependency src/new.ts:1"]);
    } finally {
      fs.writeFileSync(example, "DATABASE_URL=\n");
    }
  });

  it("a deleted lockfile re-checks no-lockfile; a changed .twelve-factor.json re-checks everything", () => {
    const lockfile = path.join(root, "package-lock.json");
    fs.rmSync(lockfile);
    try {
      assert.deepEqual(findings(root, ["--changed-since", "main"]).found, [
        "dependencies/no-lockfile package.json:4",
        "dependencies/undeclared-dependency src/new.ts:1",
        "config/undocumented-env-var src/new.ts:3",
      ]);
    } finally {
      fs.writeFileSync(lockfile, "{}\n");
    }
    const config = path.join(root, ".twelve-factor.json");
    fs.writeFileSync(config, '{ "rules": { "port-binding/no-fixed-port": "error" } }\n');
    try {
      const run = findings(root, ["--changed-since", "main"]);
      assert.deepEqual(run.found, ["dependencies/undeclared-dependency src/new.ts:1", "config/undocumented-env-var src/new.ts:3", "port-binding/no-fixed-port src/server.ts:4"]);
      assert.equal(run.code, 1);
    } finally {
      fs.rmSync(config);
    }
  });
});

describe("--changed-since when git cannot answer", () => {
  const usage = (message: string) => ({ code: 2, stdout: "", stderr: `twelve-factor-lint: ${message}\nRun twelve-factor-lint --help for usage.\n` });
  let root: string;
  let plain: string;
  let shallow: string;
  before(() => {
    root = newRepo("tfl-changed-errors-", BASE);
    writeFiles(root, { "src/new.ts": NEW_FILE });
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "second");
    plain = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-not-git-"));
    writeFiles(plain, BASE);
    shallow = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-shallow-"));
    git(shallow, "clone", "-q", "--depth", "1", `file://${root}`, "clone");
  });
  after(() => {
    for (const dir of [root, plain, shallow]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an unknown ref", () => {
    assert.deepEqual(runCli(root, ["--changed-since", "no-such-branch"]), usage("--changed-since no-such-branch: unknown git ref (no branch, tag or commit of that name)"));
  });

  it("a folder that is not a git repository", () => {
    assert.deepEqual(runCli(plain, ["--changed-since", "main"]), usage(`--changed-since needs a git repository, and ${fs.realpathSync(plain)} is not inside one`));
  });

  it("a shallow clone without the ref's commit", () => {
    assert.deepEqual(
      runCli(path.join(shallow, "clone"), ["--changed-since", "HEAD~1"]),
      usage("--changed-since HEAD~1: no such commit in this shallow clone; fetch the history first (actions/checkout with fetch-depth: 0, GIT_DEPTH: 0 on GitLab, or git fetch --unshallow)"),
    );
  });

  it("an empty or option-like ref, and --write-baseline with it", () => {
    assert.deepEqual(runCli(root, ["--changed-since="]), usage('--changed-since needs a git ref such as origin/main (got "")'));
    assert.deepEqual(runCli(root, ["--changed-since=--output=x"]), usage('--changed-since needs a git ref such as origin/main (got "--output=x")'));
    assert.deepEqual(runCli(root, ["--changed-since", "main", "--write-baseline"]), usage("--changed-since cannot be used with --write-baseline: a baseline records the whole project"));
  });
});
