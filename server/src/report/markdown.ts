/**
 * The audit report as GitHub-flavoured Markdown, for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`: the scorecard table of the twelve factors, the three things to fix
 * first, then every finding as a `file:line` list per rule. Text from the project is escaped
 * (messages) or put in code spans (paths), so it cannot break the table or inject HTML.
 */
import type { ReportFinding, ReportNote } from "./findings";
import { codeSpan, escapeMarkdown as md } from "./escape";
import { formatDuration, hiddenCounts, plural, statusText } from "./labels";
import type { AuditReport, FactorSection, FactorStatus, RuleSection, TopFix } from "./model";

const STATUS_EMOJI: Record<FactorStatus, string> = { pass: "✅", info: "ℹ️", warnings: "⚠️", errors: "❌", "not-applicable": "➖" };

function link(text: string, url: string | null): string {
  // Percent-encode the characters that would end a Markdown link destination.
  return url ? `[${text}](${url.replace(/[()\s<>]/g, (char) => encodeURIComponent(char))})` : text;
}

/** "3 warnings", or "3 warnings hidden by --quiet" when none of them is shown. */
function countPart(shown: number, hidden: number, text: (count: number) => string, by: string): string {
  if (hidden === 0) return text(shown);
  return shown === 0 ? `${text(hidden)} hidden by ${by}` : `${text(shown)} (${hidden} more hidden by ${by})`;
}

/** Said under the summary, so a short report is never read as a clean one. */
function hiddenLine(report: AuditReport): string[] {
  const hidden = hiddenCounts(report.hidden);
  if (hidden === "") return [];
  const by = report.hidden.by ? codeSpan(report.hidden.by) : "The run's options";
  return ["", `> ${by} hides ${hidden}: the findings below leave them out, the factors' statuses count them.`];
}

function summaryLine(report: AuditReport): string {
  const { stats, totals, hidden } = report;
  const by = hidden.by ? codeSpan(hidden.by) : "the run's options";
  const parts = [
    `**${plural(stats.files, "file")}** scanned in ${formatDuration(stats.durationMs)}`,
    `❌ ${countPart(totals.error, hidden.error, (count) => plural(count, "error"), by)}`,
    `⚠️ ${countPart(totals.warning, hidden.warning, (count) => plural(count, "warning"), by)}`,
    `ℹ️ ${countPart(totals.info, hidden.info, (count) => `${count} info`, by)}`,
    `🔧 ${totals.fixable} fixable with \`--fix\``,
    ...(totals.suggested > 0 ? [`💡 ${totals.suggested} with suggested fixes`] : []),
  ];
  const lines = [parts.join(" · "), ...hiddenLine(report)];
  if (report.baselined > 0) lines.push("", `> ${plural(report.baselined, "finding")} recorded in the baseline ${report.baselined === 1 ? "is" : "are"} not shown.`);
  return lines.join("\n");
}

function topFix(fix: TopFix, index: number): string {
  const factor = fix.factor ? ` (Factor ${fix.factor} · ${md(fix.factorName ?? "")})` : "";
  const fixable = fix.fixable > 0 ? `, ${fix.fixable} fixable` : "";
  const description = fix.description ? ` ${md(fix.description)}` : "";
  return `${index + 1}. **${link(codeSpan(fix.ruleId), fix.docs)}**${factor}: ${plural(fix.count, "finding")} (${fix.severity}${fixable}).${description} First at ${codeSpan(`${fix.first.file}:${fix.first.line}`)}.`;
}

function scorecard(factors: readonly FactorSection[], hiddenBy: string | null): string {
  const rows = factors.map(
    (factor) =>
      `| ${factor.factor} | ${md(factor.name)} | ${STATUS_EMOJI[factor.status]} ${md(statusText(factor, hiddenBy))} | ${factor.counts.error} | ${factor.counts.warning} | ${factor.counts.info} |`,
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
  const hidden = hiddenCounts(report.hidden);
  const hiddenNote = hidden === "" ? "" : ` (${hidden} hidden by ${report.hidden.by ? codeSpan(report.hidden.by) : "the run's options"})`;
  const top =
    report.topFixes.length === 0
      ? [hidden === "" ? "Nothing to fix: no findings." : `Nothing to fix among the findings shown${hiddenNote}.`]
      : report.topFixes.map((fix, index) => topFix(fix, index));
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
    scorecard(report.factors, report.hidden.by),
    "",
    "### Findings",
    "",
    ...(details.length === 0 && other.length === 0 ? [hidden === "" ? "No findings." : `No findings shown${hiddenNote}.`, ""] : details.flatMap((block) => [block, ""])),
    ...other,
    ...notesBlock(report.notes),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
