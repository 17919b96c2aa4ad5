import ts from "typescript";
import { directivesOf } from "./clientFiles";

/**
 * Code inside a client file that still never reaches the browser: server actions, and in a
 * Next.js page the data functions (`getServerSideProps` ...) together with the top-level helpers
 * only they use, which Next.js strips from the client bundle.
 */

const NEXT_DATA_FUNCTIONS: ReadonlySet<string> = new Set(["getServerSideProps", "getStaticProps", "getStaticPaths"]);

/** Inside a function whose body opens with `"use server"`: a server action. */
export function insideServerAction(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    const body = (current as { body?: ts.Node }).body;
    if (body && ts.isBlock(body) && directivesOf(body.statements).includes("use server")) return true;
  }
  return false;
}

export function topLevelStatementOf(node: ts.Node): ts.Statement | undefined {
  let current = node;
  while (current.parent && !ts.isSourceFile(current.parent)) current = current.parent;
  return current.parent ? (current as ts.Statement) : undefined;
}

function isExported(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return statement.name ? [statement.name.text] : [];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  return [];
}

/** A use of a name, as opposed to the name of a declaration, a property or an attribute. */
function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isExportSpecifier(parent)) return (parent.propertyName ?? parent.name) === identifier;
  if (ts.isBindingElement(parent) && parent.propertyName === identifier) return false;
  return (parent as { name?: ts.Node }).name !== identifier;
}

/** For each name, the top-level statements where it is used (once per use). */
function usesByName(sourceFile: ts.SourceFile): Map<string, ts.Statement[]> {
  const uses = new Map<string, ts.Statement[]>();
  for (const statement of sourceFile.statements) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && isReference(node)) uses.set(node.text, [...(uses.get(node.text) ?? []), statement]);
      ts.forEachChild(node, visit);
    };
    visit(statement);
  }
  return uses;
}

/**
 * The top-level statements of a Next.js page that stay on the server: the exported data
 * functions, then (to a fixed point) every non-exported declaration used only by those.
 */
export function nextServerOnlyStatements(sourceFile: ts.SourceFile): ReadonlySet<ts.Statement> {
  const server = new Set<ts.Statement>();
  const candidates: { statement: ts.Statement; names: string[] }[] = [];
  for (const statement of sourceFile.statements) {
    const names = declaredNames(statement);
    if (names.length === 0) continue;
    if (!isExported(statement)) candidates.push({ statement, names });
    else if (names.every((name) => NEXT_DATA_FUNCTIONS.has(name))) server.add(statement);
  }
  if (server.size === 0 || candidates.length === 0) return server;
  const uses = usesByName(sourceFile);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { statement, names } of candidates) {
      if (server.has(statement)) continue;
      const usedFrom = names.flatMap((name) => uses.get(name) ?? []).filter((user) => user !== statement);
      // Unused code is not known to be stripped: only "used, and only by server code" counts.
      if (usedFrom.length > 0 && usedFrom.every((user) => server.has(user))) {
        server.add(statement);
        changed = true;
      }
    }
  }
  return server;
}
