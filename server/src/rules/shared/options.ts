import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";

/** Where an option is written: `dest: "uploads/"` (or shorthand `dest`) inside its object literal. */
export interface OptionSite {
  /** The value expression as written at the key (`"uploads/"`, `UPLOAD_DIR`, or the shorthand name). */
  value: ts.Expression;
  property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment;
  object: ts.ObjectLiteralExpression;
}

const MAX_DEPTH = 8;

/** The object literal an expression stands for (inline, through consts, or in another file). */
export function objectOf(semantics: Semantics, expression: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!expression) return undefined;
  const node = skipOuterExpressions(semantics.resolve(expression).node);
  return ts.isObjectLiteralExpression(node) ? node : undefined;
}

/** The array literal an expression stands for. */
export function arrayOf(semantics: Semantics, expression: ts.Expression | undefined): ts.ArrayLiteralExpression | undefined {
  if (!expression) return undefined;
  const node = skipOuterExpressions(semantics.resolve(expression).node);
  return ts.isArrayLiteralExpression(node) ? node : undefined;
}

/** The site of option `name` in the object `expression` stands for; later keys and spreads win as at run time. */
export function optionOf(semantics: Semantics, expression: ts.Expression | undefined, name: string, depth = 0): OptionSite | undefined {
  const object = objectOf(semantics, expression);
  if (!object || depth > MAX_DEPTH) return undefined;
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i];
    if (ts.isPropertyAssignment(property) && staticName(property.name) === name) return { value: property.initializer, property, object };
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return { value: property.name, property, object };
    if (ts.isSpreadAssignment(property)) {
      const spread = optionOf(semantics, property.expression, name, depth + 1);
      if (spread) return spread;
    }
    // A method or accessor of that name: a value we cannot read.
    if ((ts.isMethodDeclaration(property) || ts.isAccessor(property)) && staticName(property.name) === name) return undefined;
  }
  return undefined;
}

/** A method written in the object `expression` stands for: `{ destination(req, file, cb) { ... } }`. */
export function methodOf(semantics: Semantics, expression: ts.Expression | undefined, name: string): ts.MethodDeclaration | undefined {
  const object = objectOf(semantics, expression);
  return object?.properties.find((property): property is ts.MethodDeclaration => ts.isMethodDeclaration(property) && staticName(property.name) === name);
}

/** Follows a chain of option names: `["connection", "filename"]`. */
export function optionAt(semantics: Semantics, expression: ts.Expression | undefined, names: readonly string[]): OptionSite | undefined {
  let site: OptionSite | undefined;
  let current = expression;
  for (const name of names) {
    site = optionOf(semantics, current, name);
    if (!site) return undefined;
    current = site.value;
  }
  return site;
}

/** The option's value when it is a string or number literal (through consts and imports). */
export function literalOption(semantics: Semantics, expression: ts.Expression | undefined, names: readonly string[]): string | number | boolean | undefined {
  const site = optionAt(semantics, expression, names);
  if (!site) return undefined;
  const value = semantics.valueOf(site.value);
  return value.kind === "literal" ? value.value : undefined;
}

/** Argument `index` of a call, `-1` meaning the last one. */
export function argumentAt(call: ts.CallExpression | ts.NewExpression, index: number): ts.Expression | undefined {
  const args = call.arguments ?? [];
  return index < 0 ? args[args.length + index] : args[index];
}

/**
 * Where to put the squiggle for an option: the property's value as written at the call when the
 * object literal is there, else the argument itself (the value came through a constant).
 */
export function writtenOptionNode(argument: ts.Expression, optionPath: readonly string[]): ts.Node {
  let current: ts.Node = skipOuterExpressions(argument);
  for (const key of optionPath) {
    if (!ts.isObjectLiteralExpression(current)) return argument;
    const property = current.properties.find(
      (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && staticName(p.name) === key,
    );
    if (!property) return argument;
    current = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : property.name;
  }
  return current;
}

/**
 * The value at `optionPath` inside an options argument (`{ port: 8080 }`, `{ listen: { port } }`),
 * inline, through constants or in another file.
 */
export function optionValueAt(semantics: Semantics, argument: ts.Expression, optionPath: readonly string[]): ts.Expression | undefined {
  let current: ts.Expression = argument;
  for (const key of optionPath) {
    const property = semantics.property(current, key);
    if (!property) return undefined;
    current = property.node;
  }
  return current;
}
