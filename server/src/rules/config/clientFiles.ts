import ts from "typescript";
import type { ProjectModel } from "../../engine/project";
import { clientFileByPath, httpServersImported, ROUTE_HANDLER, type ClientFile } from "../../engine/roles/clientCode";
import { UI_LIBRARIES } from "../../engine/roles/frontEndPackages";

export { clientFileByPath, type ClientFile } from "../../engine/roles/clientCode";

/** The string statements that open a file or a function body: `"use client"`, `"use server"`. */
export function directivesOf(statements: readonly ts.Statement[]): string[] {
  const directives: string[] = [];
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    directives.push(statement.expression.text);
  }
  return directives;
}

/** `import "server-only"` (or its require): the module promises never to reach a client bundle. */
export function importsServerOnly(sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.some((statement) => {
    if (ts.isImportDeclaration(statement)) return ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === "server-only";
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return false;
    const call = statement.expression;
    const argument = call.arguments[0];
    return ts.isIdentifier(call.expression) && call.expression.text === "require" && argument !== undefined && ts.isStringLiteral(argument) && argument.text === "server-only";
  });
}

/** What decides a file's own client status; read from its tree, or from its text when it is not parsed. */
export interface ClientMarkers {
  useClient: boolean;
  useServer: boolean;
  /** `import "server-only"`: the module promises never to reach a client bundle. */
  serverOnly: boolean;
}

/**
 * The file's client status from its own markers and its place in the project (`text` is asked
 * only for a file whose path says client code).
 */
export function clientByMarkers(markers: ClientMarkers, text: () => string, file: string, project: ProjectModel): ClientFile | undefined {
  // A "use server" module holds server actions: it runs on the server even when a client imports it.
  if (markers.serverOnly || markers.useServer) return undefined;
  if (markers.useClient) {
    return ROUTE_HANDLER.test(project.relative(file)) ? undefined : { where: 'a "use client" file', nextPage: false };
  }
  const byPath = clientFileByPath(file, project);
  // A file that starts an HTTP server is server code wherever it sits.
  return byPath && httpServersImported(text()).size === 0 ? byPath : undefined;
}

/** The file's client status from its directives, its imports and its place in the project. */
export function clientFileOf(sourceFile: ts.SourceFile, file: string, project: ProjectModel): ClientFile | undefined {
  if (sourceFile.isDeclarationFile) return undefined;
  const directives = directivesOf(sourceFile.statements);
  const markers = { useClient: directives.includes("use client"), useServer: directives.includes("use server"), serverOnly: importsServerOnly(sourceFile) };
  return clientByMarkers(markers, () => sourceFile.text, file, project);
}

/**
 * Whether a file without a client marker may still be client code through its importers: it
 * holds no marker of server code and its package renders a UI (Next.js or a UI library), the
 * only packages with client components to import it.
 */
export function mayBeClientByImporters(sourceFile: ts.SourceFile, file: string, project: ProjectModel): boolean {
  if (sourceFile.isDeclarationFile || importsServerOnly(sourceFile) || ROUTE_HANDLER.test(project.relative(file))) return false;
  const directives = directivesOf(sourceFile.statements);
  if (directives.includes("use server") || directives.includes("use client") || httpServersImported(sourceFile.text).size > 0) return false;
  return packageRendersUi(file, project);
}

export function packageRendersUi(file: string, project: ProjectModel): boolean {
  const pkg = project.nearestPackage(file);
  if (!pkg) return false;
  const own = Object.prototype.hasOwnProperty;
  return ["next", ...UI_LIBRARIES].some((name) => own.call(pkg.dependencies, name) || own.call(pkg.devDependencies, name));
}
