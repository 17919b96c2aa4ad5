import ts from "typescript";
import { skipOuterExpressions, staticName } from "./syntax";

/** What a module exports under one name: a local binding, an expression, or a re-export. */
export type ExportTarget =
  | { kind: "local"; name: string; from: ts.Node }
  | { kind: "expression"; node: ts.Expression }
  | { kind: "reexport"; module: string; name: string };

export interface ExportTable {
  named: Map<string, ExportTarget>;
  /** `export * from "…"`, searched in order when a name is not exported directly. */
  star: string[];
  /** `module.exports = <expr>`: names are properties of this expression. */
  commonJs?: ts.Expression;
}

const tables = new WeakMap<ts.SourceFile, ExportTable>();

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDefaultModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** `module.exports.X = …` and `exports.X = …`: the exported name, or `""` for `module.exports = …`. */
function commonJsTarget(left: ts.Expression): string | undefined {
  const target = skipOuterExpressions(left);
  const isModuleExports = (node: ts.Expression): boolean =>
    ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "module" && node.name.text === "exports";
  if (isModuleExports(target)) return "";
  if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    const object = skipOuterExpressions(target.expression);
    const name = ts.isPropertyAccessExpression(target) ? target.name.text : staticName(target.argumentExpression);
    if (name !== undefined && (isModuleExports(object) || (ts.isIdentifier(object) && object.text === "exports"))) return name;
  }
  return undefined;
}

/** The file's exports, from its top-level statements only (no full walk). */
export function exportTable(sourceFile: ts.SourceFile): ExportTable {
  const cached = tables.get(sourceFile);
  if (cached) return cached;
  const table: ExportTable = { named: new Map(), star: [] };
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) table.named.set(declaration.name.text, { kind: "local", name: declaration.name.text, from: declaration });
        else for (const element of declaration.name.elements) if (!ts.isOmittedExpression(element) && ts.isIdentifier(element.name)) table.named.set(element.name.text, { kind: "local", name: element.name.text, from: element });
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && hasExportModifier(statement)) {
      const exported = hasDefaultModifier(statement) ? "default" : statement.name?.text;
      if (exported && statement.name) table.named.set(exported, { kind: "local", name: statement.name.text, from: statement });
    } else if (ts.isExportAssignment(statement)) {
      table.named.set("default", { kind: "expression", node: statement.expression });
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause && module) table.star.push(module);
      else if (clause && ts.isNamespaceExport(clause) && module) table.named.set(clause.name.text, { kind: "reexport", module, name: "*" });
      else if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          table.named.set(element.name.text, module ? { kind: "reexport", module, name: local } : { kind: "local", name: local, from: element });
        }
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = commonJsTarget(statement.expression.left);
      if (name === "") table.commonJs = statement.expression.right;
      else if (name !== undefined) table.named.set(name, { kind: "expression", node: statement.expression.right });
    }
  }
  tables.set(sourceFile, table);
  return table;
}
