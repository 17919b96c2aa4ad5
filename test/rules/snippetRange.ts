/**
 * Exact 1-based ranges named by the offending text itself: `spanOf(code, '"app.db"')` is where
 * that text occurs in `code` (the `nth` occurrence, from 0). Reviewers read the expected squiggle
 * as text instead of counting columns, and the assertion stays exact.
 */
export function spanOf(code: string, snippet: string, nth = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = code.indexOf(snippet, index + 1);
    if (index < 0) throw new Error(`snippet ${JSON.stringify(snippet)} (occurrence ${nth}) is not in the code`);
  }
  const position = (offset: number): { line: number; column: number } => {
    const before = code.slice(0, offset);
    return { line: before.split("\n").length, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
  };
  const start = position(index);
  const end = position(index + snippet.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
