import path from "node:path";
import { toAuditReport, type AuditFormatOptions } from "../../report/fromReport";
import { renderHtml } from "../../report/html";
import type { Report } from "../reportModel";

/**
 * Finding links are relative to where the page is read from: the `-o` file's folder, or the
 * project root when the report goes to stdout (the usual `> report.html` from the root).
 */
export function linkBaseFor(root: string, outputFile: string | undefined): string {
  if (outputFile === undefined) return "";
  const fromReport = path.relative(path.dirname(outputFile), root).split(path.sep).join("/");
  return fromReport === "" ? "" : `${fromReport}/`;
}

/** `--format html`: one self-contained page, no script, no remote content. */
export function formatHtml(report: Report, options: AuditFormatOptions & { outputFile?: string }): string {
  return renderHtml(toAuditReport(report, options), { linkBase: linkBaseFor(report.root, options.outputFile) });
}
