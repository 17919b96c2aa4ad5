import type ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import type { Fix, TextEdit } from "../../engine/types";

/** Replaces `node` (in whichever file it is written) by `newText`. */
export function replaceNode(node: ts.Node, newText: string): TextEdit {
  const sourceFile = node.getSourceFile();
  return { file: sourceFile.fileName, start: node.getStart(sourceFile), end: node.getEnd(), newText };
}

/**
 * Fixes here change where data or logs go at run time, which code or operations may rely on
 * (`req.file.path`, a log shipper tailing a file), so none is applied without review.
 */
export function reviewedFix(title: string, edits: TextEdit[]): Fix {
  return { title, safe: false, edits, creates: [] };
}

/** `preferred` when it is written in the file under analysis, else `fallback` (which always is). */
export function nodeInFile(context: RuleContext, preferred: ts.Node | undefined, fallback: ts.Node): ts.Node {
  return preferred && preferred.getSourceFile() === context.sourceFile ? preferred : fallback;
}

/** The text of `node` when it fits on one line (for building a fix from the user's own names). */
export function singleLineText(node: ts.Node): string | undefined {
  const text = node.getText(node.getSourceFile());
  return /[\r\n]/.test(text) ? undefined : text;
}
