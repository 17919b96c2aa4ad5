import type ts from "typescript";

/**
 * What an expression refers to in terms of a module: `fs.promises.writeFile` imported as
 * `import * as fs from "node:fs"` is `{ module: "fs", path: ["promises", "writeFile"] }`.
 * Default, namespace and `require()` bindings all stand for the module itself (`path: []`).
 */
export interface ModuleRef {
  /** Specifier without the `node:` prefix ("fs", "fs/promises", "winston", "./config"). */
  module: string;
  path: string[];
}

export interface LiteralValue {
  kind: "literal";
  value: string | number | boolean;
  /** The literal node where the value is written, possibly in another file. */
  node: ts.Expression;
  sourceFile: ts.SourceFile;
}

export interface EnvValue {
  kind: "env";
  /** The variable name when it is static (`process.env.PORT`, `process.env["PORT"]`). */
  name?: string;
  /** `process.env.PORT ?? 3000` → the literal 3000. */
  fallback?: LiteralValue;
}

export interface UnknownValue {
  kind: "unknown";
}

export type ValueOrigin = LiteralValue | EnvValue | UnknownValue;

export interface ResolvedNode {
  node: ts.Expression;
  sourceFile: ts.SourceFile;
}

/** The project function a call runs (see `Semantics.calledFunction`). */
export interface CalledFunction {
  /** The function, method or constructor, possibly in another file. */
  declaration: ts.FunctionLikeDeclaration;
  /** For messages: `writeJson()`, `store.save()`, `new FileStore`. */
  name: string;
  call: ts.CallExpression | ts.NewExpression;
  /** The `new` expression that made the instance a method runs on, when it is in sight. */
  instance?: ts.NewExpression;
}

/** What following a call into its function found, and which of the call's arguments it came through. */
export interface FollowedCall<T> {
  result: T;
  /** Indexes of the call's arguments a followed value came through (empty: the function decides alone). */
  usedArguments: ReadonlySet<number>;
  /** True when a value came through what the instance's constructor stored (`this.dir`). */
  usedInstance: boolean;
}

/**
 * Questions every rule asks about meaning rather than text. Written once in the engine; all
 * answers follow local constants, object literals, destructuring and relative imports across
 * files (re-exports and barrels included), cached per file version.
 */
export interface Semantics {
  /** Which module (and member path) an expression such as a callee refers to. */
  moduleRef(expression: ts.Expression): ModuleRef | undefined;
  /** Follows constants, object properties and imports to the value: a literal, an env read, or unknown. */
  valueOf(expression: ts.Expression): ValueOrigin;
  /** True when the value is read from the environment, directly or through constants and config objects. */
  isFromEnv(expression: ts.Expression): boolean;
  /** The expression a name or property stands for (`cfg` → its `{ ... }` object literal), possibly in another file. */
  resolve(expression: ts.Expression): ResolvedNode;
  /** A property's value expression of an object-literal-valued expression (`{ port: 8080 }`, or a const naming one). */
  property(objectExpression: ts.Expression, name: string): ResolvedNode | undefined;
  /**
   * The project function a call runs, or `undefined` (a package, a global, a parameter, nothing
   * statically known, or the per-file budget of followed calls is spent).
   */
  calledFunction(call: ts.CallExpression | ts.NewExpression): CalledFunction | undefined;
  /**
   * Runs `evaluate` as if inside `called` for this call: its parameters stand for the call's
   * arguments (and `this.x` for what the instance's constructor stored), for every other question.
   */
  followCall<T>(called: CalledFunction, evaluate: () => T): FollowedCall<T>;
  /** The project class an expression names (`new SessionCache()`'s callee), in this file or an imported one. */
  classOf(expression: ts.Expression): ts.ClassLikeDeclaration | undefined;
}
