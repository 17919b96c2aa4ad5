import path from "node:path";
import { parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { defineRule, type ProjectFileContext } from "../../engine/rule";
import { lockfileOf, packageOf, workspaceDeclarations, workspaceRootOf } from "../../engine/packages";
import { DEPENDENCY_KINDS } from "./data/packageJson";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * A pnpm lockfile names every member folder it locks under `importers:`: a member missing there
 * (never installed since it was added) is not locked by it.
 */
function lockedByPnpm(lockfile: string, text: string | undefined, dir: string): boolean {
  const member = path.relative(path.dirname(lockfile), dir).split(path.sep).join("/");
  return text !== undefined && new RegExp(`^ {2}['"]?${escapeRegExp(member)}['"]?:\\s*$`, "m").test(text);
}

/** The key to report on: `"dependencies"` when it lists something, else the first non-empty kind in file order. */
function dependencyKey(tree: JsonNode): JsonNode | undefined {
  const nonEmpty = (tree.children ?? []).filter((property) => {
    const [key, value] = property.children ?? [];
    return key && DEPENDENCY_KINDS.includes(String(key.value)) && value?.type === "object" && (value.children?.length ?? 0) > 0;
  });
  const preferred = nonEmpty.find((property) => property.children?.[0].value === "dependencies") ?? nonEmpty[0];
  return preferred?.children?.[0];
}

function check(context: ProjectFileContext): void {
  const errors: ParseError[] = [];
  const tree = parseTree(context.text, errors, { allowTrailingComma: true });
  // Half-typed JSON says nothing reliable about what is declared (the project model notes it).
  if (!tree || tree.type !== "object" || errors.length > 0) return;
  const key = dependencyKey(tree);
  if (!key) return;
  const dir = path.dirname(context.file);
  // A workspace member is locked by its root's lockfile (npm, yarn and pnpm keep one per workspace).
  const pkg = packageOf(context.project, context.file);
  const lockfile = lockfileOf(context.project, pkg);
  const workspaceRoot = workspaceRootOf(context.project, pkg);
  const pnpmRoot = workspaceRoot !== undefined && workspaceDeclarations(context.project, workspaceRoot).some((declaration) => declaration.source === "pnpm-workspace.yaml");
  if (lockfile && (path.dirname(lockfile) === dir || !pnpmRoot || lockedByPnpm(lockfile, context.project.host.readFile(lockfile), dir))) return;
  const where = workspaceRoot && !lockfile ? ` nor at the workspace root (${context.project.relative(workspaceRoot.dir) || "."})` : "";
  context.report({
    start: key.offset,
    end: key.offset + key.length,
    message: `${context.relativePath} declares dependencies but has no lockfile next to it${where}; run your package manager (for example \`npm install\`) and commit the lockfile it writes.`,
    signals: ["dependencies without a lockfile"],
  });
}

export const noLockfile = defineRule({
  id: "dependencies/no-lockfile",
  factor: "II",
  headline: false,
  defaultSeverity: "info",
  description: "A package.json with dependencies needs a committed lockfile (package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock).",
  rationale: "Twelve-factor apps declare their dependencies exactly; without a lockfile each install resolves the ranges anew, so two builds of the same commit can ship different code.",
  fixable: false,
  roles: { test: "off", fixture: "off" },
  // Only package.json is checked; source files never need parsing for this rule.
  // Project files only: no source file is ever parsed for this rule.
  trigger: null,
  create: () => ({}),
  projectFiles: { kinds: ["packageJson"], check },
});
