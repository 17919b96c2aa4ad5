import ts from "typescript";
import { defineRule, type RuleContext } from "../../engine/rule";
import type { LiteralValue } from "../../engine/semantics";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";
import { toEnvName } from "../../engine/fixes/envConfig";
import type { Fix } from "../../engine/types";
import { PORT_SINKS, type PortSink } from "./data/portSinks";
import { objectOf, optionValueAt, writtenOptionNode } from "../shared/options";
import { checkStartScripts } from "./startScripts";
import { describeWhere, judgeThroughHelpers, mayBeHelperCall } from "../shared/helperCalls";
import { followingImports } from "../shared/importTrigger";

/** The callee as written: `Bun.serve` → ["Bun", "serve"]; anything else → undefined. */
function globalPath(expression: ts.Expression): string[] | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return [node.text];
  if (ts.isPropertyAccessExpression(node)) {
    const base = globalPath(node.expression);
    return base && [...base, node.name.text];
  }
  return undefined;
}

/** Whether the root name of `Bun.serve` is a local binding rather than the runtime's global. */
function declaredLocally(expression: ts.Expression): boolean {
  let node = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(node)) node = skipOuterExpressions(node.expression);
  return ts.isIdentifier(node) && findDeclaration(node) !== undefined;
}

function calleeName(expression: ts.Expression): string | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/** The last name a sink's callee must have: a cheap filter before any resolution. */
function lastNameOf(sink: PortSink): string {
  const spec = sink.callee;
  if ("method" in spec) return spec.method;
  if ("name" in spec) return spec.name;
  return ("global" in spec ? spec.global : spec.path).at(-1) ?? "";
}

const SINK_NAMES = new Set(PORT_SINKS.map(lastNameOf));

function matchesSink(context: RuleContext, sink: PortSink, callee: ts.Expression, name: string): boolean {
  if (lastNameOf(sink) !== name) return false;
  const spec = sink.callee;
  if ("method" in spec) {
    const node = skipOuterExpressions(callee);
    return ts.isPropertyAccessExpression(node) && node.name.text === spec.method;
  }
  if ("name" in spec) return calleeName(callee) === spec.name;
  if ("global" in spec) {
    const written = globalPath(callee);
    return written !== undefined && written.join(".") === spec.global.join(".") && !declaredLocally(callee);
  }
  const ref = context.semantics.moduleRef(callee);
  return ref !== undefined && ref.module === spec.module && ref.path.join(".") === spec.path.join(".");
}

/** A port worth reporting: a positive integer, as a number or a numeric string. */
function fixedPort(value: LiteralValue): number | undefined {
  const port = typeof value.value === "number" ? value.value : typeof value.value === "string" && /^\d{1,5}$/.test(value.value) ? Number(value.value) : undefined;
  return port !== undefined && Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
}

/** `PORT`, or `METRICS_PORT` when the value is named like a second, specific port. */
function envNameFor(expression: ts.Expression, literal: LiteralValue): string {
  const candidates = [skipOuterExpressions(expression), literal.node.parent];
  for (const node of candidates) {
    let name: string | undefined;
    if (ts.isIdentifier(node)) name = node.text;
    else if (ts.isPropertyAccessExpression(node)) name = node.name.text;
    else if (node && (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) && ts.isIdentifier(node.name)) name = node.name.text;
    if (name && /port/i.test(name) && !/^port$/i.test(name)) return toEnvName(name);
  }
  return "PORT";
}

function portFix(literal: LiteralValue, envName: string): Fix {
  // `3000 as const` cannot hold a call: replace the whole assertion.
  const parent = literal.node.parent;
  const target = ts.isAsExpression(parent) && parent.type.getText(literal.sourceFile) === "const" ? parent : literal.node;
  const text = literal.node.getText(literal.sourceFile);
  return {
    title: `Read the port from process.env.${envName} (default ${text})`,
    safe: true,
    edits: [{ file: literal.sourceFile.fileName, start: target.getStart(literal.sourceFile), end: target.getEnd(), newText: `Number(process.env.${envName} ?? ${text})` }],
    creates: [],
  };
}

/** How the reported expression leads to the literal, when it is not the literal itself. */
function describeOrigin(context: RuleContext, reportOn: ts.Node, literal: LiteralValue): string {
  if (reportOn === literal.node || (ts.isExpression(reportOn) && skipOuterExpressions(reportOn) === literal.node)) return "";
  const where = literal.sourceFile === context.sourceFile ? "" : ` in ${context.project.relative(literal.sourceFile.fileName)}`;
  return ` (via \`${reportOn.getText(context.sourceFile)}\`${where})`;
}

interface PortVerdict {
  sink: PortSink;
  value: LiteralValue;
  port: number;
  /** The expression holding the port (the argument, or its option). */
  expression: ts.Expression;
  /** Where the port is written at this call: the argument or its `port:` option. */
  reportOn: ts.Node;
}

/** The fixed port a call hands to a server, if it is a port sink given a literal. */
function portVerdict(context: RuleContext, call: ts.CallExpression | ts.NewExpression): PortVerdict | undefined {
  const name = calleeName(call.expression);
  if (name === undefined || !SINK_NAMES.has(name)) return undefined;
  for (const sink of PORT_SINKS) {
    const argument = call.arguments?.[sink.argument];
    if (!argument || !matchesSink(context, sink, call.expression, name)) continue;
    let expression = argument;
    let reportOn: ts.Node = argument;
    if (!sink.direct || context.semantics.valueOf(argument).kind !== "literal") {
      const option = optionValueAt(context.semantics, argument, sink.optionPath);
      if (!option) return undefined;
      expression = option;
      reportOn = writtenOptionNode(argument, sink.optionPath);
    }
    const value = context.semantics.valueOf(expression);
    if (value.kind !== "literal") return undefined;
    const port = fixedPort(value);
    return port === undefined ? undefined : { sink, value, port, expression, reportOn };
  }
  return undefined;
}

function reportPort(context: RuleContext, verdict: PortVerdict, expression: ts.Expression, reportOn: ts.Node, through = ""): void {
  const { sink, value, port } = verdict;
  const envName = envNameFor(expression, value);
  context.report({
    node: reportOn,
    message: `Port ${port} is hardcoded in ${sink.label}${through}${describeOrigin(context, reportOn, value)}; bind to the port the platform gives in process.env.${envName}.`,
    signals: [`literal port passed to ${sink.label}`],
    fixes: [portFix(value, envName)],
  });
}

/** `startMetrics(settings.metricsPort)` where `startMetrics(port)` calls `server.listen(port)`: reported at the argument. */
function checkHelperCall(context: RuleContext, call: ts.CallExpression | ts.NewExpression): void {
  for (const hit of judgeThroughHelpers(context.semantics, call, (inner) => portVerdict(context, inner))) {
    const names = hit.chain.map((called) => `\`${called.name}\``).join(" → ");
    const where = describeWhere(hit.chain, (file) => context.project.relative(file), context.sourceFile);
    const expression = ts.isExpression(hit.reportOn) && hit.reportOn !== call ? hit.reportOn : hit.verdict.expression;
    reportPort(context, hit.verdict, expression, hit.reportOn, ` through ${names}${where}`);
  }
}

const BUN_DEFAULT_EXPORT: PortSink = { label: "the default export's `port` (Bun)", callee: { name: "" }, argument: 0, optionPath: ["port"], direct: false };

/** Bun serves `export default { port, fetch }` itself: a module whose default export has both. */
function checkDefaultExportServer(context: RuleContext, node: ts.ExportAssignment): void {
  const object = node.isExportEquals ? undefined : objectOf(context.semantics, node.expression);
  if (!object?.properties.some((property) => staticName(property.name) === "fetch")) return;
  const port = optionValueAt(context.semantics, node.expression, ["port"]);
  if (!port) return;
  const value = context.semantics.valueOf(port);
  const fixed = value.kind === "literal" ? fixedPort(value) : undefined;
  if (value.kind !== "literal" || fixed === undefined) return;
  const reportOn = writtenOptionNode(node.expression, ["port"]);
  reportPort(context, { sink: BUN_DEFAULT_EXPORT, value, port: fixed, expression: port, reportOn }, port, reportOn);
}

export const noFixedPort = defineRule({
  id: "port-binding/no-fixed-port",
  factor: "VII",
  headline: true,
  defaultSeverity: "warning",
  description: "Servers must bind to the port the platform provides (process.env.PORT), not a hardcoded one.",
  rationale: "A twelve-factor app is self-contained and exports its service by binding to a port given by the execution environment; a fixed port breaks on platforms that assign ports and when two instances share a host.",
  fixable: true,
  roles: { test: "off", fixture: "off" },
  trigger: followingImports(/\.listen\s*\(|\bserve\s*\(|createServer|WebSocketServer|\bServer\s*\(|\bserver\s*\(|startStandaloneServer|\bexport\s+default\b[^;]*\bfetch\b/),
  create(context) {
    const helperCalls: Array<ts.CallExpression | ts.NewExpression> = [];
    const onCall = (node: ts.Node): void => {
      const call = node as ts.CallExpression | ts.NewExpression;
      const verdict = portVerdict(context, call);
      if (verdict) reportPort(context, verdict, verdict.expression, verdict.reportOn);
      else if (mayBeHelperCall(call)) helperCalls.push(call);
    };
    return {
      [ts.SyntaxKind.CallExpression]: onCall,
      [ts.SyntaxKind.NewExpression]: onCall,
      [ts.SyntaxKind.ExportAssignment]: (node) => checkDefaultExportServer(context, node as ts.ExportAssignment),
      // Helpers may be declared below their calls: judged once every name of the file is linked.
      onEnd: () => helperCalls.forEach((call) => checkHelperCall(context, call)),
    };
  },
  projectFiles: { kinds: ["packageJson", "procfile"], check: checkStartScripts },
});
