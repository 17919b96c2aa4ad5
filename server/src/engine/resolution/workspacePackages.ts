import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { parse as parseYaml } from "yaml";
import type { ProjectModel } from "../project";

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);
/** `packages/**` could reach deep; workspace packages sit one to three levels down in practice. */
const MAX_DEPTH = 4;
/** Folders looked at, at most, so a glob over a huge tree stays cheap (the package model notes it). */
const MAX_FOLDERS = 5000;

function normalizePattern(pattern: string): string {
  return pattern.trim().replace(/^\.\//, "").replace(/\/+$/, "");
}

/** The root's member globs: package.json `workspaces` (array or `{ packages }`) and `pnpm-workspace.yaml`. */
function memberPatterns(project: ProjectModel): string[] {
  const patterns = [...(project.rootPackage?.workspaces ?? [])];
  const pnpm = project.host.readFile(path.join(project.root, "pnpm-workspace.yaml"));
  if (pnpm !== undefined) {
    try {
      const packages = (parseYaml(pnpm) as { packages?: unknown } | null)?.packages;
      if (Array.isArray(packages)) patterns.push(...packages.filter((item): item is string => typeof item === "string"));
    } catch {
      // A malformed pnpm-workspace.yaml declares no members; the package model notes it.
    }
  }
  return patterns.map(normalizePattern).filter((pattern) => pattern.length > 0 && pattern !== "!");
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/**
 * The workspace packages of the project root (npm/yarn `workspaces`, `pnpm-workspace.yaml`), by
 * package name: the folders a package manager would link into `node_modules`, so that
 * `import … from "@acme/config"` reaches the package's source even with nothing installed.
 * The one place the resolver learns about workspaces; the package model can take it over.
 */
export function workspacePackages(project: ProjectModel): ReadonlyMap<string, string> {
  const patterns = memberPatterns(project);
  const packages = new Map<string, string>();
  const include = patterns.filter((p) => !p.startsWith("!"));
  if (include.length === 0) return packages;
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => normalizePattern(p.slice(1)));
  const included = picomatch(include);
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  let budget = MAX_FOLDERS;
  const consider = (relative: string): void => {
    if (!included(relative) || excluded(relative)) return;
    const dir = path.join(project.root, relative);
    const manifest = project.nearestPackage(path.join(dir, "package.json"));
    if (manifest?.dir === dir && manifest.name && !packages.has(manifest.name)) packages.set(manifest.name, dir);
  };
  const visit = (relative: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const name of subfolders(path.join(project.root, relative))) {
      if (--budget < 0) return;
      const child = relative ? `${relative}/${name}` : name;
      consider(child);
      visit(child, depth + 1);
    }
  };
  // Start below each pattern's literal base (`packages` for `packages/*`), never above the root.
  for (const base of new Set(include.map((p) => picomatch.scan(p).base))) {
    if (base.split("/").includes("..")) continue;
    if (base) consider(base);
    visit(base, 1);
  }
  return packages;
}
