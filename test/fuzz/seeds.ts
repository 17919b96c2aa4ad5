import fs from "node:fs";
import path from "node:path";

const REPO = path.resolve(__dirname, "../..");
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const PROJECT_FILE = /(^|\/)(package\.json|Dockerfile|docker-compose\.ya?ml|compose\.ya?ml|Procfile|\.npmrc|\.env(\..+)?|\.gitignore)$/;

export interface Seed {
  /** Relative path the input is written to: its extension picks the engine's handling. */
  name: string;
  text: string;
}

function walk(dir: string, into: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") walk(full, into);
    } else into.push(full);
  }
}

/**
 * Well-formed starting points for mutation: the bundled example, the framework fixture projects
 * and the CLI fixtures (real service code and project files that the rules have hits in).
 */
export function loadSeeds(): { sources: Seed[]; projectFiles: Seed[] } {
  const files: string[] = [];
  for (const dir of ["examples", "test/fixtures/projects", "test/fixtures/cli"]) walk(path.join(REPO, dir), files);
  const sources: Seed[] = [];
  const projectFiles: Seed[] = [];
  for (const file of files.sort()) {
    const rel = path.relative(REPO, file).split(path.sep).join("/");
    const text = fs.readFileSync(file, "utf8");
    if (SOURCE.test(rel)) sources.push({ name: path.basename(rel), text });
    else if (PROJECT_FILE.test(rel)) projectFiles.push({ name: path.basename(rel), text });
  }
  return { sources, projectFiles };
}
