// `--cache` on the corpus: a cold audit that writes the cache, then a re-run on the unchanged tree,
// which must read and hash files but parse none. `node --expose-gc bench/cache.mjs [--quick]` runs it
// alone (with the bare-parse floor); bench/run.mjs calls `measureCachedRerun`.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";

/**
 * `engine`: the bundled engine API (bench/engine.ts). Times a cold `--cache` audit of `files`
 * and a re-run with nothing changed; the re-run's findings must equal the cold run's.
 */
export async function measureCachedRerun(engine, root, files, options = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "twelve-factor-bench-cache-"));
  const location = path.join(dir, "cache");
  const run = async () => {
    const start = performance.now();
    const result = await engine.auditProject({
      root,
      paths: files,
      config: engine.defaultConfig(),
      rules: engine.RULES,
      workers: options.workers,
      workerScript: options.workerScript,
      defaultExcludes: false,
      cache: { location, strategy: options.strategy },
    });
    return { wallMs: performance.now() - start, result };
  };
  try {
    const cold = await run();
    // The cold run's garbage is not the re-run's cost (a real re-run is a new process).
    globalThis.gc?.();
    const warm = await run();
    if (JSON.stringify(warm.result.findings) !== JSON.stringify(cold.result.findings)) throw new Error("the cached re-run's findings differ from the cold run's");
    return {
      coldMs: cold.wallMs,
      rerunMs: warm.wallMs,
      files: warm.result.stats.files,
      cached: warm.result.stats.cached ?? 0,
      parsed: warm.result.stats.parsed,
      cacheBytes: statSync(location).size,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The line bench/run.mjs prints. */
export function describeCachedRerun(measured, floorMs) {
  const ratio = measured.rerunMs / floorMs;
  return `unchanged re-run with --cache: ${(measured.rerunMs / 1000).toFixed(2)} s = ${ratio.toFixed(3)}× floor (target ≤ 0.1×); ${measured.cached}/${measured.files} files from the cache; cold run with --cache ${(measured.coldMs / 1000).toFixed(1)} s, cache file ${(measured.cacheBytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const { bundleEngine } = await import("./bundle.mjs");
  const { collectCorpusFiles, ensureCorpus, spreadSubset } = await import("./corpus.mjs");
  const engine = await bundleEngine(repoRoot);
  // An installed corpus (or a link to one) is used as it is; otherwise it is installed.
  const installed = path.join(repoRoot, "bench/.cache/corpus");
  const corpusDir = existsSync(path.join(installed, "node_modules")) ? installed : ensureCorpus(repoRoot, (line) => process.stderr.write(`${line}\n`));
  const all = collectCorpusFiles(corpusDir);
  const files = process.argv.includes("--quick") ? spreadSubset(all, 2000) : all;
  const floorStart = performance.now();
  for (const file of files) engine.ts.createSourceFile(file, readFileSync(file, "utf8"), engine.ts.ScriptTarget.Latest, false, engine.scriptKindOf(file));
  const floorMs = performance.now() - floorStart;
  const strategy = process.argv.includes("--content") ? "content" : "metadata";
  const measured = await measureCachedRerun(engine, corpusDir, files, { workerScript: path.join(repoRoot, "dist/auditWorker.js"), strategy });
  process.stdout.write(`${files.length} files, floor (bare parse, one thread) ${(floorMs / 1000).toFixed(2)} s, strategy ${strategy}\n${describeCachedRerun(measured, floorMs)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
