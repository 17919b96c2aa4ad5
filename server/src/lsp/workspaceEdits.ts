import { URI } from "vscode-uri";
import { CreateFile, TextDocumentEdit, type TextEdit as LspTextEdit, type WorkspaceEdit } from "vscode-languageserver";
import { LineIndex } from "../engine/lineIndex";
import type { Fix } from "../engine/types";

export interface EditTarget {
  /** Current text of a file (open buffer or disk); `undefined` when it does not exist. */
  readText(file: string): string | undefined;
  /** The open document's version, for versioned edits. */
  versionOf(file: string): number | null;
}

/** What the client can apply, from its `workspace.workspaceEdit` capabilities. */
export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
}

export const toUri = (file: string): string => URI.file(file).toString();

/**
 * One WorkspaceEdit for a set of fixes (already free of conflicts). `undefined` when an edit no
 * longer fits the file (the analysis is stale) or when files must be created and the client
 * cannot: then the caller offers the server-side command instead, since dropping the creation
 * of `.env` would lose the value the fix moves there.
 */
export function toWorkspaceEdit(fixes: readonly Fix[], target: EditTarget, capabilities: EditCapabilities): WorkspaceEdit | undefined {
  const byFile = new Map<string, LspTextEdit[]>();
  const creates: Array<{ file: string; text: string }> = [];
  for (const fix of fixes) {
    for (const creation of fix.creates) if (!creates.some((c) => c.file === creation.file)) creates.push(creation);
    for (const edit of fix.edits) {
      const text = target.readText(edit.file);
      if (text === undefined || edit.end > text.length || edit.start > edit.end) return undefined;
      const lines = new LineIndex(text);
      const list = byFile.get(edit.file) ?? [];
      if (!list.some((other) => other.newText === edit.newText && sameRange(other, lines, edit.start, edit.end))) {
        list.push({ range: { start: lines.getLineAndCharacterOfPosition(edit.start), end: lines.getLineAndCharacterOfPosition(edit.end) }, newText: edit.newText });
      }
      byFile.set(edit.file, list);
    }
  }
  if (creates.length > 0 && !(capabilities.documentChanges && capabilities.createFiles)) return undefined;
  if (!capabilities.documentChanges) {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const [file, edits] of byFile) changes[toUri(file)] = edits;
    return { changes };
  }
  const documentChanges: WorkspaceEdit["documentChanges"] = [];
  for (const creation of creates) {
    documentChanges.push(CreateFile.create(toUri(creation.file), { ignoreIfExists: true }));
    documentChanges.push(TextDocumentEdit.create({ uri: toUri(creation.file), version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: creation.text }]));
  }
  for (const [file, edits] of byFile) documentChanges.push(TextDocumentEdit.create({ uri: toUri(file), version: target.versionOf(file) }, edits));
  return { documentChanges };
}

function sameRange(edit: LspTextEdit, lines: LineIndex, start: number, end: number): boolean {
  const s = lines.getLineAndCharacterOfPosition(start);
  const e = lines.getLineAndCharacterOfPosition(end);
  return edit.range.start.line === s.line && edit.range.start.character === s.character && edit.range.end.line === e.line && edit.range.end.character === e.character;
}
