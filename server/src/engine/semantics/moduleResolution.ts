import type { ProjectModel } from "../project";
import { scriptKindOf } from "../sourceKinds";

/**
 * The project source file a specifier names, for following values across files: the engine's
 * one resolver (`project.modules`, TypeScript's resolution with the project's tsconfigs and
 * workspace packages) narrowed to files that hold code. Package imports, declaration files and
 * anything outside the project resolve to nothing: the analyzer never reads node_modules nor
 * anything outside the project root.
 */
export class ModuleResolver {
  constructor(private readonly project: ProjectModel) {}

  /** Files were created, deleted or renamed: imports may now resolve elsewhere. */
  clear(): void {
    this.project.modules.clear();
  }

  resolve(specifier: string, fromFile: string): string | undefined {
    const resolution = this.project.modules.resolve(specifier, fromFile);
    return resolution.kind === "file" && scriptKindOf(resolution.file) !== undefined ? resolution.file : undefined;
  }
}
