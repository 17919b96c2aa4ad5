import type ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import type { Fix } from "../../engine/types";
import { fsWriteCall } from "../shared/fsWrites";
import { isLogFileWrite } from "../shared/logFiles";
import { matchRows, refOf } from "../shared/moduleRefs";
import { classifyPath, type PathInfo } from "../shared/pathKinds";
import { FILE_TRANSPORTS } from "./data/fileTransports";
import { DESTINATION_CALLS } from "./data/destinations";

/** One place where logs are routed to a file. */
export interface LogFileHit {
  /** The expression to report, in the file under analysis. */
  node: ts.Node;
  /** Subject of the message ("winston File transport"). */
  label: string;
  /** The file, when its name can be read. */
  file?: PathInfo;
  /** What to do instead ("log to stdout (winston.transports.Console)"). */
  advice: string;
  fix?: Fix;
}

/** Where a file stream handed to a logger points; `reported` when that stream is itself a finding. */
export type FileStream = { reported: true } | { reported: false; path: PathInfo };

/**
 * Whether `expression` is a stream into a file: `fs.createWriteStream(...)` (through consts and
 * imports), or one of the rule's own file transports (reported where they are created).
 */
export function fileStreamOf(semantics: Semantics, expression: ts.Expression): FileStream | undefined {
  const node = skipOuterExpressions(semantics.resolve(expression).node);
  const write = fsWriteCall(semantics, node);
  if (write && write.row.kind === "stream") {
    const path = classifyPath(semantics, write.pathArgument);
    if (path.kind === "stdio" || path.kind === "descriptor") return undefined;
    return isLogFileWrite(write, path) ? { reported: true } : { reported: false, path };
  }
  const ref = refOf(semantics, (node as ts.CallExpression).expression ?? node);
  if (matchRows(FILE_TRANSPORTS, ref) || matchRows(DESTINATION_CALLS, ref)) return { reported: true };
  return undefined;
}
