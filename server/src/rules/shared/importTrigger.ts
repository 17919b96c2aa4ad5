import path from "node:path";
import type { Trigger } from "../../engine/rule";
import type { ProjectModel } from "../../engine/project";
import { ModuleResolver } from "../../engine/semantics/moduleResolution";

/** Imports a helper of the project may come through: relative paths and tsconfig-style aliases. */
const PROJECT_IMPORT = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`]((?:\.{1,2}\/|[@~#]\/|\$)[^"'`\n]*|\.{1,2})["'`]/g;
const ANY_PROJECT_IMPORT = new RegExp(PROJECT_IMPORT.source);
/** Import levels looked through: a call in this file, a helper in an imported one, and one more. */
const IMPORT_DEPTH = 2;

/** Project facts shared by every rule's pre-scan: a file's project imports, resolved. */
const IMPORTS_FACT = "project-imports";

/**
 * A rule's pre-scan that also lets a file through when a project file it imports (or one that
 * file imports) would match: `writeJson(path)` from "./lib/files" is an fs write the rule follows
 * into the helper. Still a text scan (no parse). Each file's imports and match are project facts,
 * cached until that file changes, so a keystroke re-reads only the edited file's imports. (An
 * import that starts to resolve because a file was created is seen when the importing file
 * changes: a pre-scan may lag, the analysis itself never does.)
 */
export function followingImports(own: RegExp): Trigger {
  const matchFact = `matches:${own.source}`;
  return {
    test(text, file, project) {
      if (own.test(text)) return true;
      // Without the project to look into, any project import might lead to a match.
      if (!file || !project) return ANY_PROJECT_IMPORT.test(text);
      if (!ANY_PROJECT_IMPORT.test(text)) return false;
      const seen = new Set<string>([file]);
      let level = importsOf(project, file);
      for (let depth = 0; depth < IMPORT_DEPTH && level.length > 0; depth++) {
        const next: string[] = [];
        for (const target of level) {
          if (seen.has(target)) continue;
          seen.add(target);
          if (project.sources.of(matchFact, target, (targetText) => own.test(targetText))) return true;
          // The last level is only read, never resolved further.
          if (depth + 1 < IMPORT_DEPTH) next.push(...importsOf(project, target));
        }
        level = next;
      }
      return false;
    },
  };
}

/** The project files `file` imports (as the host sees it: an open buffer wins over the disk). */
function importsOf(project: ProjectModel, file: string): string[] {
  return (
    project.sources.of(IMPORTS_FACT, file, (text) => {
      if (!ANY_PROJECT_IMPORT.test(text)) return [];
      const resolver = new ModuleResolver(project);
      const found: string[] = [];
      for (const match of text.matchAll(PROJECT_IMPORT)) {
        const target = resolver.resolve(match[1], file);
        if (target && !path.basename(target).includes(".d.")) found.push(target);
      }
      return found;
    }) ?? []
  );
}
