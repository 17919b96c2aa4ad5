import ts from "typescript";

/**
 * A string the user is still typing: unterminated (`require('s`), or on a line where the parser
 * found a syntax error (`import x from 'st` before the rest of the statement). Its text is not
 * a name yet, so no rule judges it; the finding comes once the statement parses.
 */
export function isUnfinishedLiteral(literal: ts.StringLiteralLike, sourceFile: ts.SourceFile): boolean {
  if ((literal as { isUnterminated?: boolean }).isUnterminated) return true;
  const errors = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (errors.length === 0) return false;
  const line = sourceFile.getLineAndCharacterOfPosition(literal.getStart(sourceFile)).line;
  return errors.some((error) => error.start !== undefined && sourceFile.getLineAndCharacterOfPosition(error.start).line === line);
}
