import { FACTORS, type Factor, type Severity } from "../../server/src/engine/types";
import type { ReportFinding } from "../../server/src/report/findings";
import type { FactorStatus, RuleMeta, SeverityCounts } from "../../server/src/report/model";

/** A report finding with defaults, for building reports without running the engine. */
export function finding(overrides: Partial<ReportFinding> & { ruleId: string; file: string; line: number }): ReportFinding {
  const { line, ...rest } = overrides;
  return {
    factor: "III",
    severity: "warning",
    message: `Problem found by ${overrides.ruleId}.`,
    range: { start: { line, column: 5 }, end: { line, column: 9 } },
    signals: [],
    fixable: false,
    suggestedFix: false,
    docs: `https://example.invalid/docs/${overrides.ruleId}.md`,
    ...rest,
  };
}

export function rule(id: string, factor: Factor, defaultSeverity: Severity = "warning", headline = false): RuleMeta {
  return { id, factor, defaultSeverity, headline, description: `Checks ${id}.`, docs: `https://example.invalid/docs/${id}.md` };
}

export const STATS = { files: 7, parsed: 6, skipped: 1, bytes: 1234, durationMs: 1500 };

/** Warnings `--quiet` hid in the report tests: one of factor III (beside a shown error), two of VII. */
export function quietHiddenWarnings(): ReportFinding[] {
  return [
    finding({ ruleId: "config/no-hardcoded-secret", factor: "III", file: "src/mail.ts", line: 5 }),
    finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/server.ts", line: 3 }),
    finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/metrics.ts", line: 4 }),
  ];
}

export interface ScorecardRow {
  factor: string;
  status: string;
  error: number;
  warning: number;
  info: number;
}

/** The scorecard rows of a rendered HTML report, in document order. */
export function htmlScorecardRows(html: string): ScorecardRow[] {
  const pattern = /<tr data-factor="([^"]+)" data-status="([^"]+)">.*?<td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g;
  return [...html.matchAll(pattern)].map((match) => ({ factor: match[1], status: match[2], error: Number(match[3]), warning: Number(match[4]), info: Number(match[5]) }));
}

const MD_STATUS: Record<string, FactorStatus> = { "✅ Pass": "pass", "ℹ️ Info only": "info", "⚠️ Warnings": "warnings", "❌ Errors": "errors", "➖ Not applicable": "not-applicable" };

/** The scorecard rows of a rendered Markdown report, in document order. */
export function markdownScorecardRows(markdown: string): ScorecardRow[] {
  const pattern = /^\| (I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII) \| [^|]+ \| ([^|]+) \| (\d+) \| (\d+) \| (\d+) \|$/gm;
  return [...markdown.matchAll(pattern)].map((match) => ({ factor: match[1], status: MD_STATUS[match[2]] ?? `?${match[2]}`, error: Number(match[3]), warning: Number(match[4]), info: Number(match[5]) }));
}

/** Counts per factor computed straight from findings, independently of the report model. */
export function countsByFactor(findings: readonly Pick<ReportFinding, "factor" | "severity">[]): Map<Factor, SeverityCounts> {
  const counts = new Map<Factor, SeverityCounts>(FACTORS.map((factor) => [factor, { error: 0, warning: 0, info: 0 }]));
  for (const item of findings) if (item.factor) counts.get(item.factor)![item.severity]++;
  return counts;
}

/** What a row's status must be, given its counts and whether any rule covers the factor. */
export function statusFor(counts: SeverityCounts, covered: boolean): FactorStatus {
  if (counts.error > 0) return "errors";
  if (counts.warning > 0) return "warnings";
  if (counts.info > 0) return "info";
  return covered ? "pass" : "not-applicable";
}
