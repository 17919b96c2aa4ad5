// Bundles the mocha suite (test/e2e/suite) to CommonJS in .vscode-test/suite, far from dist/ and
// the .vsix. One bundle per test file plus index.js, which mocha loads as the test entry.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import { e2eDir, suiteOutDir } from "./paths.mjs";

/** @returns {Promise<string>} the extensionTestsPath (the bundled index.js) */
export async function buildSuite() {
  const suiteDir = path.join(e2eDir, "suite");
  const entries = readdirSync(suiteDir)
    .filter((name) => name === "index.ts" || name.endsWith(".test.ts"))
    .map((name) => path.join(suiteDir, name));
  rmSync(suiteOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries,
    outdir: suiteOutDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // vscode comes from the extension host; mocha must be the very instance index.js runs.
    external: ["vscode", "mocha"],
    sourcemap: "inline",
    logLevel: "warning",
  });
  return path.join(suiteOutDir, "index.js");
}
