import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import type { Semantics } from "../../engine/semantics";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import { fsWriteCall } from "../shared/fsWrites";
import { isLogFileWrite } from "../shared/logFiles";
import { nodeInFile } from "../shared/edits";
import { matchRows, refOf } from "../shared/moduleRefs";
import { argumentAt, arrayOf, optionOf } from "../shared/options";
import { classifyPath, codeText, type PathInfo } from "../shared/pathKinds";
import { LOG_SINKS } from "./data/logSinks";
import { REDIRECT_TARGETS } from "./data/redirects";
import type { LogFileHit } from "./hits";
import { destinationFile, isFileTransport } from "./transports";

/** Where a file stream handed to a logger points; `reported` when that stream is itself a finding. */
type FileStream = { reported: true } | { reported: false; path: PathInfo };

/**
 * Whether `expression` is a stream into a file: `fs.createWriteStream(...)` (through consts and
 * imports), or one of the rule's own file transports (reported where they are created).
 */
function fileStreamOf(semantics: Semantics, expression: ts.Expression): FileStream | undefined {
  const node = skipOuterExpressions(semantics.resolve(expression).node);
  const write = fsWriteCall(semantics, node);
  if (write && write.row.kind === "stream") {
    const path = classifyPath(semantics, write.pathArgument);
    if (path.kind === "stdio" || path.kind === "descriptor") return undefined;
    return isLogFileWrite(write, path) ? { reported: true } : { reported: false, path };
  }
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  if (isFileTransport(semantics, node) || destinationFile(semantics, node)) return { reported: true };
  return undefined;
}

/** Values at `path` inside `expression` (`"[]"`: every element of an array). */
function valuesAt(semantics: Semantics, expression: ts.Expression | undefined, path: readonly string[]): ts.Expression[] {
  if (!expression) return [];
  if (path.length === 0) return [expression];
  const [head, ...rest] = path;
  if (head === "[]") return (arrayOf(semantics, expression)?.elements ?? []).flatMap((element) => valuesAt(semantics, element, rest));
  return valuesAt(semantics, optionOf(semantics, expression, head)?.value, rest);
}

/** A file stream handed to a logger: `morgan("combined", { stream })`, `new console.Console(stream)`. */
export function sinkHits(context: RuleContext, node: ts.CallExpression | ts.NewExpression): LogFileHit[] {
  const { semantics } = context;
  const construct = ts.isNewExpression(node) ? "new" : "call";
  const ref = refOf(semantics, node.expression);
  const row = LOG_SINKS.find((candidate) => candidate.construct === construct && matchRows([candidate], ref));
  if (!row) return [];
  const hits: LogFileHit[] = [];
  const seen = new Set<ts.Node>();
  for (const position of row.positions) {
    const argument = argumentAt(node, position.arg);
    for (const value of valuesAt(semantics, argument, position.path)) {
      const stream = fileStreamOf(semantics, value);
      // A log-file stream or file transport is reported where it is created.
      if (!stream || stream.reported || seen.has(value) || !argument) continue;
      seen.add(value);
      hits.push({ node: nodeInFile(context, value, argument), label: row.label, file: stream.path, advice: row.advice });
    }
  }
  return hits;
}

/** File writes inside the code that replaces an output function; `reported` ones are log files found elsewhere. */
function fileWritesIn(semantics: Semantics, root: ts.Node): Array<{ path?: PathInfo; reported: boolean }> {
  const found: Array<{ path?: PathInfo; reported: boolean }> = [];
  let budget = 2000;
  const visit = (node: ts.Node): void => {
    if (--budget < 0) return;
    const write = fsWriteCall(semantics, node);
    if (write && write.row.kind !== "mkdir" && write.row.kind !== "copy") {
      const path = classifyPath(semantics, write.pathArgument);
      if (path.kind !== "stdio" && path.kind !== "descriptor") found.push({ path, reported: isLogFileWrite(write, path) });
    } else if (ts.isPropertyAccessExpression(node) && (node.name.text === "write" || node.name.text === "end")) {
      const stream = fileStreamOf(semantics, node.expression);
      if (stream) found.push(stream.reported ? { reported: true } : { path: stream.path, reported: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** `process.stdout.write = (chunk) => file.write(chunk)`, `console.log = (...a) => fs.appendFileSync(...)`. */
export function redirectHit(context: RuleContext, node: ts.BinaryExpression): LogFileHit | undefined {
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(node.left)) return undefined;
  if (!matchRows(REDIRECT_TARGETS, refOf(context.semantics, node.left))) return undefined;
  const writes = fileWritesIn(context.semantics, node.right);
  const target = writes.find((write) => !write.reported);
  if (!target) return undefined;
  return {
    node: node.left,
    label: `${codeText(node.left)}, reassigned here,`,
    signal: `${codeText(node.left)} reassigned`,
    file: target.path,
    advice: "keep the original output",
  };
}
