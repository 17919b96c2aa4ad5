import ts from "typescript";
import { lineEndingOf, type EnvFile } from "../../engine/envFile";
import { envFileOf, packageOf } from "../../engine/packages";
import type { ProjectModel } from "../../engine/project";
import { defineRule, type RuleContext } from "../../engine/rule";
import type { Fix } from "../../engine/types";
import { isPlatformVariable } from "./data/platformEnvVars";
import { accessRead, destructuredReads, type EnvHolder, type EnvRead } from "./envReads";

const HOLDER_TEXT: Record<EnvHolder, string> = { process: "process.env", "import.meta": "import.meta.env", Bun: "Bun.env" };

/** A commented-out `# X=` line documents an optional variable just as well as `X=`. */
const COMMENTED_KEY = /^[ \t]*#[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/gm;

function documentedNames(example: EnvFile): Set<string> {
  const names = new Set(example.keys);
  for (const match of example.text.matchAll(COMMENTED_KEY)) names.add(match[1]);
  return names;
}

/** The contract of the file's package: its nearest committed `.env.example`. */
function exampleFor(project: ProjectModel, file: string): EnvFile | undefined {
  return envFileOf(project, packageOf(project, file), ".env.example");
}

/** `X=` appended to `.env.example`, in its line endings; the same edit for every read of X. */
function appendFix(example: EnvFile, shown: string, name: string): Fix {
  const eol = lineEndingOf(example.text);
  const needsBreak = example.text.length > 0 && !example.text.endsWith("\n");
  const at = example.text.length;
  return {
    title: `Add ${name}= to ${shown}`,
    safe: true,
    edits: [{ file: example.path, start: at, end: at, newText: `${needsBreak ? eol : ""}${name}=${eol}` }],
    creates: [],
  };
}

function reportRead(context: RuleContext, example: EnvFile, documented: Set<string>, read: EnvRead): void {
  if (documented.has(read.name) || isPlatformVariable(read.name, read.holder)) return;
  const shown = context.project.relative(example.path);
  context.report({
    start: read.start,
    end: read.end,
    message: `${HOLDER_TEXT[read.holder]}.${read.name} is read but not listed in ${shown}; add ${read.name}= there so every deploy knows to set it.`,
    fixes: [appendFix(example, shown, read.name)],
  });
}

export const undocumentedEnvVar = defineRule({
  id: "config/undocumented-env-var",
  factor: "III",
  headline: false,
  defaultSeverity: "warning",
  description: "Every environment variable the code reads should be listed in .env.example, when the project keeps one.",
  rationale: "Config lives in the environment; .env.example is the contract that tells each deploy which variables to set, so a variable read in code but absent there is a deploy waiting to fail.",
  fixable: true,
  roles: { test: "off", fixture: "off" },
  // Only projects with a .env.example can be told what it lacks: elsewhere no file is parsed for this rule.
  // The text first: looking up the file's env example costs more than the scan.
  trigger: { test: (text, file, project) => /\benv\b/.test(text) && (!project || !file || exampleFor(project, file) !== undefined) },
  create(context) {
    const example = exampleFor(context.project, context.file);
    if (!example) return {};
    const documented = documentedNames(example);
    const onAccess = (node: ts.Node): void => {
      const read = accessRead(node as ts.PropertyAccessExpression | ts.ElementAccessExpression, context.semantics);
      if (read) reportRead(context, example, documented, read);
    };
    return {
      [ts.SyntaxKind.PropertyAccessExpression]: onAccess,
      [ts.SyntaxKind.ElementAccessExpression]: onAccess,
      [ts.SyntaxKind.VariableDeclaration]: (node) => {
        for (const read of destructuredReads(node as ts.VariableDeclaration, context.semantics)) reportRead(context, example, documented, read);
      },
    };
  },
});
