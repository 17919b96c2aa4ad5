import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseCliArgs } from "../../server/src/cli/args";
import { CACHE_PROJECT } from "../helpers/cacheProject";
import { writeProject } from "../helpers/project";
import { ensureBuilt, REPO, runCli } from "./helpers";

/** `--cache` as a user runs it: the same report as without, from a cache file at the current folder. */
const withoutTiming = (text: string): string => text.replace(/"durationMs": \d+/, '"durationMs": 0');

before(() => ensureBuilt());

describe("--cache", () => {
  let copy: string;
  before(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-cache-example-"));
    fs.cpSync(path.join(REPO, "examples/express-service"), copy, { recursive: true });
  });
  after(() => fs.rmSync(copy, { recursive: true, force: true }));

  it("prints the example's report byte for byte as a run without it, from .twelve-factor-cache in the current folder", () => {
    const fresh = runCli(copy, [".", "--format", "json"]);
    const cold = runCli(copy, [".", "--format", "json", "--cache"]);
    assert.ok(fs.existsSync(path.join(copy, ".twelve-factor-cache")));
    const warm = runCli(copy, [".", "--format", "json", "--cache"]);
    for (const run of [cold, warm]) {
      assert.equal(run.code, fresh.code);
      assert.equal(withoutTiming(run.stdout), withoutTiming(fresh.stdout));
      assert.equal(run.stderr, fresh.stderr);
    }
    const text = runCli(copy, ["."]);
    assert.equal(runCli(copy, [".", "--cache"]).stdout, text.stdout);
  });

  it("matches a fresh run on a workspace after each project file changes", () => {
    const project = writeProject(CACHE_PROJECT);
    try {
      // Each change alters the report, so a stale result from the cache would show.
      const changes: Array<[string, string]> = [
        ["apps/api/tsconfig.json", '{ "compilerOptions": { "baseUrl": ".", "paths": { "@cfg/*": ["src/elsewhere/*"] } } }\n'],
        ["apps/api/tsconfig.json", CACHE_PROJECT["apps/api/tsconfig.json"]],
        ["apps/api/src/config/ports.ts", "export const PORT = Number(process.env.PORT);\n"],
        ["apps/api/package.json", '{ "name": "api", "dependencies": { "express": "^4.19.2", "helmet": "^7.1.0" } }\n'],
        ["apps/api/.env.example", "PORT=\nAPI_KEY=\n"],
        [".gitignore", "node_modules\n.env\n"],
      ];
      const args = [".", "--format", "json", "--cache", "--cache-location", "tmp/cache/"];
      let previous = "";
      for (const [rel, text] of [["", ""], ...changes]) {
        if (rel) fs.writeFileSync(path.join(project.root, rel), text);
        const cachedRun = withoutTiming(runCli(project.root, args).stdout);
        assert.equal(cachedRun, withoutTiming(runCli(project.root, [".", "--format", "json"]).stdout), rel);
        assert.notEqual(cachedRun, previous, `${rel} changes the report`);
        previous = cachedRun;
      }
      assert.equal(fs.readdirSync(path.join(project.root, "tmp/cache")).length, 1);
    } finally {
      project.cleanup();
    }
  });

  it("takes --cache-location and --cache-strategy, and rejects a strategy it does not know", () => {
    const parsed = parseCliArgs(["--cache", "--cache-location", "tmp/c", "--cache-strategy", "content"]);
    assert.ok(parsed.ok);
    assert.deepEqual([parsed.options.cache, parsed.options.cacheLocation, parsed.options.cacheStrategy], [true, "tmp/c", "content"]);
    assert.deepEqual(parseCliArgs(["--cache", "--cache-strategy", "mtime"]), { ok: false, message: '--cache-strategy must be one of metadata, content (got "mtime")' });
    assert.deepEqual(parseCliArgs(["--cache-location", ""]), { ok: false, message: "--cache-location needs a file or folder name" });
  });

  it("writes nothing without --cache, even with --cache-location", () => {
    const project = writeProject(CACHE_PROJECT);
    try {
      runCli(project.root, [".", "--cache-location", "here"]);
      assert.equal(fs.existsSync(path.join(project.root, "here")), false);
      assert.equal(fs.existsSync(path.join(project.root, ".twelve-factor-cache")), false);
    } finally {
      project.cleanup();
    }
  });
});
