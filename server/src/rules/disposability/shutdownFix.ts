import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import type { Fix, TextEdit } from "../../engine/types";
import { refOf } from "../shared/moduleRefs";
import { NODE_SERVER_FACTORIES, PROMISE_CLOSERS } from "./data/shutdown";
import type { PortBinding } from "./shutdownScan";

/** Names tried, in order, when the fix has to keep `app.listen()`'s result. */
const SERVER_NAMES = ["server", "httpServer", "appServer"];

interface Holder {
  statement: ts.Statement;
  /** `const server = app.listen(...)`: the name already holding the result. */
  storedAs?: string;
}

/** The statement the call is the whole value of: `app.listen(...);` or `const s = await app.listen(...);`. */
function holderOf(call: ts.CallExpression): Holder | undefined {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isExpressionStatement(parent)) return { statement: parent };
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== node || !ts.isIdentifier(parent.name)) return undefined;
  const list = parent.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(list.parent)) return undefined;
  return { statement: list.parent, storedAs: parent.name.text };
}

/** A statement list where a new statement (and a new `const`) may go. */
function inStatementList(statement: ts.Statement): boolean {
  const parent = statement.parent;
  return ts.isSourceFile(parent) || ts.isBlock(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent);
}

/** `app` or `this.app`: a receiver the handler can name again. */
function simpleName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) return `this.${node.name.text}`;
  return undefined;
}

/** Whether the receiver is a node `http.Server` (whose `listen()` returns itself). */
function isNodeServer(context: RuleContext, receiver: ts.Expression): boolean {
  const value = skipOuterExpressions(context.semantics.resolve(receiver).node);
  if (!ts.isCallExpression(value) && !ts.isNewExpression(value)) return false;
  const callee = skipOuterExpressions(value.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && NODE_SERVER_FACTORIES.has(name);
}

/** Where the handler goes: after the statement, or after a `// comment` that ends its line. */
function insertionPoint(text: string, statementEnd: number): number {
  const lineEnd = text.slice(statementEnd).search(/\r?\n/);
  const rest = lineEnd < 0 ? text.slice(statementEnd) : text.slice(statementEnd, statementEnd + lineEnd);
  return /^\s*(\/\/.*)?$/.test(rest) ? statementEnd + rest.length : statementEnd;
}

function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? "";
}

/** How the handler closes the server, and any edit needed to name it; undefined when it cannot be named. */
function closing(context: RuleContext, binding: PortBinding, holder: Holder): { close: string; edits: TextEdit[] } | undefined {
  const callee = skipOuterExpressions(binding.call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  const receiverName = simpleName(receiver);
  const exit = "() => process.exit(0)";
  if (binding.kind === "hapi") return receiverName ? { close: `${receiverName}.stop().then(${exit});`, edits: [] } : undefined;
  // Fastify and Nest resolve `listen()` to an address: the application itself closes.
  const module = refOf(context.semantics, receiver)?.module;
  if (module !== undefined && PROMISE_CLOSERS.has(module)) return receiverName ? { close: `${receiverName}.close().then(${exit});`, edits: [] } : undefined;
  let server = holder.storedAs ?? (receiverName && isNodeServer(context, receiver) ? receiverName : undefined);
  const edits: TextEdit[] = [];
  if (server === undefined) {
    // Express and Koa return the http.Server from `listen()`: keep it to close it.
    server = SERVER_NAMES.find((name) => !new RegExp(`\\b${name}\\b`).test(context.text));
    if (server === undefined) return undefined;
    const start = holder.statement.getStart(context.sourceFile);
    edits.push({ file: context.file, start, end: start, newText: `const ${server} = ` });
  }
  return { close: `${server}.close(${exit});`, edits };
}

/** Adds `process.on("SIGTERM", ...)` right after the statement that binds the port. */
export function shutdownFix(context: RuleContext, binding: PortBinding): Fix | undefined {
  if (binding.kind === "Bun.serve" || binding.kind === "Deno.serve") return undefined;
  const holder = holderOf(binding.call);
  if (!holder || !inStatementList(holder.statement)) return undefined;
  const how = closing(context, binding, holder);
  if (!how) return undefined;
  const { text } = context;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = indentAt(text, holder.statement.getStart(context.sourceFile));
  const at = insertionPoint(text, holder.statement.getEnd());
  const handler = `${eol}${indent}process.on("SIGTERM", () => { ${how.close} });`;
  return {
    title: "Close the server on SIGTERM",
    // Exiting on SIGTERM changes how the process ends; someone should look at it.
    safe: false,
    edits: [...how.edits, { file: context.file, start: at, end: at, newText: handler }],
    creates: [],
  };
}
