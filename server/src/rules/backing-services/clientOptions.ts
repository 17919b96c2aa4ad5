import ts from "typescript";
import { envVariableFix } from "../../engine/fixes/envConfig";
import type { RuleContext } from "../../engine/rule";
import type { LiteralValue } from "../../engine/semantics";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import type { Fix } from "../../engine/types";
import { ENGINE_NAMES, SERVICE_KINDS, envNameOfKind, type ServiceKind } from "../shared/backingServices";
import { matchRows, refOf } from "../shared/moduleRefs";
import { argumentAt, arrayOf, optionValueAt, writtenOptionNode } from "../shared/options";
import { CLIENT_SINKS, type ClientSink } from "./data/serviceClients";
import { addressHost, isLocalHost, parseServiceUrl } from "./serviceUrls";
import { EnvNamer, reviewUnlessKept } from "./urlFix";

const SINK_ROWS = CLIENT_SINKS.map((sink) => ({ ...sink, sink }));

/** ` (via `dbConfig` in src/config.ts)` when the squiggle is not on the value itself. */
function origin(context: RuleContext, reportOn: ts.Node, literal: ts.Node): string {
  if (reportOn === literal || (ts.isExpression(reportOn) && skipOuterExpressions(reportOn) === literal)) return "";
  const file = literal.getSourceFile();
  const where = file === context.sourceFile ? "" : ` in ${context.project.relative(file.fileName)}`;
  return ` (via \`${reportOn.getText(context.sourceFile)}\`${where})`;
}

/** The service an ORM talks to, from its `dialect`/`type`/`client` option. */
function serviceOf(context: RuleContext, sink: ClientSink, argument: ts.Expression): ServiceKind | undefined {
  if (sink.kind) return sink.kind;
  for (const option of ["dialect", "type", "client"]) {
    const value = optionValueAt(context.semantics, argument, [option]);
    const literal = value && context.semantics.valueOf(value);
    if (literal?.kind === "literal" && typeof literal.value === "string" && Object.hasOwn(ENGINE_NAMES, literal.value)) return ENGINE_NAMES[literal.value];
  }
  return undefined;
}

interface CallSite {
  context: RuleContext;
  sink: ClientSink;
  service: ServiceKind | undefined;
  lowered: boolean;
}

function checkHost(site: CallSite, value: ts.Expression, reportOn: ts.Node): void {
  const { context, sink, service } = site;
  const found = context.semantics.valueOf(value);
  const name = service ? SERVICE_KINDS[service].name : "database";
  const env = envNameOfKind(service);
  if (found.kind === "literal") {
    if (typeof found.value !== "string" || found.value.trim() === "" || parseServiceUrl(found.value)) return;
    context.report({
      node: reportOn,
      message: `Hardcoded ${name} host ${JSON.stringify(found.value)} in ${sink.label}${origin(context, reportOn, found.node)}; read the connection from the environment (process.env.${env}) so each deploy can attach its own ${name}.`,
      lowered: site.lowered,
      signals: [`literal host passed to ${sink.label}`],
    });
  } else if (found.kind === "env" && found.fallback && typeof found.fallback.value === "string") {
    const host = found.fallback.value;
    if (host.trim() === "" || isLocalHost(host)) return;
    const variable = found.name ?? env;
    context.report({
      node: reportOn,
      message: `Hardcoded ${name} host ${JSON.stringify(host)} as the fallback of process.env.${variable} in ${sink.label}; remove the fallback and set ${variable} in every environment.`,
      lowered: site.lowered,
      signals: [`non-local fallback host passed to ${sink.label}`],
    });
  }
}

/** `(process.env.KAFKA_BROKERS ?? "").split(",")` in place of a list written as string literals. */
function addressListFix(context: RuleContext, list: ts.ArrayLiteralExpression, literals: LiteralValue[], base: string): Fix | undefined {
  if (literals.length !== list.elements.length || literals.some((literal) => literal.node.parent !== list)) return undefined;
  const value = literals.map((literal) => String(literal.value)).join(",");
  const sourceFile = list.getSourceFile();
  const name = new EnvNamer(sourceFile.text).choose(base, value, undefined);
  const fix = envVariableFix({
    project: context.project,
    replacement: { file: sourceFile.fileName, start: list.getStart(sourceFile), end: list.getEnd(), newText: `(process.env.${name} ?? "").split(",")` },
    name,
    value,
    title: `Read the list from process.env.${name}`,
  });
  return reviewUnlessKept(fix, context.project);
}

function checkAddresses(site: CallSite, value: ts.Expression, reportOn: ts.Node): void {
  const { context, sink } = site;
  const list = arrayOf(context.semantics, value);
  const elements = list ? [...list.elements] : [value];
  const literals: LiteralValue[] = [];
  for (const element of elements) {
    const found = context.semantics.valueOf(element);
    if (found.kind === "literal" && typeof found.value === "string" && found.value.trim() !== "" && !parseServiceUrl(found.value) && addressHost(found.value)) literals.push(found);
  }
  if (literals.length === 0) return;
  const env = sink.addressesEnv ?? "BROKERS";
  const shown = literals.map((literal) => String(literal.value)).join(",");
  const fix = list && !site.lowered ? addressListFix(context, list, literals, env) : undefined;
  const noun = sink.kind ? SERVICE_KINDS[sink.kind].name : "service";
  context.report({
    node: reportOn,
    message: `Hardcoded ${noun} addresses ${JSON.stringify(shown)} in ${sink.label}${origin(context, reportOn, list ?? literals[0].node)}; read them from process.env.${env} so each deploy can attach its own ${noun}.`,
    lowered: site.lowered,
    signals: [`literal addresses passed to ${sink.label}`],
    fixes: fix ? [fix] : [],
  });
}

/** Hosts and address lists handed to a known client in `call`. */
export function checkClientCall(context: RuleContext, call: ts.CallExpression | ts.NewExpression, lowered: boolean): void {
  const ref = refOf(context.semantics, call.expression);
  const row = ref && matchRows(SINK_ROWS, ref);
  if (!row) return;
  const sink = row.sink;
  const argument = argumentAt(call, sink.argument);
  if (!argument) return;
  const site: CallSite = { context, sink, service: serviceOf(context, sink, argument), lowered };
  const positional = sink.positionalHost;
  if (positional) {
    const port = argumentAt(call, positional.after);
    const host = argumentAt(call, positional.index);
    if (port && host && typeof literalOf(context, port) === "number") checkHost(site, host, host);
  }
  for (const optionPath of sink.hosts) {
    const value = optionValueAt(context.semantics, argument, optionPath);
    if (value) checkHost(site, value, writtenOptionNode(argument, optionPath));
  }
  if (sink.addresses) {
    const value = optionValueAt(context.semantics, argument, sink.addresses);
    if (value) checkAddresses(site, value, writtenOptionNode(argument, sink.addresses));
  }
}

function literalOf(context: RuleContext, expression: ts.Expression): string | number | boolean | undefined {
  const value = context.semantics.valueOf(expression);
  return value.kind === "literal" ? value.value : undefined;
}
