import path from "node:path";
import { lineEndingOf } from "../../engine/envFile";
import { defineRule, type ProjectFileContext } from "../../engine/rule";
import type { Fix } from "../../engine/types";
import { DOTENV_SYNTAX, keyValueLines } from "../../engine/formats/keyValueLines";
import { isEnvTemplate } from "./data/envFileNames";
import { allowListFor, detectProjectValue } from "./projectSecrets/site";
import { gitIgnores } from "./gitignoreChain";

/**
 * The `.gitignore` line that ignores this file: its bare name at the root (`.env` then also
 * covers nested `.env` files, as most templates do), its project path when nested.
 */
function entryFor(relativePath: string): string {
  // Glob characters and a leading `#`/`!` would change what the line means; escape them.
  return relativePath.replace(/[*?[\\]/g, "\\$&").replace(/^[#!]/, "\\$&");
}

/**
 * Appends the entry to the root `.gitignore` (created when missing), keeping its line endings.
 * No fix when the exact line is already there (a later `!` rule re-includes the file: a human
 * must decide why) or when the entry would not make git ignore the file after all (a nested
 * `.gitignore` re-includes it).
 */
function gitignoreFix(context: ProjectFileContext, entry: string): Fix | undefined {
  const file = path.join(context.project.root, ".gitignore");
  const title = `Add ${entry} to .gitignore`;
  const existing = context.project.host.readFile(file);
  if (existing === undefined) {
    const text = `${entry}\n`;
    return gitIgnores(context.project, context.relativePath, text) ? { title, safe: true, edits: [], creates: [{ file, text }] } : undefined;
  }
  if (existing.split(/\r?\n/).some((line) => line.trim() === entry)) return undefined;
  const eol = lineEndingOf(existing);
  const needsBreak = existing.length > 0 && !existing.endsWith("\n");
  const newText = `${needsBreak ? eol : ""}${entry}${eol}`;
  if (!gitIgnores(context.project, context.relativePath, existing + newText)) return undefined;
  return { title, safe: true, edits: [{ file, start: existing.length, end: existing.length, newText }], creates: [] };
}

/**
 * Whether the file holds a secret that identifies itself (a provider token, a private key, a URL
 * with a random password). A test env file (`.env.test`) is committed on purpose with dummy
 * values; it matters only when one of them is a real credential.
 */
function holdsSelfIdentifyingSecret(context: ProjectFileContext): boolean {
  const allowed = allowListFor(context);
  return keyValueLines(context.text, DOTENV_SYNTAX).some((line) => detectProjectValue(line.value, line.key, allowed)?.selfIdentifying === true);
}

function check(context: ProjectFileContext): void {
  const name = path.posix.basename(context.relativePath);
  if (isEnvTemplate(name) || context.relativePath.startsWith("../")) return;
  if (gitIgnores(context.project, context.relativePath)) return;
  // The first line, without its line ending: one stable place whatever the file holds.
  const firstLineEnd = context.text.search(/\r?\n|$/);
  const entry = entryFor(context.relativePath);
  const fix = gitignoreFix(context, entry);
  context.report({
    start: 0,
    end: firstLineEnd,
    message: `${context.relativePath} is not ignored by git, so its values (often secrets) get committed; add ${entry} to .gitignore and commit a .env.example with the names only.`,
    fixes: fix ? [fix] : [],
    // Only consulted in test env files, whose policy is `self-identifying only`.
    selfIdentifying: context.role === "test" || context.role === "fixture" ? holdsSelfIdentifyingSecret(context) : false,
  });
}

export const envFileNotIgnored = defineRule({
  id: "config/env-file-not-ignored",
  factor: "III",
  headline: false,
  defaultSeverity: "warning",
  description: "A .env file with real values must be ignored by git; only templates such as .env.example belong in the repository.",
  rationale: "Config varies between deploys and often holds credentials; the codebase must be open-sourceable at any moment without leaking it, so env files stay out of version control.",
  fixable: true,
  // `.env.test` and env files under test folders hold test settings: reported only when they hold a real credential.
  roles: { test: "self-identifying only", fixture: "self-identifying only" },
  // Source files never matter to this rule: it only checks `.env*` project files. `(?!)` never matches.
  // Project files only: no source file is ever parsed for this rule.
  trigger: null,
  create: () => ({}),
  projectFiles: { kinds: ["dotenv"], check },
});
