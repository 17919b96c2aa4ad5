import { randomBytes } from "node:crypto";
import path from "node:path";
import * as vscode from "vscode";
import type { AuditReportResult } from "../../../server/src/lsp/reportCommands";
import type { AuditReport } from "../../../server/src/report/model";

/** What the report page posts (server/src/report/html.ts, webview mode). */
export type PanelMessage =
  | { type: "ready" }
  | { type: "staleShown" }
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
  /** Its editor column, `undefined` when closed. */
  viewColumn: vscode.ViewColumn | undefined;
  /** It has the keyboard focus. */
  active: boolean;
  renders: number;
  report: AuditReport | null;
  /** The page as last rendered ("" when closed). */
  html: string;
  /** Files changed since the audit it shows: its banner asks for a re-run. */
  stale: boolean;
  /** The page reported its stale banner visible (since it last loaded). */
  bannerShown: boolean;
}

/** Shown when the server has no report to give (it stopped, or no audit finished yet). */
const UNAVAILABLE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Twelve-Factor Report</title></head><body><p>No report: run <strong>Twelve-Factor: Audit Workspace</strong>. If it fails, <strong>Twelve-Factor: Show Output</strong> says why.</p></body></html>`;

function parseMessage(raw: unknown): PanelMessage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  if (message.type === "rerun" || message.type === "fixAll" || message.type === "ready" || message.type === "staleShown") return { type: message.type };
  if (message.type === "export" && (message.format === "html" || message.format === "markdown")) return { type: "export", format: message.format };
  if (message.type === "open" && typeof message.file === "string" && Number.isInteger(message.line) && Number.isInteger(message.column)) {
    return { type: "open", file: message.file, line: message.line as number, column: message.column as number };
  }
  return undefined;
}

const REPORT_VIEW_TYPE = "twelveFactor.report";

/** The group showing the report's tab, from the workbench's tab model. */
function reportColumn(): vscode.ViewColumn | undefined {
  return vscode.window.tabGroups.all.find((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(REPORT_VIEW_TYPE)))?.viewColumn;
}

/**
 * Resolves once the workbench has put a new panel in a group (the tabs say where), so the
 * command that opened it resolves with the panel in place; after 5 s at most.
 */
function placed(): Promise<void> {
  if (reportColumn() !== undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (reportColumn() === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve();
    }, 5000);
  });
}

/**
 * "Twelve-Factor Report": the server's HTML in a webview with scripts on, no local resources, and
 * a fresh CSP nonce for every render. One panel, refreshed after each audit. It shows an audit,
 * not the live diagnostics: once a file changes it says so (a banner with "Re-run audit") rather
 * than show old counts as current.
 */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private report: AuditReport | null = null;
  /** Renders of the current panel (a closed panel starts over). */
  private renders = 0;
  private stale = false;
  private bannerShown = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly actions: PanelActions) {
    const changed = (uris: readonly vscode.Uri[]): void => {
      if (uris.some((uri) => uri.scheme === "file")) this.markStale();
    };
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) changed([event.document.uri]);
      }),
      vscode.workspace.onDidCreateFiles((event) => changed(event.files)),
      vscode.workspace.onDidDeleteFiles((event) => changed(event.files)),
      vscode.workspace.onDidRenameFiles((event) => changed(event.files.flatMap((file) => [file.oldUri, file.newUri]))),
    ];
  }

  /**
   * Opens the panel in the active editor group, or reveals it in the group it is in. Never beside
   * the code (that halved the editor after every audit) and never taking the keyboard focus.
   * `afterAudit`: render the audit that just finished (and drop the stale mark); otherwise an
   * open panel keeps what it shows.
   */
  async show(afterAudit = false): Promise<void> {
    let created = false;
    if (this.panel) {
      // Already in view: revealing again would make its group the active one, moving the focus.
      if (!this.panel.visible) this.panel.reveal(this.column(), true);
    } else {
      created = true;
      const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, "Twelve-Factor Report", { viewColumn: vscode.ViewColumn.Active, preserveFocus: true }, { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false });
      this.panel = panel;
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.report = null;
        this.renders = 0;
        this.bannerShown = false;
      });
      panel.webview.onDidReceiveMessage((raw) => {
        const message = parseMessage(raw);
        if (message) void this.handle(message).catch((error: unknown) => this.actions.log(`Report action ${message.type} failed: ${String(error)}`));
      });
      await placed();
    }
    if (afterAudit) this.stale = false;
    if (created || afterAudit) await this.refresh();
  }

  /** Re-renders an open panel from the server's last audit; does nothing when the panel is closed. */
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
    this.bannerShown = false;
    panel.webview.html = result.rendered;
    this.renders++;
  }

  /**
   * The group it shows in, from the tabs: `WebviewPanel.viewColumn` stays unset for a while
   * after opening in `ViewColumn.Active`, until the workbench reports where it went.
   */
  private column(): vscode.ViewColumn | undefined {
    return reportColumn() ?? this.panel?.viewColumn;
  }

  /** Any file changed since the last audit; an open page shows its banner at once. */
  private markStale(): void {
    if (this.stale) return;
    this.stale = true;
    if (this.panel && this.report) void this.panel.webview.postMessage({ type: "stale" });
  }

  state(): PanelState {
    return {
      visible: this.panel?.visible ?? false,
      viewColumn: this.panel ? this.column() : undefined,
      active: this.panel?.active ?? false,
      renders: this.renders,
      report: this.report,
      html: this.panel?.webview.html ?? "",
      stale: this.report !== null && this.stale,
      bannerShown: this.bannerShown,
    };
  }

  private async handle(message: PanelMessage): Promise<void> {
    // The page (re)loaded, e.g. shown again after being hidden: it starts without the banner.
    if (message.type === "ready") {
      this.bannerShown = false;
      if (this.stale) await this.panel?.webview.postMessage({ type: "stale" });
    } else if (message.type === "staleShown") this.bannerShown = true;
    else if (message.type === "rerun") await this.actions.rerun();
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
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel?.dispose();
  }
}
