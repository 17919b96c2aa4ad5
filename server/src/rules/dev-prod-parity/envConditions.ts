import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions } from "../../engine/semantics/syntax";

/** Variables that name the deploy environment. */
export const ENV_VARIABLES = new Set(["NODE_ENV", "APP_ENV", "ENVIRONMENT", "ENV"]);

/** The two environments the rule compares; `test`, `staging` and others are neither. */
export type Stage = "production" | "development";

const STAGE_VALUES: Readonly<Record<Stage, ReadonlySet<string>>> = {
  production: new Set(["production", "prod"]),
  development: new Set(["development", "dev", "local"]),
};

/** How a condition evaluates in one stage: `undefined` when it depends on something else (a feature flag). */
export interface Evaluation {
  truth: boolean | undefined;
  /** The environment variable the condition reads (`NODE_ENV`), when it reads one. */
  variable?: string;
}

const UNKNOWN: Evaluation = { truth: undefined };
const MAX_DEPTH = 10;

/** `process.env.NODE_ENV` (through constants and config objects) → "NODE_ENV". */
export function envVariableOf(semantics: Semantics, expression: ts.Expression): string | undefined {
  const value = semantics.valueOf(expression);
  return value.kind === "env" && value.name && ENV_VARIABLES.has(value.name) ? value.name : undefined;
}

function stringOf(semantics: Semantics, expression: ts.Expression): string | undefined {
  const value = semantics.valueOf(expression);
  return value.kind === "literal" && typeof value.value === "string" ? value.value : undefined;
}

/** Whether the environment variable, set for `stage`, equals `literal`. */
export function stageMatches(literal: string, stage: Stage): boolean {
  return STAGE_VALUES[stage].has(literal.trim().toLowerCase());
}

function comparison(semantics: Semantics, node: ts.BinaryExpression, stage: Stage): Evaluation {
  const negated = node.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken;
  for (const [variableSide, literalSide] of [[node.left, node.right], [node.right, node.left]]) {
    const variable = envVariableOf(semantics, variableSide);
    const literal = variable && stringOf(semantics, literalSide);
    if (variable && literal !== undefined) return { truth: stageMatches(literal, stage) !== negated, variable };
  }
  return UNKNOWN;
}

/** `["production", "staging"].includes(process.env.NODE_ENV)` */
function includes(semantics: Semantics, call: ts.CallExpression, stage: Stage): Evaluation {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "includes" || call.arguments.length !== 1) return UNKNOWN;
  const variable = envVariableOf(semantics, call.arguments[0]);
  const list = skipOuterExpressions(semantics.resolve(callee.expression).node);
  if (!variable || !ts.isArrayLiteralExpression(list)) return UNKNOWN;
  const values = list.elements.map((element) => stringOf(semantics, element));
  if (values.some((value) => value === undefined)) return UNKNOWN;
  return { truth: values.some((value) => stageMatches(value as string, stage)), variable };
}

/** The single returned expression of a helper such as `const isProd = () => process.env.NODE_ENV === "production"`. */
function returnedExpression(node: ts.Node): ts.Expression | undefined {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node) && !ts.isFunctionDeclaration(node)) return undefined;
  if (node.parameters.length > 0 || !node.body) return undefined;
  if (!ts.isBlock(node.body)) return node.body;
  const [only] = node.body.statements;
  return node.body.statements.length === 1 && only && ts.isReturnStatement(only) ? only.expression : undefined;
}

function helperCall(semantics: Semantics, call: ts.CallExpression, stage: Stage, depth: number): Evaluation {
  if (call.arguments.length > 0) return includes(semantics, call, stage);
  const callee = skipOuterExpressions(call.expression);
  let target: ts.Node = skipOuterExpressions(semantics.resolve(callee).node);
  if (ts.isIdentifier(target)) target = findDeclaration(target) ?? target;
  const returned = returnedExpression(target);
  return returned ? evaluate(semantics, returned, stage, depth + 1) : UNKNOWN;
}

function logical(left: Evaluation, right: Evaluation, and: boolean): Evaluation {
  const variable = left.variable ?? right.variable;
  const short = !and;
  if (left.truth === short || right.truth === short) return { truth: short, variable };
  if (left.truth === undefined || right.truth === undefined) return { truth: undefined, variable };
  return { truth: !short, variable };
}

/**
 * The condition's value when the app runs in `stage`: comparisons of NODE_ENV/APP_ENV with a
 * literal, `includes`, `!`, `&&`, `||`, and names or no-argument helpers that stand for such a
 * condition (`isProd`, `config.isProduction`, `isProduction()`), in this file or another.
 */
export function evaluate(semantics: Semantics, expression: ts.Expression, stage: Stage, depth = 0): Evaluation {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const node = skipOuterExpressions(expression);
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return { truth: node.kind === ts.SyntaxKind.TrueKeyword };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = evaluate(semantics, node.operand, stage, depth + 1);
    return { truth: inner.truth === undefined ? undefined : !inner.truth, variable: inner.variable };
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
      return logical(evaluate(semantics, node.left, stage, depth + 1), evaluate(semantics, node.right, stage, depth + 1), operator === ts.SyntaxKind.AmpersandAmpersandToken);
    }
    return comparison(semantics, node, stage);
  }
  if (ts.isCallExpression(node)) return helperCall(semantics, node, stage, depth);
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const resolved = skipOuterExpressions(semantics.resolve(node).node);
    return resolved === node ? UNKNOWN : evaluate(semantics, resolved, stage, depth + 1);
  }
  return UNKNOWN;
}
