// Code actions through the same command the editor's light bulb uses.
import * as vscode from "vscode";

function isCanceled(error: unknown): boolean {
  return error instanceof Error && (error.name === "Canceled" || error.message === "Canceled");
}

/**
 * Runs `vscode.executeCodeActionProvider`, retrying once when it rejects with `Canceled`: in a
 * freshly started extension host that happens while built-in extensions are still starting.
 */
export async function executeCodeActionsWithRetry(
  uri: vscode.Uri,
  range: vscode.Range | vscode.Selection,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const request = () =>
    vscode.commands.executeCommand<vscode.CodeAction[] | undefined>("vscode.executeCodeActionProvider", uri, range, kind?.value);
  try {
    return (await request()) ?? [];
  } catch (error) {
    if (!isCanceled(error)) throw error;
    console.log(`[e2e] executeCodeActionProvider was canceled for ${uri.fsPath}; retrying once`);
    return (await request()) ?? [];
  }
}

/** Applies a code action as the editor would: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const applied = await vscode.workspace.applyEdit(action.edit);
    if (!applied) throw new Error(`the edit of "${action.title}" was not applied`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}
