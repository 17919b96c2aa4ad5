import ts from "typescript";
import type { ParseCache } from "../parseCache";
import type { ProjectModel } from "../project";
import { ModuleResolver } from "./moduleResolution";
import { CallTargets } from "./calls";
import { Resolver, type CallFrame, type Target } from "./resolver";
import { skipOuterExpressions } from "./syntax";
import type { CalledFunction, Semantics, ValueOrigin } from "./types";

export type { Semantics, ValueOrigin, ModuleRef, LiteralValue, EnvValue, ResolvedNode, CalledFunction, FollowedCall } from "./types";

const UNKNOWN: ValueOrigin = { kind: "unknown" };
/** Conversions that keep the meaning of a configured value: `Number(process.env.PORT)`. */
const CONVERSIONS = new Set(["Number", "parseInt", "parseFloat", "String", "Boolean"]);
const MAX_DEPTH = 30;
/**
 * Calls followed per analysed file: enough for any hand-written service, a stop for generated
 * code with thousands of calls to local functions.
 */
export const MAX_FOLLOWED_CALLS_PER_FILE = 400;

export interface EngineSemantics extends Semantics {
  /** A new file's analysis starts: its budget of followed calls is fresh. */
  startFile(): void;
  /** Forget module resolutions (a file was created, deleted or renamed). */
  clearCaches(): void;
}

export function createSemantics(project: ProjectModel, parseCache: ParseCache): EngineSemantics {
  const modules = new ModuleResolver(project);
  const resolver = new Resolver(project, parseCache, modules);
  const callTargets = new CallTargets(resolver);
  let followed = 0;
  /**
   * What each call of the file runs, asked outside any followed call: several rules (local state,
   * fixed ports, secrets) ask it for the same calls, and each answer costs a resolution of the
   * callee. Kept for one file's analysis (an incremental re-parse reuses nodes across edits).
   */
  let calledAtTopLevel = new WeakMap<ts.Node, CalledFunction | undefined>();

  const classify = (target: Target, depth: number): ValueOrigin => {
    if (target.kind === "env") {
      const fallback = target.fallback ? valueAt(target.fallback, depth + 1) : undefined;
      return { kind: "env", name: target.name, fallback: fallback?.kind === "literal" ? fallback : undefined };
    }
    if (target.kind !== "node") return UNKNOWN;
    const node = skipOuterExpressions(target.node);
    const literal = Resolver.literal(node);
    if (literal) return literal;
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        const left = valueAt(node.left, depth + 1);
        if (left.kind === "env") {
          const right = valueAt(node.right, depth + 1);
          return { kind: "env", name: left.name, fallback: left.fallback ?? (right.kind === "literal" ? right : undefined) };
        }
      }
      return UNKNOWN;
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CONVERSIONS.has(node.expression.text) && node.arguments.length >= 1) {
      return valueAt(node.arguments[0], depth + 1);
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.PlusToken) return valueAt(node.operand, depth + 1);
    if (ts.isTemplateExpression(node)) {
      // A string built from the environment (`postgres://${process.env.DB_HOST}/app`) is configured.
      const fromEnv = node.templateSpans.some((span) => valueAt(span.expression, depth + 1).kind === "env");
      return fromEnv ? { kind: "env" } : UNKNOWN;
    }
    if (ts.isConditionalExpression(node)) {
      const whenTrue = valueAt(node.whenTrue, depth + 1);
      const whenFalse = valueAt(node.whenFalse, depth + 1);
      if (whenTrue.kind === "env" && whenFalse.kind === "env") return { kind: "env" };
    }
    return UNKNOWN;
  };

  const valueAt = (expression: ts.Expression, depth: number): ValueOrigin => {
    if (depth > MAX_DEPTH) return UNKNOWN;
    return classify(resolver.resolve(expression, depth), depth);
  };

  return {
    moduleRef(expression) {
      const target = resolver.resolve(expression);
      return target.kind === "module" ? target.ref : undefined;
    },
    valueOf(expression) {
      return valueAt(expression, 0);
    },
    isFromEnv(expression) {
      return valueAt(expression, 0).kind === "env";
    },
    resolve(expression) {
      const target = resolver.resolve(expression);
      const node = target.kind === "node" ? target.node : expression;
      return { node, sourceFile: node.getSourceFile() };
    },
    property(objectExpression, name) {
      const target = resolver.member(resolver.resolve(objectExpression), name, 1);
      if (target.kind !== "node") return undefined;
      return { node: target.node, sourceFile: target.node.getSourceFile() };
    },
    calledFunction(call) {
      if (followed >= MAX_FOLLOWED_CALLS_PER_FILE) return undefined;
      let called: CalledFunction | undefined;
      if (resolver.followingACall) called = callTargets.calledFunction(call);
      else if (calledAtTopLevel.has(call)) called = calledAtTopLevel.get(call);
      else {
        called = callTargets.calledFunction(call);
        calledAtTopLevel.set(call, called);
      }
      if (called) followed++;
      return called;
    },
    followCall(called, evaluate) {
      const frame: CallFrame = { fn: called.declaration, args: called.call.arguments ?? [], used: new Set(), instance: called.instance };
      const result = resolver.withFrame(frame, evaluate);
      return { result, usedArguments: frame.used, usedInstance: frame.instanceUsed === true };
    },
    classOf(expression) {
      return callTargets.classAt(expression, 0);
    },
    startFile() {
      followed = 0;
      calledAtTopLevel = new WeakMap();
    },
    clearCaches() {
      modules.clear();
    },
  };
}
