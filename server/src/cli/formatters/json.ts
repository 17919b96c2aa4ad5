import { countFindings, type Report, type ReportFinding, type ReportNote, type ReportStats } from "../reportModel";

/** The `--format json` document; its shape is documented in docs/json-format.md and versioned. */
export interface JsonReport {
  version: 1;
  root: string;
  stats: ReportStats;
  /** `baselined`: findings a baseline hid; only present when a baseline hid some. */
  summary: { problems: number; errors: number; warnings: number; infos: number; fixable: number; suggested: number; baselined?: number };
  findings: ReportFinding[];
  notes: ReportNote[];
}

export function toJsonReport(report: Report, options: { baselined?: number } = {}): JsonReport {
  const counts = countFindings(report.findings);
  return {
    version: 1,
    root: report.root,
    stats: report.stats,
    summary: { problems: report.findings.length, ...counts, ...(options.baselined ? { baselined: options.baselined } : {}) },
    // Fields are listed one by one so a later addition to ReportFinding is a deliberate change here.
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      factor: finding.factor,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      range: finding.range,
      signals: finding.signals,
      fixable: finding.fixable,
      suggestedFix: finding.suggestedFix,
      docs: finding.docs,
    })),
    notes: report.notes.map((note) => ({ level: note.level, file: note.file, message: note.message })),
  };
}

export function formatJson(report: Report, options: { baselined?: number } = {}): string {
  return `${JSON.stringify(toJsonReport(report, options), null, 2)}\n`;
}
