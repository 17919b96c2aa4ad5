import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { staticName } from "../../engine/semantics/syntax";

/** Where a URL string sits, and what a fix may do there. */
export type UrlSlot =
  /** Not a connection: a key, a type, a module name, a comparison, a help text. */
  | { role: "ignored" }
  /** `process.env.DATABASE_URL ?? "postgres://…"`: the default of an env read. */
  | { role: "fallback"; envName?: string }
  | {
      role: "value";
      /** The node a fix replaces (`"…" as const` whole). */
      target: ts.Node;
      /** False where `process.env.X` cannot stand (enum members, `declare` initializers). */
      replaceable: boolean;
      /** A bare JSX attribute string: the replacement needs braces. */
      jsx: boolean;
      /** The name the value is given (`replicaUrl`, `url`), for naming a second variable. */
      name?: string;
    };

/** Keys and attributes whose strings document a value rather than connect to one. */
const DOC_KEYS = /^(?:placeholder|example|examples|description|desc|help|helpText|hint|title|label|usage|alt|tooltip|aria-[\w-]+)$/i;

/** Methods whose string argument is a pattern or a probe, never a connection. */
const PROBE_METHODS = new Set(["startsWith", "endsWith", "includes", "indexOf", "lastIndexOf", "match", "matchAll", "test", "replace", "replaceAll", "split", "search"]);

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function isNotAValue(node: ts.Node, parent: ts.Node): boolean {
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isImportAttribute(parent) || ts.isModuleDeclaration(parent)) return true;
  if (ts.isLiteralTypeNode(parent) || ts.isComputedPropertyName(parent) || ts.isExpressionStatement(parent) || ts.isCaseClause(parent) || ts.isTaggedTemplateExpression(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isEnumMember(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return true;
  if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) return true;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    if (parent.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
    const name = calleeName(parent.expression);
    if (name === "require" || name === "RegExp" || (name !== undefined && PROBE_METHODS.has(name))) return true;
  }
  return false;
}

function isConstAssertion(node: ts.Node): boolean {
  return ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === "const";
}

function nameOf(parent: ts.Node, child: ts.Node): string | undefined {
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent) || ts.isBindingElement(parent)) && parent.initializer === child) return staticName(parent.name);
  if (ts.isPropertyAssignment(parent) && parent.initializer === child) return staticName(parent.name);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) {
    const target = parent.left;
    if (ts.isIdentifier(target)) return target.text;
    if (ts.isPropertyAccessExpression(target)) return target.name.text;
  }
  return undefined;
}

/** The slot of a string literal (or a template built from literals) that holds a service URL. */
export function urlSlotOf(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression, semantics: Semantics): UrlSlot {
  if (isNotAValue(literal, literal.parent)) return { role: "ignored" };
  let child: ts.Node = literal;
  let parent = literal.parent;
  let target: ts.Node = literal;
  for (;;) {
    if (ts.isParenthesizedExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isAsExpression(parent)) {
      // `"…" as const` cannot hold an env read: the fix replaces the assertion.
      if (isConstAssertion(parent)) target = parent;
    } else if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      if (parent.right !== child || !semantics.isFromEnv(parent.left)) break;
      const origin = semantics.valueOf(parent.left);
      return { role: "fallback", envName: origin.kind === "env" ? origin.name : undefined };
    } else {
      break;
    }
    child = parent;
    parent = parent.parent;
  }
  // `const { DATABASE_URL = "postgres://…" } = process.env`
  if (ts.isBindingElement(parent) && parent.initializer === child && ts.isIdentifier(parent.name)) {
    const origin = semantics.valueOf(parent.name);
    if (origin.kind === "env") return { role: "fallback", envName: origin.name };
  }
  const attribute = ts.isJsxAttribute(parent) ? parent : ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent) ? parent.parent : undefined;
  const key = ts.isPropertyAssignment(parent) ? staticName(parent.name) : attribute?.name.getText();
  if (key !== undefined && DOC_KEYS.test(key)) return { role: "ignored" };
  const declared = ts.isVariableDeclaration(parent) && ts.isVariableStatement(parent.parent.parent) && parent.parent.parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
  return { role: "value", target, replaceable: !ts.isEnumMember(parent) && !declared, jsx: ts.isJsxAttribute(parent), name: nameOf(parent, child) };
}
