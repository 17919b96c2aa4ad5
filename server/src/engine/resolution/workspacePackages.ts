import type { ProjectModel } from "../project";
import { packagesOf, workspacePackageDirs, workspaceRootOf } from "../packages";

/**
 * The workspace packages under the project root (npm/yarn `workspaces`, `pnpm-workspace.yaml`),
 * by package name: the folders a package manager would link into `node_modules`, so that
 * `import … from "@acme/config"` reaches the package's source even with nothing installed.
 * The package graph owns workspace discovery (its caps and notes); this only reads it.
 */
export function workspacePackages(project: ProjectModel): ReadonlyMap<string, string> {
  const packages = new Map<string, string>();
  for (const pkg of packagesOf(project)) {
    if (workspaceRootOf(project, pkg)) continue;
    for (const [name, dir] of workspacePackageDirs(project, pkg)) if (!packages.has(name) && dir !== pkg.dir) packages.set(name, dir);
  }
  return packages;
}
