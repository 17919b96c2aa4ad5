import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import { staticName } from "../../engine/semantics/syntax";
import type { Fix } from "../../engine/types";
import { replaceNode, reviewedFix, singleLineText } from "../shared/edits";
import { findBinding } from "../shared/moduleBindings";
import { refIs, refOf } from "../shared/moduleRefs";
import type { OptionSite } from "../shared/options";
import type { Span } from "../shared/lineRemoval";
import { importsLeftUnused } from "../shared/unusedImports";
import { removeFileTransportFix } from "./transportRemoval";

/** Transport options that mean the same on the Console transport, kept by the fix. */
const WINSTON_COMMON_OPTIONS = new Set(["level", "format", "silent", "handleExceptions", "handleRejections"]);

function keptProperties(object: ts.ObjectLiteralExpression, keep: (name: string) => boolean): string[] {
  const kept: string[] = [];
  for (const property of object.properties) {
    const name = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? staticName(property.name) : undefined;
    if (name !== undefined && keep(name)) kept.push(property.getText(property.getSourceFile()));
  }
  return kept;
}

/** `"stdout"` in the quote style of `like` (a string literal the user wrote), so the fix reads like the code around it. */
function quoted(text: string, like: ts.Node | undefined): string {
  const single = like !== undefined && like.getText(like.getSourceFile()).startsWith("'");
  return single ? `'${text}'` : `"${text}"`;
}

/**
 * `new winston.transports.File({...})` → `new winston.transports.Console()` through the same access
 * path the user wrote; a bare `new DailyRotateFile(...)` needs a winston binding in scope. A logger
 * that already has a Console transport loses the file transport instead.
 */
export function winstonConsoleFix(context: RuleContext, transport: ts.NewExpression): Fix | undefined {
  const removal = removeFileTransportFix(context, transport);
  if (removal) return removal;
  const callee = transport.expression;
  let constructor: string | undefined;
  // What the new text still uses: the callee's owner, or the winston binding it names.
  let reused: { kept: ts.Node } | { name: string } | undefined;
  if (ts.isPropertyAccessExpression(callee) && refIs(refOf(context.semantics, callee.expression), "winston", ["transports"])) {
    const owner = singleLineText(callee.expression);
    if (owner) constructor = `${owner}.Console`;
    reused = { kept: callee.expression };
  } else {
    const binding = findBinding(context.semantics, transport, [
      { module: "winston", path: ["transports"] },
      { module: "winston", path: [] },
    ]);
    if (binding) constructor = binding.ref.path.length > 0 ? `${binding.name}.Console` : `${binding.name}.transports.Console`;
    if (binding) reused = { name: binding.name };
  }
  if (!constructor) return undefined;
  const options = transport.arguments?.[0];
  const kept = options && ts.isObjectLiteralExpression(options) ? keptProperties(options, (name) => WINSTON_COMMON_OPTIONS.has(name)) : [];
  const args = kept.length > 0 ? `{ ${kept.join(", ")} }` : "";
  const edit = replaceNode(transport, `new ${constructor}(${args})`);
  const dropped = droppedSpans(transport, (name) => WINSTON_COMMON_OPTIONS.has(name), reused && "kept" in reused ? reused.kept : undefined);
  const imports = transport.getSourceFile() === context.sourceFile ? importsLeftUnused(context.sourceFile, dropped, reused && "name" in reused ? [reused.name] : []) : [];
  return reviewedFix("Log to stdout (winston.transports.Console)", [...imports, edit].sort((a, b) => a.start - b.start));
}

/** What replacing `transport` drops: its callee (but the part the new text reuses) and every argument but the kept options. */
function droppedSpans(transport: ts.NewExpression, keep: (name: string) => boolean, keptCallee: ts.Node | undefined): Span[] {
  const sourceFile = transport.getSourceFile();
  const span = (node: ts.Node): Span => ({ start: node.getStart(sourceFile), end: node.getEnd() });
  const spans = keptCallee ? [] : [span(transport.expression)];
  for (const argument of transport.arguments ?? []) {
    if (!ts.isObjectLiteralExpression(argument)) {
      spans.push(span(argument));
      continue;
    }
    for (const property of argument.properties) {
      const name = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? staticName(property.name) : undefined;
      if (name === undefined || !keep(name)) spans.push(span(property));
    }
  }
  return spans;
}

/** Sets a destination (argument or option) to file descriptor 1, stdout. */
export function descriptorFix(title: string, site: { option?: OptionSite; value: ts.Expression }): Fix {
  const property = site.option?.property;
  if (property && ts.isShorthandPropertyAssignment(property)) return reviewedFix(title, [replaceNode(property, `${property.name.text}: 1`)]);
  return reviewedFix(title, [replaceNode(site.value, "1")]);
}

/** Drops argument `index` of a call (pino's string destination), so the logger's default stdout applies. */
export function removeArgumentFix(title: string, call: ts.CallExpression, index: number): Fix {
  const sourceFile = call.getSourceFile();
  const argument = call.arguments[index];
  const start = index === 0 ? argument.getStart(sourceFile) : call.arguments[index - 1].getEnd();
  const end = index === 0 && call.arguments.length > 1 ? call.arguments[1].getStart(sourceFile) : argument.getEnd();
  return reviewedFix(title, [{ file: sourceFile.fileName, start, end, newText: "" }]);
}

/** A log4js file appender → `{ type: "stdout" }`, keeping its `layout`. */
export function log4jsStdoutFix(appender: ts.ObjectLiteralExpression, typeNode: ts.Node | undefined): Fix {
  const kept = keptProperties(appender, (name) => name === "layout");
  return reviewedFix('Use a log4js "stdout" appender', [replaceNode(appender, `{ ${[`type: ${quoted("stdout", typeNode)}`, ...kept].join(", ")} }`)]);
}

/** A bunyan file stream → `{ stream: process.stdout }`, keeping its `level`. */
export function bunyanStdoutFix(stream: ts.ObjectLiteralExpression): Fix {
  const kept = keptProperties(stream, (name) => name === "level");
  return reviewedFix("Log to process.stdout", [replaceNode(stream, `{ ${[...kept, "stream: process.stdout"].join(", ")} }`)]);
}
