import ts from "typescript";
import { requiredModule } from "../../engine/semantics/syntax";
import { findDeclaration, linkSubtree } from "../../engine/semantics/scopes";
import type { TextEdit } from "../../engine/types";
import { statementLines, type Span } from "./lineRemoval";

/** A top-level import or require and the declarations its names resolve to. */
interface ImportStatement {
  statement: ts.Statement;
  /** What `findDeclaration` returns for a use of each name. */
  declarations: ts.Node[];
  /** The names as declared, which are not uses. */
  names: ts.Identifier[];
}

/**
 * `import a, { b } from "m"`, `import * as a from "m"`, `import a = require("m")`,
 * `const a = require("m")`, `const { b } = require("m")`. A side-effect import has no name and
 * is never listed; neither is an export, a type-only import or a pattern with defaults or nesting.
 */
function importStatement(statement: ts.Statement): ImportStatement | undefined {
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) return undefined;
    const found: ImportStatement = { statement, declarations: [], names: [] };
    const add = (declaration: ts.Node, name: ts.Identifier): void => {
      found.declarations.push(declaration);
      found.names.push(name);
    };
    if (clause.name) add(clause, clause.name);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) add(bindings, bindings.name);
    if (bindings && ts.isNamedImports(bindings)) {
      if (bindings.elements.length === 0 || bindings.elements.some((element) => element.isTypeOnly)) return undefined;
      for (const element of bindings.elements) add(element, element.name);
    }
    return found;
  }
  if (ts.isImportEqualsDeclaration(statement)) {
    if (statement.isTypeOnly || !ts.isExternalModuleReference(statement.moduleReference)) return undefined;
    return { statement, declarations: [statement], names: [statement.name] };
  }
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const declaration = statement.declarationList.declarations[0];
    if (!declaration.initializer || requiredModule(declaration.initializer) === undefined) return undefined;
    if (ts.isIdentifier(declaration.name)) return { statement, declarations: [declaration], names: [declaration.name] };
    if (!ts.isObjectBindingPattern(declaration.name) || declaration.name.elements.length === 0) return undefined;
    const found: ImportStatement = { statement, declarations: [], names: [] };
    for (const element of declaration.name.elements) {
      if (!ts.isIdentifier(element.name) || element.initializer || element.dotDotDotToken) return undefined;
      found.declarations.push(element);
      found.names.push(element.name);
    }
    return found;
  }
  return undefined;
}

/** Identifiers that name a member or a key rather than use a binding (`x.path`, `{ path: 1 }`). */
function isNameOnly(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) return (ts.isPropertyAccessExpression(parent) ? parent.name : parent.right) === identifier;
  if (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodSignature(parent)) return parent.name === identifier;
  if (ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent) || ts.isEnumMember(parent) || ts.isJsxAttribute(parent)) return parent.name === identifier;
  if (ts.isBindingElement(parent) || ts.isImportSpecifier(parent)) return parent.propertyName === identifier;
  return ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent);
}

const inside = (spans: readonly Span[], pos: number): boolean => spans.some((span) => span.start <= pos && pos < span.end);

interface ImportUses {
  imports: ImportStatement[];
  /** Where each import's names are used, by the start of the using identifier. */
  uses: Map<ImportStatement, number[]>;
}

/** One walk per parsed file: a file with many fixes asks once, not once per fix. */
const usesByFile = new WeakMap<ts.SourceFile, ImportUses>();

function importUses(sourceFile: ts.SourceFile): ImportUses {
  const cached = usesByFile.get(sourceFile);
  if (cached) return cached;
  const imports = sourceFile.statements.map(importStatement).filter((found): found is ImportStatement => found !== undefined);
  const uses = new Map<ImportStatement, number[]>(imports.map((found) => [found, []]));
  if (imports.length > 0) {
    linkSubtree(sourceFile);
    const owner = new Map<ts.Node, ImportStatement>();
    for (const found of imports) for (const declaration of found.declarations) owner.set(declaration, found);
    const declaredNames = new Set(imports.flatMap((found) => found.names));
    const wanted = new Set(imports.flatMap((found) => found.names.map((name) => name.text)));
    // An explicit stack: generated code can nest deeper than the call stack allows.
    const stack: ts.Node[] = [sourceFile];
    while (stack.length > 0) {
      const node = stack.pop() as ts.Node;
      if (ts.isIdentifier(node)) {
        if (!wanted.has(node.text) || declaredNames.has(node) || isNameOnly(node)) continue;
        const declaration = findDeclaration(node);
        const found = declaration && owner.get(declaration);
        if (found) uses.get(found)?.push(node.getStart(sourceFile));
        continue;
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
  }
  const result = { imports, uses };
  usesByFile.set(sourceFile, result);
  return result;
}

/**
 * Edits removing the imports and requires that `removed` leaves unused: every name of the
 * statement was used, only inside `removed` (uses found by scope, not by text: a parameter of the
 * same name is another binding). A statement that keeps one used name stays whole; so does one
 * declaring a name in `stillUsed` (a name the replacing text writes).
 */
export function importsLeftUnused(sourceFile: ts.SourceFile, removed: readonly Span[], stillUsed: readonly string[] = []): TextEdit[] {
  const { imports, uses } = importUses(sourceFile);
  const edits: TextEdit[] = [];
  for (const found of imports) {
    const positions = uses.get(found) ?? [];
    if (positions.length === 0 || !positions.every((pos) => inside(removed, pos)) || found.names.some((name) => stillUsed.includes(name.text))) continue;
    const lines = statementLines(sourceFile, found.statement);
    if (lines) edits.push({ file: sourceFile.fileName, start: lines.start, end: lines.end, newText: "" });
  }
  return edits;
}
