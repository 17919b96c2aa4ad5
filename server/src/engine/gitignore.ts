import path from "node:path";
import ignore, { type Ignore } from "ignore";
import type { DocumentHost } from "./host";

/** What the `.gitignore` chain needs from a project: its root and a way to read files. */
export interface GitignoreSource {
  readonly root: string;
  readonly host: DocumentHost;
}

/**
 * Whether git ignores a project-relative path (forward slashes), with git's layering: every
 * `.gitignore` from the root down to the path's folder applies, and the deepest one with a
 * matching rule decides. `rootText` stands in for the root `.gitignore`, to check an edit before
 * offering it. Only files inside the root are read.
 */
export function isGitIgnored(project: GitignoreSource, relativePath: string, rootText?: string): boolean {
  if (relativePath === "" || relativePath.startsWith("../") || path.isAbsolute(relativePath)) return false;
  const folders = relativePath.split("/").slice(0, -1);
  let ignored = false;
  for (let depth = 0; depth <= folders.length; depth++) {
    const base = folders.slice(0, depth).join("/");
    const matcher = depth === 0 && rootText !== undefined ? ignore().add(rootText) : layerAt(project, base);
    if (!matcher) continue;
    const result = matcher.test(depth === 0 ? relativePath : relativePath.slice(base.length + 1));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function layerAt(project: GitignoreSource, base: string): Ignore | undefined {
  const text = project.host.readFile(path.join(project.root, base, ".gitignore"));
  return text === undefined ? undefined : ignore().add(text);
}
