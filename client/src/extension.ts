import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { registerCommands } from "./commands";
import { registerReportViews } from "./report/register";
import { StatusItem } from "./statusItem";

/** The client knows nothing of rules: it starts the server and surfaces what the server says. */
let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "typescript" },
  { scheme: "file", language: "typescriptreact" },
  { scheme: "file", language: "javascript" },
  { scheme: "file", language: "javascriptreact" },
  { scheme: "file", language: "dotenv" },
  { scheme: "file", pattern: "**/package.json" },
  { scheme: "file", pattern: "**/{Dockerfile,Dockerfile.*,*.Dockerfile,Procfile,.npmrc,.gitignore}" },
  { scheme: "file", pattern: "**/{docker-compose,compose}*.{yml,yaml}" },
  { scheme: "file", pattern: "**/config/*.{json,yml,yaml}" },
];

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  // A document event that races "Restart Server" reaches the stopping client, whose send then
  // rejects (an unhandled "Starting server failed"). Nothing is lost: the new client opens every
  // document with its full text. Errors of a running client still surface.
  const ifRunning = <T>(send: (data: T) => Promise<void>, data: T): Promise<void> =>
    send(data).catch((error: unknown) => {
      if (languageClient.state === State.Running) throw error;
    });
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // The workspace audit keeps its cache in the extension's storage for this workspace, never in
    // the project; without a folder open there is no storage and no cache.
    initializationOptions: { cacheDir: context.storageUri?.fsPath },
    outputChannel: output,
    synchronize: { configurationSection: "twelveFactor" },
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      didOpen: (document, next) => ifRunning(next, document),
      didChange: (event, next) => ifRunning(next, event),
      didSave: (document, next) => ifRunning(next, document),
      didClose: (document, next) => ifRunning(next, document),
    },
  };
  const languageClient = new LanguageClient("twelveFactor", "Twelve-Factor Lint", serverOptions, clientOptions);
  return languageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  const output = vscode.window.createOutputChannel("Twelve-Factor Lint", { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);
  const reportViews = registerReportViews(context, () => client, output);

  const start = async (): Promise<void> => {
    client = createClient(context, output);
    client.onDidChangeState((event) => status.setRunning(event.newState === State.Running));
    await client.start();
    client.onNotification("twelveFactor/status", (params) => status.update(params));
    void reportViews.serverStarted();
  };

  registerCommands(context, {
    client: () => client,
    output,
    status,
    auditFinished: () => reportViews.auditFinished(),
    restart: async () => {
      await client?.stop();
      await start();
    },
  });
  await start();
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
