import type { TextEdit } from "./types";

/**
 * Applies edits of one file to its text. Identical edits (the same fix offered by two findings)
 * are applied once; an edit that overlaps one already taken is dropped, never merged, so a
 * fix-all can only ever do less, not corrupt the file.
 */
export function applyTextEdits(text: string, edits: readonly Omit<TextEdit, "file">[]): string {
  const unique = new Map<string, Omit<TextEdit, "file">>();
  for (const edit of edits) unique.set(`${edit.start}:${edit.end}:${edit.newText}`, edit);
  const ordered = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = "";
  let cursor = 0;
  let lastInsertAt = -1;
  for (const edit of ordered) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) continue;
    // Two different insertions at one point (two `NAME=` lines appended to .env.example) would
    // make their order arbitrary: keep the first, the next fix-all pass re-plans the other.
    if (edit.start === edit.end && edit.start === lastInsertAt) continue;
    if (edit.start === edit.end) lastInsertAt = edit.start;
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
