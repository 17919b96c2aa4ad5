import path from "node:path";
import ts from "typescript";
import { defineRule, type RuleContext, type Trigger } from "../../engine/rule";
import { fileRole } from "../../engine/fileRoles";
import type { PackageInfo, ProjectModel } from "../../engine/project";
import { findDeclaration } from "../../engine/semantics/scopes";
import { RUNTIME_MODULES } from "./data/packageJson";
import { isBuiltin, matchesPathAlias, packageNameOf } from "./packageNames";
import { ancestorPackages, workspacePackageNames } from "./workspaces";
import { isUnfinishedLiteral } from "../shared/unfinishedLiteral";

/** The module specifier a node loads at run time; `undefined` for type-only forms and other nodes. */
function runtimeSpecifier(node: ts.Node): ts.StringLiteralLike | undefined {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (clause?.phaseModifier === ts.SyntaxKind.TypeKeyword) return undefined;
    const named = clause?.namedBindings;
    // `import { type A, type B } from "x"` brings in nothing at run time.
    if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) return undefined;
    return ts.isStringLiteralLike(node.moduleSpecifier) ? node.moduleSpecifier : undefined;
  }
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly || !node.moduleSpecifier || !ts.isStringLiteralLike(node.moduleSpecifier)) return undefined;
    const clause = node.exportClause;
    if (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)) return undefined;
    return node.moduleSpecifier;
  }
  if (ts.isImportEqualsDeclaration(node)) {
    const reference = node.moduleReference;
    if (node.isTypeOnly || !ts.isExternalModuleReference(reference)) return undefined;
    return ts.isStringLiteralLike(reference.expression) ? reference.expression : undefined;
  }
  if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
    const callee = node.expression;
    const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
    // A local function named `require` is not node's.
    const isRequire = ts.isIdentifier(callee) && callee.text === "require" && !findDeclaration(callee);
    return isImport || isRequire ? node.arguments[0] : undefined;
  }
  return undefined;
}

/**
 * The manifest that declares the file's dependencies: the nearest `package.json`, skipping
 * marker files such as `{ "type": "module" }` in a sub-folder, which have no name and declare nothing.
 */
function manifestFor(project: ProjectModel, file: string): PackageInfo | undefined {
  const nearest = project.nearestPackage(file);
  const declaresNothing = (pkg: PackageInfo): boolean =>
    !pkg.name && [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies].every((deps) => Object.keys(deps).length === 0);
  if (!nearest || !declaresNothing(nearest)) return nearest;
  return ancestorPackages(project, nearest.dir).find((pkg) => !declaresNothing(pkg)) ?? nearest;
}

const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`]([^"'`\n]+)["'`]/g;

/**
 * Nearly every source file imports something, so a plain text trigger would parse them all. This
 * one reads the specifiers from the text and lets a file through only when one names a package
 * that is not a builtin and not in the manifest's runtime dependencies (dev-only ones too: the
 * rule decides by the file's role). Aliases and workspace packages pass here; the rule drops them.
 */
export const undeclaredDependencyTrigger: Trigger = {
  test(text, file, project) {
    const manifest = file && project ? manifestFor(project, file) : undefined;
    if (file && project && !manifest) return false;
    // Tests, scripts and config files may import devDependencies: the same decision as the rule's.
    const role = file && project ? fileRole(project.relative(file)) : undefined;
    const devAllowed = role !== undefined && (role.test || role.script || role.config);
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1];
      const name = packageNameOf(specifier);
      if (!name || isBuiltin(specifier) || RUNTIME_MODULES.has(name)) continue;
      if (!manifest) return true;
      if (name === manifest.name || name in manifest.dependencies || name in manifest.peerDependencies || name in manifest.optionalDependencies) continue;
      if (devAllowed && name in manifest.devDependencies) continue;
      return true;
    }
    return false;
  },
};

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.tsx", "/index.js", "/package.json"];

/** `import x from "utils/date"` with `baseUrl: "src"` is a project file, not a package. */
function resolvesUnderBaseUrl(context: RuleContext, specifier: string): boolean {
  const aliases = context.project.pathAliases;
  if (!aliases) return false;
  const base = path.resolve(aliases.baseUrl, specifier);
  return SOURCE_EXTENSIONS.some((extension) => context.project.host.fileExists(base + extension)) || context.project.host.fileExists(base);
}

/** A package of the monorepo the manifest belongs to (its own workspaces or any root above it). */
function isWorkspacePackage(context: RuleContext, manifest: PackageInfo, name: string): boolean {
  const packages = [manifest, ...ancestorPackages(context.project, manifest.dir)];
  return packages.some((pkg) => pkg.workspaces.length > 0 && workspacePackageNames(context.project, pkg).has(name));
}

export const undeclaredDependency = defineRule({
  id: "dependencies/undeclared-dependency",
  factor: "II",
  headline: false,
  defaultSeverity: "info",
  description: "Every package the code imports must be declared in the nearest package.json.",
  rationale: "A twelve-factor app never relies on packages that merely happen to be installed (hoisted by a workspace, global, left over); what it does not declare a clean production install will not have.",
  fixable: false,
  trigger: undeclaredDependencyTrigger,
  create(context) {
    if (context.sourceFile.isDeclarationFile) return {};
    const manifest = manifestFor(context.project, context.file);
    if (!manifest) return {};
    const devAllowed = context.role.test || context.role.script || context.role.config;
    const manifestPath = context.project.relative(path.join(manifest.dir, "package.json"));
    const declared = (name: string): boolean =>
      name in manifest.dependencies || name in manifest.peerDependencies || name in manifest.optionalDependencies || (devAllowed && name in manifest.devDependencies);

    const onNode = (node: ts.Node): void => {
      const literal = runtimeSpecifier(node);
      if (!literal || isUnfinishedLiteral(literal, context.sourceFile)) return;
      const specifier = literal.text;
      const name = packageNameOf(specifier);
      if (!name || isBuiltin(specifier) || RUNTIME_MODULES.has(name) || declared(name) || name === manifest.name) return;
      if (matchesPathAlias(specifier, context.project.pathAliases) || resolvesUnderBaseUrl(context, specifier) || isWorkspacePackage(context, manifest, name)) return;
      const devOnly = name in manifest.devDependencies;
      context.report({
        node: literal,
        message: devOnly
          ? `"${name}" is only in devDependencies of ${manifestPath}, which production installs omit; move it to dependencies (\`npm install --save-prod ${name}\`).`
          : `"${name}" is imported but not declared in ${manifestPath}; add it with \`npm install ${name}\`.`,
        signals: [devOnly ? "devDependency imported by app code" : "import of an undeclared package"],
      });
    };
    return {
      [ts.SyntaxKind.ImportDeclaration]: onNode,
      [ts.SyntaxKind.ExportDeclaration]: onNode,
      [ts.SyntaxKind.ImportEqualsDeclaration]: onNode,
      [ts.SyntaxKind.CallExpression]: onNode,
    };
  },
});
