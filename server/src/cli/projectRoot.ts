import fs from "node:fs";
import path from "node:path";
import { diskHost } from "../engine/host";
import { workspaceRootAbove } from "../engine/packages";

/**
 * The project a run belongs to: the nearest folder at or above `target` that holds a
 * `package.json` or `.git`, else `target` itself (its folder when it is a file). A workspace
 * member belongs to its workspace root (npm, yarn or pnpm workspaces above it), as it does for the
 * package manager: the root's lockfile and hoisted dependencies are the member's too, and the run
 * reports only on `target`. That root is looked for only up to `within` (the folder the CLI runs
 * in): nothing above the folder the user works in is read.
 */
export function findProjectRoot(target: string, within?: string): string {
  const start = path.resolve(target);
  const startDir = isDirectory(start) ? start : path.dirname(start);
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) || fs.existsSync(path.join(dir, ".git"))) {
      const limit = within === undefined ? undefined : path.resolve(within);
      return (limit !== undefined && isInsideOrSame(limit, dir) && workspaceRootAbove(dir, diskHost, limit)) || dir;
    }
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
