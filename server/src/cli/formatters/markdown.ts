import { toAuditReport, type AuditFormatOptions } from "../../report/fromReport";
import { renderMarkdown } from "../../report/markdown";
import type { Report } from "../reportModel";

/** `--format markdown`: for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
export function formatMarkdown(report: Report, options: AuditFormatOptions): string {
  return renderMarkdown(toAuditReport(report, options));
}
