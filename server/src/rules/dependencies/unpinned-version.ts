import path from "node:path";
import { parseTree } from "jsonc-parser";
import { defineRule, type ProjectFileContext } from "../../engine/rule";
import { SHIPPED_KINDS } from "./data/packageJson";
import { unpinnedSpec, type Unpinned } from "./versionSpecs";
import { enclosingWorkspaceRoot, workspacePackageNames } from "./workspaces";

function messageFor(name: string, spec: string, unpinned: Unpinned): string {
  if (unpinned.kind === "any") {
    return `Dependency "${name}" is declared as "${spec}", which accepts any release; declare the semver range you tested against (for example ^1.2.3).`;
  }
  if (unpinned.kind === "archive") {
    return `Dependency "${name}" downloads an archive of "${unpinned.ref}" (${spec}), which moves with the branch; point it at a commit sha or a release tag.`;
  }
  const ref = unpinned.ref === undefined ? "the default branch" : `the ref "${unpinned.ref}"`;
  return `Dependency "${name}" tracks ${ref} of a git repository (${spec}); pin it to a full commit sha (#<40 hex digits>) or a #semver: range so every install gets the same code.`;
}

/**
 * Names of the packages of the monorepo this package.json belongs to (or declares): npm and yarn
 * workspaces write `"@acme/shared": "*"` for a sibling, which always links the local copy.
 */
function siblingWorkspaces(context: ProjectFileContext): ReadonlySet<string> {
  const dir = path.dirname(context.file);
  const own = context.project.nearestPackage(context.file);
  const root = own && own.dir === dir && own.workspaces.length > 0 ? own : enclosingWorkspaceRoot(context.project, dir);
  return root ? workspacePackageNames(context.project, root) : new Set();
}

function check(context: ProjectFileContext): void {
  const tree = parseTree(context.text);
  if (!tree || tree.type !== "object") return;
  let siblings: ReadonlySet<string> | undefined;
  for (const section of tree.children ?? []) {
    const [sectionKey, dependencies] = section.children ?? [];
    if (!sectionKey || !SHIPPED_KINDS.includes(String(sectionKey.value)) || dependencies?.type !== "object") continue;
    for (const property of dependencies.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || value?.type !== "string") continue;
      const spec = String(value.value);
      const unpinned = unpinnedSpec(spec);
      if (!unpinned) continue;
      if (unpinned.kind === "any" && (siblings ??= siblingWorkspaces(context)).has(String(key.value))) continue;
      context.report({
        start: value.offset,
        end: value.offset + value.length,
        message: messageFor(String(key.value), spec, unpinned),
        signals: [unpinned.kind === "any" ? "any-version spec" : "branch-tracking spec"],
      });
    }
  }
}

export const unpinnedVersion = defineRule({
  id: "dependencies/unpinned-version",
  factor: "II",
  headline: false,
  defaultSeverity: "info",
  description: "Dependencies must name the versions they work with: no \"*\", \"latest\", empty specs or git branches.",
  rationale: "Twelve-factor apps declare their dependencies completely and exactly; a spec that accepts any release or follows a branch lets two builds of one commit ship different code.",
  fixable: false,
  // Only package.json is checked; source files never need parsing for this rule.
  // Project files only: no source file is ever parsed for this rule.
  trigger: null,
  create: () => ({}),
  projectFiles: { kinds: ["packageJson"], check },
});
