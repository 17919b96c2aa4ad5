import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import type { StatusItem } from "./statusItem";
import type { AuditSummary } from "../../server/src/lsp/workspaceAudit";

interface CommandContext {
  client(): LanguageClient | undefined;
  output: vscode.LogOutputChannel;
  status: StatusItem;
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

export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("twelveFactor.auditWorkspace", async () => {
      const client = ctx.client();
      if (!client) return undefined;
      // The server reports progress (cancellable) through the window; this waits for the summary.
      const summary = (await client.sendRequest(ExecuteCommandRequest.type, { command: "twelveFactor.server.auditWorkspace", arguments: [] })) as AuditSummary | null;
      if (!summary) {
        void vscode.window.showErrorMessage("Twelve-Factor audit failed; see the output channel.");
        return undefined;
      }
      ctx.status.auditFinished(summary.findings, summary.durationMs);
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
