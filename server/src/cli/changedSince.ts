import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Finding } from "../engine/types";
import type { StepResult } from "./baselineStep";
import { isInsideOrSame } from "./projectRoot";

/**
 * `--changed-since REF`: the findings in files changed since REF, plus the project-level ones
 * those changes affect (Semgrep's baseline commit, Sonar's "new code"). "Changed" is measured
 * from the merge base of REF and HEAD to the working tree, so on a branch it is what the branch
 * changed, committed or not; untracked files that git does not ignore count as changed too.
 */
export interface ChangedFiles {
  ref: string;
  /** The merge base of `ref` and HEAD. */
  base: string;
  /** Absolute paths, deleted files included (a deleted lockfile changes what package.json gets). */
  files: Set<string>;
}

/**
 * Project files whose change alters findings in other files, and the rules whose findings under
 * the file's folder must then be re-checked: the folder's package, or the whole project.
 */
const RECHECKS: ReadonlyArray<{ name: RegExp; rules: (id: string) => boolean }> = [
  // Declared dependencies and workspaces decide the dependency and out-of-repo-import findings.
  { name: /^package\.json$/, rules: (id) => id.startsWith("dependencies/") || id === "codebase/no-out-of-repo-import" },
  { name: /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?)$/, rules: (id) => id === "dependencies/no-lockfile" },
  { name: /^\.env\.example$/, rules: (id) => id === "config/undocumented-env-var" },
  { name: /^\.gitignore$/, rules: (id) => id === "config/env-file-not-ignored" },
  // Severities and ignore globs: any finding can appear or go.
  { name: /^\.twelve-factor\.json$/, rules: () => true },
];

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new GitMissing();
    return undefined;
  }
}

class GitMissing extends Error {}

function isShallow(cwd: string): boolean {
  return git(cwd, ["rev-parse", "--is-shallow-repository"])?.trim() === "true";
}

const UNSHALLOW = "fetch the history first (actions/checkout with fetch-depth: 0, GIT_DEPTH: 0 on GitLab, or git fetch --unshallow)";

function nulList(text: string | undefined): string[] {
  return (text ?? "").split("\0").filter((item) => item !== "");
}

/** The files changed since `ref`, or one clear message (exit 2) when git cannot tell. */
export function changedSince(root: string, ref: string): StepResult<ChangedFiles> {
  try {
    const top = git(root, ["rev-parse", "--show-toplevel"])?.trim();
    if (!top) return { ok: false, message: `--changed-since needs a git repository, and ${root} is not inside one` };
    if (git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]) === undefined) {
      return { ok: false, message: isShallow(root) ? `--changed-since ${ref}: no such commit in this shallow clone; ${UNSHALLOW}` : `--changed-since ${ref}: unknown git ref (no branch, tag or commit of that name)` };
    }
    const base = git(root, ["merge-base", "--end-of-options", ref, "HEAD"])?.trim();
    if (!base) {
      return { ok: false, message: isShallow(root) ? `--changed-since ${ref}: no common ancestor with HEAD in this shallow clone; ${UNSHALLOW}` : `--changed-since ${ref}: no common ancestor with HEAD` };
    }
    const diff = git(root, ["-c", "core.quotePath=false", "diff", "--name-only", "-z", "--no-renames", base, "--"]);
    const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"]);
    if (diff === undefined || untracked === undefined) return { ok: false, message: `--changed-since ${ref}: git could not list the changed files` };
    // Git names files from its real top folder; findings use the root as the user spelled it (symlinks and all).
    const realRoot = fs.realpathSync(root);
    const files = new Set([...nulList(diff), ...nulList(untracked)].map((name) => path.join(root, path.relative(realRoot, path.resolve(top, name)))));
    return { ok: true, value: { ref, base, files } };
  } catch (error) {
    if (error instanceof GitMissing) return { ok: false, message: "--changed-since needs git, and git was not found on the PATH" };
    throw error;
  }
}

/** The folders whose findings of some rules must be re-checked, with those rules. */
function recheckScopes(changed: ChangedFiles): Array<{ folder: string; rules: (id: string) => boolean }> {
  const scopes = [];
  for (const file of changed.files) {
    const recheck = RECHECKS.find((entry) => entry.name.test(path.basename(file)));
    if (recheck) scopes.push({ folder: path.dirname(file), rules: recheck.rules });
  }
  return scopes;
}

/**
 * Where to look: the changed files among those a full run would analyse (`discovered`, so default
 * excludes and ignores still hold), or the whole target (`undefined`) when a project file changed,
 * since its re-checks reach files that did not change.
 */
export function changedToAudit(changed: ChangedFiles, discovered: readonly string[]): string[] | undefined {
  if (recheckScopes(changed).length > 0) return undefined;
  return discovered.filter((file) => changed.files.has(file));
}

/** The findings a change since the ref is answerable for. Order is kept. */
export function keepChanged(findings: readonly Finding[], changed: ChangedFiles): Finding[] {
  const scopes = recheckScopes(changed);
  return findings.filter(
    (finding) => changed.files.has(finding.file) || scopes.some((scope) => scope.rules(finding.ruleId) && isInsideOrSame(scope.folder, finding.file)),
  );
}
