import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { docsUrl } from "../engine/rule";
import type { Finding, Fix, Severity } from "../engine/types";
import { sealFix } from "./sealedFixes";

export const DIAGNOSTIC_SOURCE = "twelve-factor";

/** What a diagnostic carries for its code actions and hover, so neither re-runs the analysis. */
export interface DiagnosticData {
  ruleId: string;
  factor?: string;
  signals: string[];
  fixes: Fix[];
  /** Whether the rule can be disabled with a comment in this file (not in JSON, not for directives). */
  disableable: boolean;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The one place a finding becomes an LSP diagnostic. */
export function toDiagnostic(finding: Finding, commentable: boolean): Diagnostic {
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    factor: finding.factor,
    signals: finding.signals,
    // Without the value a secret fix moves into .env: diagnostics are logged by verbose traces.
    fixes: finding.fixes.map(sealFix),
    disableable: commentable && finding.factor !== undefined,
  };
  return {
    range: { start: finding.range.start, end: finding.range.end },
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    ...(finding.factor ? { codeDescription: { href: docsUrl(finding.ruleId) } } : {}),
    message: finding.message,
    data,
  };
}

export function isOurDiagnostic(diagnostic: Diagnostic): diagnostic is Diagnostic & { data: DiagnosticData } {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof data?.ruleId === "string" && Array.isArray(data.fixes);
}
