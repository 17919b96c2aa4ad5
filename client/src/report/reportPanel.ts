import { randomBytes } from "node:crypto";
import path from "node:path";
import * as vscode from "vscode";
import type { AuditReportResult } from "../../../server/src/lsp/reportCommands";
import type { AuditReport } from "../../../server/src/report/model";

/** What the report page posts (server/src/report/html.ts, webview mode). */
export type PanelMessage =
  | { type: "open"; file: string; line: number; column: number }
  | { type: "rerun" }
  | { type: "fixAll" }
  | { type: "export"; format: "html" | "markdown" };

export interface PanelActions {
  /** The server's `auditReport` command, rendered for this webview. */
  render(webview: { cspSource: string; nonce: string }): Promise<AuditReportResult | undefined>;
  rerun(): Thenable<unknown>;
  fixAll(): Promise<unknown>;
  exportReport(format: "html" | "markdown"): Promise<unknown>;
  log(message: string): void;
}

/** What the panel shows, for the e2e suite (the webview's DOM is out of the extension host's reach). */
export interface PanelState {
  visible: boolean;
  renders: number;
  report: AuditReport | null;
}

/** Shown when the server has no report to give (it stopped, or no audit finished yet). */
const UNAVAILABLE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Twelve-Factor Report</title></head><body><p>No report: run <strong>Twelve-Factor: Audit Workspace</strong>. If it fails, <strong>Twelve-Factor: Show Output</strong> says why.</p></body></html>`;

function parseMessage(raw: unknown): PanelMessage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  if (message.type === "rerun" || message.type === "fixAll") return { type: message.type };
  if (message.type === "export" && (message.format === "html" || message.format === "markdown")) return { type: "export", format: message.format };
  if (message.type === "open" && typeof message.file === "string" && Number.isInteger(message.line) && Number.isInteger(message.column)) {
    return { type: "open", file: message.file, line: message.line as number, column: message.column as number };
  }
  return undefined;
}

/**
 * "Twelve-Factor Report": the server's HTML in a webview with scripts on, no local resources, and
 * a fresh CSP nonce for every render. One panel, revealed and refreshed after each audit.
 */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private report: AuditReport | null = null;
  /** Renders of the current panel (a closed panel starts over). */
  private renders = 0;

  constructor(private readonly actions: PanelActions) {}

  /** Opens the panel (or reveals it) beside the editor, without taking focus, and renders the last audit. */
  async show(): Promise<void> {
    if (this.panel) this.panel.reveal(undefined, true);
    else {
      this.panel = vscode.window.createWebviewPanel("twelveFactor.report", "Twelve-Factor Report", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.report = null;
        this.renders = 0;
      });
      this.panel.webview.onDidReceiveMessage((raw) => {
        const message = parseMessage(raw);
        if (message) void this.handle(message).catch((error: unknown) => this.actions.log(`Report action ${message.type} failed: ${String(error)}`));
      });
    }
    await this.refresh();
  }

  /** Re-renders an open panel (after an audit); does nothing when the panel is closed. */
  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const nonce = randomBytes(18).toString("base64");
    const result = await this.actions.render({ cspSource: panel.webview.cspSource, nonce });
    if (panel !== this.panel) return;
    if (!result?.rendered) {
      this.report = null;
      panel.webview.html = UNAVAILABLE;
      return;
    }
    this.report = result.report;
    panel.webview.html = result.rendered;
    this.renders++;
  }

  state(): PanelState {
    return { visible: this.panel?.visible ?? false, renders: this.renders, report: this.report };
  }

  private async handle(message: PanelMessage): Promise<void> {
    if (message.type === "rerun") await this.actions.rerun();
    else if (message.type === "fixAll") await this.actions.fixAll();
    else if (message.type === "export") await this.actions.exportReport(message.format);
    else await this.open(message.file, message.line, message.column);
  }

  /** A finding link: the file at the finding's range (1-based line and column from the page). */
  private async open(file: string, line: number, column: number): Promise<void> {
    if (!this.report || path.isAbsolute(file)) return;
    const uri = vscode.Uri.file(path.join(this.report.root, file));
    const finding = this.report.factors
      .flatMap((factor) => factor.rules.flatMap((rule) => rule.findings))
      .concat(this.report.other)
      .find((candidate) => candidate.file === file && candidate.range.start.line === line && candidate.range.start.column === column);
    const start = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    const end = finding ? new vscode.Position(finding.range.end.line - 1, finding.range.end.column - 1) : start;
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, end), viewColumn: vscode.ViewColumn.One, preview: false });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
