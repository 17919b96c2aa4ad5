import { createHash } from "node:crypto";
import type { Severity } from "../../engine/types";
import type { Report, ReportFinding } from "../reportModel";

/** GitLab's Code Quality severities (the Code Climate ones). */
export type GitlabSeverity = "info" | "minor" | "major" | "critical" | "blocker";

const SEVERITY: Record<Severity, GitlabSeverity> = { error: "major", warning: "minor", info: "info" };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab reads one issue per fingerprint, so copies of an identical line in one file (which the
 * baseline counts under one fingerprint) get the baseline's fingerprint for the first copy and a
 * hash of it and the copy's number for the others: stable across runs, and still all shown.
 */
function uniqueFingerprints(findings: readonly ReportFinding[], fingerprints: ReadonlyMap<ReportFinding, string>): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const print = fingerprints.get(finding);
    if (print === undefined) throw new Error(`no fingerprint for a finding of ${finding.ruleId} in ${finding.file}`);
    const copies = (seen.get(print) ?? 0) + 1;
    seen.set(print, copies);
    return copies === 1 ? print : createHash("sha256").update(`${print}#${copies}`).digest("hex");
  });
}

/**
 * The Code Quality report GitLab shows in merge requests (`artifacts: reports: codequality`).
 * `fingerprints` come from the baseline's fingerprint, so a finding keeps its identity when
 * lines move, and GitLab's "new in this merge request" agrees with the baseline.
 */
export function toGitlab(report: Report, fingerprints: ReadonlyMap<ReportFinding, string>): GitlabIssue[] {
  const prints = uniqueFingerprints(report.findings, fingerprints);
  return report.findings.map((finding, index) => ({
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint: prints[index],
    severity: SEVERITY[finding.severity],
    location: { path: finding.file, lines: { begin: finding.range.start.line, end: finding.range.end.line } },
  }));
}

export function formatGitlab(report: Report, fingerprints: ReadonlyMap<ReportFinding, string>): string {
  return `${JSON.stringify(toGitlab(report, fingerprints), null, 2)}\n`;
}
