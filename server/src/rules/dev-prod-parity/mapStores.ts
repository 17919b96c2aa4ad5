import ts from "typescript";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";

/**
 * A project class that is an in-process key-value store: it extends `Map`, or keeps a `Map` in an
 * instance field and adds entries to it after construction (`this.store.set(...)` in a method).
 * A class whose `Map` is only filled where it is built (a constant registry, a lookup table) is
 * not a store: nothing it holds comes from requests.
 */
export function isMapStoreClass(owner: ts.ClassLikeDeclaration): boolean {
  if (extendsMap(owner)) return true;
  const fields = mapFields(owner);
  if (fields.size === 0) return false;
  return owner.members.some((member) => {
    if (ts.isConstructorDeclaration(member) || isStatic(member)) return false;
    const body = ts.isMethodDeclaration(member) || ts.isGetAccessor(member) || ts.isSetAccessor(member) ? member.body : ts.isPropertyDeclaration(member) ? member.initializer : undefined;
    return body !== undefined && writesField(body, fields);
  });
}

function isGlobal(expression: ts.Expression, name: string): boolean {
  const node = skipOuterExpressions(expression);
  return ts.isIdentifier(node) && node.text === name && !findDeclaration(node);
}

function isNewMap(expression: ts.Expression | undefined): boolean {
  const node = expression && skipOuterExpressions(expression);
  return !!node && ts.isNewExpression(node) && isGlobal(node.expression, "Map");
}

function extendsMap(owner: ts.ClassLikeDeclaration): boolean {
  return (owner.heritageClauses ?? []).some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword && clause.types.some((type) => isGlobal(type.expression, "Map")));
}

function isStatic(member: ts.ClassElement): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

/** Instance fields holding a `new Map()`: `store = new Map()`, `#store = new Map()`, `this.store = new Map()` in the constructor. */
function mapFields(owner: ts.ClassLikeDeclaration): Set<string> {
  const fields = new Set<string>();
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member) && !isStatic(member) && isNewMap(member.initializer)) {
      const name = ts.isPrivateIdentifier(member.name) ? member.name.text : staticName(member.name);
      if (name !== undefined) fields.add(name);
    }
    if (ts.isConstructorDeclaration(member) && member.body) {
      for (const statement of member.body.statements) {
        const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
        if (!expression || !ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isNewMap(expression.right)) continue;
        const name = thisField(expression.left);
        if (name !== undefined) fields.add(name);
      }
    }
  }
  return fields;
}

/** `this.store` / `this.#store` → "store" / "#store". */
function thisField(expression: ts.Expression): string | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isPropertyAccessExpression(node) || skipOuterExpressions(node.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return node.name.text;
}

/** A `this.<field>.set(...)` call somewhere in `body`. */
function writesField(body: ts.Node, fields: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "set") {
      const field = thisField(node.expression.expression);
      if (field !== undefined && fields.has(field)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}
