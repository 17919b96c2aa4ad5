import ts from "typescript";
import { scriptKindOf } from "./sourceKinds";
import { linkParents } from "./walker";

/**
 * Trees of the files that cross-file lookups look into (an imported port constant), one per file
 * version, least recently used first out, so importers share one parse.
 *
 * The file being analysed is parsed fresh and not kept (`forAnalysis`): its tree dies young, which
 * the garbage collector handles far more cheaply than an old tree replaced at every keystroke.
 * Trees are parsed without parent links: the analyzer's walk links them as it goes, and files
 * that are only looked into get them from `withParents`.
 */
export class ParseCache {
  private readonly entries = new Map<string, ts.SourceFile>();
  private readonly linked = new WeakSet<ts.SourceFile>();

  constructor(private readonly maxEntries = 300) {}

  /** The cached tree of this exact text, or a fresh one that is not cached. */
  forAnalysis(path: string, text: string): ts.SourceFile | undefined {
    const cached = this.entries.get(path);
    return cached && cached.text === text ? cached : parse(path, text);
  }

  get(path: string, text: string): ts.SourceFile | undefined {
    const cached = this.entries.get(path);
    this.entries.delete(path);
    if (cached && cached.text === text) {
      this.entries.set(path, cached);
      return cached;
    }
    const sourceFile = parse(path, text);
    if (!sourceFile) return undefined;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(path, sourceFile);
    return sourceFile;
  }

  /** The tree with parent links, for semantic lookups into a file that may not have been walked. */
  withParents(path: string, text: string): ts.SourceFile | undefined {
    const sourceFile = this.get(path, text);
    if (sourceFile) this.markLinked(sourceFile);
    return sourceFile;
  }

  /** Records that `sourceFile`'s parents are linked (the analyzer's walk did it). */
  markLinked(sourceFile: ts.SourceFile, alreadyLinked = false): void {
    if (this.linked.has(sourceFile)) return;
    if (!alreadyLinked) linkParents(sourceFile);
    this.linked.add(sourceFile);
  }

  invalidate(path: string): void {
    this.entries.delete(path);
  }
}

function parse(path: string, text: string): ts.SourceFile | undefined {
  const kind = scriptKindOf(path);
  if (kind === undefined) return undefined;
  // No rule reads JSDoc, and in JavaScript the compiler would otherwise parse every doc comment.
  return ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
}
