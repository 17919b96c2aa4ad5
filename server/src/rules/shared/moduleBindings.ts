import ts from "typescript";
import type { ModuleRef, Semantics } from "../../engine/semantics";
import { lookupName } from "../../engine/semantics/scopes";
import { refIs, refOf } from "./moduleRefs";

/** Names a file declares at its top level (imports, requires, destructured requires). */
function topLevelNames(sourceFile: ts.SourceFile): ts.Identifier[] {
  const names: ts.Identifier[] = [];
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause && !statement.importClause.isTypeOnly) {
      const clause = statement.importClause;
      if (clause.name) names.push(clause.name);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) names.push(element.name);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.push(statement.name);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    }
  }
  return names;
}

/**
 * A name visible at `site` bound to one of `wanted` (tried in order), so a fix can use the
 * user's own binding: `{ module: "winston", path: [] }` finds `winston` in
 * `import winston from "winston"`, and `["transports"]` finds `transports` in
 * `const { transports } = require("winston")`.
 */
export function findBinding(semantics: Semantics, site: ts.Node, wanted: readonly ModuleRef[]): { name: string; ref: ModuleRef } | undefined {
  const candidates = topLevelNames(site.getSourceFile());
  for (const target of wanted) {
    for (const identifier of candidates) {
      if (lookupName(identifier.text, site) !== identifier.parent) continue;
      const ref = refOf(semantics, identifier);
      if (refIs(ref, target.module, target.path)) return { name: identifier.text, ref: target };
    }
  }
  return undefined;
}
