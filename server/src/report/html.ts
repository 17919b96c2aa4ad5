/**
 * The audit report as one self-contained HTML page: inline CSS, no remote content, a strict
 * Content-Security-Policy. File mode (CLI `--format html`) has no script at all and links each
 * finding to `<file>#L<line>`; webview mode adds one nonce'd script that posts clicks to the
 * extension. Every piece of text from the project (paths, messages) goes through escapeHtml.
 */
import { createHash } from "node:crypto";
import type { ReportFinding, ReportNote } from "./findings";
import { encodePath, escapeHtml as esc, escapeHtmlWithCode as escCode } from "./escape";
import { REPORT_CSS } from "./htmlStyle";
import { formatDuration, hiddenCounts, plural, SEVERITY_LABEL, statusText } from "./labels";
import type { AuditReport, FactorSection, FactorStatus, RuleSection, TopFix } from "./model";
import { WEBVIEW_SCRIPT } from "./webviewScript";

export interface HtmlOptions {
  /** Render for a VS Code webview: `cspSource` is `webview.cspSource`, `nonce` fresh per render. */
  webview?: { cspSource: string; nonce: string };
  /**
   * File mode: prefix of finding links, i.e. the path from the report's folder to the project
   * root ("" when the report sits in the root, "../" when it sits in `reports/`).
   */
  linkBase?: string;
}

interface Context {
  webview: boolean;
  linkBase: string;
}

const STATUS_ICON: Record<FactorStatus, string> = { pass: "✔", info: "ℹ", warnings: "⚠", errors: "✖", "not-applicable": "–" };

function contentSecurityPolicy(options: HtmlOptions): string {
  if (options.webview) {
    const { cspSource, nonce } = options.webview;
    return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource}; font-src ${cspSource}; base-uri 'none'; form-action 'none'`;
  }
  // The one inline stylesheet is allowed by its hash, so not even an injected <style> could apply.
  const styleHash = createHash("sha256").update(REPORT_CSS).digest("base64");
  return `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`;
}

function statusBadge(factor: FactorSection, hiddenBy: string | null): string {
  return `<span class="status status-${factor.status}"><span aria-hidden="true">${STATUS_ICON[factor.status]}</span> ${esc(statusText(factor, hiddenBy))}</span>`;
}

/** "3 warnings and 1 info hidden by --quiet", or "" when the report hides nothing. */
function hiddenNote(report: AuditReport): string {
  const hidden = hiddenCounts(report.hidden);
  return hidden === "" ? "" : `${hidden} hidden by ${report.hidden.by ?? "the run's options"}`;
}

function location(file: string, line: number, column: number, context: Context): string {
  const data = `data-file="${esc(file)}" data-line="${line}" data-column="${column}"`;
  const href = context.webview ? "#" : `${context.linkBase}${encodePath(file)}#L${line}`;
  return `<a class="finding-link loc" href="${esc(href)}" ${data}>${esc(file)}:${line}</a>`;
}

function docsLink(docs: string | null, text: string): string {
  return docs ? `<a href="${esc(docs)}">${esc(text)}</a>` : esc(text);
}

function summary(report: AuditReport): string {
  const { stats, totals } = report;
  const items: [label: string, value: string, tone: string][] = [
    ["Files scanned", String(stats.files), ""],
    ["Time taken", formatDuration(stats.durationMs), ""],
    ["Errors", String(totals.error), totals.error > 0 ? " sev-error" : ""],
    ["Warnings", String(totals.warning), totals.warning > 0 ? " sev-warning" : ""],
    ["Info", String(totals.info), ""],
    ["Fixable", String(totals.fixable), ""],
    ...(totals.suggested > 0 ? [["With suggested fixes", String(totals.suggested), ""] as [string, string, string]] : []),
  ];
  const cells = items.map(([label, value, tone]) => `<li><span class="value${tone}">${esc(value)}</span> <span class="muted">${esc(label)}</span></li>`).join("");
  const baseline =
    report.baselined > 0 ? `<p class="baselined muted">${esc(plural(report.baselined, "finding"))} recorded in the baseline ${report.baselined === 1 ? "is" : "are"} not shown.</p>` : "";
  const hidden = hiddenNote(report);
  const hiddenLine = hidden === "" ? "" : `<p class="hidden-findings muted">${esc(hidden)}: the findings below leave them out, the factors' statuses count them.</p>`;
  return `<section aria-labelledby="summary-heading"><h2 id="summary-heading">Summary</h2><ul class="stats">${cells}</ul>${hiddenLine}${baseline}</section>`;
}

function actions(): string {
  const button = (action: string, label: string, extra = "") => `<button type="button" data-action="${action}"${extra}>${label}</button>`;
  return `<nav class="actions" aria-label="Report actions">${[
    button("rerun", "Re-run audit"),
    button("fixAll", "Fix all safe problems…"),
    button("export", "Export HTML", ' data-format="html"'),
    button("export", "Export Markdown", ' data-format="markdown"'),
  ].join("")}</nav>`;
}

/**
 * Hidden until the extension says the code changed since this audit (a "stale" message): the
 * counts above no longer match the editor's diagnostics, and one click runs the audit again.
 */
function staleBanner(): string {
  return `<div class="stale" id="stale" role="status" hidden><span>The code changed since this audit: these results may be out of date.</span> <button type="button" data-action="rerun">Re-run audit</button></div>`;
}

function topFix(fix: TopFix, context: Context): string {
  const factor = fix.factor ? ` <span class="muted">(Factor ${fix.factor} · ${esc(fix.factorName ?? "")})</span>` : "";
  const fixable = fix.fixable > 0 ? `, ${fix.fixable} fixable` : "";
  const counts = `${esc(plural(fix.count, "finding"))} (<span class="sev sev-${fix.severity}">${fix.severity}</span>${fixable})`;
  const description = fix.description ? ` ${escCode(fix.description)}` : "";
  return `<li><strong>${docsLink(fix.docs, fix.ruleId)}</strong>${factor}: ${counts}.${description} First at ${location(fix.first.file, fix.first.line, fix.first.column, context)}.</li>`;
}

function topFixes(report: AuditReport, context: Context): string {
  const body =
    report.topFixes.length === 0 ? `<p>${hiddenNote(report) === "" ? "Nothing to fix: no findings." : esc(`Nothing to fix among the findings shown (${hiddenNote(report)}).`)}</p>` : `<ol class="top">${report.topFixes.map((fix) => topFix(fix, context)).join("")}</ol>`;
  return `<section aria-labelledby="top-heading"><h2 id="top-heading">Fix first</h2>${body}</section>`;
}

function scorecard(report: AuditReport): string {
  const rows = report.factors.map(
    (factor) =>
      `<tr data-factor="${factor.factor}" data-status="${factor.status}"><th scope="row">${factor.factor}</th>` +
      `<td><a href="#factor-${factor.factor}">${esc(factor.name)}</a></td><td>${statusBadge(factor, report.hidden.by)}</td>` +
      `<td class="num">${factor.counts.error}</td><td class="num">${factor.counts.warning}</td><td class="num">${factor.counts.info}</td></tr>`,
  );
  const head = `<tr><th scope="col">Factor</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Info</th></tr>`;
  return `<section aria-labelledby="factors-heading"><h2 id="factors-heading">Factors</h2><table class="scorecard"><caption class="muted">The twelve factors, I to XII</caption><thead>${head}</thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function findingItem(finding: ReportFinding, context: Context): string {
  const fixable = finding.fixable ? ` <span class="muted">(fixable)</span>` : "";
  return `<li>${location(finding.file, finding.range.start.line, finding.range.start.column, context)} <span class="sev sev-${finding.severity}">${SEVERITY_LABEL[finding.severity]}</span> ${escCode(finding.message)}${fixable}</li>`;
}

function ruleBlock(rule: RuleSection, context: Context): string {
  const star = rule.headline ? `<span aria-label="headline rule">★</span> ` : "";
  const count = `<span class="muted">${esc(plural(rule.count, "finding"))}</span>`;
  const description = rule.description ? `<p class="muted">${escCode(rule.description)}</p>` : "";
  const findings = rule.findings.length > 0 ? `<ul class="findings">${rule.findings.map((finding) => findingItem(finding, context)).join("")}</ul>` : "";
  return `<div class="rule" data-rule="${esc(rule.id)}"><h4>${star}${docsLink(rule.docs, rule.id)} ${count}</h4>${description}${findings}</div>`;
}

function factorBlock(factor: FactorSection, context: Context, hiddenBy: string | null): string {
  const open = factor.counts.error + factor.counts.warning + factor.counts.info > 0 ? " open" : "";
  const counts = `<span class="muted"> · ${factor.counts.error} errors, ${factor.counts.warning} warnings, ${factor.counts.info} info</span>`;
  // Only rules that found something get a block: a dozen "0 findings" headings buried the ones
  // that matter. The clean ones are counted in one line.
  const found = factor.rules.filter((rule) => rule.count > 0);
  const clean = factor.rules.length - found.length;
  const cleanLine =
    clean === 0 ? "" : `<p class="muted clean">${found.length === 0 ? `${esc(plural(clean, "rule"))} checked: no findings.` : `${esc(plural(clean, "more rule"))} checked: no findings.`}</p>`;
  const rules = factor.rules.length === 0 ? `<p class="muted">No rule checks this factor yet.</p>` : found.map((rule) => ruleBlock(rule, context)).join("") + cleanLine;
  return (
    `<details class="factor" id="factor-${factor.factor}" data-factor="${factor.factor}" data-status="${factor.status}"${open}>` +
    `<summary><h3>${factor.factor}. ${esc(factor.name)}</h3> ${statusBadge(factor, hiddenBy)}${counts}</summary>` +
    `<p><em>${esc(factor.statement)}</em></p>${rules}</details>`
  );
}

function otherFindings(report: AuditReport, context: Context): string {
  if (report.other.length === 0) return "";
  const items = report.other.map((finding) => findingItem(finding, context).replace("<li>", `<li>${esc(finding.ruleId)}: `)).join("");
  return `<section aria-labelledby="other-heading"><h2 id="other-heading">Other findings</h2><ul class="findings">${items}</ul></section>`;
}

function notes(list: readonly ReportNote[]): string {
  if (list.length === 0) return "";
  const items = list.map((note) => `<li><span class="sev sev-${note.level}">${note.level}</span> ${note.file ? `<span class="loc">${esc(note.file)}</span>: ` : ""}${escCode(note.message)}</li>`);
  return `<section aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2><ul class="findings">${items.join("")}</ul></section>`;
}

export function renderHtml(report: AuditReport, options: HtmlOptions = {}): string {
  const context: Context = { webview: options.webview !== undefined, linkBase: options.linkBase ?? "" };
  const nonce = options.webview ? ` nonce="${esc(options.webview.nonce)}"` : "";
  const title = `Twelve-Factor audit: ${report.projectName}`;
  const script = options.webview ? `<script${nonce}>${WEBVIEW_SCRIPT}</script>` : "";
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(options))}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<style${nonce}>${REPORT_CSS}</style>`,
    `</head>`,
    `<body>`,
    `<header><h1>${esc(title)}</h1><p class="muted">${esc(plural(report.totals.error + report.totals.warning + report.totals.info, "finding"))} across the twelve factors.</p></header>`,
    `<main>`,
    options.webview ? staleBanner() : "",
    options.webview ? actions() : "",
    summary(report),
    topFixes(report, context),
    scorecard(report),
    `<section aria-labelledby="details-heading"><h2 id="details-heading">Findings by factor</h2>${report.factors.map((factor) => factorBlock(factor, context, report.hidden.by)).join("\n")}</section>`,
    otherFindings(report, context),
    notes(report.notes),
    `</main>`,
    script,
    `</body>`,
    `</html>`,
    ``,
  ]
    .filter((line) => line !== "")
    .join("\n")
    .concat("\n");
}
