import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";
import { envVariableOf, evaluate, stageMatches, type Stage } from "./envConditions";

/** A branch on the deploy environment: what runs in production, what runs in development. */
export interface EnvBranch {
  /** Where the finding goes: the condition (the `switch` subject for a switch). */
  condition: ts.Node;
  /** For messages: "NODE_ENV branch", "config keyed by environment". */
  label: string;
  production: ts.Node[];
  development: ts.Node[];
}

/** Which side of `condition` runs in each stage; `undefined` unless the stages take different sides. */
function sides(semantics: Semantics, condition: ts.Expression): { production: boolean; development: boolean; variable: string } | undefined {
  const production = evaluate(semantics, condition, "production");
  const development = evaluate(semantics, condition, "development");
  if (production.truth === undefined || development.truth === undefined || production.truth === development.truth) return undefined;
  const variable = production.variable ?? development.variable;
  return variable ? { production: production.truth, development: development.truth, variable } : undefined;
}

function exits(statement: ts.Statement): boolean {
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return ts.isReturnStatement(statement) || ts.isThrowStatement(statement);
}

/** `let db = new Database(…); if (isProd) db = new Pool();`: the initial values the `then` overrides. */
function overriddenValues(then: ts.Statement): ts.Node[] {
  const statements = ts.isBlock(then) ? then.statements : [then];
  const values: ts.Node[] = [];
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const assignment = skipOuterExpressions(statement.expression);
    if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(assignment.left)) continue;
    const declaration = findDeclaration(assignment.left);
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) values.push(declaration.initializer);
  }
  return values;
}

/**
 * What runs when the condition is false and there is no `else`: the rest of the block after an
 * exiting `then`, or the initial values a non-exiting `then` overrides.
 */
function implicitElse(statement: ts.IfStatement): ts.Node[] {
  if (!exits(statement.thenStatement)) return overriddenValues(statement.thenStatement);
  const parent = statement.parent;
  if (!ts.isBlock(parent) && !ts.isSourceFile(parent)) return [];
  const statements = parent.statements;
  return statements.slice(statements.indexOf(statement) + 1);
}

/** Follows `else if` chains to the branch a stage takes, so a `test` arm does not count for development. */
function narrow(semantics: Semantics, nodes: ts.Node[], stage: Stage): ts.Node[] {
  if (nodes.length !== 1 || !ts.isIfStatement(nodes[0])) return nodes;
  const inner = nodes[0];
  const truth = evaluate(semantics, inner.expression, stage).truth;
  if (truth === undefined) return nodes;
  if (truth) return narrow(semantics, [inner.thenStatement], stage);
  return inner.elseStatement ? narrow(semantics, [inner.elseStatement], stage) : implicitElse(inner);
}

function ifBranch(semantics: Semantics, statement: ts.IfStatement): EnvBranch | undefined {
  // An `else if` arm is judged as part of the `if` it belongs to.
  if (ts.isIfStatement(statement.parent) && statement.parent.elseStatement === statement && sides(semantics, statement.parent.expression)) return undefined;
  const taken = sides(semantics, statement.expression);
  if (!taken) return undefined;
  const whenFalse = statement.elseStatement ? [statement.elseStatement] : implicitElse(statement);
  const pick = (stage: Stage, truth: boolean): ts.Node[] => narrow(semantics, truth ? [statement.thenStatement] : whenFalse, stage);
  return { condition: statement.expression, label: `${taken.variable} branch`, production: pick("production", taken.production), development: pick("development", taken.development) };
}

function conditionalBranch(semantics: Semantics, node: ts.ConditionalExpression): EnvBranch | undefined {
  const taken = sides(semantics, node.condition);
  if (!taken) return undefined;
  const pick = (truth: boolean): ts.Node[] => [truth ? node.whenTrue : node.whenFalse];
  return { condition: node.condition, label: `${taken.variable} branch`, production: pick(taken.production), development: pick(taken.development) };
}

/** `isProd && redisStore || memoryStore`: a ternary written with `&&` and `||`. */
function logicalBranch(semantics: Semantics, node: ts.BinaryExpression): EnvBranch | undefined {
  if (node.operatorToken.kind !== ts.SyntaxKind.BarBarToken) return undefined;
  const left = skipOuterExpressions(node.left);
  if (!ts.isBinaryExpression(left) || left.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return undefined;
  const taken = sides(semantics, left.left);
  if (!taken) return undefined;
  const pick = (truth: boolean): ts.Node[] => [truth ? left.right : node.right];
  return { condition: left.left, label: `${taken.variable} branch`, production: pick(taken.production), development: pick(taken.development) };
}

/** The statements a stage runs in `switch (process.env.NODE_ENV)`, falling through empty or unterminated clauses. */
function clauseStatements(clauses: readonly ts.CaseOrDefaultClause[], start: number): ts.Node[] {
  const statements: ts.Node[] = [];
  for (let i = start; i < clauses.length; i++) {
    statements.push(...clauses[i].statements);
    const last = clauses[i].statements[clauses[i].statements.length - 1];
    if (last && (ts.isBreakStatement(last) || ts.isReturnStatement(last) || ts.isThrowStatement(last) || ts.isContinueStatement(last))) break;
  }
  return statements;
}

function switchBranch(semantics: Semantics, statement: ts.SwitchStatement): EnvBranch | undefined {
  const variable = envVariableOf(semantics, statement.expression);
  if (!variable) return undefined;
  const clauses = statement.caseBlock.clauses;
  const clauseFor = (stage: Stage): number => {
    const index = clauses.findIndex((clause) => {
      if (!ts.isCaseClause(clause)) return false;
      const value = semantics.valueOf(clause.expression);
      return value.kind === "literal" && typeof value.value === "string" && stageMatches(value.value, stage);
    });
    return index >= 0 ? index : clauses.findIndex((clause) => ts.isDefaultClause(clause));
  };
  const production = clauseFor("production");
  const development = clauseFor("development");
  if (production < 0 || development < 0 || production === development) return undefined;
  return { condition: statement.expression, label: `${variable} branch`, production: clauseStatements(clauses, production), development: clauseStatements(clauses, development) };
}

/**
 * `{ development: { client: "sqlite3" }, production: { client: "pg" } }`: a config keyed by
 * environment (a knexfile, a Sequelize `config.js`), chosen by NODE_ENV when the app starts.
 * Reported on the development key.
 */
function keyedBranch(node: ts.ObjectLiteralExpression): EnvBranch | undefined {
  const entry = (stage: Stage): ts.PropertyAssignment | undefined =>
    node.properties.find((property): property is ts.PropertyAssignment => {
      if (!ts.isPropertyAssignment(property)) return false;
      const key = staticName(property.name);
      return key !== undefined && stageMatches(key, stage);
    });
  const production = entry("production");
  const development = entry("development");
  if (!production || !development) return undefined;
  return { condition: development.name, label: "config keyed by environment", production: [production.initializer], development: [development.initializer] };
}

export function envBranchOf(semantics: Semantics, node: ts.Node): EnvBranch | undefined {
  if (ts.isIfStatement(node)) return ifBranch(semantics, node);
  if (ts.isConditionalExpression(node)) return conditionalBranch(semantics, node);
  if (ts.isBinaryExpression(node)) return logicalBranch(semantics, node);
  if (ts.isSwitchStatement(node)) return switchBranch(semantics, node);
  if (ts.isObjectLiteralExpression(node)) return keyedBranch(node);
  return undefined;
}
