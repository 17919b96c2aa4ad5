// The benchmark corpus: ~60 server packages from the npm registry, installed once into
// bench/.cache/corpus from the lockfile in ../shared/bench-corpus (see its README).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const MAX_BYTES = 1024 * 1024;
const SOURCE = /\.(js|ts|mjs|cjs)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const MINIFIED = /\.min\./;

function sameFile(a, b) {
  return existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

/** Installs the corpus unless the cache already holds this exact lockfile's install. */
export function ensureCorpus(repoRoot, log) {
  const shared = path.resolve(repoRoot, "../shared/bench-corpus");
  const dir = path.join(repoRoot, "bench/.cache/corpus");
  const installed = path.join(dir, "node_modules/.package-lock.json");
  if (existsSync(installed) && sameFile(path.join(shared, "package-lock.json"), path.join(dir, "package-lock.json"))) return dir;
  // A worktree beside the main checkout has no ../shared of its own: an installed corpus (often a
  // symlink to the main checkout's) is taken as it is.
  if (existsSync(installed) && !existsSync(path.join(shared, "package-lock.json"))) return dir;
  if (!existsSync(path.join(shared, "package-lock.json"))) throw new Error(`No corpus lockfile at ${shared}; see bench/README or docs/performance.md.`);
  mkdirSync(dir, { recursive: true });
  for (const name of ["package.json", "package-lock.json"]) copyFileSync(path.join(shared, name), path.join(dir, name));
  const base = ["ci", "--ignore-scripts", "--no-audit", "--no-fund"];
  log(`Installing the corpus into ${path.relative(repoRoot, dir)} (npm ci, about a minute) ...`);
  // npm output goes to stderr, so `--json` keeps a clean stdout.
  let result = spawnSync("npm", base, { cwd: dir, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    // The pinned set has one peer range conflict (graphql 17 vs @apollo/server's peers) that
    // npm 11 refuses; the lockfile itself is complete, so install it without peer checks.
    log("npm ci failed; retrying with --legacy-peer-deps ...");
    result = spawnSync("npm", [...base, "--legacy-peer-deps"], { cwd: dir, stdio: ["ignore", 2, 2] });
  }
  if (result.status !== 0) throw new Error(`npm ci failed in ${dir} (exit ${result.status}).`);
  return dir;
}

/** Every .js .ts .mjs .cjs under node_modules, minus .d.ts, *.min.* and files over 1 MiB; sorted. */
export function collectCorpusFiles(corpusDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name) && !MINIFIED.test(entry.name)) {
        if (statSync(full).size <= MAX_BYTES) files.push(full);
      }
    }
  };
  walk(path.join(corpusDir, "node_modules"));
  return files.sort();
}

/** An evenly spread, deterministic subset (`--quick`). */
export function spreadSubset(files, count) {
  if (files.length <= count) return files;
  const step = files.length / count;
  return Array.from({ length: count }, (_, i) => files[Math.floor(i * step)]);
}
