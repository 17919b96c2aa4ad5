import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
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

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);
/** `packages/**` could reach deep; workspaces in practice sit one to three levels down. */
const MAX_DEPTH = 4;

function listDirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

const namesCache = new WeakMap<PackageInfo, ReadonlySet<string>>();

/**
 * Names of the packages in `root`'s workspaces, read from their `package.json` files. Folders
 * come from the disk (the host has no directory listing); the package files go through the
 * host, so an unsaved rename in the editor counts. Cached per parsed root package, which the
 * project model replaces whenever a `package.json` changes.
 */
export function workspacePackageNames(project: ProjectModel, root: PackageInfo): ReadonlySet<string> {
  const cached = namesCache.get(root);
  if (cached) return cached;
  const matches = workspaceMatcher(root);
  const names = new Set<string>();
  const consider = (relative: string): void => {
    if (!matches(relative)) return;
    const pkg = project.nearestPackage(path.join(root.dir, relative, "package.json"));
    if (pkg && pkg.dir === path.join(root.dir, relative) && pkg.name) names.add(pkg.name);
  };
  const visit = (relative: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const name of listDirs(path.join(root.dir, relative))) {
      const child = relative ? `${relative}/${name}` : name;
      consider(child);
      visit(child, depth + 1);
    }
  };
  // Start below each pattern's literal base (`packages` for `packages/*`), not the whole tree.
  const bases = new Set(root.workspaces.filter((p) => !p.trim().startsWith("!")).map((p) => picomatch.scan(normalizePattern(p)).base));
  for (const base of bases) {
    // A glob that climbs out of the root (`../shared/*`) is never listed: nothing outside is read.
    if (base.split("/").includes("..")) continue;
    if (base) consider(base);
    visit(base, 1);
  }
  namesCache.set(root, names);
  return names;
}
