import ts from "typescript";

export interface Span {
  start: number;
  end: number;
}

/** Start of the line holding `pos` when only blanks precede `pos` on it. */
function ownLineStart(text: string, pos: number): number | undefined {
  let start = pos;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  return start === 0 || text[start - 1] === "\n" ? start : undefined;
}

/**
 * Where the comment lines directly above `node` start (no blank line between them and it), else
 * `node`'s own start: a comment such as `// also write errors to logs/error.log` describes the
 * code below it and goes with it. A comment sharing a line with earlier code belongs to that code.
 */
export function describingCommentStart(sourceFile: ts.SourceFile, node: ts.Node): number {
  const text = sourceFile.text;
  let start = node.getStart(sourceFile);
  const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    if (text.startsWith("#!", comment.pos) || !/^[ \t]*\r?\n[ \t]*$/.test(text.slice(comment.end, start))) break;
    if (ownLineStart(text, comment.pos) === undefined) break;
    start = comment.pos;
  }
  return start;
}

/**
 * The whole lines from `start` to `end`, line break included, when nothing else is written on
 * them (after `end` only a `separator`, blanks and a line comment may follow); `undefined` otherwise.
 */
export function wholeLines(text: string, start: number, end: number, separator: "," | ";"): Span | undefined {
  const lineStart = ownLineStart(text, start);
  if (lineStart === undefined) return undefined;
  const rest = new RegExp(`^[ \\t]*\\${separator}?[ \\t]*(?://[^\\r\\n]*)?(?:\\r?\\n|$)`).exec(text.slice(end));
  return rest ? { start: lineStart, end: end + rest[0].length } : undefined;
}

const BLANK_LINE = /^[ \t]*(?:\r?\n|$)/;

/** Where the line above `lineStart` starts when it is blank; `undefined` when it is not, or there is none. */
function blankLineAbove(text: string, lineStart: number): number | undefined {
  if (lineStart === 0) return undefined;
  // The line above ends just before its line break: blank when only blanks precede that end.
  const end = text[lineStart - 2] === "\r" ? lineStart - 2 : lineStart - 1;
  return ownLineStart(text, end);
}

/**
 * Whole lines of a statement, plus one blank line when the statement stood alone between blank
 * lines (or at the top of the file), so removing it leaves no double gap.
 */
export function statementLines(sourceFile: ts.SourceFile, statement: ts.Statement, from = statement.getStart(sourceFile)): Span | undefined {
  const text = sourceFile.text;
  const lines = wholeLines(text, from, statement.getEnd(), ";");
  if (!lines) return undefined;
  const above = blankLineAbove(text, lines.start);
  const after = BLANK_LINE.exec(text.slice(lines.end, lines.end + 256));
  if ((lines.start !== 0 && above === undefined) || !after) return lines;
  if (after[0] !== "") return { start: lines.start, end: lines.end + after[0].length };
  // Last in the file: the blank line above goes instead.
  return above === undefined ? lines : { start: above, end: lines.end };
}
