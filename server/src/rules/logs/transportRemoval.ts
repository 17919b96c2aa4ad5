import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import type { Fix, TextEdit } from "../../engine/types";
import { reviewedFix } from "../shared/edits";
import { describingCommentStart, statementLines, wholeLines, type Span } from "../shared/lineRemoval";
import { refIs, refOf } from "../shared/moduleRefs";
import { importsLeftUnused } from "../shared/unusedImports";

export const REMOVE_TITLE = "Remove the file transport (the Console transport already logs to stdout)";

function isConsoleTransport(context: RuleContext, node: ts.Node): boolean {
  const expression = ts.isExpression(node) ? skipOuterExpressions(node) : node;
  return ts.isNewExpression(expression) && refIs(refOf(context.semantics, expression.expression), "winston", ["transports", "Console"]);
}

/** Per array: a generated list of thousands of file transports is scanned once, not once per element. */
const consoleLists = new WeakMap<ts.ArrayLiteralExpression, boolean>();

function listHasConsole(context: RuleContext, list: ts.ArrayLiteralExpression): boolean {
  let has = consoleLists.get(list);
  if (has === undefined) {
    has = list.elements.some((element) => isConsoleTransport(context, element));
    consoleLists.set(list, has);
  }
  return has;
}

/** `transports: [...]` or `transports: new Console()` of a `winston.createLogger(options)` call. */
function hasConsoleOption(context: RuleContext, call: ts.Expression): boolean {
  const created = skipOuterExpressions(call);
  if (!ts.isCallExpression(created) || !refIs(refOf(context.semantics, created.expression), "winston", ["createLogger"])) return false;
  const options = created.arguments[0];
  const transports = options && context.semantics.property(options, "transports")?.node;
  if (!transports) return false;
  const value = skipOuterExpressions(transports);
  return ts.isArrayLiteralExpression(value) ? listHasConsole(context, value) : isConsoleTransport(context, value);
}

/** The logger an `x.add(...)` call adds to: its declaration, or the winston module for the default logger. */
function loggerOf(context: RuleContext, receiver: ts.Expression): ts.Node | "winston" | undefined {
  const expression = skipOuterExpressions(receiver);
  if (refIs(refOf(context.semantics, expression), "winston", [])) return "winston";
  return ts.isIdentifier(expression) ? findDeclaration(expression) : undefined;
}

/** `logger.add(transport);` standing as a statement of its own. */
function addStatement(transport: ts.Node): { statement: ts.ExpressionStatement; receiver: ts.Expression } | undefined {
  const call = transport.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== transport) return undefined;
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "add") return undefined;
  const statement = call.parent;
  return statement && ts.isExpressionStatement(statement) ? { statement, receiver: call.expression.expression } : undefined;
}

/** Per file, the `x.add(new Console())` statements and the logger each adds to: one walk, however many file transports ask. */
const consoleAddsByFile = new WeakMap<ts.SourceFile, { statement: ts.Statement; logger: ts.Node | "winston" }[]>();

function consoleAdds(context: RuleContext): { statement: ts.Statement; logger: ts.Node | "winston" }[] {
  const cached = consoleAddsByFile.get(context.sourceFile);
  if (cached) return cached;
  const adds: { statement: ts.Statement; logger: ts.Node | "winston" }[] = [];
  // An explicit stack: generated code can nest deeper than the call stack allows.
  const stack: ts.Node[] = [context.sourceFile];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
      const call = node.expression;
      const added = call.arguments[0];
      if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "add" && added && isConsoleTransport(context, added)) {
        const logger = loggerOf(context, call.expression.expression);
        if (logger) adds.push({ statement: node, logger });
      }
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  consoleAddsByFile.set(context.sourceFile, adds);
  return adds;
}

/** Whether the logger `logger.add(file)` adds to already writes to a Console transport (in its options or another `add`). */
function loggerHasConsole(context: RuleContext, receiver: ts.Expression, except: ts.Statement): boolean {
  const logger = loggerOf(context, receiver);
  if (!logger) return false;
  if (logger !== "winston" && ts.isVariableDeclaration(logger) && logger.initializer && hasConsoleOption(context, logger.initializer)) return true;
  return consoleAdds(context).some((add) => add.logger === logger && add.statement !== except);
}

/** `[a, file]`: the element with its describing comment and separator, on its own lines or inline. */
function elementRemoval(sourceFile: ts.SourceFile, list: ts.ArrayLiteralExpression, index: number): TextEdit[] {
  const text = sourceFile.text;
  const elements = list.elements;
  const element = elements[index];
  const file = sourceFile.fileName;
  const lines = wholeLines(text, describingCommentStart(sourceFile, element), element.getEnd(), ",");
  if (lines) {
    const edits: TextEdit[] = [{ file, ...lines, newText: "" }];
    // The last element went, and the list had no trailing comma: the one before it must go too.
    if (index === elements.length - 1 && !elements.hasTrailingComma && index > 0) {
      const after = elements[index - 1].getEnd();
      const comma = after + (/^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/.exec(text.slice(after))?.[0].length ?? 0);
      if (text[comma] === ",") edits.unshift({ file, start: comma, end: comma + 1, newText: "" });
    }
    return edits;
  }
  if (index > 0) return [{ file, start: elements[index - 1].getEnd(), end: element.getEnd(), newText: "" }];
  return [{ file, start: element.getStart(sourceFile), end: elements[1].getStart(sourceFile), newText: "" }];
}

/**
 * When the logger already has a Console transport, replacing its file transport by another one
 * would print every line twice: the file transport goes instead, with the comment that described
 * it and the imports only it used (`path` for its file name). `undefined` when no Console is in
 * sight or the transport cannot be removed cleanly.
 */
export function removeFileTransportFix(context: RuleContext, transport: ts.NewExpression): Fix | undefined {
  const sourceFile = context.sourceFile;
  if (transport.getSourceFile() !== sourceFile) return undefined;
  let edits: TextEdit[] | undefined;
  const list = transport.parent;
  // `transport` is a file transport, so a Console in its list is another element.
  if (list && ts.isArrayLiteralExpression(list) && listHasConsole(context, list)) {
    edits = elementRemoval(sourceFile, list, list.elements.indexOf(transport));
  } else {
    const added = addStatement(transport);
    if (!added || !loggerHasConsole(context, added.receiver, added.statement)) return undefined;
    const lines = statementLines(sourceFile, added.statement, describingCommentStart(sourceFile, added.statement));
    if (!lines) return undefined;
    edits = [{ file: sourceFile.fileName, ...lines, newText: "" }];
  }
  const removed: Span = { start: transport.getStart(sourceFile), end: transport.getEnd() };
  const imports = importsLeftUnused(sourceFile, [removed]);
  return reviewedFix(REMOVE_TITLE, [...imports, ...edits].sort((a, b) => a.start - b.start));
}
