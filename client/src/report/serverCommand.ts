import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";

// The server's report commands (server/src/lsp/reportCommands.ts). Sent as requests, not through
// `vscode.commands`, so a missing server is an `undefined` here rather than an unknown command.
export const AUDIT_REPORT_COMMAND = "twelveFactor.server.auditReport";
export const RULE_CATALOG_COMMAND = "twelveFactor.server.ruleCatalog";
export const SAFE_FIX_PLAN_COMMAND = "twelveFactor.server.safeFixPlan";
export const APPLY_SAFE_FIXES_COMMAND = "twelveFactor.server.applySafeFixes";

/** `undefined` when no server runs or the server answered `null` (it logged why). */
export async function serverCommand<T>(client: LanguageClient | undefined, command: string, args: unknown[] = []): Promise<T | undefined> {
  if (!client?.isRunning()) return undefined;
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T | null;
  return result ?? undefined;
}
