import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A throw-away project on disk: `files` maps relative paths to contents. */
export function writeProject(files: Record<string, string>): { root: string; read(rel: string): string | undefined; cleanup(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), "tfl-test-"));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return {
    root,
    read: (rel) => (existsSync(path.join(root, rel)) ? readFileSync(path.join(root, rel), "utf8") : undefined),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
