// Runs every `*.test.ts` under test/ with node's built-in runner (TypeScript through tsx).
// Node 20's `--test` does not expand globs itself, so the list is built here.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const only = process.argv.slice(2);
const roots = only.length > 0 ? only : ["test"];
const skipDirs = new Set(["fixtures", "e2e", "node_modules"]);

function collect(dir, out) {
  if (statSync(dir).isFile()) {
    out.push(dir);
    return out;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !skipDirs.has(entry.name)) collect(full, out);
    else if (entry.isFile() && entry.name.endsWith(".test.ts")) out.push(full);
  }
  return out;
}

const files = roots.flatMap((root) => collect(root, [])).sort();
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
