import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyTextEdits } from "./edits";
import type { Finding, Fix, Note, TextEdit } from "./types";

/** Like ESLint: fixes that conflict in one pass are retried on fresh findings, at most this often. */
export const MAX_FIX_PASSES = 10;

export interface FixPlan {
  /** New text of every file the accepted fixes change or create. */
  files: Map<string, string>;
  /** The subset of `files` that do not exist yet. */
  created: Set<string>;
  /** Findings whose preferred fix was accepted. */
  applied: Finding[];
  /** Findings with a safe fix that conflicted with an accepted one: the next pass re-plans them. */
  deferred: Finding[];
}

type Span = Pick<TextEdit, "start" | "end" | "newText">;

function sameEdit(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
}

/**
 * Two different edits conflict when their ranges share text, when one inserts strictly inside
 * the other's range, or when both insert at the same point (their order would be arbitrary).
 * Edits that only touch end to start are fine: `applyTextEdits` orders them deterministically.
 */
function conflicts(a: Span, b: Span): boolean {
  if (sameEdit(a, b)) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

/**
 * The edits a pass accepted in one file, sorted by start, so that checking a new edit against
 * them looks only at its neighbours: a generated file can carry tens of thousands of fixes, and
 * comparing each with every earlier one made a pass quadratic.
 */
class AcceptedSpans {
  private readonly spans: Span[] = [];
  private longest = 0;

  readonly all: TextEdit[] = [];

  add(edit: TextEdit): void {
    this.all.push(edit);
    this.longest = Math.max(this.longest, edit.end - edit.start);
    let at = this.spans.length;
    // Fixes mostly arrive in file order: the insertion point is then the end.
    while (at > 0 && this.spans[at - 1].start > edit.start) at--;
    this.spans.splice(at, 0, edit);
  }

  conflictsWith(edit: Span): boolean {
    // Only spans starting at or before `edit.end` and ending at or after `edit.start` can conflict.
    let high = this.spans.length;
    let low = 0;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.spans[middle].start <= edit.end) low = middle + 1;
      else high = middle;
    }
    for (let index = low - 1; index >= 0; index--) {
      const other = this.spans[index];
      if (other.start + this.longest < edit.start) break;
      if (conflicts(edit, other)) return true;
    }
    return false;
  }
}

/** The fix `--fix` may apply for a finding: its preferred one, and only when marked safe. */
export function preferredSafeFix(finding: Finding): Fix | undefined {
  const fix = finding.fixes[0];
  return fix?.safe ? fix : undefined;
}

/**
 * One pass of fix planning, pure apart from `readFile`: takes each finding's preferred safe fix
 * in order, all or nothing, unless one of its edits conflicts with an edit already accepted, a
 * file it creates exists (or another accepted fix creates it differently), or it is stale (an
 * edit outside the current text, or into a file that does not exist).
 */
export function planFixes(findings: readonly Finding[], readFile: (file: string) => string | undefined): FixPlan {
  const texts = new Map<string, string | undefined>();
  const current = (file: string): string | undefined => {
    if (!texts.has(file)) texts.set(file, readFile(file));
    return texts.get(file);
  };
  const accepted = new Map<string, AcceptedSpans>();
  const creations = new Map<string, string>();
  const applied: Finding[] = [];
  const deferred: Finding[] = [];

  for (const finding of findings) {
    const fix = preferredSafeFix(finding);
    if (!fix || (fix.edits.length === 0 && fix.creates.length === 0)) continue;
    const verdict = judge(fix, current, accepted, creations);
    if (verdict === "stale") continue;
    if (verdict === "conflict") {
      deferred.push(finding);
      continue;
    }
    for (const edit of fix.edits) {
      if (!accepted.has(edit.file)) accepted.set(edit.file, new AcceptedSpans());
      accepted.get(edit.file)?.add(edit);
    }
    for (const creation of fix.creates) creations.set(creation.file, creation.text);
    applied.push(finding);
  }

  const files = new Map<string, string>();
  for (const [file, spans] of accepted) files.set(file, applyTextEdits(current(file) as string, spans.all));
  for (const [file, text] of creations) files.set(file, text);
  return { files, created: new Set(creations.keys()), applied, deferred };
}

function judge(
  fix: Fix,
  current: (file: string) => string | undefined,
  accepted: ReadonlyMap<string, AcceptedSpans>,
  creations: ReadonlyMap<string, string>,
): "ok" | "conflict" | "stale" {
  for (const creation of fix.creates) {
    if (current(creation.file) !== undefined) return "stale";
    const planned = creations.get(creation.file);
    if (planned !== undefined && planned !== creation.text) return "conflict";
    if (fix.edits.some((edit) => edit.file === creation.file)) return "stale";
  }
  for (const [index, edit] of fix.edits.entries()) {
    const text = current(edit.file);
    if (text === undefined || creations.has(edit.file)) return text === undefined ? "stale" : "conflict";
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.length) return "stale";
    // A fix whose own edits collide would be applied only in part: never take it.
    if (fix.edits.some((other, j) => j < index && other.file === edit.file && conflicts(edit, other))) return "stale";
    if (accepted.get(edit.file)?.conflictsWith(edit)) return "conflict";
  }
  return "ok";
}

/**
 * Where `file` may be written: its real path when that lies inside the real project root, else
 * `undefined`. A symlink is followed only while it stays inside the project.
 */
export function writableTarget(root: string, file: string): string | undefined {
  try {
    const realRoot = fs.realpathSync(root);
    const absolute = path.resolve(root, file);
    if (!isInside(path.resolve(root), absolute)) return undefined;
    // The nearest existing ancestor decides where a path that does not exist yet would land.
    let existing = absolute;
    const missing: string[] = [];
    while (!fs.existsSync(existing)) {
      if (isDanglingLink(existing)) return undefined;
      missing.unshift(path.basename(existing));
      const parent = path.dirname(existing);
      if (parent === existing) return undefined;
      existing = parent;
    }
    const target = path.join(fs.realpathSync(existing), ...missing);
    return isInside(realRoot, target) ? target : undefined;
  } catch {
    return undefined;
  }
}

function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Writes through a temporary file in the same folder, so no reader ever sees half a file. */
function writeAtomically(target: string, text: string, create: boolean): void {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const mode = create ? undefined : fs.statSync(target).mode & 0o7777;
  fs.writeFileSync(temp, text, { flag: "wx", mode });
  try {
    if (mode !== undefined) fs.chmodSync(temp, mode);
    if (create) createExclusively(temp, target, text);
    else fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A hard link never replaces an existing path, so a file created meanwhile is not clobbered. */
function createExclusively(temp: string, target: string, text: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    // File systems without hard links: an exclusive create is still never an overwrite.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw error;
    fs.writeFileSync(target, text, { flag: "wx" });
  }
}

export interface ApplyFixesOptions {
  root: string;
  findings: readonly Finding[];
  /** Fresh findings for files that changed (or whose fixes were deferred), after a pass. */
  reanalyze(files: readonly string[]): Finding[] | Promise<Finding[]>;
  readFile?: (file: string) => string | undefined;
  maxPasses?: number;
  /**
   * The files the run reports on (its discovery: git-ignored and excluded files are not among
   * them). A finding in any other file is never fixed, whatever `reanalyze` returns: every change
   * belongs to a finding the run reported.
   */
  inScope?: (file: string) => boolean;
}

export interface ApplyFixesResult {
  /** Absolute paths of the files changed or created, sorted. */
  changedFiles: string[];
  /** Findings whose preferred safe fix was applied, over every pass. */
  fixesApplied: number;
  /** Those findings (a later pass's are re-analysed copies). */
  applied: Finding[];
  passes: number;
  notes: Note[];
}

function filesOf(fix: Fix): string[] {
  return [...fix.edits.map((edit) => edit.file), ...fix.creates.map((creation) => creation.file)];
}

function shown(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

const readUtf8 = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

/**
 * ESLint-style multi-pass `--fix`: plan non-conflicting safe fixes, write them, re-analyse the
 * touched files (and those whose fixes had to wait), and repeat until nothing is left to fix or
 * `maxPasses` is reached. Fixes touching a file outside the project are never applied.
 */
export async function applyFixes(options: ApplyFixesOptions): Promise<ApplyFixesResult> {
  const readFile = options.readFile ?? readUtf8;
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const changed = new Set<string>();
  const notes: Note[] = [];
  const refused = new Set<string>();
  let findings = options.findings;
  const applied: Finding[] = [];
  let passes = 0;

  while (passes < maxPasses) {
    const targets = new Map<string, string>();
    const eligible = findings.filter((finding) => {
      const fix = preferredSafeFix(finding);
      if (!fix || (options.inScope && !options.inScope(finding.file))) return false;
      return filesOf(fix).every((file) => {
        const target = targets.get(file) ?? writableTarget(options.root, file);
        if (target !== undefined) targets.set(file, target);
        else if (!refused.has(file)) {
          refused.add(file);
          notes.push({ level: "warning", file, message: `${shown(options.root, file)}: a fix would write outside the project root; it was not applied.` });
        }
        return target !== undefined;
      });
    });
    const plan = planFixes(eligible, readFile);
    const writes = [...plan.files].filter(([file, text]) => plan.created.has(file) || text !== readFile(file));
    if (writes.length === 0) break;
    passes++;
    const failed = new Set<string>();
    for (const [file, text] of writes) {
      try {
        writeAtomically(targets.get(file) as string, text, plan.created.has(file));
        changed.add(file);
      } catch (error) {
        failed.add(file);
        notes.push({ level: "error", file, message: `${shown(options.root, file)}: could not be written (${(error as Error).message}); fixes touching it were not applied.` });
      }
    }
    applied.push(...plan.applied.filter((finding) => !filesOf(preferredSafeFix(finding) as Fix).some((file) => failed.has(file))));
    const again = new Set([...writes.map(([file]) => file), ...plan.deferred.map((finding) => finding.file)]);
    findings = await options.reanalyze([...again].sort());
  }
  return { changedFiles: [...changed].sort(), fixesApplied: applied.length, applied, passes, notes };
}
