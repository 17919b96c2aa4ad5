import ts from "typescript";
import type { ParseCache } from "../parseCache";
import type { ProjectModel } from "../project";
import { exportTable } from "./exports";
import type { ModuleResolver } from "./moduleResolution";
import { findDeclaration, isConstantBinding, isReassigned, linkSubtree, lookupName, type Declaration } from "./scopes";
import { containingClass, containingFunction, dynamicImportedModule, normalizeModule, requiredModule, skipOuterExpressions, staticName } from "./syntax";
import type { LiteralValue, ModuleRef } from "./types";

/** Where following an expression ends. */
export type Target =
  | { kind: "node"; node: ts.Expression }
  /** `process.env`, `import.meta.env`, `Bun.env` themselves. */
  | { kind: "envObject" }
  | { kind: "env"; name?: string; fallback?: ts.Expression }
  /** A binding to an npm package (or builtin) member. */
  | { kind: "module"; ref: ModuleRef }
  /** A project file's namespace (`import * as cfg from "./config"`, `require("./config")`). */
  | { kind: "namespace"; sourceFile: ts.SourceFile }
  | { kind: "unknown" };

const MAX_DEPTH = 30;
const UNKNOWN: Target = { kind: "unknown" };
const DECORATE_CALL = /\.decorate\s*\(\s*["'`]([\w$]+)["'`]/g;

/**
 * A call being followed into its function: its parameters stand for the call's arguments, and
 * inside a method of a known instance `this.x` stands for what the constructor stored there.
 */
export interface CallFrame {
  fn: ts.SignatureDeclaration;
  args: readonly ts.Expression[];
  /** Indexes of the arguments that a followed value came through. */
  used: Set<number>;
  /** `new C(...)` that made the instance a method runs on (or the constructor's own call). */
  instance?: ts.NewExpression;
  /** Set when a followed value came through what the constructor stored on the instance. */
  instanceUsed?: boolean;
}

/**
 * Follows names to what they stand for: constants to their initializers, destructuring and
 * property reads into object literals, imports into other project files (re-exports, `export *`
 * barrels and CommonJS `module.exports` included) and package imports to a ModuleRef.
 */
export class Resolver {
  /** Calls being followed, innermost last; empty outside a `withFrame` (the common case). */
  private frames: CallFrame[] = [];

  /** True while a call is followed: answers then depend on that call's arguments. */
  get followingACall(): boolean {
    return this.frames.length > 0;
  }

  constructor(
    private readonly project: ProjectModel,
    private readonly parseCache: ParseCache,
    private readonly modules: ModuleResolver,
  ) {}

  resolve(expression: ts.Expression, depth = 0): Target {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) return this.resolveIdentifier(node, depth);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = ts.isPropertyAccessExpression(node) ? node.name.text : staticName(skipOuterExpressions(node.argumentExpression));
      if (name === undefined) return { kind: "node", node };
      if (name === "env" && this.isEnvHolder(node.expression, depth)) return { kind: "envObject" };
      const base = this.resolve(node.expression, depth + 1);
      const member = this.member(base, name, depth + 1);
      return member.kind === "unknown" ? { kind: "node", node } : member;
    }
    if (ts.isCallExpression(node)) {
      const required = requiredModule(node);
      if (required !== undefined) return this.moduleTarget(required, node.getSourceFile(), [], depth);
      const denoEnv = this.denoEnvGet(node);
      if (denoEnv) return denoEnv;
    }
    const imported = ts.isAwaitExpression(node) || ts.isCallExpression(node) ? dynamicImportedModule(node) : undefined;
    if (imported !== undefined) return this.moduleTarget(imported, node.getSourceFile(), [], depth);
    return { kind: "node", node };
  }

  /** Runs `evaluate` with `frame`'s parameters bound to its arguments. */
  withFrame<T>(frame: CallFrame, evaluate: () => T): T {
    const saved = this.frames;
    this.frames = [...saved, frame];
    try {
      return evaluate();
    } finally {
      this.frames = saved;
    }
  }

  /** Evaluates `run` as seen from the frame below `index` (where the call's arguments are written). */
  private inCaller<T>(index: number, run: () => T): T {
    const saved = this.frames;
    this.frames = saved.slice(0, index);
    try {
      return run();
    } finally {
      this.frames = saved;
    }
  }

  /** A parameter of a function being followed: the argument the call passes, resolved where it is written. */
  private parameterTarget(parameter: ts.ParameterDeclaration, depth: number): Target {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i];
      if (parameter.parent !== frame.fn) continue;
      const index = frame.fn.parameters.indexOf(parameter);
      if (parameter.dotDotDotToken || frame.args.slice(0, index + 1).some((arg) => ts.isSpreadElement(arg))) return UNKNOWN;
      const argument = frame.args[index];
      if (!argument) return UNKNOWN;
      if (ts.isIdentifier(parameter.name) && isReassigned(parameter.getSourceFile(), parameter.name.text)) return UNKNOWN;
      frame.used.add(index);
      return this.inCaller(i, () => this.resolve(argument, depth + 1));
    }
    return UNKNOWN;
  }

  /** `this.name` inside a method of a known instance: what its constructor (or field) stores there. */
  private thisMember(thisNode: ts.Node, name: string, depth: number): Target {
    const owner = containingClass(thisNode);
    if (!owner) return UNKNOWN;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const instance = this.frames[i].instance;
      if (!instance || !this.constructs(instance, owner)) continue;
      const stored = storedOnThis(owner, name);
      if (!stored) return UNKNOWN;
      const frame = this.frames[i];
      const constructor = ts.isParameter(stored) ? stored.parent : containingFunction(stored);
      if (!constructor || !ts.isConstructorDeclaration(constructor)) return ts.isParameter(stored) ? UNKNOWN : this.resolve(stored, depth + 1);
      const constructorFrame: CallFrame = { fn: constructor, args: instance.arguments ?? [], used: new Set(), instance };
      const target = this.inCaller(i, () => this.withFrame(constructorFrame, () => (ts.isParameter(stored) ? this.parameterTarget(stored, depth + 1) : this.resolve(stored, depth + 1))));
      if (constructorFrame.used.size > 0) frame.instanceUsed = true;
      return target;
    }
    return UNKNOWN;
  }

  /** Whether `instance` is `new` of `owner` (the class declaration or expression itself). */
  private constructs(instance: ts.NewExpression, owner: ts.ClassLikeDeclaration): boolean {
    const callee = skipOuterExpressions(instance.expression);
    if (!ts.isIdentifier(callee)) return false;
    return owner.name?.text === callee.text;
  }

  /** A declaration below the node being checked may not be linked yet by the analyzer's walk. */
  private ensureLinked(node: ts.Node, parent: ts.Node): void {
    if (node.parent) return;
    (node as { parent: ts.Node }).parent = parent;
    linkSubtree(node);
  }

  /** A member of whatever `base` is: an object literal's property, a module member, an export. */
  member(base: Target, name: string, depth: number): Target {
    if (depth > MAX_DEPTH) return UNKNOWN;
    switch (base.kind) {
      case "envObject":
        return { kind: "env", name };
      case "module":
        // `ns.default` of a namespace import is the default export: the module itself, as a default import is.
        if (name === "default" && base.ref.path.length === 0) return base;
        return { kind: "module", ref: { module: base.ref.module, path: [...base.ref.path, name] } };
      case "namespace":
        return this.exported(base.sourceFile, name, depth + 1);
      case "node":
        if (base.node.kind === ts.SyntaxKind.ThisKeyword && this.frames.length > 0) return this.thisMember(base.node, name, depth + 1);
        return ts.isObjectLiteralExpression(base.node) ? this.objectProperty(base.node, name, depth + 1) : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  private objectProperty(object: ts.ObjectLiteralExpression, name: string, depth: number): Target {
    // Later properties win, as at run time; a spread may supply the name.
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const property = object.properties[i];
      if (ts.isPropertyAssignment(property) && staticName(property.name) === name) return this.resolve(property.initializer, depth + 1);
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return this.resolveIdentifier(property.name, depth + 1);
      if (ts.isSpreadAssignment(property)) {
        const fromSpread = this.member(this.resolve(property.expression, depth + 1), name, depth + 1);
        if (fromSpread.kind !== "unknown") return fromSpread;
      }
      if ((ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property)) && staticName(property.name) === name) return UNKNOWN;
    }
    return UNKNOWN;
  }

  private resolveIdentifier(identifier: ts.Identifier, depth: number): Target {
    const declaration = ts.isShorthandPropertyAssignment(identifier.parent)
      ? lookupName(identifier.text, identifier.parent.parent)
      : findDeclaration(identifier);
    if (!declaration) return { kind: "node", node: identifier };
    const resolved = this.fromDeclaration(declaration, identifier.text, depth + 1);
    return resolved.kind === "unknown" ? { kind: "node", node: identifier } : resolved;
  }

  fromDeclaration(declaration: Declaration, name: string, depth: number): Target {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const sourceFile = declaration.getSourceFile();
    if (ts.isVariableDeclaration(declaration)) {
      if (!declaration.initializer || !isConstantBinding(declaration, name)) return UNKNOWN;
      this.ensureLinked(declaration.initializer, declaration);
      return this.resolve(declaration.initializer, depth + 1);
    }
    if (ts.isBindingElement(declaration)) return this.fromBindingElement(declaration, name, depth);
    if (ts.isParameter(declaration)) return this.frames.length > 0 ? this.parameterTarget(declaration, depth) : UNKNOWN;
    if (ts.isImportClause(declaration)) return this.importTarget(declaration.parent, "default", depth);
    if (ts.isNamespaceImport(declaration)) return this.importTarget(declaration.parent.parent, "*", depth);
    if (ts.isImportSpecifier(declaration)) {
      return this.importTarget(declaration.parent.parent.parent, (declaration.propertyName ?? declaration.name).text, depth);
    }
    if (ts.isImportEqualsDeclaration(declaration)) {
      const reference = declaration.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
        return this.moduleTarget(reference.expression.text, sourceFile, [], depth);
      }
    }
    return UNKNOWN;
  }

  private fromBindingElement(element: ts.BindingElement, name: string, depth: number): Target {
    const pattern = element.parent;
    if (!ts.isObjectBindingPattern(pattern)) return UNKNOWN;
    const key = element.propertyName ? staticName(element.propertyName) : name;
    if (key === undefined) return UNKNOWN;
    const holder = pattern.parent;
    let base: Target = UNKNOWN;
    if (ts.isVariableDeclaration(holder)) {
      if (!holder.initializer || !isConstantBinding(element, name)) return UNKNOWN;
      this.ensureLinked(holder.initializer, holder);
      if (element.initializer) this.ensureLinked(element.initializer, element);
      base = this.resolve(holder.initializer, depth + 1);
    } else if (ts.isBindingElement(holder) && ts.isIdentifier(holder.name) === false) {
      const outerKey = holder.propertyName ? staticName(holder.propertyName) : undefined;
      const outer = holder.parent.parent;
      if (outerKey === undefined || !ts.isVariableDeclaration(outer) || !outer.initializer) return UNKNOWN;
      base = this.member(this.resolve(outer.initializer, depth + 1), outerKey, depth + 1);
    } else if (ts.isParameter(holder) && this.frames.length > 0) {
      // `function start({ port }) {…}` called as `start({ port: 8080 })`.
      if (isReassigned(element.getSourceFile(), name)) return UNKNOWN;
      base = this.parameterTarget(holder, depth + 1);
    }
    const value = this.member(base, key, depth + 1);
    if (value.kind === "env" && element.initializer) return { ...value, fallback: element.initializer };
    if (value.kind === "unknown" && element.initializer) return this.resolve(element.initializer, depth + 1);
    return value;
  }

  private importTarget(declaration: ts.ImportDeclaration | ts.JSDocImportTag, importedName: string, depth: number): Target {
    if (!ts.isImportDeclaration(declaration) || !ts.isStringLiteral(declaration.moduleSpecifier)) return UNKNOWN;
    const path = importedName === "default" || importedName === "*" ? [] : [importedName];
    const specifier = declaration.moduleSpecifier.text;
    const file = this.projectFile(specifier, declaration.getSourceFile());
    if (!file) return this.moduleTarget(specifier, declaration.getSourceFile(), path, depth);
    if (importedName === "*") return { kind: "namespace", sourceFile: file };
    return this.exported(file, importedName, depth + 1);
  }

  private moduleTarget(specifier: string, from: ts.SourceFile, path: string[], depth: number): Target {
    const file = this.projectFile(specifier, from);
    if (file) {
      if (path.length === 0) return { kind: "namespace", sourceFile: file };
      return this.exported(file, path[0], depth + 1);
    }
    return { kind: "module", ref: { module: normalizeModule(specifier), path } };
  }

  /** The parsed project file a specifier names, when it is one (not a package). */
  projectFile(specifier: string, from: ts.SourceFile): ts.SourceFile | undefined {
    const file = this.modules.resolve(specifier, from.fileName);
    if (!file) return undefined;
    const text = this.project.host.readFile(file);
    return text === undefined || text.length > 1024 * 1024 ? undefined : this.parseCache.withParents(file, text);
  }

  /**
   * Parsed project sources that register `name` with `decorate("name", …)` (a Fastify plugin
   * registered elsewhere). Which names a file decorates is a text fact cached until it changes,
   * so only the files that do are parsed.
   */
  filesDecorating(name: string): ts.SourceFile[] {
    const found: ts.SourceFile[] = [];
    for (const file of this.project.sources.files()) {
      const names = this.project.sources.of("decorated-names", file, (text) => new Set([...text.matchAll(DECORATE_CALL)].map((match) => match[1])));
      if (!names?.has(name)) continue;
      const text = this.project.host.readFile(file);
      const sourceFile = text === undefined ? undefined : this.parseCache.withParents(file, text);
      if (sourceFile) found.push(sourceFile);
    }
    return found;
  }

  /** What `sourceFile` exports under `name`, following re-exports and barrels. */
  exported(sourceFile: ts.SourceFile, name: string, depth: number): Target {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const table = exportTable(sourceFile);
    const target = table.named.get(name);
    if (target?.kind === "expression") return this.resolve(target.node, depth + 1);
    if (target?.kind === "local") {
      const declaration = lookupName(target.name, sourceFile);
      if (!declaration) return UNKNOWN;
      // `export function f` / `export class C` have no value to follow, but are known to exist.
      if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) return UNKNOWN;
      return this.fromDeclaration(declaration, target.name, depth + 1);
    }
    if (target?.kind === "reexport") {
      const file = this.projectFile(target.module, sourceFile);
      if (!file) return { kind: "module", ref: { module: normalizeModule(target.module), path: target.name === "*" || target.name === "default" ? [] : [target.name] } };
      return target.name === "*" ? { kind: "namespace", sourceFile: file } : this.exported(file, target.name, depth + 1);
    }
    for (const specifier of table.star) {
      const file = this.projectFile(specifier, sourceFile);
      if (!file) continue;
      const found = this.exported(file, name, depth + 1);
      if (found.kind !== "unknown") return found;
    }
    if (table.commonJs) {
      const base = this.resolve(table.commonJs, depth + 1);
      return name === "default" ? base : this.member(base, name, depth + 1);
    }
    return UNKNOWN;
  }

  /** `process` (the global, or `import process from "node:process"`), `Bun`, or `import.meta`. */
  private isEnvHolder(expression: ts.Expression, depth: number): boolean {
    const node = skipOuterExpressions(expression);
    if (ts.isMetaProperty(node)) return node.keywordToken === ts.SyntaxKind.ImportKeyword;
    if (!ts.isIdentifier(node)) return false;
    if (node.text !== "process" && node.text !== "Bun") return false;
    const declaration = findDeclaration(node);
    if (!declaration) return true;
    const target = this.fromDeclaration(declaration, node.text, depth + 1);
    return target.kind === "module" && target.ref.module === "process" && target.ref.path.length === 0;
  }

  /** `Deno.env.get("X")`. */
  private denoEnvGet(call: ts.CallExpression): Target | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "get") return undefined;
    const holder = skipOuterExpressions(callee.expression);
    if (!ts.isPropertyAccessExpression(holder) || holder.name.text !== "env") return undefined;
    if (!ts.isIdentifier(holder.expression) || holder.expression.text !== "Deno") return undefined;
    const arg = call.arguments[0];
    return { kind: "env", name: arg && ts.isStringLiteral(arg) ? arg.text : undefined };
  }

  /** A literal expression's value, or `undefined`. */
  static literal(node: ts.Expression): LiteralValue | undefined {
    const sourceFile = node.getSourceFile();
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: "literal", value: node.text, node, sourceFile };
    if (ts.isNumericLiteral(node)) return { kind: "literal", value: Number(node.text), node, sourceFile };
    if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: "literal", value: true, node, sourceFile };
    if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: "literal", value: false, node, sourceFile };
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
      return { kind: "literal", value: -Number(node.operand.text), node, sourceFile };
    }
    return undefined;
  }
}

const PARAMETER_PROPERTY_MODIFIERS = new Set([ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.ReadonlyKeyword]);

/**
 * Where `this.name` gets its value in `owner`: a parameter property (`constructor(private dir)`),
 * the right side of `this.name = …` in the constructor, or a field initializer; `undefined` when
 * another method assigns it too (then no one value is known).
 */
function storedOnThis(owner: ts.ClassLikeDeclaration, name: string): ts.Expression | ts.ParameterDeclaration | undefined {
  let found: ts.Expression | ts.ParameterDeclaration | undefined;
  let assignments = 0;
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member) && staticName(member.name) === name && member.initializer) {
      found = member.initializer;
      assignments++;
    }
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.getModifiers(parameter)?.some((m) => PARAMETER_PROPERTY_MODIFIERS.has(m.kind))) {
          found = parameter;
          assignments++;
        }
      }
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = skipOuterExpressions(node.left);
      if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) {
        const inConstructor = ts.isConstructorDeclaration(containingFunction(node) ?? node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken;
        assignments += inConstructor ? 1 : 2;
        found = node.right;
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const member of owner.members) if (!ts.isPropertyDeclaration(member) || member.initializer) ts.forEachChild(member, visit);
  return assignments === 1 ? found : undefined;
}
