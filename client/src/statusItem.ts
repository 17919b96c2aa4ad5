import * as vscode from "vscode";

interface StatusParams {
  uri: string;
  fileFindings: number;
  workspaceFindings: number | null;
  analysisMs: number;
}

/** A language status item, as the ESLint extension shows: state, counts and analysis time. */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem("twelveFactor.status", [
      { language: "typescript" },
      { language: "typescriptreact" },
      { language: "javascript" },
      { language: "javascriptreact" },
      { language: "dotenv" },
    ]);
    this.item.name = "Twelve-Factor Lint";
    this.item.text = "$(sync~spin) Twelve-Factor";
    this.item.command = { title: "Audit Workspace", command: "twelveFactor.auditWorkspace" };
  }

  setRunning(running: boolean): void {
    this.item.text = running ? "Twelve-Factor" : "$(error) Twelve-Factor: server stopped";
    this.item.severity = running ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
  }

  update(params: StatusParams): void {
    const workspace = params.workspaceFindings === null ? "workspace not audited" : `${params.workspaceFindings} in workspace`;
    this.item.text = `Twelve-Factor: ${params.fileFindings} in file`;
    this.item.detail = `${workspace} · analysed in ${params.analysisMs} ms`;
  }

  auditFinished(findings: number, durationMs: number): void {
    this.item.detail = `${findings} in workspace · audit took ${(durationMs / 1000).toFixed(1)} s`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
