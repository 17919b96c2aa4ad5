import path from "node:path";
import ts from "typescript";
import { defineRule, type RuleContext, type Trigger } from "../../engine/rule";
import { packageOf, workspaceRootOf } from "../../engine/packages";
import type { FileRole } from "../../engine/fileRoles";
import type { PackageInfo, ProjectModel } from "../../engine/project";
import { findDeclaration } from "../../engine/semantics/scopes";
import { RUNTIME_MODULES } from "./data/packageJson";
import { isBuiltin, packageNameOf } from "./packageNames";
import { importFate } from "./typeOnlyUse";
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
 * The manifest that declares the file's dependencies: its package's, as the package graph sees it
 * (marker files such as `{ "type": "module" }` in a sub-folder start no package).
 */
function manifestFor(project: ProjectModel, file: string): PackageInfo | undefined {
  return packageOf(project, file).manifest;
}

function declares(pkg: PackageInfo, name: string, devAllowed: boolean): boolean {
  return name in pkg.dependencies || name in pkg.peerDependencies || name in pkg.optionalDependencies || (devAllowed && name in pkg.devDependencies);
}

/** The manifest of the workspace root that lists the file's package, if any. */
function workspaceManifestOf(project: ProjectModel, file: string): PackageInfo | undefined {
  return workspaceRootOf(project, packageOf(project, file))?.manifest;
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
    // The role is only looked up for a package that only the devDependencies list.
    let devRole: boolean | undefined;
    const devAllowed = (): boolean => (devRole ??= file !== undefined && project !== undefined && DEV_ROLES.has(project.roleOf(file)));
    const declaresHere = (pkg: PackageInfo, name: string): boolean => declares(pkg, name, false) || (name in pkg.devDependencies && devAllowed());
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1];
      const name = packageNameOf(specifier);
      if (!name || isBuiltin(specifier) || RUNTIME_MODULES.has(name)) continue;
      if (!manifest) return true;
      if (name === manifest.name || declaresHere(manifest, name)) continue;
      const hoisted = workspaceManifestOf(project as ProjectModel, file as string);
      if (hoisted && declaresHere(hoisted, name)) continue;
      return true;
    }
    return false;
  },
};

/**
 * Packages that bring another one along for its types: a NestJS app gets `express` (and its
 * `Request`/`Response` classes) through `@nestjs/platform-express` without declaring it.
 */
const BROUGHT_BY: Readonly<Record<string, readonly string[]>> = {
  express: ["@nestjs/platform-express"],
  fastify: ["@nestjs/platform-fastify"],
};
/** Files that never run in production may import devDependencies. */
const DEV_ROLES: ReadonlySet<FileRole> = new Set(["test", "fixture", "script", "config", "build"]);


/** `@types/node-fetch`, `@types/babel__core`: the DefinitelyTyped package for `name`. */
function typesPackageOf(name: string): string {
  return `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
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
  roles: {},
  rolesNote: "In test, fixture, script and config files a devDependency counts as declared.",
  trigger: undeclaredDependencyTrigger,
  create(context) {
    if (context.sourceFile.isDeclarationFile) return {};
    const manifest = manifestFor(context.project, context.file);
    if (!manifest) return {};
    const devAllowed = DEV_ROLES.has(context.role);
    const manifestPath = context.project.relative(path.join(manifest.dir, "package.json"));
    // npm, yarn and pnpm (with hoisting) install the workspace root's dependencies for every member.
    const hoisted = workspaceManifestOf(context.project, context.file);
    const declared = (name: string): boolean => [manifest, hoisted].some((pkg) => pkg !== undefined && declares(pkg, name, devAllowed));

    const declaresAnywhere = (name: string): boolean => [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies].some((deps) => name in deps);
    /**
     * A plain import the compiler erases (every binding used only as a type) loads nothing. One
     * whose name types a decorated member (kept under `emitDecoratorMetadata` when it is a class),
     * or whose names are not used at all (erased, but more likely code being written), is let go
     * when a declared package provides the types: `@types/<name>`, or a package that brings it along.
     */
    const typeOnly = (node: ts.ImportDeclaration, name: string): boolean => {
      const options = context.project.modules.configFor(context.file).options;
      const fate = importFate(node, options.verbatimModuleSyntax === true);
      if (fate === "erased" || (fate === "metadata" && !options.emitDecoratorMetadata)) return true;
      if (fate === "kept") return false;
      return declaresAnywhere(typesPackageOf(name)) || (BROUGHT_BY[name] ?? []).some(declaresAnywhere);
    };
    const onNode = (node: ts.Node): void => {
      const literal = runtimeSpecifier(node);
      if (!literal || isUnfinishedLiteral(literal, context.sourceFile)) return;
      const specifier = literal.text;
      const name = packageNameOf(specifier);
      if (!name || isBuiltin(specifier) || RUNTIME_MODULES.has(name) || declared(name) || name === manifest.name) return;
      // tsconfig `baseUrl`/`paths` and workspace packages turn a bare name into a project file.
      if (context.project.modules.resolve(specifier, context.file).kind !== "package" || isWorkspacePackage(context, manifest, name)) return;
      if (ts.isImportDeclaration(node) && typeOnly(node, name)) return;
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
