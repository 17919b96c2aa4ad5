import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import { HOLE } from "./shellWords";

/**
 * A command line as far as it is known statically: `text` with `HOLE` wherever a value is not
 * known (a parameter inside `${...}`), and for each character of `text` its offset in the file
 * under analysis, or `undefined` when it was not written there as-is (a constant from another
 * file, an escape sequence).
 */
export interface CommandText {
  text: string;
  offsets: Array<number | undefined>;
}

const MAX_DEPTH = 6;

function unknownText(): CommandText {
  return { text: HOLE, offsets: [undefined] };
}

function concat(parts: CommandText[]): CommandText {
  return { text: parts.map((part) => part.text).join(""), offsets: parts.flatMap((part) => part.offsets) };
}

/**
 * A literal's cooked text, mapped to the file only where the source spells it the same way
 * (no escape sequences): exact squiggles in the usual case, a safe fallback otherwise.
 */
function literalPiece(cooked: string, node: ts.Node, rawStart: number, rawEnd: number, mapped: boolean): CommandText {
  const sourceFile = node.getSourceFile();
  const raw = sourceFile.text.slice(rawStart, rawEnd);
  const exact = mapped && raw === cooked;
  return { text: cooked, offsets: Array.from({ length: cooked.length }, (_, i) => (exact ? rawStart + i : undefined)) };
}

function templatePieces(semantics: Semantics, template: ts.TemplateExpression | ts.NoSubstitutionTemplateLiteral, mapped: boolean, depth: number): CommandText {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return literalPiece(template.text, template, template.getStart() + 1, template.getEnd() - 1, mapped);
  // Head `\`text${`, middles `}text${`, tail `}text\``: the text sits between the delimiters.
  const parts = [literalPiece(template.head.text, template.head, template.head.getStart() + 1, template.head.getEnd() - 2, mapped)];
  for (const span of template.templateSpans) {
    parts.push(valuePiece(semantics, span.expression, depth + 1));
    const closing = ts.isTemplateTail(span.literal) ? 1 : 2;
    parts.push(literalPiece(span.literal.text, span.literal, span.literal.getStart() + 1, span.literal.getEnd() - closing, mapped));
  }
  return concat(parts);
}

/** A value spliced into a command: known text when it resolves to a literal, else a hole. */
function valuePiece(semantics: Semantics, expression: ts.Expression, depth: number): CommandText {
  const value = semantics.valueOf(expression);
  if (value.kind === "literal" && (typeof value.value === "string" || typeof value.value === "number")) {
    const text = String(value.value);
    return { text, offsets: new Array<number | undefined>(text.length).fill(undefined) };
  }
  return depth < MAX_DEPTH ? pieces(semantics, expression, false, depth + 1) : unknownText();
}

function pieces(semantics: Semantics, expression: ts.Expression, mapped: boolean, depth: number): CommandText {
  const node = skipOuterExpressions(expression);
  if (ts.isStringLiteral(node)) return literalPiece(node.text, node, node.getStart() + 1, node.getEnd() - 1, mapped);
  if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return templatePieces(semantics, node, mapped, depth);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return concat([pieces(semantics, node.left, mapped, depth + 1), pieces(semantics, node.right, mapped, depth + 1)]);
  }
  if (depth >= MAX_DEPTH || !(ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))) return unknownText();
  // A name: follow it to what it stands for (a constant, a config property), without squiggle offsets.
  const value = semantics.valueOf(node);
  if (value.kind === "literal" && typeof value.value === "string") return { text: value.value, offsets: new Array<number | undefined>(value.value.length).fill(undefined) };
  const target = skipOuterExpressions(semantics.resolve(node).node);
  if (target === node) return unknownText();
  return pieces(semantics, target, false, depth + 1);
}

/** What `expression` (a command argument written in `sourceFile`) says, with offsets where it is written there. */
export function commandText(semantics: Semantics, expression: ts.Expression, sourceFile: ts.SourceFile): CommandText {
  return pieces(semantics, expression, expression.getSourceFile() === sourceFile, 0);
}

/** The offsets of `text.slice(start, end)` in the file, when every character was written there in one run. */
export function fileRange(command: CommandText, start: number, end: number): { start: number; end: number } | undefined {
  const first = command.offsets[start];
  if (first === undefined) return undefined;
  for (let i = start; i < end; i++) if (command.offsets[i] !== first + (i - start)) return undefined;
  return { start: first, end: first + (end - start) };
}
