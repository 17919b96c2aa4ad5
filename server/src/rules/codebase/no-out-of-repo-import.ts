import type { FileRole } from "../../engine/fileRoles";
import path from "node:path";
import ts from "typescript";
import { defineRule, type RuleContext, type Trigger } from "../../engine/rule";
import type { ProjectModel } from "../../engine/project";
import { mayClimb, moduleSpecifierOf } from "./moduleSpecifiers";
import { packageOf } from "../../engine/packages";
import { isInside, withinDeclaredWorkspaces } from "./workspaceRoots";

/** What a climbing import leaves, or `undefined` when it stays inside its package. */
type Escape = "project" | "package";

function escapeOf(project: ProjectModel, file: string, packageDir: string, specifier: string): Escape | undefined {
  if (!mayClimb(specifier)) return undefined;
  const target = path.resolve(path.dirname(file), specifier);
  if (isInside(packageDir, target)) return undefined;
  return isInside(project.root, target) ? "package" : "project";
}

/**
 * What an import through a tsconfig `paths` alias (or `baseUrl`) leaves, with the file it reaches
 * when that file is in the project. Workspace packages imported by name are declared on purpose.
 */
function aliasEscapeOf(project: ProjectModel, file: string, packageDir: string, specifier: string): { escape: Escape; target?: string } | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/")) return undefined;
  const resolution = project.modules.resolve(specifier, file);
  if (resolution.kind === "outside") return { escape: "project" };
  if (resolution.kind !== "file" || resolution.workspacePackage || isInside(packageDir, resolution.file)) return undefined;
  return { escape: "package", target: resolution.file };
}

/** Whether the tsconfig governing `file` has aliases or a baseUrl that reach beyond its package. */
function mayAliasOut(project: ProjectModel, file: string, packageDir: string): boolean {
  const config = project.modules.configFor(file);
  const options = config.options;
  if (options.baseUrl && !isInside(packageDir, options.baseUrl)) return true;
  const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? packageDir;
  return Object.values(options.paths ?? {}).some((targets) => Array.isArray(targets) && targets.some((target) => typeof target === "string" && !isInside(packageDir, path.resolve(base, target))));
}

const BARE_SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`]([^."'`\n/][^"'`\n]*)["'`]/g;

/** Folders of a library's own tooling that fileRoles does not already call test or script code. */
const TOOL_FOLDER = /(^|\/)(benchmark|examples?)\//;
const TOOLING_ROLES: ReadonlySet<FileRole> = new Set(["test", "fixture", "script", "config"]);

const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`](\.[^"'`\n]*)["'`]/g;

/**
 * Parses only files with a relative specifier that climbs out of the file's package (or, in a
 * unit test without a project, any climbing specifier). Declared workspaces are checked later.
 */
export const noOutOfRepoImportTrigger: Trigger = {
  test(text, file, project) {
    const packageDir = file && project ? packageOf(project, file).dir : undefined;
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1];
      if (!file || !project || packageDir === undefined) {
        if (mayClimb(specifier)) return true;
      } else if (escapeOf(project, file, packageDir, specifier)) {
        return true;
      }
    }
    // Without a project any bare specifier may be an alias; with one, aliases are looked at only
    // where the governing tsconfig points beyond the package.
    if (!file || !project || packageDir === undefined) return text.matchAll(BARE_SPECIFIER).next().done === false;
    if (!mayAliasOut(project, file, packageDir)) return false;
    for (const match of text.matchAll(BARE_SPECIFIER)) if (aliasEscapeOf(project, file, packageDir, match[1])) return true;
    return false;
  },
};

function message(context: RuleContext, specifier: string, escape: Escape, packageDir: string, aliasTarget?: string): string {
  if (escape === "project" && !mayClimb(specifier)) {
    return `"${specifier}" is a tsconfig "paths" alias for code outside the project folder; publish the shared code as a package and declare it as a dependency.`;
  }
  if (aliasTarget) {
    return `"${specifier}" resolves through tsconfig "paths" to ${context.project.relative(aliasTarget)}, outside the package ${context.project.relative(packageDir)}/; make the shared code a declared workspace package (or a published one) and import it by name.`;
  }
  if (escape === "project") {
    return `"${specifier}" climbs above the project folder into code outside this repository; publish the shared code as a package and declare it as a dependency.`;
  }
  const target = context.project.relative(path.resolve(path.dirname(context.file), specifier));
  return `"${specifier}" leaves the package ${context.project.relative(packageDir)}/ for ${target}; make the shared code a declared workspace package (or a published one) and import it by name.`;
}

export const noOutOfRepoImport = defineRule({
  id: "codebase/no-out-of-repo-import",
  factor: "I",
  headline: false,
  defaultSeverity: "info",
  description: "Relative imports must not climb out of the project folder or the package root, except between a monorepo's declared workspaces.",
  rationale:
    "Factor I: one codebase per app, and code shared between apps is factored into libraries declared as dependencies; an import that reaches into another folder ties deploys together and breaks builds that only see one app.",
  fixable: false,
  roles: {},
  rolesNote: "In test, fixture, script and config files only imports that leave the repository are reported; leaving the package is fine there.",
  trigger: noOutOfRepoImportTrigger,
  create(context) {
    const packageDir = packageOf(context.project, context.file).dir;
    const onNode = (node: ts.Node): void => {
      const literal = moduleSpecifierOf(node);
      if (!literal) return;
      const alias = aliasEscapeOf(context.project, context.file, packageDir, literal.text);
      const escape = escapeOf(context.project, context.file, packageDir, literal.text) ?? alias?.escape;
      if (!escape) return;
      // Tests, benchmarks, examples, scripts and tool config (a package's eslint.config.js extending
      // the repository's) are not deployed: reaching into the code they serve is no second
      // codebase. Leaving the repository still counts.
      const tooling = TOOLING_ROLES.has(context.role) || TOOL_FOLDER.test(context.relativePath);
      if (escape === "package" && tooling) return;
      const target = alias?.target ?? path.resolve(path.dirname(context.file), literal.text);
      if (withinDeclaredWorkspaces(context.project, packageDir, target)) return;
      context.report({ node: literal, message: message(context, literal.text, escape, packageDir, alias?.target), signals: [escape === "project" ? "import from outside the project" : "import from outside the package"] });
    };
    return {
      [ts.SyntaxKind.ImportDeclaration]: onNode,
      [ts.SyntaxKind.ExportDeclaration]: onNode,
      [ts.SyntaxKind.ImportEqualsDeclaration]: onNode,
      [ts.SyntaxKind.ImportType]: onNode,
      [ts.SyntaxKind.CallExpression]: onNode,
    };
  },
});

export default noOutOfRepoImport;
