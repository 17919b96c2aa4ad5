import { MAX_FIX_PASSES, planFixes, preferredSafeFix } from "./applyFixes";
import type { Finding, Fix, TextEdit } from "./types";

/**
 * Every pass of a fix-all, worked out in memory: the same planning `--fix` does, without writing.
 * The editor turns the result into one WorkspaceEdit, `--fix-dry-run` prints it, and the count of
 * "fixable" problems is what it applied.
 */
export interface SimulatedFixes {
  /** Final text of every file the passes change or create. */
  files: Map<string, string>;
  /** The subset of `files` that did not exist. */
  created: Set<string>;
  /**
   * The whole change as one fix per file: edits on the file's original text (or its creation),
   * free of conflicts, sensitive where a secret went in.
   */
  fixes: Fix[];
  /** Findings whose preferred safe fix was applied, over every pass (later passes: re-analysed findings). */
  applied: Finding[];
  passes: number;
  /** Safe fixes still in conflict when the passes ran out (none unless `maxPasses` was reached). */
  deferred: number;
}

export interface SimulateFixesOptions {
  findings: readonly Finding[];
  /** The text before any fix. */
  readFile(file: string): string | undefined;
  /** Fresh findings of `files`, read through `readFile` (the text after the passes so far). */
  reanalyze(files: readonly string[], readFile: (file: string) => string | undefined): Finding[];
  /** Which findings' fixes may be applied (default: all with a preferred safe fix). */
  eligible?(finding: Finding): boolean;
  maxPasses?: number;
  /**
   * Stop after a pass that deferred no fix. Enough to count which of the given findings get
   * fixed: a later pass only fixes what the earlier ones deferred or what they uncovered.
   */
  untilNothingDeferred?: boolean;
}

interface Piece {
  /** Range in the original text. */
  start: number;
  end: number;
  newText: string;
  sensitive: boolean;
}

interface FileChange {
  original: string | undefined;
  current: string;
  pieces: Piece[];
  sensitive: boolean;
}

/** The edits one pass makes to a file, as `applyTextEdits` takes them: deduplicated, in order. */
function passEdits(fixes: readonly Fix[], file: string): TextEdit[] {
  const unique = new Map<string, TextEdit>();
  for (const edit of fixes.flatMap((fix) => fix.edits)) {
    if (edit.file !== file) continue;
    const key = `${edit.start}:${edit.end}:${edit.newText}`;
    unique.set(key, { ...edit, sensitive: Boolean(edit.sensitive || unique.get(key)?.sensitive) });
  }
  return [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Folds one edit, in the coordinates of `change.current`, into the pieces kept in original
 * coordinates. An edit touching an earlier piece merges with it, so a later pass appending after
 * an earlier append keeps their order, and no two pieces ever share a point.
 */
function foldEdit(change: FileChange, edit: TextEdit): void {
  let delta = 0;
  const placed = change.pieces.map((piece) => {
    const start = piece.start + delta;
    delta += piece.newText.length - (piece.end - piece.start);
    return { piece, start, end: start + piece.newText.length, deltaBefore: start - piece.start };
  });
  const touched = placed.filter((entry) => entry.start <= edit.end && edit.start <= entry.end);
  const text = change.current;
  if (touched.length === 0) {
    const before = placed.filter((entry) => entry.end <= edit.start);
    const shift = before.length === 0 ? 0 : before[before.length - 1].end - (before[before.length - 1].piece.end);
    const start = edit.start - shift;
    change.pieces.push({ start, end: start + (edit.end - edit.start), newText: edit.newText, sensitive: Boolean(edit.sensitive) });
  } else {
    const first = touched[0];
    const last = touched[touched.length - 1];
    const from = Math.min(edit.start, first.start);
    const to = Math.max(edit.end, last.end);
    const start = edit.start < first.start ? edit.start - first.deltaBefore : first.piece.start;
    const end = edit.end > last.end ? last.piece.end + (edit.end - last.end) : last.piece.end;
    const newText = text.slice(from, edit.start) + edit.newText + text.slice(edit.end, to);
    const sensitive = Boolean(edit.sensitive) || touched.some((entry) => entry.piece.sensitive);
    change.pieces = change.pieces.filter((piece) => !touched.some((entry) => entry.piece === piece));
    change.pieces.push({ start, end, newText, sensitive });
  }
  change.pieces.sort((a, b) => a.start - b.start);
  change.current = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/**
 * A pass's sorted edits as pieces of a file no earlier pass changed (original coordinates are the
 * current ones), merging edits that touch so that no two pieces share a point, as `foldEdit`
 * keeps them; `undefined` when two edits overlap, which `foldEdit` then sorts out.
 */
function piecesOfFirstPass(edits: readonly TextEdit[]): Piece[] | undefined {
  const pieces: Piece[] = [];
  for (const edit of edits) {
    const last = pieces[pieces.length - 1];
    if (last && edit.start < last.end) return undefined;
    if (last && edit.start === last.end) {
      last.newText += edit.newText;
      last.end = edit.end;
      last.sensitive ||= Boolean(edit.sensitive);
    } else pieces.push({ start: edit.start, end: edit.end, newText: edit.newText, sensitive: Boolean(edit.sensitive) });
  }
  return pieces;
}

/**
 * Plans pass after pass, as `--fix` does, until nothing is left to apply or `maxPasses` is
 * reached; nothing is written. Only the files a pass changed (or whose fixes had to wait) are
 * re-analysed.
 */
export function simulateFixes(options: SimulateFixesOptions): SimulatedFixes {
  const changes = new Map<string, FileChange>();
  const read = (file: string): string | undefined => (changes.has(file) ? changes.get(file)?.current : options.readFile(file));
  const eligible = (finding: Finding): boolean => preferredSafeFix(finding) !== undefined && (options.eligible?.(finding) ?? true);
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const applied: Finding[] = [];
  let findings = options.findings;
  let passes = 0;
  let deferred = 0;

  while (passes < maxPasses) {
    const plan = planFixes(findings.filter(eligible), read);
    const writes = [...plan.files].filter(([file, text]) => plan.created.has(file) || text !== read(file));
    deferred = plan.deferred.length;
    if (writes.length === 0) break;
    passes++;
    const fixes = plan.applied.map((finding) => preferredSafeFix(finding) as Fix);
    for (const [file, text] of writes) {
      if (plan.created.has(file)) {
        const sensitive = fixes.some((fix) => fix.creates.some((creation) => creation.file === file && creation.sensitive));
        changes.set(file, { original: undefined, current: text, pieces: [], sensitive });
        continue;
      }
      const change = changes.get(file) ?? { original: read(file), current: read(file) as string, pieces: [], sensitive: false };
      const edits = passEdits(fixes, file);
      if (change.original === undefined) change.sensitive ||= edits.some((edit) => edit.sensitive);
      // A file's first pass is its pieces as they are (linear: a generated file may hold tens of
      // thousands of fixes); later passes fold in one by one, from the last edit to the first, so
      // the offsets of the ones still to fold stay valid.
      const firstPieces = change.pieces.length === 0 ? piecesOfFirstPass(edits) : undefined;
      if (firstPieces) change.pieces = firstPieces;
      else for (const edit of edits.reverse()) foldEdit(change, edit);
      change.current = text;
      changes.set(file, change);
    }
    applied.push(...plan.applied);
    if (options.untilNothingDeferred && plan.deferred.length === 0) break;
    const again = new Set([...writes.map(([file]) => file), ...plan.deferred.map((finding) => finding.file)]);
    findings = options.reanalyze([...again].sort(), read);
  }

  const files = new Map<string, string>();
  const created = new Set<string>();
  const fixes: Fix[] = [];
  for (const [file, change] of [...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    files.set(file, change.current);
    if (change.original === undefined) {
      created.add(file);
      fixes.push({ title: "", safe: true, edits: [], creates: [{ file, text: change.current, ...(change.sensitive ? { sensitive: true } : {}) }] });
    } else {
      const edits = change.pieces.map((piece) => ({ file, start: piece.start, end: piece.end, newText: piece.newText, ...(piece.sensitive ? { sensitive: true } : {}) }));
      fixes.push({ title: "", safe: true, edits, creates: [] });
    }
  }
  return { files, created, fixes, applied, passes, deferred: passes === maxPasses ? deferred : 0 };
}

function findingKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.file}\u0000${finding.message}`;
}

/**
 * Which of `original` the applied findings stand for: a later pass's finding is a re-analysed
 * copy (same rule, file and message, offsets moved), matched one for one.
 */
export function fixedOriginals(original: readonly Finding[], applied: readonly Finding[]): Set<Finding> {
  const waiting = new Map<string, number>();
  for (const finding of applied) waiting.set(findingKey(finding), (waiting.get(findingKey(finding)) ?? 0) + 1);
  const fixed = new Set<Finding>();
  for (const finding of original) {
    const left = waiting.get(findingKey(finding)) ?? 0;
    if (left === 0) continue;
    waiting.set(findingKey(finding), left - 1);
    fixed.add(finding);
  }
  return fixed;
}
