import path from "node:path";
import type { SimulatedFixes } from "../engine/fixPasses";
import { redact } from "../engine/redact";
import type { Finding, TextEdit } from "../engine/types";
import { fixedOriginals } from "../engine/fixPasses";

const shown = (root: string, file: string): string => path.relative(root, file).split(path.sep).join("/");

/** A line that received a secret shows only its name and the redacted value. */
function safeLine(line: string, sensitive: boolean): string {
  if (!sensitive) return line;
  const match = /^(\s*(?:export\s+)?[\w.-]+\s*[=:]\s*)(.+)$/.exec(line);
  return match ? `${match[1]}${redact(match[2])}` : `[${line.length} characters with a secret]`;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end;
}

function lineNumberOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

type Span = { start: number; end: number };

/** The original text from `from` to `to`, with every reported secret in it redacted. */
function masked(original: string, from: number, to: number, secrets: readonly Span[]): string {
  let out = "";
  let cursor = from;
  for (const secret of secrets) {
    if (secret.end <= cursor || secret.start >= to) continue;
    const start = Math.max(secret.start, cursor);
    const value = original.slice(start, Math.min(secret.end, to));
    // A quoted literal shows as the messages show it: `"q8Zt…" (32 chars)`, the quotes not counted.
    const quoted = /^(["'`])([^]*)\1$/.exec(value);
    out += original.slice(cursor, start) + redact(quoted ? quoted[2] : value);
    cursor = Math.min(secret.end, to);
  }
  return out + original.slice(cursor, to);
}

/** One hunk per edit: the whole lines it touches, before and after. */
function hunk(original: string, edit: TextEdit, secrets: readonly Span[]): string[] {
  const from = lineStartOf(original, edit.start);
  const to = lineEndOf(original, edit.end);
  const before = masked(original, from, to, secrets);
  const after = masked(original, from, edit.start, secrets) + edit.newText + masked(original, edit.end, to, secrets);
  const lines = (text: string) => (text === "" ? [] : text.split("\n"));
  // An insertion at the very end of a file that ends in a newline adds lines, it changes none.
  const appended = from === to && from === original.length;
  const old = appended ? [] : lines(before).map((line) => `-${line}`);
  const added = lines(appended ? after.replace(/\n$/, "") : after).map((line) => `+${safeLine(line, Boolean(edit.sensitive))}`);
  return [`@@ line ${lineNumberOf(original, edit.start)} @@`, ...old, ...added];
}

/**
 * `--fix-dry-run`: what `--fix` would change, file by file, as line hunks in the spirit of a
 * unified diff. Nothing is written. A value moved into `.env` is redacted like everywhere else.
 */
export function describeDryRun(simulated: SimulatedFixes, reported: readonly Finding[], root: string, readFile: (file: string) => string | undefined): string {
  // The lines around a secret fix hold the secret itself: it is shown as every report shows it.
  const secretsOf = (file: string): Span[] =>
    reported
      .filter((finding) => finding.file === file && finding.ruleId.includes("secret"))
      .map((finding) => ({ start: finding.range.startOffset, end: finding.range.endOffset }))
      .sort((a, b) => a.start - b.start);
  if (simulated.applied.length === 0) return "No safe fixes to apply.\n";
  const fixed = fixedOriginals(reported, simulated.applied).size;
  const files = simulated.fixes.length;
  const out = [`--fix would fix ${fixed === 1 ? "1 problem" : `${fixed} problems`}, changing ${files === 1 ? "1 file" : `${files} files`} (nothing was written):`];
  for (const fix of simulated.fixes) {
    for (const creation of fix.creates) {
      out.push("", `+++ ${shown(root, creation.file)} (new file)`, ...creation.text.replace(/\n$/, "").split("\n").map((line) => `+${safeLine(line, Boolean(creation.sensitive))}`));
    }
    if (fix.edits.length === 0) continue;
    const original = readFile(fix.edits[0].file) ?? "";
    out.push("", `--- ${shown(root, fix.edits[0].file)}`);
    const secrets = secretsOf(fix.edits[0].file);
    for (const edit of fix.edits) out.push(...hunk(original, edit, secrets));
  }
  return `${out.join("\n")}\n`;
}
