import ts from "typescript";
import { scriptKindOf } from "./sourceKinds";
import { linkTree } from "./walker";

/**
 * JSDoc is not parsed: no rule reads it, and skipping it makes the parse ~20 % faster. Comments
 * stay in the text (suppressions read the text, not the tree).
 */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

/**
 * One `ts.SourceFile` per file version. Cross-file lookups (an imported port constant) reuse the
 * tree of the imported file instead of parsing it again for every importer.
 */
export class ParseCache {
  private readonly entries = new Map<string, ts.SourceFile>();

  constructor(private readonly maxEntries = 2000) {}

  get(path: string, text: string): ts.SourceFile | undefined {
    const cached = this.entries.get(path);
    if (cached && cached.text === text) return cached;
    const kind = scriptKindOf(path);
    if (kind === undefined) return undefined;
    const sourceFile = ts.createSourceFile(path, text, PARSE_OPTIONS, false, kind);
    // Parent pointers (rules walk upwards: is this literal a call argument?), set by the same
    // pass that records the order of the rules' walk.
    linkTree(sourceFile);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(path);
    this.entries.set(path, sourceFile);
    return sourceFile;
  }

  invalidate(path: string): void {
    this.entries.delete(path);
  }
}
