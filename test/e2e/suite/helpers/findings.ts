// Our diagnostics (source `twelve-factor`) in the comparable shape of describeDiagnostic, per
// document or for the whole workspace as the Problems panel lists them.
import path from "node:path";
import * as vscode from "vscode";
import { describeDiagnostic, waitForDiagnostics } from "./diagnostics";
import { workspaceRoot } from "./workspace";

export const SOURCE = "twelve-factor";
export const DOCS = "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules";

export type Described = ReturnType<typeof describeDiagnostic>;

export function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
}

/** Waits until our diagnostics of `uri`, described, satisfy `predicate`; resolves with our diagnostics. */
export async function waitForFindings(uri: vscode.Uri, predicate: (findings: Described[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const all = await waitForDiagnostics(uri, (diagnostics) => predicate(ours(diagnostics).map(describeDiagnostic)), timeoutMs);
  return ours(all);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
}

/** Waits until `uri` shows exactly these findings (in any order); resolves with the diagnostics. */
export async function waitForExactFindings(uri: vscode.Uri, expected: readonly Described[], timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const key = (finding: Described) => JSON.stringify(finding);
  const wanted = expected.map(key).sort().join("\n");
  const all = await waitForDiagnostics(uri, (diagnostics) => ours(diagnostics).map(describeDiagnostic).map(key).sort().join("\n") === wanted, timeoutMs);
  return ours(all);
}

/** Every finding in the workspace, `path/in/workspace → findings`, files and findings sorted. */
export function workspaceFindings(): Record<string, Described[]> {
  const root = workspaceRoot();
  const byFile: Record<string, Described[]> = {};
  const entries = vscode.languages
    .getDiagnostics()
    .filter(([uri, diagnostics]) => uri.scheme === "file" && ours(diagnostics).length > 0)
    .map(([uri, diagnostics]) => [path.relative(root, uri.fsPath).split(path.sep).join("/"), ours(diagnostics).map(describeDiagnostic)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [file, findings] of entries) byFile[file] = [...(byFile[file] ?? []), ...findings].sort((a, b) => a.range.localeCompare(b.range, undefined, { numeric: true }));
  return byFile;
}
