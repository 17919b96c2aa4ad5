import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import { refIs, refOf } from "../shared/moduleRefs";
import { argumentAt, literalOption, methodOf, objectOf, optionAt, type OptionSite } from "../shared/options";
import { classifyPath, literalPathKind, type PathInfo } from "../shared/pathKinds";
import { FILE_STORES, type FileStoreRow, type OptionCondition } from "./data/fileStores";

/** A file-backed store found at a call, and where its path is written. */
export interface StoreHit {
  row: FileStoreRow;
  call: ts.CallExpression | ts.NewExpression;
  /** The argument holding the path (or its options object); absent when the default location applies. */
  argument?: ts.Expression;
  /** The `key: value` writing the path, when it is an option. */
  option?: OptionSite;
  /** Where the location is written as an option: `key: value`, or a method `key(...) {...}`. */
  optionNode?: ts.Node;
  path: PathInfo;
}

function conditionHolds(semantics: Semantics, call: ts.CallExpression | ts.NewExpression, condition: OptionCondition): boolean {
  const argument = argumentAt(call, condition.arg);
  for (const option of condition.options) {
    const value = literalOption(semantics, argument, option);
    if (value !== undefined) return condition.values.includes(value as string | boolean);
  }
  return false;
}

/** Paths handed to a `(req, file, cb) => cb(null, "uploads/")` callback. */
function callbackPaths(semantics: Semantics, fn: ts.Expression | ts.MethodDeclaration, param: number, arg: number): ts.Expression[] {
  const node = ts.isMethodDeclaration(fn) ? fn : skipOuterExpressions(semantics.resolve(fn).node);
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node) && !ts.isMethodDeclaration(node)) return [];
  const callback = node.parameters[param]?.name;
  if (!callback || !ts.isIdentifier(callback) || !node.body) return [];
  const found: ts.Expression[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isCallExpression(child) && ts.isIdentifier(child.expression) && child.expression.text === callback.text && child.arguments[arg]) found.push(child.arguments[arg]);
    if (!ts.isFunctionLike(child)) ts.forEachChild(child, visit);
  };
  visit(node.body);
  return found;
}

/** The most persistent of several paths: local before configured before anything else. */
function mostPersistent(paths: PathInfo[]): PathInfo | undefined {
  return paths.find((p) => p.kind === "local") ?? paths.find((p) => p.kind === "env");
}

function pathOf(semantics: Semantics, row: FileStoreRow, value: ts.Expression): PathInfo | undefined {
  const literal = semantics.valueOf(value);
  if (row.prefix !== undefined) {
    if (literal.kind !== "literal" || typeof literal.value !== "string" || !literal.value.startsWith(row.prefix)) return undefined;
    const rest = literal.value.slice(row.prefix.length).replace(/^\/\//, "");
    if (row.inMemory?.includes(rest)) return undefined;
    return { ...literalPathKind(rest), display: JSON.stringify(literal.value) };
  }
  if (literal.kind === "literal" && row.inMemory?.includes(String(literal.value))) return undefined;
  if (row.callback) {
    const paths = callbackPaths(semantics, value, row.callback.param, row.callback.arg);
    if (paths.length > 0) return mostPersistent(paths.map((p) => classifyPath(semantics, p)));
  }
  return classifyPath(semantics, value);
}

function evaluate(semantics: Semantics, row: FileStoreRow, call: ts.CallExpression | ts.NewExpression): StoreHit | undefined {
  if (row.when && !conditionHolds(semantics, call, row.when)) return undefined;
  if (row.offDisk && conditionHolds(semantics, call, row.offDisk)) return undefined;
  if (row.overriddenBy && optionAt(semantics, argumentAt(call, row.overriddenBy.arg), row.overriddenBy.option)) return undefined;
  for (const location of row.locations) {
    const argument = argumentAt(call, location.arg);
    if (!argument) continue;
    if (location.option) {
      const option = optionAt(semantics, argument, location.option);
      if (option) {
        const path = pathOf(semantics, row, option.value);
        return path && { row, call, argument, option, optionNode: option.property, path };
      }
      const method = row.callback && location.option.length === 1 ? methodOf(semantics, argument, location.option[0]) : undefined;
      if (!method || !row.callback) continue;
      const path = mostPersistent(callbackPaths(semantics, method, row.callback.param, row.callback.arg).map((p) => classifyPath(semantics, p)));
      return path && { row, call, argument, optionNode: method, path };
    }
    // A bare argument is a path only when it is not an options object.
    if (objectOf(semantics, argument)) continue;
    const path = pathOf(semantics, row, argument);
    return path && { row, call, argument, path };
  }
  if (!row.defaultLocation) return undefined;
  // An options argument we cannot read may well set the path: precision first.
  const unreadable = row.locations.some((location) => {
    const argument = argumentAt(call, location.arg);
    return argument !== undefined && !objectOf(semantics, argument);
  });
  if (unreadable) return undefined;
  return { row, call, path: { kind: "local", reason: "default location", display: row.defaultLocation } };
}

/** The file-backed store `node` creates or opens, if it is one of FILE_STORES. */
export function fileStoreAt(semantics: Semantics, node: ts.Node): StoreHit | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const construct = ts.isNewExpression(node) ? "new" : "call";
  const ref = refOf(semantics, node.expression);
  if (!ref) return undefined;
  for (const row of FILE_STORES) {
    if (row.construct !== "any" && row.construct !== construct) continue;
    if (row.module !== ref.module || !row.paths.some((path) => refIs(ref, row.module, path))) continue;
    const hit = evaluate(semantics, row, node);
    if (hit) return hit;
  }
  return undefined;
}
