import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { AuditReportResult, RuleCatalog } from "../../../server/src/lsp/reportCommands";
import { FindingsTree, type TreeSnapshot } from "./findingsTree";
import { ReportPanel, type PanelState } from "./reportPanel";
import { AUDIT_REPORT_COMMAND, RULE_CATALOG_COMMAND, serverCommand } from "./serverCommand";
import { exportReport, fixAllSafeProblems } from "./workspaceActions";

export const FINDINGS_VIEW = "twelveFactor.findings";

/** `twelveFactor.report.state`: what the report view and the tree show (for the e2e suite). */
export interface ReportViewState {
  panel: PanelState;
  tree: TreeSnapshot[];
}

export interface ReportViews {
  /** After "Audit Workspace": open or refresh the report panel. */
  auditFinished(): Promise<void>;
  /** A (re)started server: fetch its rule catalog for the tree. */
  serverStarted(): Promise<void>;
}

export function registerReportViews(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.LogOutputChannel): ReportViews {
  const tree = new FindingsTree();
  const panel = new ReportPanel({
    render: (webview) => serverCommand<AuditReportResult>(client(), AUDIT_REPORT_COMMAND, [{ format: "html", webview }]),
    rerun: () => vscode.commands.executeCommand("twelveFactor.auditWorkspace"),
    fixAll: () => fixAllSafeProblems(client()),
    exportReport: (format) => exportReport(client(), format),
    log: (message) => output.error(message),
  });
  context.subscriptions.push(
    tree,
    panel,
    vscode.window.createTreeView(FINDINGS_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand("twelveFactor.showReport", async () => {
      const last = await serverCommand<AuditReportResult>(client(), AUDIT_REPORT_COMMAND);
      // No audit yet: run one; its completion opens the panel.
      if (!last?.report) await vscode.commands.executeCommand("twelveFactor.auditWorkspace");
      else await panel.show();
    }),
    vscode.commands.registerCommand("twelveFactor.exportReport", (format?: "html" | "markdown", to?: unknown) => exportReport(client(), format, to instanceof vscode.Uri ? to : undefined)),
    vscode.commands.registerCommand("twelveFactor.fixAllInWorkspace", () => fixAllSafeProblems(client())),
    vscode.commands.registerCommand("twelveFactor.report.state", async (): Promise<ReportViewState> => {
      await tree.settled();
      return { panel: panel.state(), tree: tree.snapshot() };
    }),
  );
  return {
    auditFinished: async () => {
      try {
        await panel.show(true);
      } catch (error) {
        output.error(`The report view could not be shown: ${String(error)}`);
      }
    },
    serverStarted: async () => {
      try {
        tree.setCatalog(await serverCommand<RuleCatalog>(client(), RULE_CATALOG_COMMAND));
      } catch (error) {
        output.error(`The rule catalog could not be loaded: ${String(error)}`);
      }
    },
  };
}
