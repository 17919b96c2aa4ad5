import path from "node:path";
import picomatch from "picomatch";
import { packageOf, workspacePackageDirs } from "../../engine/packages";
import type { PackageInfo, ProjectModel } from "../../engine/project";

/** `./packages/*\/` → `packages/*`: the spelling picomatch compares against relative folders. */
function normalizePattern(pattern: string): string {
  return pattern.trim().replace(/^\.\//, "").replace(/\/+$/, "");
}

/**
 * A matcher for folders (relative to the workspace root, forward slashes) that the root's
 * `workspaces` globs include. `!pattern` entries exclude, as npm, yarn and pnpm read them.
 */
export function workspaceMatcher(root: PackageInfo): (relativeDir: string) => boolean {
  const patterns = root.workspaces.map((p) => p.trim()).filter((p) => p.length > 0);
  const include = patterns.filter((p) => !p.startsWith("!")).map(normalizePattern).filter((p) => p.length > 0);
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => normalizePattern(p.slice(1))).filter((p) => p.length > 0);
  if (include.length === 0) return () => false;
  const included = picomatch(include, { dot: false });
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return (relativeDir) => relativeDir !== "" && !relativeDir.startsWith("..") && included(relativeDir) && !excluded(relativeDir);
}

/** The packages above `dir` (nearest first), up to the project root. */
export function ancestorPackages(project: ProjectModel, dir: string): PackageInfo[] {
  const found: PackageInfo[] = [];
  let current = dir;
  for (;;) {
    if (current === project.root || path.dirname(current) === current) return found;
    const above = project.nearestPackage(current);
    if (!above || above.dir === current) return found;
    found.push(above);
    current = above.dir;
  }
}

/** The workspace root that includes the package in `dir`, if any. */
export function enclosingWorkspaceRoot(project: ProjectModel, dir: string): PackageInfo | undefined {
  return ancestorPackages(project, dir).find((candidate) => {
    const relative = path.relative(candidate.dir, dir).split(path.sep).join("/");
    return workspaceMatcher(candidate)(relative);
  });
}

/**
 * Names of the packages in `root`'s workspaces (and of `root` itself), from the engine's package
 * graph: only folders inside the project are listed, and a glob matching thousands is capped.
 */
export function workspacePackageNames(project: ProjectModel, root: PackageInfo): ReadonlySet<string> {
  return new Set(workspacePackageDirs(project, packageOf(project, path.join(root.dir, "package.json"))).keys());
}
