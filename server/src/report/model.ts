/**
 * The audit report: the twelve factors I..XII with their status, counts and findings grouped by
 * rule, plus totals and the three things to fix first. Pure data, built the same way for the
 * CLI (`--format html|markdown`) and the editor's report view, and deterministic: the same
 * findings always give the same report (only `stats.durationMs` varies between runs).
 */
import path from "node:path";
import { FACTORS, type Factor, type Severity } from "../engine/types";
import { FACTOR_INFO } from "./factors";
import type { ReportFinding, ReportNote, ReportStats } from "./findings";

export type { ReportFinding, ReportNote, ReportStats } from "./findings";

/** What the report needs to know about a rule; `RuleDefinition` from the registry fits. */
export interface RuleMeta {
  id: string;
  factor: Factor;
  description: string;
  defaultSeverity: Severity;
  docs?: string;
  headline?: boolean;
}

/** `info`: only advice-level findings; nothing fails, but the factor is not clean either. */
export type FactorStatus = "pass" | "info" | "warnings" | "errors" | "not-applicable";

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface RuleSection {
  id: string;
  description: string;
  docs: string | null;
  /** The most severe level among its findings; the rule's default when it found nothing. */
  severity: Severity;
  headline: boolean;
  count: number;
  findings: ReportFinding[];
}

export interface FactorSection {
  factor: Factor;
  name: string;
  statement: string;
  /** Counts the hidden findings too: a factor whose warnings were hidden is not a pass. */
  status: FactorStatus;
  /** The findings shown. */
  counts: SeverityCounts;
  /** Findings the run left out of the report (see `AuditReport.hidden`). */
  hidden: SeverityCounts;
  rules: RuleSection[];
}

export interface TopFix {
  ruleId: string;
  factor: Factor | null;
  factorName: string | null;
  description: string;
  docs: string | null;
  /** The most severe level among the rule's findings. */
  severity: Severity;
  count: number;
  /** How many of them `--fix` / "fix all" can fix. */
  fixable: number;
  /** Where to start: the rule's first finding in file order. */
  first: { file: string; line: number; column: number };
}

export interface AuditReport {
  root: string;
  projectName: string;
  stats: ReportStats;
  /** `fixable`: what one `--fix` / fix-all fixes; `suggested`: findings whose only fixes need review. */
  totals: SeverityCounts & { fixable: number; suggested: number };
  /** Findings hidden because the baseline already records them. */
  baselined: number;
  /** Findings left out of the report though found (`--quiet` shows errors only), and what left them out. */
  hidden: SeverityCounts & { by: string | null };
  topFixes: TopFix[];
  /** Always twelve, in order I..XII. */
  factors: FactorSection[];
  /** Findings tied to no factor (an unknown rule id in a disable comment). */
  other: ReportFinding[];
  notes: ReportNote[];
}

export interface AuditReportInput {
  root: string;
  findings: readonly ReportFinding[];
  stats: ReportStats;
  rules: readonly RuleMeta[];
  notes?: readonly ReportNote[];
  baselined?: number;
  /** Defaults to the root folder's name. */
  projectName?: string;
  /** Findings the report leaves out (`--quiet`'s warnings and infos) and what left them out ("--quiet"). */
  hidden?: { findings: readonly ReportFinding[]; by: string };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function byLocation(a: ReportFinding, b: ReportFinding): number {
  return (
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function worstSeverity(findings: readonly ReportFinding[], fallback: Severity): Severity {
  let worst: Severity | undefined;
  for (const finding of findings) {
    if (worst === undefined || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[worst]) worst = finding.severity;
  }
  return worst ?? fallback;
}

function countSeverities(findings: readonly ReportFinding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/**
 * Info findings alone do not fail a factor, but a row reading "Pass" above findings would tell a
 * reviewer there is nothing to look at: they get their own status. Hidden findings count: a
 * status never claims more than the findings allow.
 */
function factorStatus(rules: readonly RuleSection[], counts: SeverityCounts): FactorStatus {
  if (counts.error > 0) return "errors";
  if (counts.warning > 0) return "warnings";
  if (counts.info > 0) return "info";
  return rules.length === 0 ? "not-applicable" : "pass";
}

function ruleSection(id: string, meta: RuleMeta | undefined, findings: ReportFinding[]): RuleSection {
  return {
    id,
    description: meta?.description ?? "",
    docs: meta?.docs ?? findings.find((finding) => finding.docs !== null)?.docs ?? null,
    severity: worstSeverity(findings, meta?.defaultSeverity ?? "info"),
    headline: meta?.headline ?? false,
    count: findings.length,
    findings: [...findings].sort(byLocation),
  };
}

/**
 * The three rules to fix first, counting only findings outside test and fixture code. Ranking, most urgent first: the rule's worst severity (errors
 * before warnings before info), then the ★ headline rules (the riskiest families: secrets,
 * local state, fixed ports, file logs), then how many findings it has, then factor order and
 * rule id so ties always break the same way.
 */
function rankTopFixes(sections: readonly RuleSection[], factorOf: ReadonlyMap<string, Factor | null>): TopFix[] {
  // Test and fixture code is never deployed: it is listed with its rule, never as a first fix.
  const candidates = sections
    .map((section) => {
      const findings = section.findings.filter((finding) => !finding.inTestCode);
      return findings.length === section.count ? section : { ...section, findings, count: findings.length, severity: worstSeverity(findings, section.severity) };
    })
    .filter((section) => section.count > 0);
  const factorIndex = (id: string) => {
    const factor = factorOf.get(id);
    return factor ? FACTORS.indexOf(factor) : FACTORS.length;
  };
  candidates.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      Number(b.headline) - Number(a.headline) ||
      b.count - a.count ||
      factorIndex(a.id) - factorIndex(b.id) ||
      compareText(a.id, b.id),
  );
  return candidates.slice(0, 3).map((section) => {
    const factor = factorOf.get(section.id) ?? null;
    const first = section.findings[0];
    return {
      ruleId: section.id,
      factor,
      factorName: factor ? FACTOR_INFO[factor].name : null,
      description: section.description,
      docs: section.docs,
      severity: section.severity,
      count: section.count,
      fixable: section.findings.filter((finding) => finding.fixable).length,
      first: { file: first.file, line: first.range.start.line, column: first.range.start.column },
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

export function buildAuditReport(input: AuditReportInput): AuditReport {
  const metaById = new Map(input.rules.map((rule) => [rule.id, rule]));
  const withFactor = input.findings.filter((finding) => finding.factor !== null);
  const other = input.findings.filter((finding) => finding.factor === null).sort(byLocation);
  // A finding's own factor wins over its rule's: the engine stamps it from the rule anyway.
  const findingsByRule = groupBy(withFactor, (finding) => finding.ruleId);
  const factorOf = new Map<string, Factor | null>();
  for (const rule of input.rules) factorOf.set(rule.id, rule.factor);
  for (const finding of withFactor) factorOf.set(finding.ruleId, finding.factor);

  const hiddenFindings = input.hidden?.findings ?? [];
  const allSections: RuleSection[] = [];
  const factors: FactorSection[] = FACTORS.map((factor) => {
    const ids = new Set<string>();
    for (const rule of input.rules) if (rule.factor === factor) ids.add(rule.id);
    for (const [id, findings] of findingsByRule) if (findings[0].factor === factor) ids.add(id);
    const rules = [...ids]
      .map((id) => ruleSection(id, metaById.get(id), findingsByRule.get(id) ?? []))
      // Rules with findings first, the worst first; clean rules after, by id.
      .sort((a, b) => Number(b.count > 0) - Number(a.count > 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || compareText(a.id, b.id));
    allSections.push(...rules);
    const counts = countSeverities(rules.flatMap((rule) => rule.findings));
    const hidden = countSeverities(hiddenFindings.filter((finding) => (finding.factor ?? factorOf.get(finding.ruleId)) === factor));
    const all = { error: counts.error + hidden.error, warning: counts.warning + hidden.warning, info: counts.info + hidden.info };
    return { factor, ...FACTOR_INFO[factor], status: factorStatus(rules, all), counts, hidden, rules };
  });
  if (other.length > 0) {
    for (const [id, findings] of groupBy(other, (finding) => finding.ruleId)) {
      factorOf.set(id, null);
      allSections.push(ruleSection(id, undefined, findings));
    }
  }

  const totals = {
    ...countSeverities(input.findings),
    fixable: input.findings.filter((finding) => finding.fixable).length,
    suggested: input.findings.filter((finding) => !finding.fixable && finding.suggestedFix).length,
  };
  return {
    root: input.root,
    projectName: input.projectName ?? (path.basename(input.root) || input.root),
    stats: { ...input.stats },
    totals,
    baselined: input.baselined ?? 0,
    hidden: { ...countSeverities(hiddenFindings), by: input.hidden?.by ?? null },
    topFixes: rankTopFixes(allSections, factorOf),
    factors,
    other,
    notes: [...(input.notes ?? [])].sort((a, b) => compareText(a.file ?? "", b.file ?? "") || compareText(a.message, b.message)),
  };
}
