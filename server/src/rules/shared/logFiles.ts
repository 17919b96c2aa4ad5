import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { staticName } from "../../engine/semantics/syntax";
import { LOG_SINKS, type LogSinkRow } from "../logs/data/logSinks";
import type { FsWriteCall } from "./fsWrites";
import { matchRows, refOf } from "./moduleRefs";
import type { PathInfo } from "./pathKinds";

/**
 * The border between processes/no-local-state and logs/no-file-logging: a write that is a log
 * file belongs to the logs rule only, so one expression is never reported twice.
 */

/** `app.log`, `logs/access.log`, rotated `app.log.1`. */
export const LOG_FILE_NAME = /\.log(\.\d+)?$/i;

/** An fs write (not a folder) whose path ends in a log file name. */
export function isLogFileWrite(write: FsWriteCall, path: PathInfo): boolean {
  if (write.row.kind === "mkdir" || write.row.kind === "copy") return false;
  if (path.kind === "stdio" || path.kind === "descriptor") return false;
  return path.tail !== undefined && LOG_FILE_NAME.test(path.tail);
}

function isWrapper(node: ts.Node): node is ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.SatisfiesExpression {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node);
}

/**
 * The logger `node` is written straight into, if any: `morgan("combined", { stream: <node> })`,
 * `new console.Console(<node>)`, `bunyan.createLogger({ streams: [{ stream: <node> }] })`.
 */
export function inlineLogSink(semantics: Semantics, node: ts.Expression): LogSinkRow | undefined {
  const path: string[] = [];
  let current: ts.Node = node;
  for (let steps = 0; steps < 12; steps++) {
    const parent: ts.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (isWrapper(parent)) {
      current = parent;
    } else if (ts.isPropertyAssignment(parent) && parent.initializer === current) {
      const name = staticName(parent.name);
      if (name === undefined) return undefined;
      path.unshift(name);
      current = parent.parent;
    } else if (ts.isArrayLiteralExpression(parent)) {
      path.unshift("[]");
      current = parent;
    } else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== current) {
      const args: readonly ts.Node[] = parent.arguments ?? [];
      const arg = args.indexOf(current);
      if (arg < 0) return undefined;
      const row = matchRows(LOG_SINKS, refOf(semantics, parent.expression));
      const construct = ts.isNewExpression(parent) ? "new" : "call";
      if (!row || row.construct !== construct) return undefined;
      const matches = row.positions.some((position) => position.arg === arg && position.path.length === path.length && position.path.every((key, i) => key === path[i]));
      return matches ? row : undefined;
    } else {
      return undefined;
    }
  }
  return undefined;
}
