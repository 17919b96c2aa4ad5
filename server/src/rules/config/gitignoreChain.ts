import { isGitIgnored } from "../../engine/gitignore";
import type { ProjectModel } from "../../engine/project";

/**
 * Whether git ignores a project-relative file, every `.gitignore` from the root down applying as
 * git applies them (see `isGitIgnored`): a monorepo package's own `.gitignore` ignoring its `.env`
 * must not produce a false alarm. `rootText` stands in for the root `.gitignore`, to check an edit
 * before offering it.
 */
export function gitIgnores(project: ProjectModel, relativePath: string, rootText?: string): boolean {
  return isGitIgnored(project, relativePath, rootText);
}
