import ts from "typescript";
import { findDeclaration } from "../../engine/semantics/scopes";

/**
 * The module specifier a node names, in every form that makes the file depend on another:
 * `import`/`export … from`, `import x = require()`, `require()`, `import()` and `import("…")`
 * types. Type-only forms count too: the build still needs the file they point to.
 */
export function moduleSpecifierOf(node: ts.Node): ts.StringLiteralLike | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
    return node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier) ? node.moduleSpecifier : undefined;
  }
  if (ts.isImportEqualsDeclaration(node)) {
    const reference = node.moduleReference;
    return ts.isExternalModuleReference(reference) && ts.isStringLiteralLike(reference.expression) ? reference.expression : undefined;
  }
  if (ts.isImportTypeNode(node)) {
    const argument = node.argument;
    return ts.isLiteralTypeNode(argument) && ts.isStringLiteralLike(argument.literal) ? argument.literal : undefined;
  }
  if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
    const callee = node.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword) return node.arguments[0];
    // A local function named `require` is not node's.
    if (ts.isIdentifier(callee) && callee.text === "require" && !findDeclaration(callee)) return node.arguments[0];
  }
  return undefined;
}

/** `../x`, `./a/../../x`: a relative specifier that may climb. Bare and absolute ones never do here. */
export function mayClimb(specifier: string): boolean {
  return (specifier.startsWith("../") || specifier === ".." || specifier.startsWith("./")) && /(^|\/)\.\.(\/|$)/.test(specifier);
}
