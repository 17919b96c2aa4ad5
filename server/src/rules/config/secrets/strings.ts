import ts from "typescript";
import type { RuleContext } from "../../../engine/rule";
import { SUBSTITUTION } from "../../shared/foldString";
import type { SecretSite } from "./fix";


/**
 * A template with substitutions as one value (`` `postgres://app:pw@${host}/db` ``), with
 * the source offset of each literal part so a fix can edit inside it.
 */
export function templateSite(node: ts.TemplateExpression, context: RuleContext): SecretSite {
  const parts: (ts.TemplateHead | ts.TemplateMiddle | ts.TemplateTail)[] = [node.head, ...node.templateSpans.map((span) => span.literal)];
  const segments: NonNullable<SecretSite["segments"]> = [];
  let value = "";
  parts.forEach((part, index) => {
    if (index > 0) value += SUBSTITUTION;
    // Each part's source starts with "`" (head) or "}" (middle, tail).
    const sourceStart = part.getStart(context.sourceFile) + 1;
    const exact = context.text.slice(sourceStart, sourceStart + part.text.length) === part.text;
    segments.push({ valueStart: value.length, valueEnd: value.length + part.text.length, sourceStart, exact });
    value += part.text;
  });
  return { node, sourceFile: context.sourceFile, file: context.file, value, kind: "template", replaceable: true, jsxAttribute: false, segments };
}

const MAX_PARTS = 64;

function isPlus(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

/** `"sk_live_" + "…"`: a concatenation made only of string literals, read as the string it builds. */
export function concatenationOf(node: ts.BinaryExpression, context: RuleContext): { site: SecretSite; parts: ts.Node[] } | undefined {
  if (!isPlus(node) || isPlus(node.parent)) return undefined;
  const parts: ts.Node[] = [];
  const stack: ts.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as ts.Node;
    if (isPlus(current)) {
      stack.push(current.right, current.left);
    } else if (ts.isParenthesizedExpression(current)) {
      stack.push(current.expression);
    } else if ((ts.isStringLiteral(current) || ts.isNoSubstitutionTemplateLiteral(current)) && parts.length < MAX_PARTS) {
      parts.push(current);
    } else {
      return undefined;
    }
  }
  const value = parts.map((part) => (part as ts.StringLiteral).text).join("");
  return { site: { node, sourceFile: context.sourceFile, file: context.file, value, kind: "concatenation", replaceable: true, jsxAttribute: false }, parts };
}

/**
 * Where each character of a quoted string literal's value sits in its source (`"a\\nb"` → 0-based
 * offsets inside `raw`), plus one past the last; undefined when the escapes cannot be followed
 * (a line continuation, an escape this reader does not know) or the count does not match `value`.
 */
export function literalOffsets(raw: string, value: string): number[] | undefined {
  if (raw.length < 2 || !/^["'`]/.test(raw) || raw[raw.length - 1] !== raw[0]) return undefined;
  const offsets: number[] = [];
  let i = 1;
  while (i < raw.length - 1) {
    offsets.push(i);
    if (raw[i] !== "\\") {
      i += 1;
      continue;
    }
    const next = raw[i + 1];
    if (next === "u") i += raw[i + 2] === "{" ? raw.indexOf("}", i) - i + 1 : 6;
    else if (next === "x") i += 4;
    else if (/[\r\n0-9]/.test(next)) return undefined;
    else i += 2;
    if (i <= 0) return undefined;
  }
  offsets.push(raw.length - 1);
  return offsets.length === value.length + 1 ? offsets : undefined;
}

/**
 * Source offsets of `value[start, end)`: through the literal's escapes for a single literal, or
 * in one exact literal part of a template.
 */
export function sourceRangeIn(site: SecretSite, text: string, start: number, end: number): { start: number; end: number } | undefined {
  if (site.kind === "string") {
    const from = site.node.getStart(site.sourceFile);
    const offsets = literalOffsets(text.slice(from, site.node.getEnd()), site.value);
    return offsets ? { start: from + offsets[start], end: from + offsets[end - 1] + 1 } : undefined;
  }
  const segment = site.segments?.find((part) => part.exact && part.valueStart <= start && end <= part.valueEnd);
  return segment ? { start: segment.sourceStart + start - segment.valueStart, end: segment.sourceStart + end - segment.valueStart } : undefined;
}
