import ts from "typescript";
import { scriptKindOf } from "./sourceKinds";
import { linkParents } from "./walker";

/**
 * Trees of the files that cross-file lookups look into (an imported port constant), one per file
 * version, least recently used first out, so importers share one parse.
 *
 * The file being analysed is parsed fresh and not kept (`forAnalysis`): its tree dies young, which
 * the garbage collector handles far more cheaply than an old tree replaced at every keystroke.
 * A file open in an editor is the exception (`incremental`): its last tree is kept and updated
 * with the edit, so a keystroke re-parses the statement it touched instead of the whole file.
 * Trees are parsed without parent links: the analyzer's walk links them as it goes, and files
 * that are only looked into get them from `withParents`.
 */
export class ParseCache {
  private readonly entries = new Map<string, ts.SourceFile>();
  private readonly linked = new WeakSet<ts.SourceFile>();
  /**
   * The last analysed tree of each open file. Never shared with `entries`: the incremental
   * parser moves the old tree's unchanged nodes into the new one, so the old tree is spent.
   */
  private readonly editing = new Map<string, ts.SourceFile>();
  private textBytes = 0;

  /**
   * `maxTextBytes`: a tree takes about ten times its text, so 8 MB of text is ~80 MB of trees; a
   * count alone would let 300 large imported modules hold several hundred MB per thread.
   */
  constructor(
    private readonly maxEntries = 300,
    private readonly maxTextBytes = 8 * 2 ** 20,
  ) {}

  /**
   * The cached tree of this exact text, or a fresh one that is not cached. With `incremental`
   * (an open editor buffer) the tree is derived from the file's previous one and kept for the next edit.
   */
  forAnalysis(path: string, text: string, incremental = false): ts.SourceFile | undefined {
    const cached = this.entries.get(path);
    if (cached && cached.text === text) return cached;
    if (!incremental) return parse(path, text);
    const previous = this.editing.get(path);
    if (previous?.text === text) return previous;
    // Dropped first: if the update throws (pathological nesting), the half-moved tree is not reused.
    this.editing.delete(path);
    const sourceFile = previous ? ts.updateSourceFile(previous, text, changeBetween(previous.text, text)) : parse(path, text);
    if (sourceFile) this.editing.set(path, sourceFile);
    return sourceFile;
  }

  /** The file was closed in the editor: its kept tree is no longer needed. */
  release(path: string): void {
    this.editing.delete(path);
  }

  get(path: string, text: string): ts.SourceFile | undefined {
    const cached = this.entries.get(path);
    this.entries.delete(path);
    if (cached && cached.text === text) {
      this.entries.set(path, cached);
      return cached;
    }
    if (cached) this.textBytes -= cached.text.length;
    const sourceFile = parse(path, text);
    if (!sourceFile) return undefined;
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.textBytes + text.length > this.maxTextBytes)) {
      const [oldest, tree] = this.entries.entries().next().value as [string, ts.SourceFile];
      this.entries.delete(oldest);
      this.textBytes -= tree.text.length;
    }
    this.entries.set(path, sourceFile);
    this.textBytes += text.length;
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
    const cached = this.entries.get(path);
    if (!cached) return;
    this.entries.delete(path);
    this.textBytes -= cached.text.length;
  }
}

/** The one span that differs between two texts (common prefix and suffix left out). */
export function changeBetween(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return ts.createTextChangeRange(ts.createTextSpan(start, before.length - start - tail), after.length - start - tail);
}

function parse(path: string, text: string): ts.SourceFile | undefined {
  const kind = scriptKindOf(path);
  if (kind === undefined) return undefined;
  // No rule reads JSDoc, and in JavaScript the compiler would otherwise parse every doc comment.
  return ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
}
