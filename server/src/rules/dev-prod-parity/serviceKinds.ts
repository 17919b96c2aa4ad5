import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions, staticName } from "../../engine/semantics/syntax";
import { CLIENT_MEMBERS, CLIENT_MODULES, CONSOLE_MAIL_OPTIONS, ENGINE_NAMES, ENGINE_OPTIONS, SERVICE_SCHEMES, schemeOf, type ServiceKind } from "../shared/backingServices";
import { refIs, refOf } from "../shared/moduleRefs";
import { objectOf } from "../shared/options";
import { isMapStoreClass } from "./mapStores";

/** Nodes looked at per side: a branch holding a whole module is not worth more. */
const MAX_NODES = 5000;
const MAX_RESOLVE_DEPTH = 2;

/**
 * Where a value is chosen rather than used: a side of the branch itself, an initializer, the
 * right of an assignment, a return. `new Map()` or a console function count as a service only
 * there, since elsewhere they are ordinary data structures and logging.
 */
function isChosenValue(node: ts.Node, sides: ReadonlySet<ts.Node>): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent))) {
    child = parent;
    parent = parent.parent;
  }
  if (sides.has(child)) return true;
  if (!parent) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === child) return true;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) return true;
  return ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child);
}

function isConsole(expression: ts.Expression): boolean {
  let node = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(node)) node = skipOuterExpressions(node.expression);
  return ts.isIdentifier(node) && node.text === "console" && !findDeclaration(node);
}

/** `console.log`, or a function whose body only calls console methods: a mailer that prints. */
function isConsoleFunction(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) return isConsole(node);
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const body = node.body;
  const calls = ts.isBlock(body) ? body.statements.map((statement) => (ts.isExpressionStatement(statement) ? statement.expression : undefined)) : [body];
  return calls.length > 0 && calls.every((call) => call !== undefined && ts.isCallExpression(skipOuterExpressions(call)) && isConsole((skipOuterExpressions(call) as ts.CallExpression).expression));
}

function engineOf(semantics: Semantics, expression: ts.Expression): ServiceKind | undefined {
  const value = semantics.valueOf(expression);
  return value.kind === "literal" && typeof value.value === "string" && Object.hasOwn(ENGINE_NAMES, value.value) ? ENGINE_NAMES[value.value] : undefined;
}

/** nodemailer's transport options decide whether mail is delivered or printed. */
function mailTransportKind(semantics: Semantics, options: ts.Expression | undefined): ServiceKind | undefined {
  const object = objectOf(semantics, options);
  if (!object) return options ? "smtp" : undefined;
  for (const property of object.properties) {
    const name = staticName(property.name);
    if (name === undefined || !ts.isPropertyAssignment(property)) continue;
    const value = semantics.valueOf(property.initializer);
    if (CONSOLE_MAIL_OPTIONS.includes(name) && value.kind === "literal" && value.value === true) return "console-mail";
    if (name === "SES") return "mail-api";
  }
  return "smtp";
}

/** The kinds of backing service a branch side sets up, each with the node that says so. */
export class KindCollector {
  readonly kinds = new Map<ServiceKind, ts.Node>();
  private visited = 0;
  private readonly seen = new Set<ts.Node>();

  constructor(
    private readonly semantics: Semantics,
    private readonly sides: ReadonlySet<ts.Node>,
  ) {}

  private add(kind: ServiceKind | undefined, node: ts.Node): void {
    if (kind && !this.kinds.has(kind)) this.kinds.set(kind, node);
  }

  private callKind(node: ts.CallExpression | ts.NewExpression): ServiceKind | undefined {
    const ref = refOf(this.semantics, node.expression);
    if (ref) {
      const member = CLIENT_MEMBERS.find((row) => refIs(ref, row.module, row.path));
      if (member) return member.kind;
      if (ts.isCallExpression(node) && isMailTransport(this.semantics, node)) return mailTransportKind(this.semantics, node.arguments[0]);
      if (Object.hasOwn(CLIENT_MODULES, ref.module)) return CLIENT_MODULES[ref.module];
      return undefined;
    }
    const callee = skipOuterExpressions(node.expression);
    if (!ts.isNewExpression(node) || !isChosenValue(node, this.sides)) return undefined;
    if (ts.isIdentifier(callee) && callee.text === "Map" && !findDeclaration(callee)) return "memory";
    // `new SessionCache()`: a class of the project that keeps entries in a Map.
    const owner = this.semantics.classOf(callee);
    return owner && isMapStoreClass(owner) ? "memory" : undefined;
  }

  visit(node: ts.Node, depth = 0): void {
    if (this.visited++ > MAX_NODES || this.seen.has(node)) return;
    this.seen.add(node);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      this.add(this.callKind(node), node);
      // Options passed by name (`new Sequelize(devConfig)`) say which engine.
      for (const argument of node.arguments ?? []) if (ts.isIdentifier(argument)) this.follow(argument, depth);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !/\s/.test(node.text)) {
      const scheme = schemeOf(node.text);
      if (scheme && (node.text.includes("://") || scheme === "sqlite")) this.add(SERVICE_SCHEMES[scheme].kind, node);
    } else if (ts.isPropertyAssignment(node) && ENGINE_OPTIONS.includes(staticName(node.name) ?? "")) {
      this.add(engineOf(this.semantics, node.initializer), node);
    } else if ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && isChosenValue(node, this.sides)) {
      if (isConsoleFunction(node)) this.add("console-mail", node);
      else this.follow(node, depth);
    } else if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && isChosenValue(node, this.sides) && isConsoleFunction(node)) {
      this.add("console-mail", node);
    }
    ts.forEachChild(node, (child) => this.visit(child, depth));
  }

  /** A chosen name (`isProd ? pgPool : sqliteDb`) stands for what it is bound to, here or in another file. */
  private follow(expression: ts.Expression, depth: number): void {
    if (depth >= MAX_RESOLVE_DEPTH) return;
    const resolved = skipOuterExpressions(this.semantics.resolve(expression).node);
    if (resolved !== skipOuterExpressions(expression)) this.visit(resolved, depth + 1);
  }
}

function isMailTransport(semantics: Semantics, call: ts.CallExpression): boolean {
  const ref = refOf(semantics, call.expression);
  return ref?.module === "nodemailer" && ref.path.at(-1) === "createTransport";
}

/**
 * A side that is not a service by itself but says which one where the branch sits: an engine
 * name (`dialect: isProd ? "postgres" : "sqlite"`) or transport options
 * (`createTransport(isProd ? { host } : { jsonTransport: true })`).
 */
export function choiceAtBranch(semantics: Semantics, branch: ts.Node, side: ts.Node): ServiceKind | undefined {
  if (!ts.isExpression(side)) return undefined;
  let child = branch;
  let holder = branch.parent;
  while (holder && ts.isParenthesizedExpression(holder)) {
    child = holder;
    holder = holder.parent;
  }
  if (!holder) return undefined;
  if (ts.isPropertyAssignment(holder) && ENGINE_OPTIONS.includes(staticName(holder.name) ?? "")) return engineOf(semantics, side);
  if (ts.isCallExpression(holder) && holder.arguments[0] === child && isMailTransport(semantics, holder)) return mailTransportKind(semantics, side);
  return undefined;
}
