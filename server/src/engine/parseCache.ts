import ts from "typescript";
import { scriptKindOf } from "./sourceKinds";

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
    // setParentNodes: rules walk upwards (is this literal a call argument? an object property?).
    const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
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
