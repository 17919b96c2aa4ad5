import type { Severity } from "../engine/types";
import type { FactorSection, FactorStatus, SeverityCounts } from "./model";

export const STATUS_LABEL: Readonly<Record<FactorStatus, string>> = {
  pass: "Pass",
  info: "Info only",
  warnings: "Warnings",
  errors: "Errors",
  "not-applicable": "Not applicable",
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "error", warning: "warning", info: "info" };

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** "850 ms", "1.2 s", "2 min 5 s": what a reader wants from a run time, not raw milliseconds. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "unknown";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/** "3 warnings and 1 info", the hidden counts that are not zero; "" when none is. */
export function hiddenCounts(hidden: SeverityCounts): string {
  const parts = [
    ...(hidden.error > 0 ? [plural(hidden.error, "error")] : []),
    ...(hidden.warning > 0 ? [plural(hidden.warning, "warning")] : []),
    ...(hidden.info > 0 ? [`${hidden.info} info`] : []),
  ];
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

const STATUS_SEVERITY: Partial<Record<FactorStatus, keyof SeverityCounts>> = { errors: "error", warnings: "warning", info: "info" };

/**
 * A factor's status in words, saying what was hidden: "2 warnings hidden (--quiet)" when hidden
 * findings alone make the status, "Errors, 2 warnings hidden (--quiet)" beside shown ones.
 */
export function statusText(factor: FactorSection, hiddenBy: string | null): string {
  const hidden = hiddenCounts(factor.hidden);
  if (hidden === "") return STATUS_LABEL[factor.status];
  const note = `${hidden} hidden${hiddenBy ? ` (${hiddenBy})` : ""}`;
  const severity = STATUS_SEVERITY[factor.status];
  return severity && factor.counts[severity] > 0 ? `${STATUS_LABEL[factor.status]}, ${note}` : note;
}
