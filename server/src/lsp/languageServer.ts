import path from "node:path";
import {
  CancellationToken,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { BASELINE_FILE_NAME } from "../engine/baseline";
import { OverlayHost } from "../engine/host";
import { isProjectFactFile } from "../engine/projectFiles";
import type { SimulatedFixes } from "../engine/fixPasses";
import type { Finding, Note } from "../engine/types";
import { RULES } from "../rules/registry";
import { APPLY_FIX_COMMAND, codeActionsFor, FIX_ALL_KIND } from "./codeActions";
import { toUri } from "./workspaceEdits";
import { AUDIT_COMMAND, Commands } from "./commands";
import { DocumentDiagnostics, fileOf } from "./documentDiagnostics";
import { simulateEditorFixes } from "./fixAll";
import { hoverFor, hoverShowsMessage } from "./hover";
import { IncomingEdits } from "./incomingEdits";
import { ProjectRegistry } from "./projects";
import { REPORT_COMMANDS, ReportCommands } from "./reportCommands";
import { DEFAULT_SETTINGS, hoverShowMessageOf, normalizeSettings, SETTINGS_SECTION, type HoverShowMessage, type Settings } from "./settings";
import { StatusReporter } from "./status";

// A zero timeout still coalesces the changes that arrive together (one read of the stream),
// without adding latency to a single keystroke.
const PUSH_DEBOUNCE_MS = 0;
/**
 * Other open files may import the one being edited (a port constant), so they are analysed again
 * too, but once typing pauses: at every keystroke they would slow the file being typed in.
 */
const OTHER_FILES_DELAY_MS = 200;

/**
 * Wires the engine to an LSP connection. The engine stays unaware of LSP; this is the adapter.
 * `incoming` learns of edits as they are read, before the connection's queue hands them over.
 */
export function startLanguageServer(connection: Connection, incoming = new IncomingEdits()): void {
  const documents = new TextDocuments(TextDocument);
  const host = new OverlayHost();
  const ruleIds = new Set(RULES.map((rule) => rule.id));
  let settings: Settings = DEFAULT_SETTINGS;
  const registry = new ProjectRegistry(host, RULES, settings);
  const said = new Set<string>();
  const log = (notes: readonly Note[]): void => {
    for (const note of notes) {
      const line = note.message;
      if (said.has(line)) continue;
      said.add(line);
      if (note.level === "error") connection.console.error(line);
      else if (note.level === "warning") connection.console.warn(line);
      else connection.console.info(line);
    }
  };
  const analysis = new DocumentDiagnostics(registry, () => settings, log);
  const status = new StatusReporter(connection);
  let pull = false;
  let canRefreshPull = false;
  let dynamicWatchers = false;
  let dynamicConfiguration = false;
  let foldersSupported = false;
  let capabilities = { documentChanges: false, createFiles: false };
  let clientName: string | undefined;
  /** `initializationOptions.hover.showMessage`, for clients that send no settings; a setting wins. */
  let initialHoverShowMessage: HoverShowMessage | undefined;
  const pushTimers = new Map<string, NodeJS.Timeout>();

  const commands = new Commands(connection, registry, documents, () => capabilities, log, {
    publishAudited: (file) => publishAudited(file),
    isOpen: (file) => openUris().has(file),
    liveFindings: (file) => {
      const uri = openUris().get(file);
      const document = uri === undefined ? undefined : documents.get(uri);
      if (!document) return undefined;
      const analysed = analysis.analyze(document);
      return analysed.text === document.getText() ? analysed.findings : undefined;
    },
  });
  const reports = new ReportCommands({
    connection, audit: commands.audit, registry, rules: RULES, editTarget: () => commands.editTarget(), capabilities: () => capabilities,
    applyFixesByCommand: async (fixes) => (await commands.execute({ command: APPLY_FIX_COMMAND, arguments: [fixes] }, CancellationToken.None)) === true,
  });

  /**
   * The open documents' URIs by file path, kept until a document opens or closes: after an audit
   * the server asks about every file of the workspace, and converting every open URI for each of
   * them took 38 ms at 20,000 files.
   */
  let openFileUris: Map<string, string> | undefined;
  function openUris(): Map<string, string> {
    if (!openFileUris) {
      openFileUris = new Map();
      for (const document of documents.all()) {
        const file = fileOf(document.uri);
        if (file) openFileUris.set(file, document.uri);
      }
    }
    return openFileUris;
  }

  /**
   * Audit findings reach the editor for files it does not analyse live: pushed to a push client
   * (for files not open), and through workspace diagnostics to a pull client, which itself
   * prefers a document's pulled diagnostics while it shows that document.
   */
  function publishAudited(file: string): void {
    if (pull) {
      refreshAllDebounced();
      return;
    }
    if (openUris().has(file)) return;
    connection.sendDiagnostics({ uri: toUri(file), diagnostics: commands.auditDiagnostics(file) });
  }

  /** Whether a newer edit of `document` has arrived (handled or still queued): its results are stale. */
  function stale(document: TextDocument): boolean {
    return documents.get(document.uri)?.version !== document.version || incoming.superseded(document.uri, document.version);
  }

  function push(document: TextDocument): void {
    if (stale(document)) return;
    const result = analysis.analyze(document);
    // Input that arrived during the analysis is read before this runs: a newer edit drops the
    // result (that edit schedules its own), so an editor never gets diagnostics of an old version.
    setImmediate(() => {
      if (stale(document)) return;
      guard("diagnostics", () => {
        void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: result.diagnostics });
        status.documentAnalysed(document.uri, result, commands.audit);
      });
    });
  }

  function schedule(document: TextDocument, immediately = false, delayMs = PUSH_DEBOUNCE_MS): void {
    clearTimeout(pushTimers.get(document.uri));
    const run = (): void => {
      pushTimers.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) guard("diagnostics", () => push(current));
    };
    if (immediately) run();
    else pushTimers.set(document.uri, setTimeout(run, delayMs));
  }

  /** Re-validate every open document (cross-file facts changed). */
  function refreshAll(): void {
    analysis.clear();
    if (pull) {
      if (canRefreshPull) void connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) schedule(document);
    }
  }

  function guard<T>(what: string, run: () => T, fallback?: T): T | undefined {
    try {
      return run();
    } catch (error) {
      connection.console.error(`${what} failed: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  }

  async function loadSettings(): Promise<void> {
    let raw: unknown;
    try {
      [raw] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    } catch {
      raw = undefined;
    }
    const normalized = normalizeSettings(raw, ruleIds);
    if (normalized.problems.length > 0) void connection.window.showWarningMessage(`Twelve-Factor: ${normalized.problems.join(" ")}`);
    settings = normalized.settings;
    if (initialHoverShowMessage && hoverShowMessageOf(raw) === undefined) settings.hover.showMessage = initialHoverShowMessage;
    registry.updateSettings(settings);
  }

  connection.onInitialize((params): InitializeResult => {
    const client = params.capabilities;
    clientName = params.clientInfo?.name;
    initialHoverShowMessage = hoverShowMessageOf(params.initializationOptions);
    settings = { ...settings, hover: { showMessage: initialHoverShowMessage ?? settings.hover.showMessage } };
    pull = client.textDocument?.diagnostic !== undefined;
    canRefreshPull = client.workspace?.diagnostics?.refreshSupport === true;
    dynamicWatchers = client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    dynamicConfiguration = client.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    foldersSupported = client.workspace?.workspaceFolders === true;
    capabilities = {
      documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
      createFiles: client.workspace?.workspaceEdit?.resourceOperations?.includes("create") === true,
    };
    const folders = params.workspaceFolders?.map((folder) => fileOf(folder.uri)).filter((f): f is string => f !== undefined) ?? [];
    const rootUri = params.rootUri ? fileOf(params.rootUri) : undefined;
    registry.setWorkspaceFolders(folders.length > 0 ? folders : rootUri ? [rootUri] : []);
    const cacheDir = (params.initializationOptions as { cacheDir?: unknown } | undefined)?.cacheDir;
    if (typeof cacheDir === "string" && path.isAbsolute(cacheDir)) commands.audit.cacheIn(cacheDir);
    return {
      capabilities: {
        // `save` so that clients send didSave, which `twelveFactor.run: "onSave"` waits for.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [AUDIT_COMMAND, APPLY_FIX_COMMAND, ...REPORT_COMMANDS] },
        ...(pull ? { diagnosticProvider: { identifier: "twelve-factor", interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "twelve-factor-language-server", version: process.env.TWELVE_FACTOR_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/{package.json,pnpm-workspace.yaml,.gitignore,.env,.env.*,tsconfig*.json,jsconfig.json,.twelve-factor.json,.twelve-factor-baseline.json,.mocharc.*,*log4js*.json,config/*.json,*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs}" }],
      });
    }
    if (foldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const current = new Set(registry.workspaceFolders);
        for (const removed of event.removed) current.delete(fileOf(removed.uri) ?? "");
        for (const added of event.added) current.add(fileOf(added.uri) ?? "");
        registry.setWorkspaceFolders([...current].filter(Boolean));
        refreshAll();
      });
    }
    await loadSettings();
    refreshAll();
  });

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    refreshAll();
    commands.settingsChanged();
  });

  documents.onDidOpen((event) => {
    openFileUris = undefined;
    analysis.markSaved(event.document);
    const file = fileOf(event.document.uri);
    if (file) {
      host.set(file, event.document.getText());
      // A restored unsaved buffer differs from the disk the project facts were read from.
      registry.projectFor(file).engine.invalidate(file);
    }
    if (!pull) schedule(event.document, true);
  });

  documents.onDidChangeContent((event) => {
    const file = fileOf(event.document.uri);
    if (!file) return;
    host.set(file, event.document.getText());
    // Sources too: each carries its own per-file project facts (does it handle SIGTERM?).
    registry.projectFor(file).engine.invalidate(file);
    if (file.endsWith(".twelve-factor.json")) registry.reloadConfig();
    if (settings.run === "onSave") return;
    // Other open files may import this one (a port constant): their cached results are stale.
    if (pull) {
      // The client pulls the edited file itself; the refresh is for the others.
      if (documents.all().length > 1 || isProjectFactFile(file)) refreshAllDebounced(OTHER_FILES_DELAY_MS);
    } else {
      analysis.clear();
      for (const document of documents.all()) schedule(document, false, document.uri === event.document.uri ? PUSH_DEBOUNCE_MS : OTHER_FILES_DELAY_MS);
    }
  });

  let refreshTimer: NodeJS.Timeout | undefined;
  function refreshAllDebounced(delayMs = PUSH_DEBOUNCE_MS): void {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshAll, delayMs);
  }

  documents.onDidSave((event) => {
    analysis.markSaved(event.document);
    if (settings.run === "onSave") {
      analysis.forget(event.document.uri);
      if (pull) refreshAll();
      else schedule(event.document, true);
    }
  });

  documents.onDidClose((event) => {
    openFileUris = undefined;
    const file = fileOf(event.document.uri);
    clearTimeout(pushTimers.get(event.document.uri));
    analysis.closed(event.document.uri);
    if (!file) return;
    host.delete(file);
    registry.projectFor(file).engine.invalidate(file);
    registry.projectFor(file).engine.closed(file);
    // The buffer may have been closed unsaved: findings go back to what is on disk. A pull client
    // keeps showing a closed file's diagnostics, so it gets them through workspace diagnostics.
    commands.reaudit(file, false, pull);
    if (!pull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: commands.auditDiagnostics(file) });
    refreshAllDebounced();
  });

  connection.languages.diagnostics.on((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) {
      const cached = document ? analysis.cached(document.uri) : undefined;
      return { kind: DocumentDiagnosticReportKind.Full, items: cached?.diagnostics ?? [] };
    }
    if (incoming.superseded(document.uri, document.version)) {
      // A newer edit is queued behind this request: the client asks again for that version.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, "A newer edit of the document arrived.", { retriggerRequest: true });
    }
    const result = guard("diagnostics", () => analysis.analyze(document));
    if (result) status.documentAnalysed(document.uri, result, commands.audit);
    return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] };
  });

  connection.languages.diagnostics.onWorkspace((params) => ({
    items: guard("workspace diagnostics", () => commands.workspaceReports(params.previousResultIds), []) ?? [],
  }));

  connection.onDidChangeWatchedFiles((params) => {
    let factsChanged = false;
    for (const change of params.changes) {
      const file = fileOf(change.uri);
      if (!file) continue;
      const project = registry.projectFor(file);
      project.engine.invalidate(file);
      if (change.type !== FileChangeType.Changed) project.engine.filesAddedOrRemoved();
      if (path.basename(file) === ".twelve-factor.json") registry.reloadConfig();
      if (path.basename(file) === BASELINE_FILE_NAME) {
        registry.reloadConfig();
        // The stored audit was filtered by the old baseline: run it again (if it ran at all).
        commands.settingsChanged();
      }
      if (isProjectFactFile(file)) factsChanged = true;
      if (commands.audit.ran && !openUris().has(file)) commands.reaudit(file, change.type === FileChangeType.Deleted);
    }
    if (factsChanged || params.changes.length > 0) refreshAll();
  });

  // Code actions are asked on every cursor move: the fix-all of one analysis is worked out once.
  const fixAllOf = new WeakMap<readonly Finding[], SimulatedFixes>();
  const simulateFixAll = (file: string, findings: readonly Finding[]): SimulatedFixes => {
    let simulated = fixAllOf.get(findings);
    if (!simulated) {
      simulated = simulateEditorFixes(findings, registry, commands.editTarget(), (other) => other === file);
      fixAllOf.set(findings, simulated);
    }
    return simulated;
  };

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (!document || !file) return [];
    const analysed = analysis.analyze(document);
    // With `run: onSave` and unsaved edits, the findings' offsets belong to the saved text.
    if (analysed.text !== document.getText()) return [];
    return (
      guard("code actions", () =>
        codeActionsFor({
          file,
          text: document.getText(),
          diagnostics: params.context.diagnostics,
          findings: analysed.findings,
          only: params.context.only,
          target: commands.editTarget(),
          capabilities,
          simulateFixAll: (findings) => simulateFixAll(file, findings),
        }),
      ) ?? []
    );
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard("hover", () => hoverFor(analysis.analyze(document).findings, params.position, RULES, hoverShowsMessage(settings.hover.showMessage, clientName)) ?? null, null) ?? null;
  });

  connection.onExecuteCommand((params, token, workDone) => (reports.handles(params.command) ? reports.execute(params.command, params.arguments ?? []) : commands.execute(params, token, workDone)));

  documents.listen(connection);
}
