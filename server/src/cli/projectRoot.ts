import fs from "node:fs";
import path from "node:path";
import { diskHost } from "../engine/host";
import { workspaceRootAbove } from "../engine/packages";

/**
 * The project a run belongs to: the nearest folder at or above `target` that holds a
 * `package.json` or `.git`, else `target` itself (its folder when it is a file). A workspace
 * member belongs to its workspace root (npm, yarn or pnpm workspaces above it, inside the same
 * repository), as it does for the package manager: the root's lockfile and hoisted dependencies
 * are the member's too, and the run reports only on `target`.
 */
export function findProjectRoot(target: string): string {
  const start = path.resolve(target);
  const startDir = isDirectory(start) ? start : path.dirname(start);
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    const isPackage = fs.existsSync(path.join(dir, "package.json"));
    if (isPackage || fs.existsSync(path.join(dir, ".git"))) return (isPackage && workspaceRootAbove(dir, diskHost, repositoryOf(dir))) || dir;
    if (path.dirname(dir) === dir) return startDir;
  }
}

/** The repository `dir` is in (the nearest folder with `.git`), else the filesystem root. */
function repositoryOf(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, ".git")) || path.dirname(current) === current) return current;
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
