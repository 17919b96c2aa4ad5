import path from "node:path";
import { parse as parseJsonc } from "jsonc-parser";
import { parse as parseYaml } from "yaml";
import type { PackageInfo, ProjectModel } from "../../engine/project";
import { ancestorPackages, workspaceMatcher } from "../dependencies/workspaces";

/** A folder that declares workspaces (package.json `workspaces`, `pnpm-workspace.yaml` `packages`). */
export interface WorkspaceRoot {
  dir: string;
  /** Whether a folder, relative to `dir` with forward slashes, is one of its declared workspaces. */
  includes(relativeDir: string): boolean;
}

/** `libphonenumber-js/core`: the name of a sub-path entry stub, not of a package. */
const PACKAGE_NAME = /^(@[^/]+\/)?[^/]+$/;

/**
 * A package.json that only marks a folder (`{ "type": "module" }`) or a published sub-path entry
 * (`{ "name": "lib/core", "main": "index.js" }`): it declares nothing, so it is no package boundary.
 */
function isMarker(pkg: PackageInfo): boolean {
  const declaresNothing = pkg.workspaces.length === 0 && [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies, pkg.scripts].every((r) => Object.keys(r).length === 0);
  return declaresNothing && (!pkg.name || !PACKAGE_NAME.test(pkg.name));
}

/** The folder of the package a file belongs to: its nearest real package.json, else the project root. */
export function packageDirOf(project: ProjectModel, file: string): string {
  const nearest = project.nearestPackage(file);
  if (!nearest) return project.root;
  if (!isMarker(nearest)) return nearest.dir;
  return ancestorPackages(project, nearest.dir).find((pkg) => !isMarker(pkg))?.dir ?? project.root;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The globs `dir` declares (package.json `workspaces`, pnpm-workspace.yaml `packages`). */
function declaredPatterns(project: ProjectModel, dir: string): string[] {
  const patterns: string[] = [];
  const manifest = project.host.readFile(path.join(dir, "package.json"));
  if (manifest !== undefined) {
    const json = parseJsonc(manifest, [], { allowTrailingComma: true }) as { workspaces?: unknown } | undefined;
    const workspaces = json?.workspaces;
    patterns.push(...stringList(Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages));
  }
  const pnpm = project.host.readFile(path.join(dir, "pnpm-workspace.yaml"));
  if (pnpm !== undefined) {
    try {
      patterns.push(...stringList((parseYaml(pnpm) as { packages?: unknown } | null)?.packages));
    } catch {
      // A broken pnpm-workspace.yaml declares nothing; pnpm itself reports it.
    }
  }
  return patterns;
}

/**
 * Every folder above `dir` (nearest first) that declares workspaces, up to the project root and
 * never beyond: nothing outside the opened folder is read (an untrusted workspace must not make
 * the analysis look around the disk). A package opened on its own therefore sees no monorepo.
 */
export function workspaceRootsAbove(project: ProjectModel, dir: string): WorkspaceRoot[] {
  const roots: WorkspaceRoot[] = [];
  let current = dir;
  while (current !== project.root && isInside(project.root, current)) {
    current = path.dirname(current);
    const workspaces = declaredPatterns(project, current);
    if (workspaces.length === 0) continue;
    const includes = workspaceMatcher({ dir: current, workspaces, dependencies: {}, devDependencies: {}, peerDependencies: {}, optionalDependencies: {}, scripts: {} });
    roots.push({ dir: current, includes });
  }
  return roots;
}

export function isInside(dir: string, target: string): boolean {
  const relative = path.relative(dir, target);
  return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
}

function relativeDir(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join("/");
}

/** Whether `target` lies in a declared workspace of `root`: some folder on its path is one. */
function inWorkspaceOf(root: WorkspaceRoot, target: string): boolean {
  for (let current = target; current !== root.dir && isInside(root.dir, current); current = path.dirname(current)) {
    if (root.includes(relativeDir(root.dir, current))) return true;
  }
  return false;
}

/** Both ends in declared workspaces of one monorepo: the import stays inside it. */
export function withinDeclaredWorkspaces(project: ProjectModel, packageDir: string, target: string): boolean {
  return workspaceRootsAbove(project, packageDir).some((root) => root.includes(relativeDir(root.dir, packageDir)) && inWorkspaceOf(root, target));
}
