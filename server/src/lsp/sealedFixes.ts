import type { Diagnostic } from "vscode-languageserver";
import type { Finding, Fix } from "../engine/types";

/**
 * A secret fix moves the value into `.env`. That value must never ride on a diagnostic, a code
 * action or a `workspace/applyEdit`: clients log those (`trace.server: verbose`). So what the
 * client sees is the fix without its sensitive parts, and the server applies those parts itself.
 */
export function hasSensitiveParts(fix: Fix): boolean {
  return fix.edits.some((edit) => edit.sensitive) || fix.creates.some((creation) => creation.sensitive);
}

/** The fix as a client may see it: no sensitive edit or file, and marked so. */
export function sealFix(fix: Fix): Fix & { sealed?: true } {
  if (!hasSensitiveParts(fix)) return fix;
  return { ...fix, edits: fix.edits.filter((edit) => !edit.sensitive), creates: fix.creates.filter((creation) => !creation.sensitive), sealed: true };
}

/** Which finding a fix belongs to, as the `twelveFactor.applyFix` command names it instead of its edits. */
export interface FindingReference {
  ruleId: string;
  startOffset: number;
  endOffset: number;
}

export interface SealedFixArguments {
  file: string;
  findings: FindingReference[];
}

export function referenceTo(finding: Finding): FindingReference {
  return { ruleId: finding.ruleId, startOffset: finding.range.startOffset, endOffset: finding.range.endOffset };
}

export function isSealedFixArguments(value: unknown): value is SealedFixArguments {
  const candidate = value as Partial<SealedFixArguments> | undefined;
  return typeof candidate?.file === "string" && Array.isArray(candidate.findings);
}

/** The current finding a diagnostic stands for: same rule, same range. */
export function findingOf(diagnostic: Diagnostic, findings: readonly Finding[]): Finding | undefined {
  const { start, end } = diagnostic.range;
  return findings.find(
    (finding) =>
      finding.ruleId === diagnostic.code &&
      finding.range.start.line === start.line &&
      finding.range.start.character === start.character &&
      finding.range.end.line === end.line &&
      finding.range.end.character === end.character,
  );
}

/** The findings a command's references name, with their full fixes, from the current analysis. */
export function resolveReferences(references: readonly FindingReference[], findings: readonly Finding[]): Finding[] | undefined {
  const resolved: Finding[] = [];
  for (const reference of references) {
    const finding = findings.find((f) => f.ruleId === reference.ruleId && f.range.startOffset === reference.startOffset && f.range.endOffset === reference.endOffset);
    if (!finding) return undefined;
    resolved.push(finding);
  }
  return resolved;
}
