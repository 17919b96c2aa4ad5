import ts from "typescript";
import { scriptKindOf } from "../../engine/sourceKinds";
import { dynamicImportedModule, normalizeModule, requiredModule, skipOuterExpressions } from "../../engine/semantics/syntax";
import { HAPI_FACTORIES, HAPI_MODULES, SHUTDOWN_HOOK_METHODS, SHUTDOWN_LIBRARIES, SHUTDOWN_SIGNALS, SIGNAL_METHODS } from "./data/shutdown";

/**
 * A purely syntactic look at one file: does it bind a port, does it handle shutdown? The same scan
 * runs on the file under analysis (fed by the engine's walk) and, as a cached project fact, on
 * every other source of the project, so both always agree on what counts.
 */
export interface PortBinding {
  call: ts.CallExpression;
  kind: "listen" | "Bun.serve" | "Deno.serve" | "hapi";
}

export interface ShutdownFacts {
  binds: boolean;
  handles: boolean;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Files whose text cannot bind a port (no `.listen(`, `Bun.serve(`, Hapi import) are never parsed for it. */
export const BINDING_HINT = /\.\s*listen\s*\(|\b(?:Bun|Deno)\s*\??\.\s*serve\s*\(|(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`](?:@hapi\/hapi|hapi)["'`]/;
/** Files whose text mentions neither a signal nor a shutdown library or hook cannot handle shutdown. */
export const HANDLER_HINT = new RegExp([...SHUTDOWN_SIGNALS, ...SHUTDOWN_HOOK_METHODS, ...SHUTDOWN_LIBRARIES.map((name) => `["'\`]${escape(name)}["'\`]`)].join("|"));

const isProcess = (node: ts.Expression): boolean => {
  const target = skipOuterExpressions(node);
  if (ts.isIdentifier(target)) return target.text === "process";
  // `globalThis.process.on(...)`, `global.process.on(...)`
  return ts.isPropertyAccessExpression(target) && target.name.text === "process" && ts.isIdentifier(target.expression) && /^(globalThis|global)$/.test(target.expression.text);
};

const signalText = (node: ts.Node): string | undefined => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined);

export class ShutdownScan {
  private readonly candidates: PortBinding[] = [];
  private readonly hapiStarts: Array<{ call: ts.CallExpression; receiver: string }> = [];
  private readonly hapiServers = new Set<string>();
  private hapiImported = false;
  /** A signal name written somewhere in the file, for `signals.forEach((s) => process.on(s, ...))`. */
  private signalWritten = false;
  private indirectHandler = false;
  private handler = false;

  /** Feed every call, import, variable declaration and string literal of the file (any order). */
  visit(node: ts.Node): void {
    if (ts.isCallExpression(node)) this.visitCall(node);
    else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) this.visitImport(node.moduleSpecifier.text, node.importClause?.isTypeOnly === true);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      this.visitImport(node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) this.visitDeclaration(node.name.text, node.initializer);
    else if (signalText(node) !== undefined && SHUTDOWN_SIGNALS.has(signalText(node) ?? "")) this.signalWritten = true;
  }

  private visitImport(specifier: string, typeOnly: boolean): void {
    if (typeOnly) return;
    const module = normalizeModule(specifier);
    if (SHUTDOWN_LIBRARIES.includes(module)) this.handler = true;
    if (HAPI_MODULES.has(module)) this.hapiImported = true;
  }

  private visitDeclaration(name: string, initializer: ts.Expression): void {
    let value = skipOuterExpressions(initializer);
    if (ts.isAwaitExpression(value)) value = skipOuterExpressions(value.expression);
    if (!ts.isCallExpression(value) && !ts.isNewExpression(value)) return;
    const callee = skipOuterExpressions(value.expression);
    const factory = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (factory !== undefined && HAPI_FACTORIES.has(factory)) this.hapiServers.add(name);
  }

  private visitCall(call: ts.CallExpression): void {
    const module = requiredModule(call) ?? dynamicImportedModule(call);
    if (module !== undefined) this.visitImport(module, false);
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const receiver = skipOuterExpressions(callee.expression);
    if (SIGNAL_METHODS.has(method) && isProcess(receiver) && call.arguments.length >= 2) {
      const signal = signalText(skipOuterExpressions(call.arguments[0]));
      if (signal === undefined) this.indirectHandler = true;
      else if (SHUTDOWN_SIGNALS.has(signal)) this.handler = true;
    } else if (SHUTDOWN_HOOK_METHODS.has(method)) {
      this.handler = true;
    } else if (method === "listen") {
      this.candidates.push({ call, kind: "listen" });
    } else if (method === "serve" && ts.isIdentifier(receiver) && (receiver.text === "Bun" || receiver.text === "Deno")) {
      this.candidates.push({ call, kind: receiver.text === "Bun" ? "Bun.serve" : "Deno.serve" });
    } else if (method === "start" && ts.isIdentifier(receiver)) {
      this.hapiStarts.push({ call, receiver: receiver.text });
    }
  }

  /** The file's port-binding calls, in source order. */
  bindings(): PortBinding[] {
    const hapi = this.hapiImported ? this.hapiStarts.filter((start) => this.hapiServers.has(start.receiver)).map(({ call }) => ({ call, kind: "hapi" as const })) : [];
    return [...this.candidates, ...hapi].sort((a, b) => a.call.pos - b.call.pos);
  }

  /** A SIGTERM/SIGINT handler, a shutdown library, or a framework's shutdown hook. */
  handlesShutdown(): boolean {
    // `process.on(signal, ...)` with the signal in a variable counts when the file names one.
    return this.handler || (this.indirectHandler && this.signalWritten);
  }
}

function visitAll(scan: ShutdownScan, node: ts.Node): void {
  scan.visit(node);
  ts.forEachChild(node, (child) => visitAll(scan, child));
}

/** The project fact of one file, from its text: parsed only when the text could hold either answer. */
export function shutdownFactsOf(text: string, file: string): ShutdownFacts {
  const mayBind = BINDING_HINT.test(text);
  const mayHandle = HANDLER_HINT.test(text);
  const kind = scriptKindOf(file);
  if ((!mayBind && !mayHandle) || kind === undefined) return { binds: false, handles: false };
  const scan = new ShutdownScan();
  try {
    const sourceFile = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, kind);
    visitAll(scan, sourceFile);
  } catch {
    // Pathological nesting overflows the parser: such a file can neither bind nor handle.
    return { binds: false, handles: false };
  }
  return { binds: mayBind && scan.bindings().length > 0, handles: mayHandle && scan.handlesShutdown() };
}
