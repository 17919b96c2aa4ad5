import path from "node:path";
import { lineEndingOf, type EnvFile } from "../envFile";
import { isGitIgnored } from "../gitignore";
import { envFileOf, packageOf } from "../packages";
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

/**
 * Where a fix for code in `file` keeps `which`: the package's nearest committed one, else a new
 * one in the package folder. `undefined` when that folder holds a git-ignored `.env.example`:
 * that file is the app's real env file, with values, and no fix ever rewrites it.
 */
export function envFileTarget(project: ProjectModel, file: string, which: ".env" | ".env.example"): { file: string; existing?: EnvFile } | undefined {
  const pkg = packageOf(project, file);
  const existing = envFileOf(project, pkg, which);
  if (existing) return { file: existing.path, existing };
  const created = path.join(pkg.dir, which);
  if (which === ".env.example" && project.host.fileExists(created)) return undefined;
  return { file: created };
}

/** Appends `line` to an env file, or creates it; `undefined` when `name` is already there. */
function appendKey(target: { file: string; existing?: EnvFile }, name: string, line: string): { edit?: TextEdit; create?: { file: string; text: string } } | undefined {
  const { file, existing } = target;
  if (!existing) return { create: { file, text: `${line}\n` } };
  if (existing.keys.has(name)) return undefined;
  const eol = lineEndingOf(existing.text);
  const needsBreak = existing.text.length > 0 && !existing.text.endsWith("\n");
  return { edit: { file, start: existing.text.length, end: existing.text.length, newText: `${needsBreak ? eol : ""}${line}${eol}` } };
}

export interface EnvFixRequest {
  project: ProjectModel;
  /** The source edit that replaces the hardcoded value by the env read; its file picks the package. */
  replacement: TextEdit;
  name: string;
  /** The hardcoded value, moved into `.env` only when `.env` is git-ignored and lacks the key. */
  value?: string;
  /** What the source edit does ("Read the secret from process.env.NAME"); the files written are added to it. */
  title: string;
}

/**
 * `<action> in src/pay.ts, add NAME= to .env.example and its value to .env`: every file the fix
 * writes, by its path in the project, so nobody applies it without knowing a value lands in `.env`.
 */
function titleNamingFiles(request: EnvFixRequest, example: string | undefined, dotenv: string | undefined): string {
  const { project, name } = request;
  const writes = [...(example ? [`${name}= to ${project.relative(example)}`] : []), ...(dotenv ? [`its value to ${project.relative(dotenv)}`] : [])];
  const source = `${request.title} in ${project.relative(request.replacement.file)}`;
  if (writes.length === 0) return source;
  return writes.length === 1 ? `${source} and add ${writes[0]}` : `${source}, add ${writes[0]} and ${writes[1]}`;
}

/**
 * The fix shared by every "move this value into the environment" rule: the source edit,
 * `NAME=` in the package's `.env.example` (created if absent, never a duplicate), and the value
 * in the package's `.env` when that file is git-ignored. Existing keys are never overwritten;
 * when `.env` already holds a different definition the fix is marked unsafe, so fix-all leaves
 * it for a human.
 */
export function envVariableFix(request: EnvFixRequest): Fix {
  const { project, name } = request;
  const edits: TextEdit[] = [request.replacement];
  const creates: Fix["creates"] = [];
  let safe = true;

  const exampleTarget = envFileTarget(project, request.replacement.file, ".env.example");
  const example = exampleTarget && appendKey(exampleTarget, name, `${name}=`);
  if (example?.edit) edits.push(example.edit);
  if (example?.create) creates.push(example.create);

  const dotenvTarget = envFileTarget(project, request.replacement.file, ".env");
  let dotenvWritten: string | undefined;
  if (request.value !== undefined && dotenvTarget && isGitIgnored(project, project.relative(dotenvTarget.file))) {
    const dotenv = appendKey(dotenvTarget, name, `${name}=${dotenvValue(request.value)}`);
    if (dotenv?.edit) edits.push({ ...dotenv.edit, sensitive: true });
    if (dotenv?.create) creates.push({ ...dotenv.create, sensitive: true });
    if (!dotenv) safe = false;
    if (dotenv) dotenvWritten = dotenvTarget.file;
  }
  const title = titleNamingFiles(request, example ? exampleTarget.file : undefined, dotenvWritten);
  return { title, safe, edits, creates };
}
