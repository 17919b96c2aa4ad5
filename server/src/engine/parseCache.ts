import ts from "typescript";
import { scriptKindOf } from "./sourceKinds";
import { linkParents } from "./walker";

/**
 * One `ts.SourceFile` per file version. Cross-file lookups (an imported port constant) reuse the
 * tree of the imported file instead of parsing it again for every importer.
 *
 * Trees are parsed without parent links: the analyzer's walk links them as it goes, and files
 * that are only looked into get them from `withParents`.
 */
export class ParseCache {
  private readonly entries = new Map<string, ts.SourceFile>();
  private readonly linked = new WeakSet<ts.SourceFile>();

  constructor(private readonly maxEntries = 2000) {}

  get(path: string, text: string): ts.SourceFile | undefined {
    const cached = this.entries.get(path);
    if (cached && cached.text === text) return cached;
    const kind = scriptKindOf(path);
    if (kind === undefined) return undefined;
    // No rule reads JSDoc, and in JavaScript the compiler would otherwise parse every doc comment.
    const sourceFile = ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(path);
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
