import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";

export type EnvHolder = "process" | "import.meta" | "Bun";

export interface EnvRead {
  name: string;
  holder: EnvHolder;
  /** Offsets of the name as written (inside the quotes of `process.env["X"]`). */
  start: number;
  end: number;
}

/** `process.env`, `import.meta.env`, `Bun.env`: which holder, when `node` is one of them. */
export function envObjectHolder(expression: ts.Expression, semantics: Semantics): EnvHolder | undefined {
  const node = skipOuterExpressions(expression);
  let holderNode: ts.Expression;
  if (ts.isPropertyAccessExpression(node) && node.name.text === "env") holderNode = node.expression;
  else if (ts.isElementAccessExpression(node) && staticName(skipOuterExpressions(node.argumentExpression)) === "env") holderNode = node.expression;
  else return undefined;
  const holder = skipOuterExpressions(holderNode);
  if (ts.isMetaProperty(holder)) return holder.keywordToken === ts.SyntaxKind.ImportKeyword ? "import.meta" : undefined;
  if (!ts.isIdentifier(holder) || (holder.text !== "process" && holder.text !== "Bun")) return undefined;
  // A local `process` is someone else's object, unless it is `import process from "node:process"`.
  if (!findDeclaration(holder)) return holder.text;
  const ref = holder.text === "process" ? semantics.moduleRef(holder) : undefined;
  return ref?.module === "process" && ref.path.length === 0 ? "process" : undefined;
}

/** `process.env.X = v` and `delete process.env.X` set or clear a variable; they read nothing. */
function isWrite(access: ts.Expression): boolean {
  let node: ts.Node = access;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isDeleteExpression(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** The span of a name: a string key without its quotes. */
function nameSpan(node: ts.Node): { start: number; end: number } {
  const start = node.getStart();
  const quoted = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
  return quoted ? { start: start + 1, end: node.getEnd() - 1 } : { start, end: node.getEnd() };
}

/** `process.env.X` / `process.env["X"]`; dynamic keys (`process.env[name]`) are not reads of a known name. */
export function accessRead(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, semantics: Semantics): EnvRead | undefined {
  const holder = envObjectHolder(node.expression, semantics);
  // Env values are strings: a called member (`process.env.hasOwnProperty("X")`) is a method, not a variable.
  if (!holder || isWrite(node) || (ts.isCallExpression(node.parent) && node.parent.expression === node)) return undefined;
  if (ts.isPropertyAccessExpression(node)) return { name: node.name.text, holder, ...nameSpan(node.name) };
  const key = skipOuterExpressions(node.argumentExpression);
  // Only a written string names the variable: `process.env[name]` reads whatever `name` holds.
  if (!ts.isStringLiteral(key) && !ts.isNoSubstitutionTemplateLiteral(key)) return undefined;
  return { name: key.text, holder, ...nameSpan(key) };
}

/** `const { X, Y: y = "d" } = process.env`: one read per named key; `...rest` names nothing. */
export function destructuredReads(declaration: ts.VariableDeclaration, semantics: Semantics): EnvRead[] {
  if (!ts.isObjectBindingPattern(declaration.name) || !declaration.initializer) return [];
  const holder = envObjectHolder(declaration.initializer, semantics);
  if (!holder) return [];
  const reads: EnvRead[] = [];
  for (const element of declaration.name.elements) {
    if (element.dotDotDotToken) continue;
    const keyNode = element.propertyName ?? element.name;
    const name = staticName(keyNode);
    if (name !== undefined && !ts.isComputedPropertyName(keyNode)) reads.push({ name, holder, ...nameSpan(keyNode) });
  }
  return reads;
}
