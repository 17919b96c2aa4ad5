import type { Severity } from "../engine/types";
import type { FactorStatus } from "./model";

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
