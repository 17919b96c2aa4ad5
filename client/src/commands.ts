import * as vscode from "vscode";
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from "vscode-languageclient/node";
import type { StatusItem } from "./statusItem";
import type { AuditSummary } from "../../server/src/lsp/workspaceAudit";

interface CommandContext {
  client(): LanguageClient | undefined;
  output: vscode.LogOutputChannel;
  status: StatusItem;
  /** Opens or refreshes the report view; awaited, so the command resolves once it shows the audit. */
  auditFinished(): Promise<void>;
  restart(): Promise<void>;
}

export function summaryMessage(summary: AuditSummary): string {
  if (summary.cancelled) return "Twelve-Factor audit cancelled.";
  const factors = Object.entries(summary.byFactor)
    .filter(([, count]) => count > 0)
    .map(([factor, count]) => `${factor}: ${count}`)
    .join(", ");
  const { error, warning, info } = summary.bySeverity;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `Twelve-Factor audit: ${count(summary.findings, "finding")} in ${count(summary.files, "file")} (${count(error, "error")}, ${count(warning, "warning")}, ${info} info)${factors ? ` — by factor ${factors}` : ""}.`;
}

let auditRuns = 0;

/**
 * Runs the server's audit under a cancellable progress notification: the request carries a
 * work-done token, the server reports on it, and Cancel cancels the request.
 */
async function auditWithProgress(client: LanguageClient): Promise<AuditSummary | null> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Twelve-Factor: auditing the workspace", cancellable: true },
    async (progress, cancellation) => {
      const workDoneToken = `twelveFactor/audit/${++auditRuns}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === "end") return;
        const percentage = value.percentage ?? reported;
        progress.report({ increment: Math.max(0, percentage - reported), message: value.message });
        reported = percentage;
      });
      try {
        const params = { command: "twelveFactor.server.auditWorkspace", arguments: [], workDoneToken };
        return (await client.sendRequest(ExecuteCommandRequest.type, params, cancellation)) as AuditSummary | null;
      } catch (error) {
        if (cancellation.isCancellationRequested) return { ...emptySummary(), cancelled: true };
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
}

function emptySummary(): AuditSummary {
  return { files: 0, findings: 0, durationMs: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byFactor: {}, byRule: {}, cancelled: false, cached: 0 };
}

export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("twelveFactor.auditWorkspace", async () => {
      const client = ctx.client();
      if (!client) return undefined;
      const editor = vscode.window.activeTextEditor;
      const summary = await auditWithProgress(client);
      if (!summary) {
        void vscode.window.showErrorMessage("Twelve-Factor audit failed; see the output channel.");
        return undefined;
      }
      if (summary.cancelled) return summary;
      ctx.status.auditFinished(summary.findings, summary.durationMs);
      await ctx.auditFinished();
      // In code-server the code editor lost the focus to the report's group during an audit even
      // though nothing reveals the report there (cause not found): give it back while it is
      // still in view (not when the report just opened on top of it).
      if (editor && vscode.window.activeTextEditor !== editor && vscode.window.visibleTextEditors.includes(editor)) {
        await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: editor.selection, preserveFocus: false });
      }
      // Not awaited: the command resolves with the summary while the message waits for the user.
      void vscode.window.showInformationMessage(summaryMessage(summary), "Show Problems").then((choice) => {
        if (choice === "Show Problems") void vscode.commands.executeCommand("workbench.actions.view.problems");
      });
      return summary;
    }),
    vscode.commands.registerCommand("twelveFactor.fixAllInFile", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      await vscode.commands.executeCommand("editor.action.codeAction", { kind: "source.fixAll.twelveFactor", apply: "first" });
    }),
    vscode.commands.registerCommand("twelveFactor.showOutput", () => ctx.output.show(true)),
    vscode.commands.registerCommand("twelveFactor.restartServer", () => ctx.restart()),
  );
}
