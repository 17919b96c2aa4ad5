import ts from "typescript";
import { calleeText, staticName } from "../../../engine/semantics/syntax";
import type { Semantics } from "../../../engine/semantics/types";
import type { SlotInfo } from "./detector";
import { isCredentialHeader } from "./names";
import { secretArgumentOf } from "./secretArguments";

/** Where a string value sits in the tree, plus what a fix may do there. */
export interface LiteralSlot extends SlotInfo {
  /** False where `process.env.NAME` cannot stand for the value (enum members, `as const`, tagged templates, env fallbacks). */
  replaceable: boolean;
  /** The node is a JSX attribute's bare string (`apiKey="…"`), so its replacement needs braces. */
  jsxAttribute: boolean;
}

/** Methods whose first argument names the value in the second: `headers.set("Authorization", …)`, `config.set("apiKey", …)`. */
const SETTERS = new Set(["set", "setHeader", "append", "header", "setRequestHeader", "setItem", "put", "add"]);
/** Calls whose string arguments are module names or patterns, never values. */
const NOT_VALUE_CALLS = new Set(["require", "RegExp", "resolve"]);

function isModuleName(node: ts.Node, parent: ts.Node): boolean {
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isModuleDeclaration(parent) || ts.isImportAttribute(parent)) return true;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.[0] === node) {
    const callee = parent.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return name !== undefined && NOT_VALUE_CALLS.has(name) && (name !== "resolve" || (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "require"));
  }
  return false;
}

/** Positions where a string is a key, a type, a module name or a pattern rather than a value. */
function isNotAValue(node: ts.Node, parent: ts.Node): boolean {
  if (ts.isLiteralTypeNode(parent) || ts.isComputedPropertyName(parent) || ts.isExpressionStatement(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent) || ts.isEnumMember(parent) || ts.isAccessor(parent)) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return true;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InKeyword && parent.left === node) return true;
  return isModuleName(node, parent);
}

function assignedName(target: ts.Expression): string | undefined {
  if (ts.isIdentifier(target)) return target.text;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  if (ts.isElementAccessExpression(target)) return staticName(target.argumentExpression);
  return undefined;
}

const ASSIGNMENTS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken]);

/** Lower-cased names of the slot and up to five enclosing declarations, properties and callees. */
function namesAround(start: ts.Node, own: string | undefined, sourceFile: ts.SourceFile): string {
  const names = own ? [own] : [];
  let node: ts.Node | undefined = start;
  for (let depth = 0; node && depth < 8 && names.length < 6; depth++, node = node.parent) {
    if (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node) || ts.isClassDeclaration(node) || ts.isParameter(node)) {
      const name = node.name && staticName(node.name as ts.Node);
      if (name) names.push(name);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      names.push(calleeText(node.expression, sourceFile));
    } else if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
      names.push(calleeText(node.left, sourceFile));
    }
  }
  return names.join(" ").toLowerCase();
}

/** Names of the object literals and variables holding the value, stopping at the call or `new` it is passed to. */
function ownersOf(start: ts.Node): string {
  const names: string[] = [];
  let node: ts.Node | undefined = start.parent;
  for (let depth = 0; node && depth < 8 && !ts.isCallExpression(node) && !ts.isNewExpression(node) && !ts.isSourceFile(node); depth++, node = node.parent) {
    if ((ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.name) {
      const name = staticName(node.name as ts.Node);
      if (name) names.push(name);
    }
  }
  return names.join(" ");
}

function siblingsOf(node: ts.Node): string {
  if (!ts.isPropertyAssignment(node) || !ts.isObjectLiteralExpression(node.parent)) return "";
  return node.parent.properties.map((property) => (property === node ? "" : (staticName(property.name) ?? ""))).join(" ").toLowerCase();
}

/** A slot read from the tree; the names around it are only computed when a context row asks. */
class TreeSlot implements LiteralSlot {
  constructor(
    readonly name: string | undefined,
    readonly role: SlotInfo["role"],
    readonly call: SlotInfo["call"],
    readonly replaceable: boolean,
    readonly jsxAttribute: boolean,
    private readonly at: ts.Node,
    private readonly sourceFile: ts.SourceFile,
  ) {}

  names(): string {
    return namesAround(this.at, this.name, this.sourceFile);
  }

  siblings(): string {
    return this.role === "fallback" ? "" : siblingsOf(this.at);
  }

  owners(): string {
    return ownersOf(this.at);
  }
}

/**
 * The slot of a string value `node` (a literal, a template or a folded concatenation), or
 * `undefined` when the string is not a value at all (a key, a type, a module name).
 */
export function slotOf(node: ts.Expression, semantics: Semantics, sourceFile: ts.SourceFile): LiteralSlot | undefined {
  if (isNotAValue(node, node.parent)) return undefined;
  let child: ts.Node = node;
  let parent = node.parent;
  let replaceable = true;
  // Look through wrappers that keep the value, and through `a ?? "x"` defaults.
  for (;;) {
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isArrayLiteralExpression(parent)) {
      child = parent;
    } else if (ts.isAsExpression(parent)) {
      if (ts.isTypeReferenceNode(parent.type) && ts.isIdentifier(parent.type.typeName) && parent.type.typeName.text === "const") replaceable = false;
      child = parent;
    } else if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      if (parent.right === child && semantics.isFromEnv(parent.left)) {
        const origin = semantics.valueOf(parent.left);
        const name = origin.kind === "env" ? origin.name : undefined;
        return new TreeSlot(name, "fallback", undefined, false, false, parent, sourceFile);
      }
      child = parent;
    } else {
      break;
    }
    parent = parent.parent;
  }

  let name: string | undefined;
  let role: SlotInfo["role"] = "value";
  let call: SlotInfo["call"];
  let jsxAttribute = false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === child) {
    name = ts.isIdentifier(parent.name) ? parent.name.text : undefined;
    if (ts.isVariableDeclaration(parent) && ts.isVariableStatement(parent.parent.parent) && parent.parent.parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) replaceable = false;
  } else if ((ts.isPropertyAssignment(parent) && parent.initializer === child) || (ts.isEnumMember(parent) && parent.initializer === child)) {
    name = staticName(parent.name);
    if (ts.isEnumMember(parent)) replaceable = false;
  } else if (ts.isShorthandPropertyAssignment(parent) && (parent.objectAssignmentInitializer === child || parent.name === child)) {
    name = parent.name.text;
  } else if (ts.isBinaryExpression(parent) && ASSIGNMENTS.has(parent.operatorToken.kind) && parent.right === child) {
    name = assignedName(parent.left);
  } else if (ts.isJsxAttribute(parent) || (ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent))) {
    const attribute = ts.isJsxAttribute(parent) ? parent : (parent.parent as ts.JsxAttribute);
    name = ts.isIdentifier(attribute.name) ? attribute.name.text : attribute.name.getText(sourceFile);
    jsxAttribute = parent === attribute;
  } else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments) {
    const index = parent.arguments.indexOf(child as ts.Expression);
    const secretArgument = index >= 0 ? secretArgumentOf(parent, index, semantics) : undefined;
    const method = ts.isPropertyAccessExpression(parent.expression) ? parent.expression.name.text : undefined;
    const first = parent.arguments[0];
    if (secretArgument) {
      role = "argument";
      call = { label: secretArgument.label, envName: secretArgument.envName };
    } else if (index === 1 && method && SETTERS.has(method) && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
      name = first.text;
      if (isCredentialHeader(name)) role = "header";
    }
  } else if (ts.isTaggedTemplateExpression(parent)) {
    replaceable = false;
  }
  return new TreeSlot(name, role, call, replaceable, jsxAttribute, parent, sourceFile);
}

/** The same place seen as a secret argument or a credential sink (`jwt.sign(p, k)`, `new Pool({ password })`): the call decides. */
export function asCredentialPlace(slot: LiteralSlot, call: NonNullable<SlotInfo["call"]>, role: "argument" | "sink" = "argument"): LiteralSlot {
  return {
    name: slot.name,
    role,
    call,
    replaceable: slot.replaceable,
    jsxAttribute: slot.jsxAttribute,
    names: () => slot.names(),
    siblings: () => slot.siblings(),
    owners: () => slot.owners?.() ?? "",
  };
}
