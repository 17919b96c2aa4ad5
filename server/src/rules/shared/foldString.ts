import ts from "typescript";
import type { LiteralValue, Semantics } from "../../engine/semantics";
import { skipOuterExpressions } from "../../engine/semantics/syntax";

/** Stands for an unknown part of a string (a substitution): reads as a placeholder, never as part of a token or a host. */
export const SUBSTITUTION = "${}";

/** A part of a folded value that came from a literal written elsewhere, reached through a name. */
export interface FlowOrigin {
  /** Offsets of the part in the folded value. */
  start: number;
  end: number;
  literal: LiteralValue & { value: string };
  /** The name (or expression) at the sink the value came through: `LEDGER_TOKEN`, `config.db.password`. */
  via: ts.Expression;
  /** False when the part was transformed on the way (base64-encoded), so it is not the literal's text. */
  exact: boolean;
}

/** A string expression read as the value it builds; unknown parts read as `${}`, a placeholder. */
export interface FoldedString {
  value: string;
  origins: FlowOrigin[];
  /** Every part is known. */
  complete: boolean;
}

const MAX_DEPTH = 6;
const UNKNOWN_PART: FoldedString = { value: SUBSTITUTION, origins: [], complete: false };

function shift(origins: FlowOrigin[], by: number): FlowOrigin[] {
  return origins.map((origin) => ({ ...origin, start: origin.start + by, end: origin.end + by }));
}

function concat(parts: FoldedString[]): FoldedString {
  let value = "";
  const origins: FlowOrigin[] = [];
  for (const part of parts) {
    origins.push(...shift(part.origins, value.length));
    value += part.value;
  }
  return { value, origins, complete: parts.every((part) => part.complete) };
}

function isPlus(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

/** `Buffer.from(x).toString("base64")` and `btoa(x)`: the argument whose base64 form is the value. */
function base64Source(node: ts.CallExpression): ts.Expression | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee) && callee.text === "btoa" && node.arguments.length === 1) return node.arguments[0];
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "toString") return undefined;
  const encoding = node.arguments[0];
  if (!encoding || !ts.isStringLiteralLike(encoding) || encoding.text !== "base64") return undefined;
  const inner = skipOuterExpressions(callee.expression);
  if (!ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression) || inner.expression.name.text !== "from") return undefined;
  const holder = inner.expression.expression;
  return ts.isIdentifier(holder) && holder.text === "Buffer" ? inner.arguments[0] : undefined;
}

/**
 * The string `expression` builds, following names to literals in this file or others:
 * `` `Bearer ${LEDGER_TOKEN}` ``, `"Bearer " + KEY`, `` Buffer.from(`${user}:${pass}`).toString("base64") ``.
 * Names that do not resolve to a string literal (env reads, parameters, calls) stay unknown.
 */
export function foldString(expression: ts.Expression, semantics: Semantics, depth = 0): FoldedString {
  const node = skipOuterExpressions(expression);
  if (depth > MAX_DEPTH) return UNKNOWN_PART;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { value: node.text, origins: [], complete: true };
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const found = semantics.valueOf(node);
    if (found.kind !== "literal" || typeof found.value !== "string") return UNKNOWN_PART;
    const literal = found as LiteralValue & { value: string };
    return { value: literal.value, origins: [{ start: 0, end: literal.value.length, literal, via: node, exact: true }], complete: true };
  }
  if (ts.isTemplateExpression(node)) {
    const parts: FoldedString[] = [{ value: node.head.text, origins: [], complete: true }];
    for (const span of node.templateSpans) {
      parts.push(foldString(span.expression, semantics, depth + 1), { value: span.literal.text, origins: [], complete: true });
    }
    return concat(parts);
  }
  if (isPlus(node)) return concat([foldString(node.left, semantics, depth + 1), foldString(node.right, semantics, depth + 1)]);
  if (ts.isCallExpression(node)) {
    const source = base64Source(node);
    const inner = source && foldString(source, semantics, depth + 1);
    if (!inner?.complete) return UNKNOWN_PART;
    const value = Buffer.from(inner.value, "utf8").toString("base64");
    return { value, origins: inner.origins.map((origin) => ({ ...origin, start: 0, end: value.length, exact: false })), complete: true };
  }
  return UNKNOWN_PART;
}
