import fs from "node:fs";
import path from "node:path";

/**
 * The project a run belongs to: the nearest folder at or above `target` that holds a
 * `package.json` or `.git`, else `target` itself (its folder when it is a file).
 */
export function findProjectRoot(target: string): string {
  const start = path.resolve(target);
  const startDir = isDirectory(start) ? start : path.dirname(start);
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) || fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return startDir;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function isInsideOrSame(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
