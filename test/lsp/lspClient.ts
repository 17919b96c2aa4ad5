import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type WorkspaceEdit,
  type TextEdit,
  type ClientCapabilities,
  WorkDoneProgress,
} from "vscode-languageserver-protocol/node";
import { URI } from "vscode-uri";
import { after } from "node:test";
import { applyTextEdits } from "../../server/src/engine/edits";
import { writeProject } from "../helpers/project";
import { LineIndex } from "../../server/src/engine/lineIndex";

export const SERVER = path.resolve("dist/server.js");

export interface ClientOptions {
  root: string;
  /** Declare `textDocument.diagnostic` (pull diagnostics). */
  pull?: boolean;
  /** Declare `documentChanges` and resource operations (create files). */
  resourceOperations?: boolean;
  /** The workspace folders (absolute paths) when not just `root`: a multi-root workspace. */
  folders?: string[];
  /** What the server gets for `workspace/configuration` (section twelveFactor). */
  settings?: Record<string, unknown>;
  /** `clientInfo` of initialize, e.g. `{ name: "Visual Studio Code" }`; none by default. */
  clientInfo?: { name: string; version?: string };
  /** `initializationOptions`, as a client sends them (VS Code: its storage folder for the audit cache; the hover setting). */
  initializationOptions?: unknown;
}

export const uriOf = (file: string): string => URI.file(file).toString();
export const fileOfUri = (uri: string): string => URI.parse(uri).fsPath;

function offsetAt(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

/** Applies an LSP WorkspaceEdit to the files on disk, as an editor would. */
export function applyWorkspaceEdit(edit: WorkspaceEdit): void {
  const applyTo = (uri: string, edits: TextEdit[]): void => {
    const file = fileOfUri(uri);
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    const spans = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
    writeFileSync(file, applyTextEdits(text, spans));
  };
  for (const change of edit.documentChanges ?? []) {
    if ("kind" in change) {
      if (change.kind !== "create") throw new Error(`unexpected resource operation ${change.kind}`);
      const file = fileOfUri(change.uri);
      if (existsSync(file) && !change.options?.ignoreIfExists && !change.options?.overwrite) throw new Error(`create of existing ${file}`);
      if (!existsSync(file)) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, "");
      }
    } else {
      applyTo(change.textDocument.uri, change.edits as TextEdit[]);
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) applyTo(uri, edits);
}

/**
 * A scripted LSP client over the built server's stdio, the way an editor runs it. Everything is
 * awaited on protocol events (diagnostics published, progress ended), never on sleeps.
 */
export class TestClient {
  readonly published = new Map<string, Diagnostic[]>();
  /** Every publish, in order, with the document version it is for. */
  readonly publishes: Array<{ uri: string; version?: number; diagnostics: Diagnostic[] }> = [];
  readonly progress: Array<{ token: string | number; value: { kind: string; percentage?: number; message?: string; title?: string } }> = [];
  readonly logs: string[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** `twelveFactor/status` notifications, in order (what the client's status item shows). */
  readonly statuses: Array<{ uri: string; fileFindings: number; workspaceFindings: number | null }> = [];
  private readonly waiters: Array<() => void> = [];
  settings: Record<string, unknown>;
  exitCode: Promise<number | null>;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
    readonly options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exitCode = new Promise((resolve) => process.on("exit", (code) => resolve(code)));
  }

  static async start(options: ClientOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, options);
    child.stderr!.on("data", (chunk) => client.logs.push(String(chunk)));
    connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      client.published.set(params.uri, params.diagnostics);
      client.publishes.push(params);
      client.wake();
    });
    connection.onNotification("window/logMessage", (params: { message: string }) => {
      client.logs.push(params.message);
      client.wake();
    });
    connection.onNotification("window/showMessage", (params: { message: string }) => {
      client.logs.push(`showMessage: ${params.message}`);
      client.wake();
    });
    connection.onRequest("window/showMessageRequest", (params: { message: string }) => {
      client.logs.push(`showMessage: ${params.message}`);
      client.wake();
      return null;
    });
    connection.onNotification("twelveFactor/status", (params: { uri: string; fileFindings: number; workspaceFindings: number | null }) => {
      client.statuses.push({ uri: params.uri, fileFindings: params.fileFindings, workspaceFindings: params.workspaceFindings });
      client.wake();
    });
    connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => client.settings));
    connection.onRequest("client/registerCapability", () => null);
    connection.onRequest("window/workDoneProgress/create", () => null);
    connection.onRequest("workspace/diagnostic/refresh", () => {
      client.refreshes++;
      client.wake();
      return null;
    });
    connection.onRequest("workspace/applyEdit", (params: { edit: WorkspaceEdit }) => {
      applyWorkspaceEdit(params.edit);
      client.appliedEdits.push(params.edit);
      client.wake();
      return { applied: true };
    });
    connection.listen();
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: uriOf(options.root),
      workspaceFolders: (options.folders ?? [options.root]).map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
      capabilities: client.capabilities(),
      ...(options.clientInfo ? { clientInfo: options.clientInfo } : {}),
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  refreshes = 0;

  private capabilities(): ClientCapabilities {
    return {
      window: { workDoneProgress: true },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: this.options.pull ? { refreshSupport: true } : undefined,
        workspaceEdit: this.options.resourceOperations ? { documentChanges: true, resourceOperations: ["create"] } : { documentChanges: false },
        applyEdit: true,
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } },
        hover: { contentFormat: ["markdown"] },
        publishDiagnostics: { relatedInformation: false },
        ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `check()` returns a value (re-checked on every message from the server). */
  async until<T>(check: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; logs:\n${this.logs.join("\n")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a publish to `file` that satisfies `predicate`; clears older publishes first if `fresh`. */
  async diagnosticsFor(file: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    return this.until(() => {
      const current = this.published.get(uri);
      return current && predicate(current) ? current : undefined;
    }, `diagnostics for ${file}`);
  }

  private versions = new Map<string, number>();

  open(file: string, text = readFileSync(file, "utf8"), languageId = "typescript"): void {
    this.versions.set(file, 1);
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uriOf(file), languageId, version: 1, text } });
  }

  /** Replaces the whole text (or a range of it) as a didChange. */
  change(file: string, text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): number {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri: uriOf(file), version }, contentChanges: [range ? { range, text } : { text }] });
    return version;
  }

  close(file: string): void {
    void this.connection.sendNotification("textDocument/didClose", { textDocument: { uri: uriOf(file) } });
  }

  pullDiagnostics(file: string): Promise<{ kind: string; items: Diagnostic[] }> {
    return this.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: uriOf(file) } });
  }

  codeActions(file: string, diagnostics: Diagnostic[], only?: string[]): Promise<Array<{ title: string; kind?: string; isPreferred?: boolean; edit?: WorkspaceEdit; command?: { command: string; arguments?: unknown[] } }>> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest("textDocument/codeAction", { textDocument: { uri: uriOf(file) }, range, context: { diagnostics, only } });
  }

  executeCommand(command: string, args: unknown[] = [], workDoneToken?: string): Promise<unknown> {
    if (workDoneToken !== undefined) {
      this.connection.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        this.progress.push({ token: workDoneToken, value });
        this.wake();
      });
    }
    return this.connection.sendRequest("workspace/executeCommand", { command, arguments: args, workDoneToken });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await this.exitCode;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}

export { LineIndex };

type Project = ReturnType<typeof writeProject>;

export interface ServerSession {
  client: TestClient;
  project: Project;
  /** Absolute path of a project file. */
  file(relativePath: string): string;
}

/**
 * The server on throw-away projects, one per call (written from `files`, or one the test made);
 * every server started is stopped and every project removed after the calling suite.
 */
export function serverSessions(): (files: Record<string, string> | Project, options?: Omit<ClientOptions, "root">) => Promise<ServerSession> {
  const sessions: ServerSession[] = [];
  after(() => {
    for (const session of sessions) {
      session.client.kill();
      session.project.cleanup();
    }
  });
  return async (files, options = {}) => {
    const project = "root" in files && typeof files.root === "string" && "cleanup" in files ? (files as Project) : writeProject(files as Record<string, string>);
    let client: TestClient;
    try {
      client = await TestClient.start({ root: project.root, ...options });
    } catch (error) {
      project.cleanup();
      throw error;
    }
    const session = { client, project, file: (relativePath: string) => path.join(project.root, relativePath) };
    sessions.push(session);
    return session;
  };
}
