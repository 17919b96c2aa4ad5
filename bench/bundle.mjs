// Bundles bench/engine.ts (for run.mjs and gracefulShutdown.mjs) the way esbuild.mjs bundles
// dist/ (node20, CJS, module-first main fields), so the benchmarks run the code that ships rather
// than tsx's on-the-fly transpile.
import { createRequire } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";
import { sharedTypeScript } from "../scripts/sharedTypeScript.mjs";

export async function bundleEngine(repoRoot) {
  const outfile = path.join(repoRoot, "bench/.cache/engine.cjs");
  await esbuild.build({
    entryPoints: [path.join(repoRoot, "bench/engine.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    mainFields: ["module", "main"],
    logLevel: "warning",
    // The compiler as dist/ loads it: one shared copy, dist/typescript.js (`npm run bench` builds it).
    plugins: [sharedTypeScript(path.relative(path.dirname(outfile), path.join(repoRoot, "dist/typescript.js")).split(path.sep).join("/"))],
  });
  return createRequire(import.meta.url)(outfile);
}
