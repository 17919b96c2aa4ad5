import ts from "typescript";

/**
 * How a name is used in a file, strongest first: as a value (the import is kept at run time), as
 * the type of a decorated member or constructor parameter (kept when `emitDecoratorMetadata` is
 * on and the name is a class), or only where types are written (erased by the compiler).
 */
export type NameUse = "value" | "metadata" | "type";

const RANK: Record<NameUse, number> = { type: 0, metadata: 1, value: 2 };
const uses = new WeakMap<ts.SourceFile, Map<string, NameUse>>();

function hasDecorators(node: ts.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

/**
 * The annotations whose top-level type reference `emitDecoratorMetadata` writes into the output.
 * `path` holds the annotation's ancestors, nearest last (the analyzer may not have linked parents).
 */
function isMetadataAnnotation(type: ts.TypeNode, path: readonly ts.Node[]): boolean {
  if (!ts.isTypeReferenceNode(type)) return false;
  const owner = path[path.length - 1];
  const holder = path[path.length - 2];
  if (owner && ts.isParameter(owner) && owner.type === type) {
    if (hasDecorators(owner)) return true;
    if (holder && ts.isConstructorDeclaration(holder)) return path.length >= 3 && hasDecorators(path[path.length - 3]);
    return !!holder && (ts.isMethodDeclaration(holder) || ts.isSetAccessorDeclaration(holder)) && hasDecorators(holder);
  }
  if (owner && (ts.isPropertyDeclaration(owner) || ts.isMethodDeclaration(owner) || ts.isGetAccessorDeclaration(owner)) && owner.type === type) return hasDecorators(owner);
  return false;
}

/** Names that are not references: property keys, member and declaration names of their own. */
function isReference(identifier: ts.Identifier, parent: ts.Node | undefined): boolean {
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return false;
  if (ts.isImportClause(parent) || ts.isImportSpecifier(parent) || ts.isNamespaceImport(parent)) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isEnumMember(parent)) && parent.name === identifier) return false;
  return true;
}

/**
 * Every name's strongest use in the file, from one walk. A name shadowed by a local declaration
 * counts as if it were the import (never lowering a use), so the answer errs toward "kept".
 */
function usesIn(sourceFile: ts.SourceFile): Map<string, NameUse> {
  const cached = uses.get(sourceFile);
  if (cached) return cached;
  const found = new Map<string, NameUse>();
  const record = (name: string, use: NameUse): void => {
    const previous = found.get(name);
    if (!previous || RANK[use] > RANK[previous]) found.set(name, use);
  };
  const path: ts.Node[] = [];
  const visit = (node: ts.Node, context: NameUse): void => {
    if (ts.isIdentifier(node)) {
      if (isReference(node, path[path.length - 1])) record(node.text, context);
      return;
    }
    let inner = context;
    if (ts.isHeritageClause(node)) {
      // `implements X` and an interface's `extends X` are types; a class's `extends X` is a value.
      inner = node.token === ts.SyntaxKind.ImplementsKeyword || ts.isInterfaceDeclaration(path[path.length - 1]) ? "type" : "value";
    } else if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) {
      inner = context === "value" && isMetadataAnnotation(node, path) ? "metadata" : context === "metadata" ? "metadata" : "type";
    } else if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      inner = "type";
    }
    path.push(node);
    ts.forEachChild(node, (child) => {
      // Only the top-level name is written as metadata: `Repository<User>` keeps `Repository`.
      visit(child, inner === "metadata" && ts.isTypeReferenceNode(node) && child !== node.typeName ? "type" : inner);
    });
    path.pop();
  };
  visit(sourceFile, "value");
  uses.set(sourceFile, found);
  return found;
}

/**
 * Whether the compiler drops a plain `import { A, B } from "x"` because every binding it brings
 * is used only as a type: "erased", "metadata" (kept only if one of them is a class), "unused"
 * (erased too, but more likely code being written than a type import), or "kept".
 * JavaScript files keep every import, and so does TypeScript under `verbatimModuleSyntax`.
 */
export function importFate(declaration: ts.ImportDeclaration, verbatimModuleSyntax: boolean): "erased" | "metadata" | "unused" | "kept" {
  const sourceFile = declaration.getSourceFile();
  const clause = declaration.importClause;
  if (!clause || verbatimModuleSyntax || !/\.[cm]?tsx?$/.test(sourceFile.fileName)) return "kept";
  const names: string[] = [];
  if (clause.name) names.push(clause.name.text);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) names.push(element.name.text);
  // `import {} from "x"` keeps the import for its side effects.
  if (names.length === 0) return bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 ? "erased" : "kept";
  const found = usesIn(sourceFile);
  const used = names.map((name) => found.get(name)).filter((use) => use !== undefined);
  if (used.length === 0) return "unused";
  if (used.includes("value")) return "kept";
  return used.includes("metadata") ? "metadata" : "erased";
}
