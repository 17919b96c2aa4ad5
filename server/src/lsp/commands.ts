import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DocumentDiagnosticReportKind,
  WorkDoneProgressReporter,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type ExecuteCommandParams,
  type TextDocuments,
  type WorkspaceDocumentDiagnosticReport,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { writableTarget } from "../engine/applyFixes";
import { applyTextEdits } from "../engine/edits";
import { isSourceFile } from "../engine/sourceKinds";
import type { Finding, Fix, Note, TextEdit } from "../engine/types";
import { RULES } from "../rules/registry";
import { APPLY_FIX_COMMAND, isFixAllArguments } from "./codeActions";
import { simulateEditorFixes } from "./fixAll";
import { toDiagnostic } from "./diagnostics";
import { fileOf } from "./documentDiagnostics";
import { isSealedFixArguments, resolveReferences } from "./sealedFixes";
import type { ProjectRegistry } from "./projects";
import { toUri, toWorkspaceEdit, type EditCapabilities, type EditTarget } from "./workspaceEdits";
import { WorkspaceAudit, type AuditSummary } from "./workspaceAudit";

// Distinct from the client's palette command id: vscode-languageclient registers server commands in VS Code too.
export const AUDIT_COMMAND = "twelveFactor.server.auditWorkspace";

interface Publisher {
  publishAudited(file: string): void;
  isOpen(file: string): boolean;
  /** The current findings of an open document (with their full fixes), if its analysis is current. */
  liveFindings(file: string): readonly Finding[] | undefined;
}

/** `workspace/executeCommand` handlers: the workspace audit and the file-creating fix. */
export class Commands {
  readonly audit = new WorkspaceAudit(RULES);
  private running?: AbortController;

  constructor(
    private readonly connection: Connection,
    private readonly registry: ProjectRegistry,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly capabilities: () => EditCapabilities,
    private readonly log: (notes: readonly Note[]) => void,
    private readonly publisher: Publisher,
  ) {}

  editTarget(): EditTarget {
    const openVersions = new Map<string, number>();
    for (const document of this.documents.all()) {
      const file = fileOf(document.uri);
      if (file) openVersions.set(file, document.version);
    }
    return {
      readText: (file) => this.registry.projectFor(file).engine.project.host.readFile(file),
      versionOf: (file) => openVersions.get(file) ?? null,
    };
  }

  /**
   * The audit as workspace diagnostics for a pull client: every file the audit has reported on,
   * `unchanged` where the client already holds the current result (it polls every few seconds).
   */
  workspaceReports(previous: ReadonlyArray<{ uri: string; value: string }>): WorkspaceDocumentDiagnosticReport[] {
    const known = new Map(previous.map((entry) => [entry.uri, entry.value]));
    return this.audit.reportedFiles().map((file) => {
      const uri = toUri(file);
      const resultId = this.audit.resultIdOf(file);
      if (known.get(uri) === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId, version: null };
      return { kind: DocumentDiagnosticReportKind.Full, uri, resultId, version: null, items: this.auditDiagnostics(file) };
    });
  }

  auditDiagnostics(file: string): Diagnostic[] {
    return this.audit.findingsOf(file).map((finding) => toDiagnostic(finding, isSourceFile(file)));
  }

  async execute(params: ExecuteCommandParams, token: CancellationToken, workDone?: WorkDoneProgressReporter): Promise<unknown> {
    try {
      if (params.command === AUDIT_COMMAND) return await this.runAudit(token, workDone);
      if (params.command === APPLY_FIX_COMMAND) return await this.applyFix(params.arguments?.[0]);
      this.connection.console.warn(`Unknown command ${params.command}.`);
      return null;
    } catch (error) {
      this.connection.console.error(`${params.command} failed: ${(error as Error).stack ?? error}`);
      return null;
    }
  }

  /**
   * Re-reads one file from disk after it changed, for the audit's stored results. `always`: also
   * before any audit (a pull client keeps a closed file's last diagnostics, which must follow
   * the disk).
   */
  reaudit(file: string, deleted = false, always = false): void {
    if (!this.audit.ran && !always) return;
    if (deleted) this.audit.update(file, []);
    else {
      const project = this.registry.projectFor(file);
      if (project.isExcluded(file)) return;
      const result = project.engine.analyzeFile(file);
      const { fresh, baselined } = project.hideBaselined(result.findings);
      this.audit.update(file, fresh, baselined);
    }
    this.publisher.publishAudited(file);
  }

  settingsChanged(): void {
    if (this.audit.ran) void this.runAudit(undefined, undefined);
  }

  /** Progress goes to the client's token when it sent one, else to a server-created one. */
  private async runAudit(token: CancellationToken | undefined, workDone: WorkDoneProgressReporter | undefined): Promise<AuditSummary> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    token?.onCancellationRequested(() => controller.abort());
    const progress = workDone && !WorkDoneProgressReporter.isNullInstance(workDone) ? workDone : await this.connection.window.createWorkDoneProgress();
    progress.begin("Twelve-Factor: auditing the workspace", 0, "finding files", true);
    const serverProgress = progress as { token?: CancellationToken };
    serverProgress.token?.onCancellationRequested(() => controller.abort());

    const before = new Set(this.audit.files());
    const projects = this.registry.workspaceFolders.map((folder) => this.registry.projectFor(path.join(folder, "package.json")));
    try {
      const summary = await this.audit.run(projects, { signal: controller.signal, report: (percentage, message) => progress.report(percentage, message) }, (note) => this.log([note]));
      if (!summary.cancelled) {
        for (const file of new Set([...before, ...this.audit.files()])) {
          if (!this.publisher.isOpen(file)) this.publisher.publishAudited(file);
        }
      }
      return summary;
    } finally {
      progress.done();
      if (this.running === controller) this.running = undefined;
    }
  }

  /**
   * The fixes an `applyFix` command names: given whole (the server's own callers, and clients
   * that cannot create files), or as references to the findings of an open document (a fix that
   * moves a secret, whose value must not travel through the client).
   */
  private fixesOf(argument: unknown): Fix[] | undefined {
    if (Array.isArray(argument)) return argument as Fix[];
    if (isFixAllArguments(argument)) {
      const findings = this.publisher.liveFindings(argument.file);
      return findings && simulateEditorFixes(findings, this.registry, this.editTarget(), (file) => file === argument.file).fixes;
    }
    if (!isSealedFixArguments(argument)) return undefined;
    const findings = this.publisher.liveFindings(argument.file);
    const resolved = findings && resolveReferences(argument.findings, findings);
    return resolved?.map((finding) => finding.fixes[0]).filter((fix): fix is Fix => fix !== undefined);
  }

  /**
   * Applies fixes the client cannot, or must not, apply from a WorkspaceEdit: new files are
   * created here (inside the workspace only, never over an existing file), and edits that carry
   * a secret are written here to closed files; the remaining edits go to the client.
   */
  private async applyFix(argument: unknown): Promise<boolean> {
    const fixes = this.fixesOf(argument);
    if (!fixes || fixes.length === 0) {
      this.connection.console.warn("The fix no longer matches the file (it changed); try again once the diagnostics refresh.");
      return false;
    }
    if (!this.writeSensitiveEdits(fixes)) return false;
    const remaining: Fix[] = [];
    for (const fix of fixes) {
      for (const creation of fix.creates) {
        const root = this.registry.rootFor(creation.file);
        const target = writableTarget(root, creation.file);
        if (!target) {
          this.connection.console.warn(`Not creating ${creation.file}: outside the workspace.`);
          return false;
        }
        try {
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, creation.text, { flag: "wx" });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
          this.connection.console.warn(`Not creating ${creation.file}: it already exists; the fix was not applied.`);
          return false;
        }
        this.registry.projectFor(creation.file).engine.invalidate(creation.file);
      }
      remaining.push({ ...fix, creates: [], edits: fix.edits.filter((edit) => !(edit.sensitive && !this.publisher.isOpen(edit.file))) });
    }
    if (remaining.every((fix) => fix.edits.length === 0)) return true;
    const edit = toWorkspaceEdit(remaining, this.editTarget(), this.capabilities());
    if (!edit) return false;
    const result = await this.connection.workspace.applyEdit({ label: "Twelve-Factor fix", edit });
    return result.applied;
  }

  /**
   * Sensitive edits to files that are not open, straight to disk, before anything else: if the
   * client then declines the rest, the value sits in both places and nothing is lost. (An open
   * `.env` gets its edit through the client, so the user's unsaved buffer wins.)
   */
  private writeSensitiveEdits(fixes: readonly Fix[]): boolean {
    const byFile = new Map<string, TextEdit[]>();
    for (const edit of fixes.flatMap((fix) => fix.edits)) {
      if (!edit.sensitive || this.publisher.isOpen(edit.file)) continue;
      byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    }
    for (const [file, edits] of byFile) {
      const target = writableTarget(this.registry.rootFor(file), file);
      const text = target === undefined ? undefined : readOrUndefined(target);
      if (target === undefined || text === undefined || edits.some((edit) => edit.end > text.length)) {
        this.connection.console.warn(`Not editing ${path.basename(file)}: it is outside the workspace or changed since the analysis; the fix was not applied.`);
        return false;
      }
      writeFileSync(target, applyTextEdits(text, edits));
      this.registry.projectFor(file).engine.invalidate(file);
    }
    return true;
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
