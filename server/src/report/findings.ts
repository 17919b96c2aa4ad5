/**
 * Findings as every report shows them: relative paths, 1-based positions, no fix edits. The CLI
 * formatters, the audit report (HTML, Markdown) and the editor's report view all start here.
 */
import path from "node:path";
import { preferredSafeFix } from "../engine/applyFixes";
import type { RuleDefinition } from "../engine/rule";
import type { Factor, Finding, Note, Severity } from "../engine/types";

/** 1-based line and column (UTF-16 code units), as editors, ESLint and SARIF show them. */
export interface ReportPosition {
  line: number;
  column: number;
}

/**
 * What every output format is built from. It holds no fix edits: the edits of a secret fix carry
 * the secret value (moved into `.env`), so nothing that could print them ever receives them.
 */
export interface ReportFinding {
  ruleId: string;
  factor: Factor | null;
  severity: Severity;
  message: string;
  /** Relative to the project root, with forward slashes. */
  file: string;
  range: { start: ReportPosition; end: ReportPosition };
  signals: string[];
  /** One `--fix` (or the editor's fix-all) fixes it. */
  fixable: boolean;
  /** It has a fix that `--fix` does not apply: one to review in the editor. */
  suggestedFix: boolean;
  docs: string | null;
  /** Found in test or fixture code (see `Finding.inTestCode`); absent otherwise. */
  inTestCode?: true;
}

export interface ReportNote {
  level: Note["level"];
  file: string | null;
  message: string;
}

export interface ReportStats {
  files: number;
  parsed: number;
  skipped: number;
  bytes: number;
  durationMs: number;
}

export interface Report {
  root: string;
  stats: ReportStats;
  findings: ReportFinding[];
  notes: ReportNote[];
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  /** Findings whose only fixes need review. */
  suggested: number;
}

export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/**
 * `fixable`: the findings one `--fix` fixes (a simulation of its passes); without it, a finding
 * counts as fixable when its preferred fix is safe.
 */
export function toReportFinding(root: string, finding: Finding, rules: ReadonlyMap<string, RuleDefinition>, fixable?: ReadonlySet<Finding>): ReportFinding {
  const isFixable = fixable ? fixable.has(finding) : preferredSafeFix(finding) !== undefined;
  return {
    ruleId: finding.ruleId,
    factor: finding.factor ?? null,
    severity: finding.severity,
    message: finding.message,
    file: relativePath(root, finding.file),
    range: {
      start: { line: finding.range.start.line + 1, column: finding.range.start.character + 1 },
      end: { line: finding.range.end.line + 1, column: finding.range.end.character + 1 },
    },
    signals: [...finding.signals],
    fixable: isFixable,
    suggestedFix: !isFixable && finding.fixes.length > 0,
    docs: rules.get(finding.ruleId)?.docs ?? null,
    ...(finding.inTestCode ? { inTestCode: true as const } : {}),
  };
}

export function toReportNote(root: string, note: Note): ReportNote {
  return { level: note.level, file: note.file === undefined ? null : relativePath(root, note.file), message: note.message };
}

export function buildReport(input: { root: string; stats: ReportStats; findings: readonly Finding[]; notes: readonly Note[]; rules: readonly RuleDefinition[]; fixable?: ReadonlySet<Finding> }): Report {
  const rules = new Map(input.rules.map((rule) => [rule.id, rule]));
  return {
    root: input.root,
    // Picked field by field: the JSON schema is versioned, so nothing joins it by accident.
    stats: { files: input.stats.files, parsed: input.stats.parsed, skipped: input.stats.skipped, bytes: input.stats.bytes, durationMs: input.stats.durationMs },
    findings: input.findings.map((finding) => toReportFinding(input.root, finding, rules, input.fixable)),
    notes: input.notes.map((note) => toReportNote(input.root, note)),
  };
}

export function countFindings(findings: readonly ReportFinding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0, suggested: 0 };
  for (const finding of findings) {
    if (finding.severity === "error") counts.errors++;
    else if (finding.severity === "warning") counts.warnings++;
    else counts.infos++;
    if (finding.fixable) counts.fixable++;
    else if (finding.suggestedFix) counts.suggested++;
  }
  return counts;
}
