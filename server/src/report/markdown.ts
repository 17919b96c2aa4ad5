/**
 * The audit report as GitHub-flavoured Markdown, for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`: the scorecard table of the twelve factors, the three things to fix
 * first, then every finding as a `file:line` list per rule. Text from the project is escaped
 * (messages) or put in code spans (paths), so it cannot break the table or inject HTML.
 */
import type { ReportFinding, ReportNote } from "./findings";
import { codeSpan, escapeMarkdown as md } from "./escape";
import { formatDuration, plural, STATUS_LABEL } from "./labels";
import type { AuditReport, FactorSection, FactorStatus, RuleSection, TopFix } from "./model";

const STATUS_EMOJI: Record<FactorStatus, string> = { pass: "✅", info: "ℹ️", warnings: "⚠️", errors: "❌", "not-applicable": "➖" };

function link(text: string, url: string | null): string {
  // Percent-encode the characters that would end a Markdown link destination.
  return url ? `[${text}](${url.replace(/[()\s<>]/g, (char) => encodeURIComponent(char))})` : text;
}

function summaryLine(report: AuditReport): string {
  const { stats, totals } = report;
  const parts = [
    `**${plural(stats.files, "file")}** scanned in ${formatDuration(stats.durationMs)}`,
    `❌ ${plural(totals.error, "error")}`,
    `⚠️ ${plural(totals.warning, "warning")}`,
    `ℹ️ ${totals.info} info`,
    `🔧 ${totals.fixable} fixable with \`--fix\``,
    ...(totals.suggested > 0 ? [`💡 ${totals.suggested} with suggested fixes`] : []),
  ];
  const lines = [parts.join(" · ")];
  if (report.baselined > 0) lines.push("", `> ${plural(report.baselined, "finding")} recorded in the baseline ${report.baselined === 1 ? "is" : "are"} not shown.`);
  return lines.join("\n");
}

function topFix(fix: TopFix, index: number): string {
  const factor = fix.factor ? ` (Factor ${fix.factor} · ${md(fix.factorName ?? "")})` : "";
  const fixable = fix.fixable > 0 ? `, ${fix.fixable} fixable` : "";
  const description = fix.description ? ` ${md(fix.description)}` : "";
  return `${index + 1}. **${link(codeSpan(fix.ruleId), fix.docs)}**${factor}: ${plural(fix.count, "finding")} (${fix.severity}${fixable}).${description} First at ${codeSpan(`${fix.first.file}:${fix.first.line}`)}.`;
}

function scorecard(factors: readonly FactorSection[]): string {
  const rows = factors.map(
    (factor) =>
      `| ${factor.factor} | ${md(factor.name)} | ${STATUS_EMOJI[factor.status]} ${STATUS_LABEL[factor.status]} | ${factor.counts.error} | ${factor.counts.warning} | ${factor.counts.info} |`,
  );
  return ["| Factor | Name | Status | Errors | Warnings | Info |", "|---|---|---|---:|---:|---:|", ...rows].join("\n");
}

function findingLine(finding: ReportFinding, withRule = false): string {
  const rule = withRule ? `${codeSpan(finding.ruleId)} ` : "";
  const fixable = finding.fixable ? " _(fixable)_" : "";
  return `- ${rule}${codeSpan(`${finding.file}:${finding.range.start.line}`)} **${finding.severity}** ${md(finding.message)}${fixable}`;
}

function ruleBlock(rule: RuleSection): string {
  const star = rule.headline ? "★ " : "";
  const description = rule.description ? ` — ${md(rule.description)}` : "";
  return [`**${star}${link(codeSpan(rule.id), rule.docs)}** (${plural(rule.count, "finding")})${description}`, "", ...rule.findings.map((finding) => findingLine(finding))].join("\n");
}

function factorFindings(factor: FactorSection): string | undefined {
  const rules = factor.rules.filter((rule) => rule.count > 0);
  if (rules.length === 0) return undefined;
  return [`#### ${factor.factor}. ${md(factor.name)} ${STATUS_EMOJI[factor.status]}`, "", ...rules.map(ruleBlock).flatMap((block) => [block, ""])].join("\n").trimEnd();
}

function notesBlock(notes: readonly ReportNote[]): string[] {
  if (notes.length === 0) return [];
  const items = notes.map((note) => `- **${note.level}** ${note.file ? `${codeSpan(note.file)}: ` : ""}${md(note.message)}`);
  return ["### Notes", "", ...items, ""];
}

export function renderMarkdown(report: AuditReport): string {
  const top =
    report.topFixes.length === 0 ? ["Nothing to fix: no findings."] : report.topFixes.map((fix, index) => topFix(fix, index));
  const details = report.factors.map(factorFindings).filter((block): block is string => block !== undefined);
  const other = report.other.length > 0 ? ["#### Other findings", "", ...report.other.map((finding) => findingLine(finding, true)), ""] : [];
  const lines = [
    `## Twelve-Factor audit: ${md(report.projectName)}`,
    "",
    summaryLine(report),
    "",
    "### Fix first",
    "",
    ...top,
    "",
    "### Factors",
    "",
    scorecard(report.factors),
    "",
    "### Findings",
    "",
    ...(details.length === 0 && other.length === 0 ? ["No findings.", ""] : details.flatMap((block) => [block, ""])),
    ...other,
    ...notesBlock(report.notes),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
