import path from "node:path";
import { readWorkspaceDeclarations } from "../../engine/packages";
import type { ProjectModel } from "../../engine/project";
import { workspaceMatcher } from "../dependencies/workspaces";

/** A folder that declares workspaces (package.json `workspaces`, `pnpm-workspace.yaml` `packages`). */
export interface WorkspaceRoot {
  dir: string;
  /** Whether a folder, relative to `dir` with forward slashes, is one of its declared workspaces. */
  includes(relativeDir: string): boolean;
}

/** The globs `dir` declares (package.json `workspaces`, pnpm-workspace.yaml `packages`). */
function declaredPatterns(project: ProjectModel, dir: string): string[] {
  return readWorkspaceDeclarations(dir, project.host).declarations.flatMap((declaration) => declaration.patterns);
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
