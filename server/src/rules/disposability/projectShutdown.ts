import { samePackage } from "../../engine/packages";
import type { ProjectModel } from "../../engine/project";
import { shutdownFactsOf, type ShutdownFacts } from "./shutdownScan";

/** The name under which the per-file facts are cached in the project model. */
const FACT = "disposability/shutdown";

/** The scan, cached per file version; the role is the project model's (it changes with runner configs, not with the file). */
function factsOf(project: ProjectModel, file: string): ShutdownFacts | undefined {
  return project.sources.of(FACT, file, shutdownFactsOf);
}

/** Tests, fixtures and scripts never run in production: their handlers and servers do not count. */
function counts(project: ProjectModel, file: string): boolean {
  const role = project.roleOf(file);
  return role !== "test" && role !== "fixture" && role !== "script" && role !== "build";
}

/**
 * Whether a file other than `current`, in the same package, handles shutdown; test files do not
 * count. Each package deploys as its own process: `apps/a`'s handler does nothing for `apps/b`.
 */
export function handledElsewhere(project: ProjectModel, current: string): boolean {
  return project.sources.files().some((file) => {
    if (file === current || !samePackage(project, file, current)) return false;
    const facts = factsOf(project, file);
    return facts !== undefined && facts.handles && counts(project, file);
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
    if (facts !== undefined && facts.binds && counts(project, file) && samePackage(project, file, current)) return false;
  }
  return true;
}
