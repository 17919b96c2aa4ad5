import path from "node:path";
import type { Trigger } from "../../engine/rule";
import type { ProjectModel } from "../../engine/project";
import { ModuleResolver } from "../../engine/semantics/moduleResolution";

/** Imports a helper of the project may come through: relative paths and tsconfig-style aliases. */
const PROJECT_IMPORT = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`]((?:\.{1,2}\/|[@~#]\/|\$)[^"'`\n]*|\.{1,2})["'`]/g;
/** Import levels looked through: a call in this file, a helper in an imported one, and one more. */
const IMPORT_DEPTH = 2;
const MAX_ENTRIES = 5000;

interface Entry {
  text: string;
  own: boolean;
  specifiers: string[];
}

/** Per rule pattern, per file: what its text matched and imported, while the text is the same. */
const entries = new WeakMap<RegExp, Map<string, Entry>>();

/**
 * A rule's pre-scan that also lets a file through when a project file it imports (or one that
 * file imports) would match: `writeJson(path)` from "./lib/files" is an fs write the rule follows
 * into the helper. Still a text scan (no parse), cached per file text.
 */
export function followingImports(own: RegExp): Trigger {
  return {
    test(text, file, project) {
      if (own.test(text)) return true;
      // Without the project to look into, any project import might lead to a match.
      if (!file || !project) return new RegExp(PROJECT_IMPORT.source).test(text);
      const resolver = new ModuleResolver(project);
      const seen = new Set<string>([file]);
      let level = [file];
      const texts = new Map<string, string>([[file, text]]);
      for (let depth = 0; depth < IMPORT_DEPTH && level.length > 0; depth++) {
        const next: string[] = [];
        for (const from of level) {
          const entry = entryFor(own, project, from, texts.get(from));
          if (!entry) continue;
          for (const specifier of entry.specifiers) {
            const target = resolver.resolve(specifier, from);
            if (!target || seen.has(target) || path.basename(target).includes(".d.")) continue;
            seen.add(target);
            const imported = entryFor(own, project, target);
            if (imported?.own) return true;
            if (imported) next.push(target);
          }
        }
        level = next;
      }
      return false;
    },
  };
}

function entryFor(own: RegExp, project: ProjectModel, file: string, known?: string): Entry | undefined {
  const text = known ?? project.host.readFile(file);
  if (text === undefined || text.length > 1024 * 1024) return undefined;
  let perProject = entries.get(own);
  if (!perProject) entries.set(own, (perProject = new Map()));
  const cached = perProject.get(file);
  if (cached && cached.text === text) return cached;
  if (perProject.size > MAX_ENTRIES) perProject.clear();
  const entry: Entry = { text, own: own.test(text), specifiers: [...text.matchAll(PROJECT_IMPORT)].map((match) => match[1]) };
  perProject.set(file, entry);
  return entry;
}
