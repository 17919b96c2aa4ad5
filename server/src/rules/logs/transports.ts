import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import type { Semantics } from "../../engine/semantics";
import { matchRows, refIs, refOf } from "../shared/moduleRefs";
import { argumentAt, objectOf, optionOf, type OptionSite } from "../shared/options";
import { classifyPath, type PathInfo } from "../shared/pathKinds";
import { LOG_FILE_NAME } from "../shared/logFiles";
import { DESTINATION_CALLS, STRING_DESTINATIONS, type DestinationRow } from "./data/destinations";
import { FILE_TRANSPORTS } from "./data/fileTransports";
import { descriptorFix, removeArgumentFix, winstonConsoleFix } from "./fixes";
import type { LogFileHit } from "./hits";

export type Invocation = ts.CallExpression | ts.NewExpression;

function constructOf(node: Invocation): "new" | "call" {
  return ts.isNewExpression(node) ? "new" : "call";
}

/** `new winston.transports.File(...)`, `new DailyRotateFile(...)`, `rfs.createStream(...)`. */
export function fileTransportHit(context: RuleContext, node: Invocation): LogFileHit | undefined {
  const ref = refOf(context.semantics, node.expression);
  const row = FILE_TRANSPORTS.find((candidate) => candidate.construct === constructOf(node) && matchRows([candidate], ref));
  if (!row) return undefined;
  const argument = argumentAt(node, row.file.arg);
  const fileExpression = row.file.option ? optionOf(context.semantics, argument, row.file.option)?.value : argument && !objectOf(context.semantics, argument) ? argument : undefined;
  const file = fileExpression ? classifyPath(context.semantics, fileExpression) : undefined;
  if (file?.kind === "stdio") return undefined;
  const fix = row.fix === "winston-console" && ts.isNewExpression(node) ? winstonConsoleFix(context, node) : undefined;
  return { node, label: row.label, file, advice: row.advice, fix };
}

/** Where a destination call writes: `pino.destination("app.log")`, `pino.destination({ dest })`, `new SonicBoom({ dest })`. */
export function destinationFile(semantics: Semantics, node: Invocation): { row: DestinationRow; file: PathInfo; option?: OptionSite; value: ts.Expression } | undefined {
  const ref = refOf(semantics, node.expression);
  const row = DESTINATION_CALLS.find((candidate) => candidate.construct === constructOf(node) && matchRows([candidate], ref));
  const argument = row && argumentAt(node, row.arg);
  // No argument: stdout.
  if (!row || !argument) return undefined;
  let option: OptionSite | undefined;
  let value: ts.Expression = argument;
  if (objectOf(semantics, argument)) {
    option = optionOf(semantics, argument, row.option);
    if (!option) return undefined;
    value = option.value;
  }
  const file = classifyPath(semantics, value);
  if (file.kind === "stdio" || file.kind === "descriptor") return undefined;
  // An unknown value may be a descriptor: only a log-file name makes it a file.
  if (file.kind === "unknown" && !(file.tail && LOG_FILE_NAME.test(file.tail))) return undefined;
  return { row, file, option, value };
}

export function destinationHit(context: RuleContext, node: Invocation): LogFileHit | undefined {
  const found = destinationFile(context.semantics, node);
  if (!found) return undefined;
  return { node, label: found.row.label, file: found.file, advice: found.row.advice, fix: descriptorFix(found.row.fixTitle, found) };
}

/** Whether `node` creates one of FILE_TRANSPORTS. */
export function isFileTransport(semantics: Semantics, node: Invocation): boolean {
  const ref = refOf(semantics, node.expression);
  return FILE_TRANSPORTS.some((row) => row.construct === constructOf(node) && matchRows([row], ref));
}

/** `pino("./app.log")`, `pino(options, "./app.log")`: a string destination is a file. */
export function stringDestinationHits(context: RuleContext, node: Invocation): LogFileHit[] {
  if (!ts.isCallExpression(node)) return [];
  const ref = refOf(context.semantics, node.expression);
  const row = STRING_DESTINATIONS.find((candidate) => candidate.paths.some((path) => refIs(ref, candidate.module, path)));
  if (!row) return [];
  const hits: LogFileHit[] = [];
  for (const index of row.args) {
    const argument = node.arguments[index];
    if (!argument) continue;
    const value = context.semantics.valueOf(argument);
    if (!(value.kind === "env" || (value.kind === "literal" && typeof value.value === "string"))) continue;
    const file = classifyPath(context.semantics, argument);
    if (file.kind === "stdio" || file.kind === "unknown") continue;
    hits.push({ node: argument, label: row.label, file, advice: row.advice, fix: removeArgumentFix("Log to stdout (drop the file destination)", node, index) });
  }
  return hits;
}
