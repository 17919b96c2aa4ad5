import os from "node:os";
import path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { ApplySafeFixesResult, AuditReportResult } from "../../../server/src/lsp/reportCommands";
import type { SafeFixPlan } from "../../../server/src/lsp/safeFixes";
import { defaultExportPath } from "./exportTarget";
import { APPLY_SAFE_FIXES_COMMAND, AUDIT_REPORT_COMMAND, SAFE_FIX_PLAN_COMMAND, serverCommand } from "./serverCommand";

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * "Fix all safe problems" across the workspace: the server lists the files, the user confirms
 * that list in a modal, the server applies one WorkspaceEdit, and the documents it changed are
 * saved (an edit leaves files not open in an editor dirty) before the audit runs again.
 */
export async function fixAllSafeProblems(client: LanguageClient | undefined): Promise<boolean> {
  const plan = await serverCommand<SafeFixPlan>(client, SAFE_FIX_PLAN_COMMAND);
  if (!plan || plan.files.length === 0) {
    void vscode.window.showInformationMessage("Twelve-Factor: no safe fixes to apply. Run the audit first if it has not run.");
    return false;
  }
  const detail = plan.files.map((entry) => `${entry.file}: ${plural(entry.fixes, "fix")}${entry.created ? " (new file)" : ""}`).join("\n");
  const apply = "Apply Fixes";
  const choice = await vscode.window.showWarningMessage(`Apply ${plural(plan.fixes, "safe fix")} to ${plural(plan.files.length, "file")}?`, { modal: true, detail }, apply);
  if (choice !== apply) return false;
  const result = await serverCommand<ApplySafeFixesResult>(client, APPLY_SAFE_FIXES_COMMAND, [{ files: plan.files.map((entry) => entry.path) }]);
  if (!result?.applied) {
    void vscode.window.showWarningMessage(`Twelve-Factor: no fixes applied. ${result?.reason ?? "See the output channel."}`);
    return false;
  }
  const changed = new Set(result.plan.files.map((entry) => vscode.Uri.file(entry.path).toString()));
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && changed.has(document.uri.toString())) await document.save();
  }
  await vscode.commands.executeCommand("twelveFactor.auditWorkspace");
  return true;
}

const FORMATS: Record<"html" | "markdown", { label: string; extension: string; filters: Record<string, string[]> }> = {
  html: { label: "HTML", extension: "html", filters: { HTML: ["html"] } },
  markdown: { label: "Markdown", extension: "md", filters: { Markdown: ["md"] } },
};

/**
 * Writes the last audit's report, rendered by the server for a file (no script, relative links).
 * The dialog proposes a file outside the workspace; `to` skips it (scripts and the e2e suite).
 */
export async function exportReport(client: LanguageClient | undefined, requested?: "html" | "markdown", to?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const format =
    requested ??
    (
      await vscode.window.showQuickPick(
        (Object.keys(FORMATS) as Array<keyof typeof FORMATS>).map((key) => ({ label: FORMATS[key].label, key })),
        { title: "Export the Twelve-Factor report as" },
      )
    )?.key;
  if (!format) return undefined;
  const last = await serverCommand<AuditReportResult>(client, AUDIT_REPORT_COMMAND);
  if (!last?.report) {
    void vscode.window.showInformationMessage("Twelve-Factor: run Audit Workspace first; the report shows its results.");
    return undefined;
  }
  const root = last.report.root;
  const defaultUri = vscode.Uri.file(
    defaultExportPath({
      projectName: last.report.projectName,
      extension: FORMATS[format].extension,
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath).concat(root),
      home: os.homedir(),
      tmp: os.tmpdir(),
    }),
  );
  const target = to ?? (await vscode.window.showSaveDialog({ defaultUri, filters: FORMATS[format].filters, title: "Export Twelve-Factor Report" }));
  if (!target) return undefined;
  // Finding links are relative, so they must start from the folder the report is saved in.
  const fromTarget = path.relative(path.dirname(target.fsPath), root).split(path.sep).join("/");
  const linkBase = fromTarget === "" ? "" : `${fromTarget}/`;
  const result = await serverCommand<AuditReportResult>(client, AUDIT_REPORT_COMMAND, [{ format, linkBase }]);
  if (result?.rendered === undefined) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.rendered, "utf8"));
  // Not awaited: the command resolves once the file is written, the message waits for the user.
  void vscode.window.showInformationMessage(`Twelve-Factor report saved to ${target.fsPath}.`, "Open").then((choice) => {
    if (choice !== "Open") return;
    // The HTML page is meant for a browser; Markdown reads fine in the editor.
    if (format === "html") void vscode.env.openExternal(target);
    else void vscode.commands.executeCommand("vscode.open", target);
  });
  return target;
}
