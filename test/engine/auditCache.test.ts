import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { auditProject, type AuditResult } from "../../server/src/engine/audit";
import { CACHE_MAGIC } from "../../server/src/engine/cache/cacheFile";
import { defaultConfig } from "../../server/src/engine/configTypes";
import { RULES } from "../../server/src/rules/registry";
import { ensureBuilt, REPO } from "../cli/helpers";
import { CACHE_PROJECT, CACHE_PROJECT_FINDINGS } from "../helpers/cacheProject";
import { writeProject } from "../helpers/project";

/**
 * `--cache` at the engine: a result from the cache equals a fresh audit's, and each kind of change
 * re-checks exactly the files it can affect (the count of files served from the cache shows it).
 */
type Project = ReturnType<typeof writeProject>;

function fresh(root: string, workers?: number): Promise<AuditResult> {
  return auditProject({ root, config: defaultConfig(), rules: RULES, workers, workerScript: path.join(REPO, "dist/auditWorker.js") });
}

function cached(root: string, location: string, workers?: number): Promise<AuditResult> {
  return auditProject({ root, config: defaultConfig(), rules: RULES, workers, workerScript: path.join(REPO, "dist/auditWorker.js"), cache: { location } });
}

/** Everything an adapter shows, without the timing and the thread count. */
function shown(result: AuditResult): string {
  const stats = { files: result.stats.files, parsed: result.stats.parsed, skipped: result.stats.skipped, bytes: result.stats.bytes };
  return JSON.stringify({ findings: result.findings, notes: result.notes, stats }, null, 2);
}

function summary(result: AuditResult, root: string): string[] {
  return result.findings.map((finding) => `${finding.ruleId} ${path.relative(root, finding.file).split(path.sep).join("/")}:${finding.range.start.line}`);
}

/** Audits with the cache and fresh; they must agree. Returns the cached run. */
async function check(project: Project, location: string, workers?: number): Promise<AuditResult> {
  const withCache = await cached(project.root, location, workers);
  assert.equal(shown(withCache), shown(await fresh(project.root, workers)));
  return withCache;
}

function edit(project: Project, rel: string, text: string): void {
  const file = path.join(project.root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

before(() => ensureBuilt());

// Worker threads start slowly under the test runner: they run the first two cases only.
for (const workers of [undefined, 2]) {
  describe(`the audit cache (${workers ? "on worker threads" : "on the calling thread"})`, () => {
    const onWorkers = workers !== undefined;
    let project: Project;
    let location: string;
    before(() => {
      project = writeProject(CACHE_PROJECT);
      location = path.join(project.root, "cache-dir", "cache");
    });
    after(() => project.cleanup());
    const files = 10;

    it("stores every file on the first run and serves them all on an unchanged re-run", async () => {
      const cold = await check(project, location, workers);
      assert.deepEqual(summary(cold, project.root), CACHE_PROJECT_FINDINGS);
      assert.equal(cold.stats.files, files);
      assert.equal(cold.stats.cached, 0);
      assert.ok(fs.readFileSync(location, "utf8").startsWith(`${CACHE_MAGIC} 1\n`));
      const warm = await check(project, location, workers);
      assert.equal(warm.stats.cached, files);
    });

    it("re-checks the importer of a changed constant, and only it and the constant's file", async () => {
      edit(project, "apps/api/src/config/ports.ts", "export const PORT = Number(process.env.PORT);\n");
      const run = await check(project, location, workers);
      assert.ok(!summary(run, project.root).includes("port-binding/no-fixed-port apps/api/src/server.ts:6"));
      assert.equal(run.stats.cached, files - 2);
      edit(project, "apps/api/src/config/ports.ts", "export const PORT = 3000;\n");
      assert.deepEqual(summary(await check(project, location, workers), project.root), CACHE_PROJECT_FINDINGS);
    });

    it("re-checks files that look at every source when a file is added", { skip: onWorkers }, async () => {
      edit(project, "apps/api/src/shutdown.ts", 'process.on("SIGTERM", () => process.exit(0));\n');
      const run = await check(project, location, workers);
      assert.ok(!summary(run, project.root).includes("disposability/no-graceful-shutdown apps/api/src/server.ts:6"));
      // shutdown.ts is new, server.ts asked about every source; the other nine are unchanged.
      assert.equal(run.stats.cached, files - 1);
      fs.rmSync(path.join(project.root, "apps/api/src/shutdown.ts"));
      assert.deepEqual(summary(await check(project, location, workers), project.root), CACHE_PROJECT_FINDINGS);
    });

    const projectFileChanges: Array<[string, string, string, string]> = [
      ["tsconfig paths", "apps/api/tsconfig.json", '{ "compilerOptions": { "baseUrl": ".", "paths": { "@cfg/*": ["src/elsewhere/*"] } } }\n', "port-binding/no-fixed-port apps/api/src/server.ts:6"],
      ["package.json", "apps/api/package.json", '{ "name": "api", "dependencies": { "express": "^4.19.2", "helmet": "^7.1.0" } }\n', "dependencies/undeclared-dependency apps/api/src/server.ts:1"],
      [".env.example", "apps/api/.env.example", "PORT=\nAPI_KEY=\n", "config/undocumented-env-var apps/api/src/server.ts:5"],
      [".gitignore", ".gitignore", "node_modules\n.env\n", "config/env-file-not-ignored apps/api/.env:0"],
    ];
    for (const [what, rel, text, gone] of projectFileChanges) {
      it(`re-checks every file when ${what} changes`, { skip: onWorkers }, async () => {
        const before = project.read(rel) ?? "";
        edit(project, rel, text);
        const run = await check(project, location, workers);
        assert.deepEqual(summary(run, project.root), CACHE_PROJECT_FINDINGS.filter((line) => line !== gone));
        assert.equal(run.stats.cached, 0);
        assert.equal((await check(project, location, workers)).stats.cached, run.stats.files);
        edit(project, rel, before);
        assert.deepEqual(summary(await check(project, location, workers), project.root), CACHE_PROJECT_FINDINGS);
      });
    }
  });
}

describe("a damaged or foreign cache file", () => {
  let project: Project;
  before(() => (project = writeProject(CACHE_PROJECT)));
  after(() => project.cleanup());

  it("is rebuilt with a note when truncated", async () => {
    const location = path.join(project.root, "truncated-cache");
    await cached(project.root, location);
    const whole = fs.readFileSync(location, "utf8");
    fs.writeFileSync(location, whole.slice(0, Math.floor(whole.length / 2)));
    const run = await cached(project.root, location);
    assert.equal(run.stats.cached, 0);
    const note = run.notes.find((item) => item.message.startsWith("Cache "));
    assert.match(note?.message ?? "", /^Cache .*truncated-cache is damaged \(.+\); every file was checked and the cache rebuilt\.$/);
    assert.equal(note?.level, "info");
    assert.equal(fs.readFileSync(location, "utf8").length, whole.length);
    assert.equal((await cached(project.root, location)).stats.cached, 10);
  });

  it("is rebuilt with a note when another version wrote it", async () => {
    const location = path.join(project.root, "old-cache");
    await cached(project.root, location);
    fs.writeFileSync(location, fs.readFileSync(location, "utf8").replace(/"version":"[^"]*"/, '"version":"0.0.1"'));
    const run = await cached(project.root, location);
    assert.equal(run.stats.cached, 0);
    assert.ok(run.notes.some((note) => /^Cache .*old-cache was written by version 0\.0\.1 of Twelve-Factor Lint; every file was checked and the cache rebuilt\.$/.test(note.message)));
    assert.equal((await cached(project.root, location)).stats.cached, 10);
  });

  for (const [what, bytes] of [
    ["another tool's JSON", Buffer.from('{"eslint":true}\n')],
    ["binary data", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10])],
  ] as const) {
    it(`is left untouched and unused when it holds ${what}`, async () => {
      const location = path.join(project.root, "foreign-cache");
      fs.writeFileSync(location, bytes);
      const run = await cached(project.root, location);
      assert.equal(shown(run).replace(/\s+"notes"[\s\S]*?\]/, ""), shown(await fresh(project.root)).replace(/\s+"notes"[\s\S]*?\]/, ""));
      assert.deepEqual(
        run.notes.map((note) => note.message.replace(/^\S*foreign-cache/, "foreign-cache")),
        ["foreign-cache is not a Twelve-Factor Lint cache; it was left as it is and no cache was used (choose another --cache-location)."],
      );
      assert.deepEqual(fs.readFileSync(location), bytes);
    });
  }

  it("keeps one cache per project in a folder location", async () => {
    const dir = path.join(project.root, "caches") + path.sep;
    await cached(project.root, dir);
    const [name] = fs.readdirSync(dir);
    assert.match(name, new RegExp(`^\\.twelve-factor-cache-${path.basename(project.root)}-[0-9a-f]{10}$`));
    assert.equal((await cached(project.root, dir)).stats.cached, 10);
  });

  it("forgets the results of a deleted file", async () => {
    const location = path.join(project.root, "pruned-cache");
    const job = path.join(project.root, "apps/worker/src/job.ts");
    const entries = (): string[] => Object.keys(JSON.parse(fs.readFileSync(location, "utf8").split("\n")[1]).entries);
    await cached(project.root, location);
    assert.ok(entries().includes("apps/worker/src/job.ts"));
    const text = fs.readFileSync(job, "utf8");
    fs.rmSync(job);
    try {
      // Nine files left; server.ts asks about every source of its package, so it is re-checked.
      assert.equal((await check(project, location)).stats.cached, 8);
      assert.deepEqual(entries().includes("apps/worker/src/job.ts"), false);
    } finally {
      fs.writeFileSync(job, text);
    }
  });

  it("is neither read nor written for an audit of unsaved editor buffers", async () => {
    const { OverlayHost } = await import("../../server/src/engine/host");
    const location = path.join(project.root, "overlay-cache");
    const host = new OverlayHost();
    const run = await auditProject({ root: project.root, config: defaultConfig(), rules: RULES, host, cache: { location } });
    assert.equal(run.stats.cached, undefined);
    assert.equal(fs.existsSync(location), false);
  });
});
