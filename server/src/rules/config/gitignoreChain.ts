import path from "node:path";
import ignore from "ignore";
import type { ProjectModel } from "../../engine/project";

/**
 * Whether git ignores a project-relative file, with git's layering: every `.gitignore` from the
 * root down to the file's folder applies, and the deepest one with a matching rule decides. The
 * project model only knows the root `.gitignore`; a monorepo package's own `.gitignore` ignoring
 * its `.env` must not produce a false alarm. `rootText` stands in for the root `.gitignore`, to
 * check an edit before offering it.
 */
export function gitIgnores(project: ProjectModel, relativePath: string, rootText?: string): boolean {
  const folders = relativePath.split("/").slice(0, -1);
  let ignored = false;
  for (let depth = 0; depth <= folders.length; depth++) {
    const base = folders.slice(0, depth).join("/");
    const matcher = depth > 0 ? layerAt(project, base) : rootText === undefined ? project.gitignore : ignore().add(rootText);
    if (!matcher) continue;
    const result = matcher.test(depth === 0 ? relativePath : relativePath.slice(base.length + 1));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function layerAt(project: ProjectModel, base: string): ReturnType<typeof ignore> | undefined {
  const text = project.host.readFile(path.join(project.root, base, ".gitignore"));
  return text === undefined ? undefined : ignore().add(text);
}
