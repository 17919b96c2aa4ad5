import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver";
import type { SimulatedFixes } from "../engine/fixPasses";
import type { Finding, Fix } from "../engine/types";
import { isOurDiagnostic } from "./diagnostics";
import { findingOf, hasSensitiveParts, referenceTo, type SealedFixArguments } from "./sealedFixes";
import { toUri, toWorkspaceEdit, type EditCapabilities, type EditTarget } from "./workspaceEdits";

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.twelveFactor`;
export const APPLY_FIX_COMMAND = "twelveFactor.applyFix";

export interface CodeActionRequest {
  file: string;
  /** The document's current text. */
  text: string;
  /** Our diagnostics the client sent for the requested range. */
  diagnostics: Diagnostic[];
  /** Every current finding of the document, for fix-all. */
  findings: readonly Finding[];
  only?: string[];
  target: EditTarget;
  capabilities: EditCapabilities;
  /** Every pass of fix-all over the document's findings, worked out without writing. */
  simulateFixAll(findings: readonly Finding[]): SimulatedFixes;
}

/** The `twelveFactor.applyFix` argument for a fix-all that moves a secret: the server redoes it. */
export interface FixAllArguments {
  file: string;
  fixAll: true;
}

export function isFixAllArguments(value: unknown): value is FixAllArguments {
  const candidate = value as Partial<FixAllArguments> | undefined;
  return typeof candidate?.file === "string" && candidate.fixAll === true;
}

/**
 * A fix as an edit the client applies; or as our command, which the server carries out, when the
 * client cannot create files or the fix moves a secret (the command names the findings, so the
 * value never crosses the protocol).
 */
function actionForFixes(title: string, kind: string, fixes: Fix[], request: CodeActionRequest, diagnostics?: Diagnostic[], findings: readonly Finding[] = []): CodeAction | undefined {
  if (findings.length > 0 && fixes.some(hasSensitiveParts)) {
    const args: SealedFixArguments = { file: request.file, findings: findings.map(referenceTo) };
    return { title, kind, diagnostics, command: { title, command: APPLY_FIX_COMMAND, arguments: [args] } };
  }
  const edit = toWorkspaceEdit(fixes, request.target, request.capabilities);
  if (edit) return { title, kind, diagnostics, edit };
  const needsCreation = fixes.some((fix) => fix.creates.length > 0);
  if (!needsCreation) return undefined;
  return { title, kind, diagnostics, command: { title, command: APPLY_FIX_COMMAND, arguments: [fixes] } };
}

function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

/** `// twelve-factor-disable-next-line <id>` above the line, or the id added to one already there. */
function disableLineFix(text: string, file: string, line: number, ruleId: string): Fix {
  const start = lineStart(text, line);
  const lineText = text.slice(start, text.indexOf("\n", start) < 0 ? text.length : text.indexOf("\n", start));
  const indent = /^\s*/.exec(lineText)?.[0] ?? "";
  if (line > 0) {
    const previousStart = lineStart(text, line - 1);
    const previous = text.slice(previousStart, start).replace(/\r?\n$/, "");
    const existing = /\/\/\s*twelve-factor-disable-next-line\s+([^\n]*?)\s*$/.exec(previous);
    if (existing && !existing[1].includes("--")) {
      const end = previousStart + previous.length;
      return { title: "", safe: false, edits: [{ file, start: end, end, newText: `, ${ruleId}` }], creates: [] };
    }
  }
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return { title: "", safe: false, edits: [{ file, start, end: start, newText: `${indent}// twelve-factor-disable-next-line ${ruleId}${eol}` }], creates: [] };
}

function disableFileFix(text: string, file: string, ruleId: string): Fix {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // A shebang must stay the first line.
  const at = text.startsWith("#!") ? (text.indexOf("\n") < 0 ? text.length : text.indexOf("\n") + 1) : 0;
  const prefix = at === text.length && at > 0 ? eol : "";
  return { title: "", safe: false, edits: [{ file, start: at, end: at, newText: `${prefix}/* twelve-factor-disable ${ruleId} */${eol}` }], creates: [] };
}

/**
 * Every safe fix of the document, over as many passes as `--fix` takes, as one action. A fix-all
 * that moves a secret is our command, which recomputes it on the server (the value never travels).
 */
export function fixAllAction(request: CodeActionRequest, kind: string): CodeAction | undefined {
  const simulated = request.simulateFixAll(request.findings);
  if (simulated.applied.length === 0) return undefined;
  const title = "Fix all auto-fixable Twelve-Factor problems";
  if (simulated.fixes.some(hasSensitiveParts)) {
    const args: FixAllArguments = { file: request.file, fixAll: true };
    return { title, kind, command: { title, command: APPLY_FIX_COMMAND, arguments: [args] } };
  }
  return actionForFixes(title, kind, simulated.fixes, request);
}

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  const only = request.only;
  const wants = (kind: string): boolean => !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const actions: CodeAction[] = [];

  if (wants(FIX_ALL_KIND) && only) {
    const fixAll = fixAllAction(request, FIX_ALL_KIND);
    if (fixAll) actions.push(fixAll);
    return actions;
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const seen = new Set<string>();
  for (const diagnostic of request.diagnostics.filter(isOurDiagnostic)) {
    const { ruleId, disableable } = diagnostic.data;
    // The live finding carries the whole fix; the diagnostic's copy lacks any secret part, so a
    // sealed copy alone (the finding is gone: the text changed) offers nothing.
    const finding = findingOf(diagnostic, request.findings);
    const copy = diagnostic.data.fixes[0] as (Fix & { sealed?: true }) | undefined;
    const fix = finding ? finding.fixes[0] : copy?.sealed ? undefined : copy;
    if (fix) {
      const action = actionForFixes(fix.title, CodeActionKind.QuickFix, [fix], request, [diagnostic], finding ? [finding] : []);
      if (action) actions.push({ ...action, isPreferred: true });
    }
    if (!disableable || seen.has(`${ruleId}:${diagnostic.range.start.line}`)) continue;
    seen.add(`${ruleId}:${diagnostic.range.start.line}`);
    const lineAction = actionForFixes(`Disable ${ruleId} for this line`, CodeActionKind.QuickFix, [disableLineFix(request.text, request.file, diagnostic.range.start.line, ruleId)], request, [diagnostic]);
    if (lineAction) actions.push(lineAction);
    if (!seen.has(`file:${ruleId}`)) {
      seen.add(`file:${ruleId}`);
      const fileAction = actionForFixes(`Disable ${ruleId} for the entire file`, CodeActionKind.QuickFix, [disableFileFix(request.text, request.file, ruleId)], request, [diagnostic]);
      if (fileAction) actions.push(fileAction);
    }
  }
  if (request.findings.some((finding) => finding.fixes[0]?.safe)) {
    const fixAll = fixAllAction(request, CodeActionKind.QuickFix);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

export { toUri };
