import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { parse as parseJson, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { DocumentHost } from "./host";
import type { Finding, Note } from "./types";

/**
 * Baselines: the findings a team accepts today, recorded so that later runs show only new ones.
 *
 * A finding is recorded as a fingerprint that does not depend on its line number: a salted
 * sha256 of the rule id, the file, the message and the code around it (the text of its range
 * and of the lines it sits on, whitespace collapsed). Lines added above it, or the function it
 * is in moving elsewhere in the file, leave the fingerprint alone; a changed value (another
 * port number, another secret) changes it. Nothing in the file is raw code: a secret's value is
 * inside its range text, so only the salted hash of it is ever written.
 */

export const BASELINE_FILE_NAME = ".twelve-factor-baseline.json";
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  rule: string;
  /** Relative to the project root, with forward slashes. */
  file: string;
  /** sha256 hex. */
  fingerprint: string;
  /** How many findings share this fingerprint (identical lines in one file). */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  /** Random hex, made once; kept when the file is rewritten so that unchanged entries stay equal. */
  salt: string;
  findings: BaselineEntry[];
}

/** Reads a file's text (absolute path); `undefined` when it cannot be read. */
export type TextOf = (file: string) => string | undefined;

export function newSalt(): string {
  return randomBytes(16).toString("hex");
}

function relativeFile(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The text of the range and of the whole lines it spans; empty when the file could not be read. */
function codeContext(finding: Finding, fileText: string | undefined): { range: string; lines: string } {
  if (fileText === undefined) return { range: "", lines: "" };
  const start = Math.max(0, Math.min(finding.range.startOffset, fileText.length));
  const end = Math.max(start, Math.min(finding.range.endOffset, fileText.length));
  const lineStart = fileText.lastIndexOf("\n", start - 1) + 1;
  const newline = fileText.indexOf("\n", end);
  const lineEnd = newline === -1 ? fileText.length : newline;
  return { range: fileText.slice(start, end), lines: fileText.slice(lineStart, lineEnd) };
}

/** The line-independent identity of a finding. `root` makes the file name relative, as the baseline stores it. */
export function fingerprint(finding: Finding, fileText: string | undefined, salt: string, root: string): string {
  const context = codeContext(finding, fileText);
  // A JSON array keeps the parts apart: no two different inputs can join into the same string.
  const parts = [salt, finding.ruleId, relativeFile(root, finding.file), collapse(finding.message), collapse(context.range), collapse(context.lines)];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

function entryKey(rule: string, file: string, print: string): string {
  return JSON.stringify([rule, file, print]);
}

/** Reads each file once, however many findings it holds. */
function cachedTextOf(textOf: TextOf): TextOf {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) texts.set(file, textOf(file));
    return texts.get(file);
  };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  // Plain code-unit order, not localeCompare: the same file on every machine and locale.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return order(a.file, b.file) || order(a.rule, b.rule) || order(a.fingerprint, b.fingerprint);
}

/** A baseline of `findings`, sorted, with identical fingerprints counted once. */
export function createBaseline(findings: readonly Finding[], textOf: TextOf, options: { root: string; salt?: string }): Baseline {
  const salt = options.salt ?? newSalt();
  const read = cachedTextOf(textOf);
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const file = relativeFile(options.root, finding.file);
    const print = fingerprint(finding, read(finding.file), salt, options.root);
    const key = entryKey(finding.ruleId, file, print);
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { rule: finding.ruleId, file, fingerprint: print, count: 1 });
  }
  return { version: BASELINE_VERSION, salt, findings: [...entries.values()].sort(compareEntries) };
}

/**
 * The file text: one entry per line, fixed key order, no timestamp, newline at the end, so two
 * branches that each add findings touch different lines and git merges them without a conflict.
 */
export function serializeBaseline(baseline: Baseline): string {
  const entries = [...baseline.findings].sort(compareEntries).map(
    (entry) => `    { "rule": ${JSON.stringify(entry.rule)}, "file": ${JSON.stringify(entry.file)}, "fingerprint": ${JSON.stringify(entry.fingerprint)}, "count": ${entry.count} }`,
  );
  const list = entries.length === 0 ? "[]" : `[\n${entries.join(",\n")}\n  ]`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "salt": ${JSON.stringify(baseline.salt)},\n  "findings": ${list}\n}\n`;
}

export interface BaselineFilterResult {
  fresh: Finding[];
  /** Findings the baseline hid. */
  baselined: number;
}

/**
 * Hides the findings the baseline holds. Each entry hides at most `count` findings, so a third
 * copy of a line recorded twice is new. Order of `findings` is kept.
 */
export function filterByBaseline(findings: readonly Finding[], baseline: Baseline, textOf: TextOf, root: string): BaselineFilterResult {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) {
    const key = entryKey(entry.rule, entry.file, entry.fingerprint);
    remaining.set(key, (remaining.get(key) ?? 0) + entry.count);
  }
  const read = cachedTextOf(textOf);
  const fresh: Finding[] = [];
  let baselined = 0;
  for (const finding of findings) {
    const key = entryKey(finding.ruleId, relativeFile(root, finding.file), fingerprint(finding, read(finding.file), baseline.salt, root));
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      baselined++;
    } else {
      fresh.push(finding);
    }
  }
  return { fresh, baselined };
}

export type ReadBaselineResult = { ok: true; baseline: Baseline } | { ok: false; problem: string };

const HEX_SALT = /^[0-9a-f]{8,128}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function entryProblem(value: unknown, index: number): string | undefined {
  const where = `findings[${index}]`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `${where} must be an object`;
  const entry = value as Record<string, unknown>;
  if (typeof entry.rule !== "string" || entry.rule === "") return `${where}.rule must be a rule id`;
  if (typeof entry.file !== "string" || entry.file === "") return `${where}.file must be a relative path`;
  if (typeof entry.fingerprint !== "string" || !SHA256_HEX.test(entry.fingerprint)) return `${where}.fingerprint must be 64 lowercase hex digits`;
  if (typeof entry.count !== "number" || !Number.isInteger(entry.count) || entry.count < 1) return `${where}.count must be a whole number of 1 or more`;
  return undefined;
}

/** Parses and checks a baseline file's text. Never throws: a broken file comes back as one problem. */
export function readBaseline(text: string): ReadBaselineResult {
  // jsonc-parser rather than JSON.parse: its errors are a code and an offset, while V8's message
  // quotes the text, and a mistaken `--baseline .env` must not print the file's secrets.
  const errors: ParseError[] = [];
  const value: unknown = parseJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const before = text.slice(0, errors[0].offset).split("\n");
    return { ok: false, problem: `${before.length}:${before[before.length - 1].length + 1}: invalid JSON (${printParseErrorCode(errors[0].error)})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, problem: "must be a JSON object" };
  const raw = value as Record<string, unknown>;
  if (raw.version !== BASELINE_VERSION) return { ok: false, problem: `"version" must be ${BASELINE_VERSION}` };
  if (typeof raw.salt !== "string" || !HEX_SALT.test(raw.salt)) return { ok: false, problem: `"salt" must be a lowercase hex string` };
  if (!Array.isArray(raw.findings)) return { ok: false, problem: `"findings" must be a list` };
  const findings: BaselineEntry[] = [];
  for (const [index, item] of raw.findings.entries()) {
    const problem = entryProblem(item, index);
    if (problem) return { ok: false, problem };
    const entry = item as BaselineEntry;
    findings.push({ rule: entry.rule, file: entry.file, fingerprint: entry.fingerprint, count: entry.count });
  }
  return { ok: true, baseline: { version: BASELINE_VERSION, salt: raw.salt, findings } };
}

export interface LoadedBaseline {
  /** Absent when there is no file, or when it is broken (then `note` says why). */
  baseline?: Baseline;
  note?: Note;
}

/**
 * Reads a baseline file through a host. A missing file is no baseline and no note; a broken one is
 * ignored as a whole (half a baseline would show some old findings and hide others at random).
 */
export function loadBaseline(file: string, host: DocumentHost, displayName = path.basename(file)): LoadedBaseline {
  const ignored = "the baseline is ignored and every finding is shown.";
  const text = host.readFile(file);
  if (text === undefined) {
    return host.fileExists(file) ? { note: { level: "warning", file, message: `${displayName}: could not be read; ${ignored}` } } : {};
  }
  const read = readBaseline(text);
  if (!read.ok) return { note: { level: "warning", file, message: `${displayName}: ${read.problem}; ${ignored}` } };
  return { baseline: read.baseline };
}
