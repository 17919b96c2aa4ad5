import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import { staticName } from "../../engine/semantics/syntax";
import type { Fix } from "../../engine/types";
import { replaceNode, reviewedFix, singleLineText } from "../shared/edits";
import { findBinding } from "../shared/moduleBindings";
import { refIs, refOf } from "../shared/moduleRefs";
import type { OptionSite } from "../shared/options";

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
 * path the user wrote; a bare `new DailyRotateFile(...)` needs a winston binding in scope.
 */
export function winstonConsoleFix(context: RuleContext, transport: ts.NewExpression): Fix | undefined {
  const callee = transport.expression;
  let constructor: string | undefined;
  if (ts.isPropertyAccessExpression(callee) && refIs(refOf(context.semantics, callee.expression), "winston", ["transports"])) {
    const owner = singleLineText(callee.expression);
    if (owner) constructor = `${owner}.Console`;
  } else {
    const binding = findBinding(context.semantics, transport, [
      { module: "winston", path: ["transports"] },
      { module: "winston", path: [] },
    ]);
    if (binding) constructor = binding.ref.path.length > 0 ? `${binding.name}.Console` : `${binding.name}.transports.Console`;
  }
  if (!constructor) return undefined;
  const options = transport.arguments?.[0];
  const kept = options && ts.isObjectLiteralExpression(options) ? keptProperties(options, (name) => WINSTON_COMMON_OPTIONS.has(name)) : [];
  const args = kept.length > 0 ? `{ ${kept.join(", ")} }` : "";
  return reviewedFix("Log to stdout (winston.transports.Console)", [replaceNode(transport, `new ${constructor}(${args})`)]);
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
