import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import { nodeInFile } from "../shared/edits";
import { matchRows, refOf } from "../shared/moduleRefs";
import { argumentAt, arrayOf, literalOption, objectOf, optionAt, optionOf } from "../shared/options";
import { classifyPath } from "../shared/pathKinds";
import { LOG_FILE_NAME } from "../shared/logFiles";
import { BUNYAN_FILE_STREAM_TYPES, BUNYAN_LOGGERS, LOG4JS_CONFIGURE, LOG4JS_FILE_APPENDERS, LOGGER_FILE_OPTIONS, PINO_FILE_TARGETS, PINO_TRANSPORT_HOLDERS } from "./data/configShapes";
import { bunyanStdoutFix, descriptorFix, log4jsStdoutFix } from "./fixes";
import type { LogFileHit } from "./hits";
import { log4jsJsonHits } from "./log4jsJson";

type Invocation = ts.CallExpression | ts.NewExpression;

/** log4js.configure({ appenders: { app: { type: "file", filename } } }) or configure("log4js.json"): one hit per file appender. */
export function log4jsHits(context: RuleContext, node: Invocation): LogFileHit[] {
  if (!ts.isCallExpression(node) || !matchRows(LOG4JS_CONFIGURE, refOf(context.semantics, node.expression))) return [];
  const { semantics } = context;
  const config = argumentAt(node, 0);
  if (config && context.semantics.valueOf(config).kind === "literal") return log4jsJsonHits(context, node, config);
  const appendersOption = optionOf(semantics, config, "appenders");
  const appenders = objectOf(semantics, appendersOption?.value);
  if (!config || !appenders || !appendersOption) return [];
  // Written in another file: point at the closest expression in this one.
  const fallback = nodeInFile(context, appendersOption.value, config);
  const hits: LogFileHit[] = [];
  for (const property of appenders.properties) {
    const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
    const appender = objectOf(semantics, value);
    const type = literalOption(semantics, value, ["type"]);
    if (!value || !appender || typeof type !== "string" || !LOG4JS_FILE_APPENDERS.includes(type)) continue;
    const filename = optionOf(semantics, value, "filename") ?? optionOf(semantics, value, "base");
    hits.push({
      // An appender imported from another file: at its property here (`file: fileAppender`).
      node: nodeInFile(context, appender, nodeInFile(context, property, fallback)),
      label: `log4js "${type}" appender`,
      file: filename ? classifyPath(semantics, filename.value) : undefined,
      advice: 'use a "stdout" appender',
      fix: log4jsStdoutFix(appender, optionOf(semantics, value, "type")?.value),
    });
  }
  return hits;
}

/** bunyan.createLogger({ streams: [{ path }] }), `{ type: "rotating-file" }`, logger.addStream({ path }). */
export function bunyanHits(context: RuleContext, node: Invocation): LogFileHit[] {
  const { semantics } = context;
  const construct = ts.isNewExpression(node) ? "new" : "call";
  const ref = refOf(semantics, node.expression);
  const row = BUNYAN_LOGGERS.find((candidate) => candidate.construct === construct && matchRows([candidate], ref));
  const argument = argumentAt(node, 0);
  if (!row || !argument) return [];
  const streamsOption = row.shape === "options" ? optionOf(semantics, argument, "streams") : undefined;
  const streams = row.shape === "stream" ? [argument] : [...(arrayOf(semantics, streamsOption?.value)?.elements ?? [])];
  // Written in another file: point at the closest expression in this one.
  const fallback = streamsOption ? nodeInFile(context, streamsOption.value, argument) : argument;
  const hits: LogFileHit[] = [];
  for (const stream of streams) {
    const object = objectOf(semantics, stream);
    if (!object) continue;
    const type = literalOption(semantics, stream, ["type"]);
    const path = optionOf(semantics, stream, "path");
    const writesFile = typeof type === "string" ? BUNYAN_FILE_STREAM_TYPES.includes(type) : path !== undefined && !optionOf(semantics, stream, "stream");
    if (!writesFile) continue;
    hits.push({
      node: nodeInFile(context, object, nodeInFile(context, stream, fallback)),
      label: typeof type === "string" ? `bunyan "${type}" stream` : "bunyan file stream",
      file: path ? classifyPath(semantics, path.value) : undefined,
      advice: "log to process.stdout",
      fix: bunyanStdoutFix(object),
    });
  }
  return hits;
}

/** pino transports: `{ target: "pino/file", options: { destination: "app.log" } }`, in `targets`/`pipeline` too. */
export function pinoTransportHits(context: RuleContext, node: Invocation): LogFileHit[] {
  if (!ts.isCallExpression(node)) return [];
  const { semantics } = context;
  const ref = refOf(semantics, node.expression);
  const holder = PINO_TRANSPORT_HOLDERS.find((candidate) => matchRows([candidate], ref));
  const argument = holder && argumentAt(node, holder.arg);
  if (!holder || !argument) return [];
  const root = holder.optionPath.length === 0 ? argument : optionAt(semantics, argument, holder.optionPath)?.value;
  const hits: LogFileHit[] = [];
  const visit = (descriptor: ts.Expression | undefined, depth: number): void => {
    const object = objectOf(semantics, descriptor);
    if (!descriptor || !object || depth > 4) return;
    for (const list of ["targets", "pipeline"]) {
      for (const element of arrayOf(semantics, optionOf(semantics, descriptor, list)?.value)?.elements ?? []) visit(element, depth + 1);
    }
    const target = literalOption(semantics, descriptor, ["target"]);
    const row = PINO_FILE_TARGETS.find((candidate) => candidate.target === target);
    if (!row) return;
    const option = optionAt(semantics, descriptor, ["options", row.option]);
    const file = option ? classifyPath(semantics, option.value) : undefined;
    if (!file && row.defaultsToStdout) return;
    if (file && (file.kind === "stdio" || file.kind === "descriptor")) return;
    // pino/file takes descriptors too: an unknown value counts only when it names a log file.
    if (file?.kind === "unknown" && row.defaultsToStdout && !(file.tail && LOG_FILE_NAME.test(file.tail))) return;
    hits.push({
      node: nodeInFile(context, object, root ? nodeInFile(context, root, argument) : argument),
      label: `pino transport "${row.target}"`,
      file,
      advice: "log to stdout (destination 1)",
      fix: option && row.descriptorFix ? descriptorFix("Log to stdout (destination 1)", { option, value: option.value }) : undefined,
    });
  };
  visit(root, 0);
  return hits;
}

/** `Fastify({ logger: { file: "./app.log" } })`: a file path given as a logger option. */
export function loggerFileOptionHits(context: RuleContext, node: Invocation): LogFileHit[] {
  if (!ts.isCallExpression(node)) return [];
  const { semantics } = context;
  const ref = refOf(semantics, node.expression);
  const row = LOGGER_FILE_OPTIONS.find((candidate) => matchRows([candidate], ref));
  const argument = row && argumentAt(node, row.arg);
  const option = row && argument ? optionAt(semantics, argument, row.optionPath) : undefined;
  if (!row || !argument || !option) return [];
  const file = classifyPath(semantics, option.value);
  if (file.kind === "stdio" || file.kind === "descriptor") return [];
  return [{ node: nodeInFile(context, option.property, argument), label: row.label, file, advice: "log to stdout (leave out `file`)" }];
}
