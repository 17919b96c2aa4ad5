import path from "node:path";
import type { ProjectModel } from "../../engine/project";
import type { ClientFile } from "../../engine/roles/clientCode";
import { isTestCode } from "../../engine/fileRoles";
import { clientByMarkers, type ClientMarkers } from "./clientFiles";

/**
 * Client code through the import graph: a module with no marker of its own ("use client", a
 * client path) is client code when it has importers and every one of them is client code, by its
 * own marker or, up to MAX_DEPTH steps up, by the same rule. A module that any server code
 * imports (a server component, a route handler, a script) is not: it runs on the server too, and
 * only "only client code imports it" is sure to put its reads in the browser and nowhere else.
 *
 * Lazy and bounded: asked only for a file that reads a secret-named variable; importers are found
 * from each source's import specifiers (a fact of its text, cached until it changes), narrowed by
 * the specifier's last segment before anything is resolved; at most MAX_IMPORTERS importers are
 * per module and MAX_JUDGED in all per analysed file are judged. Test, fixture and tool-config importers never ship and are not counted.
 */

export const MAX_DEPTH = 3;
export const MAX_IMPORTERS = 40;
/** Importers judged per analysed file, over all levels: past it the answer is "not known to be client". */
export const MAX_JUDGED = 120;

interface ImportFacts extends ClientMarkers {
  /** Specifiers of value imports, re-exports, `require` and `import()` (type-only imports are left out). */
  specifiers: string[];
  /** Their last segments without extension (`../lib/keys.js` → `keys`): what a file's name is matched against. */
  segments: ReadonlySet<string>;
}

const STATIC_IMPORT = /\b(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\bfrom\s*)?["']([^"'\n]+)["']/g;
const CALL_IMPORT = /\b(?:require|import)\s*\(\s*["']([^"'\n]+)["']\s*\)/g;
/** Directives open the file: only comments and other directives may come before. */
const DIRECTIVES = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|["'][^"'\n]*["'];?)*/;

function importFacts(text: string): ImportFacts {
  const specifiers = new Set<string>();
  for (const match of text.matchAll(STATIC_IMPORT)) if (!match[1]) specifiers.add(match[2]);
  for (const match of text.matchAll(CALL_IMPORT)) specifiers.add(match[1]);
  const head = DIRECTIVES.exec(text)?.[0] ?? "";
  return {
    specifiers: [...specifiers],
    segments: new Set([...specifiers].map(lastSegment)),
    useClient: /["']use client["']/.test(head),
    useServer: /["']use server["']/.test(head),
    serverOnly: specifiers.has("server-only"),
  };
}

const factsOf = (project: ProjectModel, file: string): ImportFacts | undefined => project.sources.of("client-import-facts", file, importFacts);

/** `src/lib/stripe.ts` → ["stripe"]; `src/lib/index.ts` → ["index", "lib"]: what a specifier naming it ends with. */
function stemsOf(file: string): string[] {
  const stem = path.basename(file).replace(/\.[^.]+$/, "");
  return stem === "index" ? [stem, path.basename(path.dirname(file))] : [stem];
}

function lastSegment(specifier: string): string {
  const last = specifier.replace(/\/+$/, "").split("/").at(-1) ?? "";
  return last.replace(/\.(?:[cm]?[jt]sx?)$/, "");
}

/**
 * Which sources name a segment, over the whole project. Rebuilt when any source's facts were
 * recomputed since (its text changed): checked once per question by identity of the cached facts.
 */
interface ImportIndex {
  facts: Map<string, ImportFacts | undefined>;
  bySegment: Map<string, string[]>;
}

const indexes = new WeakMap<ProjectModel, ImportIndex>();

function importIndex(project: ProjectModel): ImportIndex {
  const files = project.sources.files();
  const cached = indexes.get(project);
  if (cached && cached.facts.size === files.length && files.every((file) => cached.facts.get(file) === factsOf(project, file))) return cached;
  const index: ImportIndex = { facts: new Map(), bySegment: new Map() };
  for (const file of files) {
    const facts = factsOf(project, file);
    index.facts.set(file, facts);
    for (const segment of facts?.segments ?? []) {
      const list = index.bySegment.get(segment);
      if (list) list.push(file);
      else index.bySegment.set(segment, [file]);
    }
  }
  indexes.set(project, index);
  return index;
}

/** The project sources that import `file` (not counting tests, fixtures and tool configs); `undefined` past the budget. */
function importersOf(file: string, project: ProjectModel, index: ImportIndex): string[] | undefined {
  const stems = stemsOf(file);
  const candidates = new Set(stems.flatMap((stem) => index.bySegment.get(stem) ?? []));
  const importers: string[] = [];
  for (const candidate of [...candidates].sort()) {
    if (candidate === file) continue;
    const facts = index.facts.get(candidate);
    if (!facts) continue;
    const role = project.roleOf(candidate);
    if (isTestCode(role) || role === "config") continue;
    const imports = facts.specifiers.some((specifier) => {
      if (!stems.includes(lastSegment(specifier))) return false;
      const resolved = project.modules.resolve(specifier, candidate);
      return resolved.kind === "file" && resolved.file === file;
    });
    if (!imports) continue;
    importers.push(candidate);
    if (importers.length > MAX_IMPORTERS) return undefined;
  }
  return importers;
}


interface Walk {
  index: ImportIndex;
  judged: number;
}

/**
 * The chain of importers that makes `file` client code (nearest first, the marked client file
 * last), or `undefined` when some importer may run on the server, there is none, or the budget
 * or the depth runs out.
 */
function clientChain(file: string, project: ProjectModel, depth: number, seen: Set<string>, walk: Walk): string[] | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  const importers = importersOf(file, project, walk.index);
  if (!importers || importers.length === 0) return undefined;
  let chain: string[] | undefined;
  for (const importer of importers) {
    // An import cycle adds nothing: the cycle's other importers decide.
    if (seen.has(importer)) continue;
    if (++walk.judged > MAX_JUDGED) return undefined;
    const facts = walk.index.facts.get(importer);
    if (!facts || facts.useServer || facts.serverOnly) return undefined;
    let found: string[] | undefined;
    if (clientByMarkers(facts, () => project.host.readFile(importer) ?? "", importer, project)) found = [importer];
    else {
      const above = clientChain(importer, project, depth + 1, new Set([...seen, importer]), walk);
      found = above && [importer, ...above];
    }
    if (!found) return undefined;
    chain ??= found;
  }
  return chain;
}

/** `file` as client code because only client code imports it, with the message's wording. */
export function clientByImporters(file: string, project: ProjectModel): ClientFile | undefined {
  const chain = clientChain(file, project, 0, new Set([file]), { index: importIndex(project), judged: 0 });
  if (!chain) return undefined;
  const shown = chain.map((step) => project.relative(step));
  const via = shown.length > 1 ? ` through ${shown.slice(0, -1).reverse().join(", ")}` : "";
  return { where: `a module only client code imports (${shown.at(-1)}${via})`, nextPage: false };
}
