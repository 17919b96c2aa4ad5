import path from "node:path";
import { lineEndingOf } from "../envFile";
import type { ProjectModel } from "../project";
import type { Fix, TextEdit } from "../types";

/** `clientSecret` → `CLIENT_SECRET`, `stripe.apiKey` → `STRIPE_API_KEY`, `db-password` → `DB_PASSWORD`. */
export function toEnvName(identifier: string): string {
  const name = identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  if (name === "") return "SECRET";
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** A dotenv value, quoted only when it must be (spaces, `#`, quotes, newlines). */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9_./:@+=,-]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

/** Appends `line` to an env file, or creates it; `undefined` when `name` is already there. */
function appendKey(project: ProjectModel, which: ".env" | ".env.example", name: string, line: string): { edit?: TextEdit; create?: { file: string; text: string } } | undefined {
  const existing = project.envFile(which);
  const file = path.join(project.root, which);
  if (!existing) return { create: { file, text: `${line}\n` } };
  if (existing.keys.has(name)) return undefined;
  const eol = lineEndingOf(existing.text);
  const needsBreak = existing.text.length > 0 && !existing.text.endsWith("\n");
  return { edit: { file, start: existing.text.length, end: existing.text.length, newText: `${needsBreak ? eol : ""}${line}${eol}` } };
}

export interface EnvFixRequest {
  project: ProjectModel;
  /** The source edit that replaces the hardcoded value by the env read. */
  replacement: TextEdit;
  name: string;
  /** The hardcoded value, moved into `.env` only when `.env` is git-ignored and lacks the key. */
  value?: string;
  title: string;
}

/**
 * The fix shared by every "move this value into the environment" rule: the source edit,
 * `NAME=` in `.env.example` (created if absent, never a duplicate), and the value in `.env`
 * when that file is git-ignored. Existing keys are never overwritten; when `.env` already holds
 * a different definition the fix is marked unsafe, so fix-all leaves it for a human.
 */
export function envVariableFix(request: EnvFixRequest): Fix {
  const { project, name } = request;
  const edits: TextEdit[] = [request.replacement];
  const creates: Fix["creates"] = [];
  let safe = true;

  const example = appendKey(project, ".env.example", name, `${name}=`);
  if (example?.edit) edits.push(example.edit);
  if (example?.create) creates.push(example.create);

  if (request.value !== undefined && project.dotenvIgnored) {
    const dotenv = appendKey(project, ".env", name, `${name}=${dotenvValue(request.value)}`);
    if (dotenv?.edit) edits.push({ ...dotenv.edit, sensitive: true });
    if (dotenv?.create) creates.push({ ...dotenv.create, sensitive: true });
    if (!dotenv) safe = false;
  }
  return { title: request.title, safe, edits, creates };
}
