import { buildAuditReport, type AuditReport, type RuleMeta } from "./model";
import type { Report, ReportFinding } from "./findings";
import { readProjectName } from "./projectName";

export interface AuditFormatOptions {
  rules: readonly RuleMeta[];
  /** Findings hidden by a baseline, when one was applied. */
  baselined?: number;
  /** Findings found but left out of `report` (`--quiet`'s warnings and infos), and what left them out. */
  hidden?: { findings: readonly ReportFinding[]; by: string };
}

/** The flat report (what text, JSON and SARIF print) as the per-factor audit report. */
export function toAuditReport(report: Report, options: AuditFormatOptions): AuditReport {
  return buildAuditReport({
    root: report.root,
    projectName: readProjectName(report.root),
    findings: report.findings,
    stats: report.stats,
    rules: options.rules,
    notes: report.notes,
    baselined: options.baselined,
    hidden: options.hidden,
  });
}
