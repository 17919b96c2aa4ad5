import { fileRole } from "../../engine/fileRoles";
import { samePackage } from "../../engine/packages";
import type { ProjectModel } from "../../engine/project";
import { shutdownFactsOf, type ShutdownFacts } from "./shutdownScan";

/** The name under which the per-file facts are cached in the project model. */
const FACT = "disposability/shutdown";

interface FileFacts extends ShutdownFacts {
  /** Under a test folder or named like a test: its handlers never run in production. */
  test: boolean;
  /** A one-off script: its servers are not reported. */
  script: boolean;
}

/** Role and scan together, so a project-wide question is one map lookup per file. */
function factsOf(project: ProjectModel, file: string): FileFacts | undefined {
  return project.sources.of(FACT, file, (text, path) => {
    const role = fileRole(project.relative(path));
    return { ...shutdownFactsOf(text, path), test: role.test, script: role.script };
  });
}

/**
 * Whether a file other than `current`, in the same package, handles shutdown; test files do not
 * count. Each package deploys as its own process: `apps/a`'s handler does nothing for `apps/b`.
 */
export function handledElsewhere(project: ProjectModel, current: string): boolean {
  return project.sources.files().some((file) => {
    if (file === current || !samePackage(project, file, current)) return false;
    const facts = factsOf(project, file);
    return facts !== undefined && facts.handles && !facts.test;
  });
}

/**
 * Whether `current` is the one file its package's finding goes to: the first file of the
 * package, in path order, that binds a port outside tests and scripts. `current` is judged by the caller from its
 * own text (an open buffer may differ from the disk), every other file from the cached facts.
 */
export function isFirstBindingFile(project: ProjectModel, current: string): boolean {
  for (const file of project.sources.files()) {
    // Files are sorted: past `current`'s place, nothing comes before it.
    if (file >= current) return true;
    const facts = factsOf(project, file);
    if (facts !== undefined && facts.binds && !facts.test && !facts.script && samePackage(project, file, current)) return false;
  }
  return true;
}
