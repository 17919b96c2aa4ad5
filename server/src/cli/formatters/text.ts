import { countFindings, type Counts, type Report, type ReportFinding } from "../reportModel";
import { palette, type Palette } from "./colors";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function severityColor(colors: Palette, severity: ReportFinding["severity"]): (text: string) => string {
  return severity === "error" ? colors.red : severity === "warning" ? colors.yellow : colors.blue;
}

/** One file's findings as aligned columns: `line:col  severity  message  rule-id` (ESLint's stylish). */
function fileBlock(file: string, findings: readonly ReportFinding[], colors: Palette): string {
  const rows = findings.map((finding) => ({
    location: `${finding.range.start.line}:${finding.range.start.column}`,
    severity: finding.severity,
    // A message is one sentence; a stray line break would tear the columns apart.
    message: finding.message.replace(/\s*[\r\n]+\s*/g, " "),
    ruleId: finding.ruleId,
  }));
  const width = (key: "location" | "severity" | "message") => Math.max(...rows.map((row) => row[key].length));
  const [locationWidth, severityWidth, messageWidth] = [width("location"), width("severity"), width("message")];
  const lines = rows.map(
    (row) =>
      `  ${colors.dim(row.location.padEnd(locationWidth))}  ${severityColor(colors, row.severity)(row.severity.padEnd(severityWidth))}  ${row.message.padEnd(messageWidth)}  ${colors.dim(row.ruleId)}`,
  );
  return [colors.underline(file), ...lines].join("\n");
}

/**
 * The human report: findings grouped by file in the order given (the audit sorts them), then
 * one summary line. A clean run says so in one line, so an empty log never leaves a reader
 * wondering whether anything ran. Notes are not part of it: the CLI writes them to stderr.
 */
/** "3 warnings and 1 info hidden by --quiet": the severities `--quiet` left out, by name. */
function quietHidden(hidden: Counts | undefined): { text: string; severities: Set<"errors" | "warnings" | "infos"> } {
  const severities = new Set<"errors" | "warnings" | "infos">();
  const parts: string[] = [];
  for (const [key, word] of [["errors", "error"], ["warnings", "warning"], ["infos", "info"]] as const) {
    if (!hidden || hidden[key] === 0) continue;
    severities.add(key);
    parts.push(plural(hidden[key], word));
  }
  const list = parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return { text: list ? `${list} hidden by --quiet` : "", severities };
}

export function formatText(report: Report, options: { color: boolean; quiet?: boolean; baselined?: number; hidden?: Counts }): string {
  const colors = palette(options.color);
  const counts = countFindings(report.findings);
  // Said on the summary line, so nobody mistakes a baselined run for a clean codebase.
  const hidden = options.baselined ? `${plural(options.baselined, "baselined finding")} hidden` : "";
  // Likewise what --quiet left out: "0 warnings" would claim more than the findings allow.
  const quiet = quietHidden(options.hidden);
  if (report.findings.length === 0) {
    const what = options.quiet ? "No errors found" : "No problems found";
    const extra = [hidden, quiet.text].filter((text) => text !== "").map((text) => `, ${text}`).join("");
    return `${colors.green("✔")} ${what} (${plural(report.stats.files, "file")} checked${extra}).\n`;
  }
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const blocks = [...byFile].map(([file, findings]) => fileBlock(file, findings, colors));

  const total = report.findings.length;
  const summaryColor = counts.errors > 0 ? colors.red : counts.warnings > 0 ? colors.yellow : colors.blue;
  const shownCounts = [
    ...(quiet.severities.has("errors") ? [] : [plural(counts.errors, "error")]),
    ...(quiet.severities.has("warnings") ? [] : [plural(counts.warnings, "warning")]),
    ...(quiet.severities.has("infos") ? [] : [plural(counts.infos, "info")]),
  ].join(", ");
  const summary =
    summaryColor(colors.bold(`✖ ${plural(total, "problem")} (${shownCounts}${quiet.text ? `; ${quiet.text}` : ""})`)) +
    (hidden ? ` ${colors.dim(`(${hidden})`)}` : "");
  // Fixable is what one `--fix` applies; fixes that need review are counted apart, never as fixable.
  const suggested = counts.suggested === 0 ? "" : `${counts.suggested} with ${counts.suggested === 1 ? "a suggested fix" : "suggested fixes"} to review in the editor`;
  const fixable =
    counts.fixable > 0
      ? [`  ${counts.fixable === 1 ? "1 problem is" : `${counts.fixable} problems are`} fixable with --fix${suggested ? `; ${suggested}` : ""}.`]
      : suggested
        ? [`  ${counts.suggested === 1 ? "1 problem" : `${counts.suggested} problems`}${suggested.slice(String(counts.suggested).length)}.`]
        : [];
  return [...blocks.map((block) => `${block}\n`), summary, ...fixable].join("\n") + "\n";
}
