// One-shot waits for editor events, bounded by a timeout that only limits a failure.
import * as vscode from "vscode";

export function nextEvent<T>(event: vscode.Event<T>, matches: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = event((value) => {
      if (!matches(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${what} did not happen within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

/** The next content change of `document` (subscribe before triggering it). */
export function nextChangeOf(document: vscode.TextDocument, timeoutMs?: number): Promise<vscode.TextDocumentChangeEvent> {
  return nextEvent(
    vscode.workspace.onDidChangeTextDocument,
    (event) => event.document === document && event.contentChanges.length > 0,
    `a change of ${document.uri.fsPath}`,
    timeoutMs,
  );
}
