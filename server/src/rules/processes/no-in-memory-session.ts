import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { defineRule, type RuleContext } from "../../engine/rule";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";
import { matchRows, refOf, resetRefCache } from "../shared/moduleRefs";
import { objectOf } from "../shared/options";
import { judgeAfterWalk } from "../shared/afterWalk";
import { buildTrigger } from "../shared/trigger";
import { MEMORY_STORES, SESSION_MIDDLEWARES, type SessionMiddlewareRow } from "./data/sessionMiddlewares";

const ADVICE = "sessions are lost on restart and invisible to the other processes; pass a `store` backed by a backing service (Redis, a database)";

/**
 * Whether the options may name a `store`: "yes", "no", or "unknown" when part of the object
 * cannot be read (a parameter, a spread of something unknown). Only "no" is reported.
 */
function storeOption(semantics: Semantics, options: ts.Expression | undefined, depth = 0): "yes" | "no" | "unknown" {
  if (!options) return "no";
  const object = objectOf(semantics, options);
  if (!object || depth > 8) return "unknown";
  let answer: "yes" | "no" | "unknown" = "no";
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      const spread = storeOption(semantics, property.expression, depth + 1);
      if (spread === "yes") return "yes";
      if (spread === "unknown") answer = "unknown";
    } else if (property.name && ts.isComputedPropertyName(property.name) && staticName(property.name) === undefined) {
      answer = "unknown";
    } else if (property.name && staticName(property.name) === "store") {
      return isAbsent(semantics, property) ? answer : "yes";
    }
  }
  return answer;
}

/** `store: undefined` / `store: null` leave the default (memory) store in place. */
function isAbsent(semantics: Semantics, property: ts.ObjectLiteralElementLike): boolean {
  if (!ts.isPropertyAssignment(property)) return false;
  const value = skipOuterExpressions(property.initializer);
  if (value.kind === ts.SyntaxKind.NullKeyword) return true;
  return ts.isIdentifier(value) && value.text === "undefined" && semantics.resolve(value).node === value;
}

/** The middleware row and its options argument, when `call` sets up an in-memory-by-default session. */
function sessionSetup(semantics: Semantics, call: ts.CallExpression): { row: SessionMiddlewareRow; options: ts.Expression | undefined } | undefined {
  const direct = matchRows(SESSION_MIDDLEWARES, refOf(semantics, call.expression));
  if (direct?.usage === "call") return { row: direct, options: call.arguments[direct.optionsArg] };
  // Fastify: `app.register(plugin, options)`, whatever `app` is.
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "register") return undefined;
  const plugin = call.arguments[0];
  const row = plugin ? matchRows(SESSION_MIDDLEWARES, refOf(semantics, plugin)) : undefined;
  return row?.usage === "plugin" ? { row, options: call.arguments[row.optionsArg] } : undefined;
}

function check(context: RuleContext, node: ts.CallExpression | ts.NewExpression): void {
  const ref = refOf(context.semantics, node.expression);
  const store = matchRows(MEMORY_STORES, ref);
  if (store && store.construct === (ts.isNewExpression(node) ? "new" : "call")) {
    context.report({ node, message: `${store.label} keeps sessions in this process's memory: ${ADVICE}.`, signals: [store.module] });
    return;
  }
  if (!ts.isCallExpression(node)) return;
  const setup = sessionSetup(context.semantics, node);
  if (!setup || storeOption(context.semantics, setup.options) !== "no") return;
  context.report({
    node,
    message: `${setup.row.module} without a \`store\` option keeps sessions in this process's memory: ${ADVICE}.`,
    signals: [setup.row.module, "no store option"],
  });
}

export const noInMemorySession = defineRule({
  id: "processes/no-in-memory-session",
  factor: "VI",
  headline: false,
  defaultSeverity: "info",
  description: "Session middleware that keeps sessions in the process's memory: no `store` option, or a MemoryStore.",
  rationale:
    "Twelve-Factor processes share nothing: a session held in one process's memory is gone on restart and unknown to the other processes behind the load balancer, so session state belongs in a backing service.",
  fixable: false,
  roles: { test: "off", fixture: "off" },
  trigger: buildTrigger({ modules: [...SESSION_MIDDLEWARES, ...MEMORY_STORES].map((row) => row.module), words: [] }),
  create(context) {
    resetRefCache();
    return judgeAfterWalk<ts.CallExpression | ts.NewExpression>([ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression], (node) => check(context, node));
  },
});

export default noInMemorySession;
