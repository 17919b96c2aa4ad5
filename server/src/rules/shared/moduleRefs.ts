import ts from "typescript";
import type { ModuleRef, Semantics } from "../../engine/semantics";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";

/** The member path segment that stands for "the result of calling what comes before". */
export const CALL_RESULT = "()";

/**
 * Calls that return the module they are called on, so `require("sqlite3").verbose().Database`
 * is `sqlite3.Database`. Each row: the module and the member path (ending in a call) to drop.
 */
const CHAINABLE_CALLS: ReadonlyArray<{ module: string; segments: readonly string[] }> = [
  // sqlite3's `verbose()` turns on long stack traces and returns the module itself.
  { module: "sqlite3", segments: ["verbose", CALL_RESULT] },
];

/** Node globals that are also builtin modules, so `process.cwd` matches `import { cwd } from "node:process"`. */
const GLOBAL_MODULES: Readonly<Record<string, ModuleRef>> = {
  process: { module: "process", path: [] },
  console: { module: "console", path: [] },
  URL: { module: "url", path: ["URL"] },
};

const MAX_DEPTH = 12;

/**
 * One spelling per member: chainable calls dropped, and a leading `default` dropped, since a
 * default import already stands for the module (`(await import("fs")).default.writeFileSync` is
 * `import fs from "fs"; fs.writeFileSync`).
 */
function normalize(ref: ModuleRef): ModuleRef {
  let path = ref.path[0] === "default" ? ref.path.slice(1) : ref.path;
  for (const row of CHAINABLE_CALLS) {
    if (row.module !== ref.module) continue;
    for (let i = 0; i + row.segments.length <= path.length; i++) {
      if (row.segments.every((segment, j) => path[i + j] === segment)) {
        path = [...path.slice(0, i), ...path.slice(i + row.segments.length)];
        i--;
      }
    }
  }
  return path === ref.path ? ref : { module: ref.module, path };
}

/**
 * Answers for the file under analysis. Several rules and handlers ask about the same callee, so
 * answers are kept, but only for one file's analysis: a rule's `create()` calls `resetRefCache()`,
 * because an answer may depend on other files that can change between two analyses.
 */
let cache = new WeakMap<ts.Expression, ModuleRef | null>();

export function resetRefCache(): void {
  cache = new WeakMap();
}

/**
 * `semantics.moduleRef`, extended through call results: `require("session-file-store")(session)`
 * is `{ module: "session-file-store", path: ["()"] }`, and a logger made by
 * `bunyan.createLogger(...)` has `addStream` at `["createLogger", "()", "addStream"]`.
 */
export function refOf(semantics: Semantics, expression: ts.Expression): ModuleRef | undefined {
  const cached = cache.get(expression);
  if (cached !== undefined) return cached ?? undefined;
  const ref = rootMayBeModule(expression) ? computeRef(semantics, expression, 0) : undefined;
  cache.set(expression, ref ?? null);
  return ref;
}

/**
 * A cheap, purely local look at where a member chain starts (`res.send`, `this.emit`,
 * `Math.round`): a parameter, `this`, a local function or class, or a global that is not a
 * builtin module can never be a module, so most calls of a file skip resolution entirely.
 */
function rootMayBeModule(expression: ts.Expression): boolean {
  let node = chainRoot(expression);
  // Follow constants to where the chain's value comes from (`const router = express.Router()`),
  // a few steps at most; anything that is not an import, a require or a builtin global is no module.
  for (let step = 0; step < 8; step++) {
    if (node.kind === ts.SyntaxKind.ImportKeyword) return true;
    if (!ts.isIdentifier(node)) return false;
    if (node.text === "require") return true;
    const declaration = findDeclaration(node);
    if (!declaration) return Object.hasOwn(GLOBAL_MODULES, node.text);
    if (ts.isParameter(declaration) || ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration) || ts.isEnumDeclaration(declaration)) return false;
    let holder: ts.Node = declaration;
    while (ts.isBindingElement(holder)) holder = holder.parent.parent;
    // A destructured parameter (`({ res }) => res.send()`) is a parameter too.
    if (ts.isParameter(holder)) return false;
    if (!ts.isVariableDeclaration(holder)) return true;
    if (!holder.initializer) return false;
    // The walk may not have linked a declaration below the node being checked.
    if (!holder.initializer.parent) return true;
    node = chainRoot(holder.initializer);
  }
  return true;
}

/** Where a member chain starts: `a` in `a.b().c[d]`, `await import("x")` → the import. */
function chainRoot(expression: ts.Expression): ts.Node {
  let node = skipOuterExpressions(expression);
  for (;;) {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
    else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      // `require("x")` and `import("x")` are roots themselves.
      if (ts.isIdentifier(node.expression) && node.expression.text === "require") return node.expression;
      node = skipOuterExpressions(node.expression);
    } else if (ts.isAwaitExpression(node)) node = skipOuterExpressions(node.expression);
    else return node;
  }
}

function computeRef(semantics: Semantics, expression: ts.Expression, depth: number): ModuleRef | undefined {
  const direct = semantics.moduleRef(expression);
  if (direct) return normalize(direct);
  if (depth > MAX_DEPTH) return undefined;
  const node = skipOuterExpressions(semantics.resolve(expression).node);
  const extend = (base: ts.Expression, segment: string): ModuleRef | undefined => {
    const ref = computeRef(semantics, base, depth + 1);
    return ref ? normalize({ module: ref.module, path: [...ref.path, segment] }) : undefined;
  };
  if (ts.isIdentifier(node) && Object.hasOwn(GLOBAL_MODULES, node.text) && !findDeclaration(node)) return GLOBAL_MODULES[node.text];
  if (ts.isAwaitExpression(node)) return computeRef(semantics, node.expression, depth + 1);
  if (ts.isPropertyAccessExpression(node)) return extend(node.expression, node.name.text);
  if (ts.isElementAccessExpression(node)) {
    const name = staticName(skipOuterExpressions(node.argumentExpression));
    return name === undefined ? undefined : extend(node.expression, name);
  }
  if (ts.isCallExpression(node)) return extend(node.expression, CALL_RESULT);
  return undefined;
}

/** Whether `ref` is `module` with exactly `path` (`["transports", "File"]`). */
export function refIs(ref: ModuleRef | undefined, module: string, path: readonly string[]): boolean {
  return !!ref && ref.module === module && ref.path.length === path.length && ref.path.every((segment, i) => segment === path[i]);
}

/** Rows whose `module` and one of whose `paths` match `ref`. */
export function matchRows<Row extends { module: string; paths: ReadonlyArray<readonly string[]> }>(rows: readonly Row[], ref: ModuleRef | undefined): Row | undefined {
  if (!ref) return undefined;
  return rows.find((row) => row.module === ref.module && row.paths.some((path) => refIs(ref, row.module, path)));
}
