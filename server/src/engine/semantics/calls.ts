import ts from "typescript";
import { exportTable } from "./exports";
import type { Resolver } from "./resolver";
import { findDeclaration, isConstantBinding, lookupName } from "./scopes";
import { containingClass, skipOuterExpressions, staticName } from "./syntax";
import type { CalledFunction } from "./types";

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.Node };
type Call = ts.CallExpression | ts.NewExpression;

const MAX_STEPS = 12;

function hasBody(node: ts.Node): node is FunctionWithBody {
  return ts.isFunctionLike(node) && "body" in node && node.body !== undefined;
}

/**
 * Finds the function a call runs, when it is written in the project: a function or const arrow
 * in this file or an imported one (ES imports, CommonJS exports, barrels), a method of an object
 * literal, a method of a class instance made with `new` in sight, a method of a value registered
 * with `decorate("name", value)` (Fastify), and the constructor a `new` runs.
 */
export class CallTargets {
  constructor(private readonly resolver: Resolver) {}

  calledFunction(call: Call): CalledFunction | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isNewExpression(call)) {
      const owner = this.classAt(callee, 0);
      const constructor = owner?.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined);
      if (!owner || !constructor) return undefined;
      return { declaration: constructor, name: `new ${owner.name?.text ?? "class"}`, call, instance: call };
    }
    if (ts.isPropertyAccessExpression(callee)) return this.method(call, callee);
    const fn = this.functionAt(callee, 0);
    if (!fn) return undefined;
    return { declaration: fn, name: `${ts.isIdentifier(callee) ? callee.text : functionName(fn)}()`, call };
  }

  /** `obj.m(...)`: a method of what `obj` stands for. */
  private method(call: Call, callee: ts.PropertyAccessExpression): CalledFunction | undefined {
    const name = callee.name.text;
    const base = skipOuterExpressions(callee.expression);
    if (base.kind === ts.SyntaxKind.ThisKeyword) {
      const owner = containingClass(callee);
      const method = owner && classMethod(owner, name);
      return method ? { declaration: method, name: `this.${name}()`, call } : undefined;
    }
    // Built only for a call that resolves: most do not, and the text costs a slice and a concatenation.
    const label = (): string => `${textOf(base)}.${name}()`;
    let target = this.resolver.resolve(base);
    const decorated = target.kind === "node" && target.node === base ? decoratedName(base) : undefined;
    if (decorated !== undefined) {
      // `fastify.files.save()` or `const { files } = fastify`: registered with `fastify.decorate("files", value)`.
      const registered = decoratedValue(base.getSourceFile(), decorated) ?? (decoratedOnFastify(base) ? this.decoratedInProject(decorated) : undefined);
      if (registered) target = this.resolver.resolve(registered);
    }
    if (target.kind === "node" && ts.isCallExpression(skipOuterExpressions(target.node))) {
      // `createFileManager(fastify)` returning an object literal of methods.
      const returned = this.returnedObject(skipOuterExpressions(target.node) as ts.CallExpression);
      if (returned) target = { kind: "node", node: returned };
    }
    if (target.kind === "namespace") {
      const fn = this.exportedFunction(target.sourceFile, name, 0);
      return fn ? { declaration: fn, name: label(), call } : undefined;
    }
    if (target.kind !== "node") return undefined;
    const holder = skipOuterExpressions(target.node);
    if (ts.isObjectLiteralExpression(holder)) {
      const fn = this.objectMethod(holder, name, 0);
      return fn ? { declaration: fn, name: label(), call } : undefined;
    }
    if (ts.isNewExpression(holder)) {
      const owner = this.classAt(skipOuterExpressions(holder.expression), 0);
      const method = owner && classMethod(owner, name);
      return method ? { declaration: method, name: `${owner.name?.text ?? textOf(base)}.${name}()`, call, instance: holder } : undefined;
    }
    return undefined;
  }

  /** The object literal a project function returns (its only `return`, or an arrow's body). */
  private returnedObject(call: ts.CallExpression): ts.ObjectLiteralExpression | undefined {
    const fn = this.functionAt(call.expression, 0);
    if (!fn) return undefined;
    if (!ts.isBlock(fn.body)) {
      const body = skipOuterExpressions(fn.body as ts.Expression);
      return ts.isObjectLiteralExpression(body) ? body : undefined;
    }
    const returns = fn.body.statements.filter(ts.isReturnStatement);
    const value = returns.length === 1 && returns[0].expression ? skipOuterExpressions(returns[0].expression) : undefined;
    return value && ts.isObjectLiteralExpression(value) ? value : undefined;
  }

  /** `decorate("name", value)` in another project file (a Fastify plugin registered elsewhere), when exactly one says so. */
  private decoratedInProject(name: string): ts.Expression | undefined {
    const found: ts.Expression[] = [];
    for (const file of this.resolver.filesDecorating(name)) {
      const value = decoratedValue(file, name);
      if (value) found.push(value);
    }
    return found.length === 1 ? found[0] : undefined;
  }

  private objectMethod(object: ts.ObjectLiteralExpression, name: string, steps: number): FunctionWithBody | undefined {
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const property = object.properties[i];
      if (staticName(property.name) !== name) continue;
      if (ts.isMethodDeclaration(property)) return hasBody(property) ? property : undefined;
      if (ts.isPropertyAssignment(property)) return this.functionAt(property.initializer, steps + 1);
      if (ts.isShorthandPropertyAssignment(property)) return this.functionAt(property.name, steps + 1);
      return undefined;
    }
    return undefined;
  }

  /** The function an expression names: a declaration, a const arrow or function expression, an import. */
  functionAt(expression: ts.Expression, steps: number): FunctionWithBody | undefined {
    if (steps > MAX_STEPS) return undefined;
    const node = skipOuterExpressions(expression);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
    if (ts.isIdentifier(node)) {
      const declaration = ts.isShorthandPropertyAssignment(node.parent) ? lookupName(node.text, node.parent.parent) : findDeclaration(node);
      if (!declaration) return undefined;
      if (ts.isFunctionDeclaration(declaration)) return hasBody(declaration) ? declaration : undefined;
      if (ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isIdentifier(declaration.name) && isConstantBinding(declaration, node.text)) {
        return this.functionAt(declaration.initializer, steps + 1);
      }
      const imported = this.importedFile(declaration);
      if (imported) return this.exportedFunction(imported.file, imported.name, steps + 1);
    }
    // Anything else the resolver can follow (destructured requires, CommonJS objects, namespaces).
    const target = this.resolver.resolve(node);
    if (target.kind === "node" && skipOuterExpressions(target.node) !== node) return this.functionAt(target.node, steps + 1);
    if (target.kind === "node" && ts.isPropertyAccessExpression(node)) {
      const base = this.resolver.resolve(node.expression);
      if (base.kind === "namespace") return this.exportedFunction(base.sourceFile, node.name.text, steps + 1);
    }
    return undefined;
  }

  /** The class a name stands for: a declaration, a const class expression, an import of a project file. */
  classAt(expression: ts.Expression, steps: number): ts.ClassLikeDeclaration | undefined {
    if (steps > MAX_STEPS) return undefined;
    const node = skipOuterExpressions(expression);
    if (ts.isClassExpression(node)) return node;
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = findDeclaration(node);
    if (!declaration) return undefined;
    if (ts.isClassDeclaration(declaration)) return declaration;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && isConstantBinding(declaration, node.text)) return this.classAt(declaration.initializer, steps + 1);
    const imported = this.importedFile(declaration);
    if (!imported) return undefined;
    const local = this.exportedLocal(imported.file, imported.name, steps + 1);
    return local && ts.isClassLike(local) ? local : undefined;
  }

  /** For an import binding of a project file: that file and the exported name. */
  private importedFile(declaration: ts.Node): { file: ts.SourceFile; name: string } | undefined {
    let name: string;
    let statement: ts.Node;
    if (ts.isImportSpecifier(declaration)) {
      name = (declaration.propertyName ?? declaration.name).text;
      statement = declaration.parent.parent.parent;
    } else if (ts.isImportClause(declaration)) {
      name = "default";
      statement = declaration.parent;
    } else {
      return undefined;
    }
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return undefined;
    const file = this.resolver.projectFile(statement.moduleSpecifier.text, statement.getSourceFile());
    return file && { file, name };
  }

  private exportedFunction(file: ts.SourceFile, name: string, steps: number): FunctionWithBody | undefined {
    const local = this.exportedLocal(file, name, steps);
    if (!local) return undefined;
    if (hasBody(local)) return local;
    return ts.isExpression(local) ? this.functionAt(local, steps + 1) : undefined;
  }

  /** The declaration (or expression) `file` exports as `name`, through re-exports and barrels. */
  private exportedLocal(file: ts.SourceFile, name: string, steps: number): ts.Node | undefined {
    if (steps > MAX_STEPS) return undefined;
    const table = exportTable(file);
    const target = table.named.get(name);
    if (target?.kind === "expression") return target.node;
    if (target?.kind === "local") {
      const declaration = lookupName(target.name, file);
      if (!declaration) return undefined;
      if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) return declaration;
      if (ts.isVariableDeclaration(declaration) && declaration.initializer && isConstantBinding(declaration, target.name)) return declaration.initializer;
      return undefined;
    }
    if (target?.kind === "reexport") {
      const next = this.resolver.projectFile(target.module, file);
      return next && target.name !== "*" ? this.exportedLocal(next, target.name, steps + 1) : undefined;
    }
    for (const specifier of table.star) {
      const next = this.resolver.projectFile(specifier, file);
      const found = next && this.exportedLocal(next, name, steps + 1);
      if (found) return found;
    }
    if (table.commonJs) {
      const base = this.resolver.resolve(table.commonJs);
      if (name === "default") return base.kind === "node" ? base.node : undefined;
      if (base.kind === "node" && ts.isObjectLiteralExpression(skipOuterExpressions(base.node))) {
        return this.objectMethod(skipOuterExpressions(base.node) as ts.ObjectLiteralExpression, name, steps + 1);
      }
    }
    return undefined;
  }
}

function classMethod(owner: ts.ClassLikeDeclaration, name: string): FunctionWithBody | undefined {
  for (const member of owner.members) {
    if (staticName(member.name) !== name) continue;
    if (ts.isMethodDeclaration(member) && hasBody(member)) return member;
    // `save = (file) => {…}` as a class field.
    if (ts.isPropertyDeclaration(member) && member.initializer) {
      const value = skipOuterExpressions(member.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    }
  }
  return undefined;
}

/** The name a service would be decorated under: `fastify.files` → "files"; `const { files } = fastify` → "files". */
function decoratedName(base: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(base)) return base.name.text;
  if (!ts.isIdentifier(base)) return undefined;
  const declaration = findDeclaration(base);
  if (!declaration || !ts.isBindingElement(declaration) || !ts.isObjectBindingPattern(declaration.parent)) return undefined;
  return staticName(declaration.propertyName ?? declaration.name);
}

/**
 * `fastify.files` or `const { files } = fastify`: the app object of a Fastify plugin, whose
 * decorations are registered by other plugins of the project (looked up project-wide).
 */
function decoratedOnFastify(base: ts.Expression): boolean {
  let holder: ts.Expression | undefined;
  if (ts.isPropertyAccessExpression(base)) holder = base.expression;
  else if (ts.isIdentifier(base)) {
    const declaration = findDeclaration(base);
    const variable = declaration && ts.isBindingElement(declaration) ? declaration.parent.parent : undefined;
    holder = variable && ts.isVariableDeclaration(variable) ? variable.initializer : undefined;
  }
  const root = holder && skipOuterExpressions(holder);
  return !!root && ts.isIdentifier(root) && root.text === "fastify";
}

function functionName(fn: ts.FunctionLikeDeclaration): string {
  return fn.name && ts.isIdentifier(fn.name) ? fn.name.text : "function";
}

function textOf(node: ts.Node): string {
  const text = node.getText(node.getSourceFile());
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const decorations = new WeakMap<ts.SourceFile, Map<string, ts.Expression>>();

/** `x.decorate("name", value)` in `file` (Fastify's way to hang a service on the app); the first one written wins. */
function decoratedValue(file: ts.SourceFile, name: string): ts.Expression | undefined {
  let table = decorations.get(file);
  if (!table) {
    table = new Map();
    if (file.text.includes("decorate")) {
      // An explicit stack: generated code can nest deeper than the call stack allows.
      const stack: ts.Node[] = [file];
      const push = (child: ts.Node): void => {
        stack.push(child);
      };
      while (stack.length > 0) {
        const node = stack.pop() as ts.Node;
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "decorate" && node.arguments.length >= 2) {
          const key = staticName(node.arguments[0]);
          if (key !== undefined && !table.has(key)) table.set(key, node.arguments[1]);
        }
        ts.forEachChild(node, push);
      }
    }
    decorations.set(file, table);
  }
  return table.get(name);
}
