// Waits for the diagnostics of one document to satisfy a condition, driven by
// onDidChangeDiagnostics events (never a fixed sleep): the timeout only bounds a failure.
import * as vscode from "vscode";

export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!predicate(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`diagnostics of ${uri.fsPath} did not match within ${timeoutMs} ms; last seen: ${JSON.stringify(seen, null, 2)}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    // The condition may already hold: subscribe first, then look, so no event can slip between.
    check();
  });
}

/** A compact, comparable view of a diagnostic for assertions and failure messages. */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): {
  code: string | number | undefined;
  message: string;
  severity: string;
  range: string;
  source: string | undefined;
} {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  const { start, end } = diagnostic.range;
  return {
    code,
    message: diagnostic.message,
    severity: vscode.DiagnosticSeverity[diagnostic.severity],
    // 1-based like the rule tests and the editor's status bar.
    range: `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
    source: diagnostic.source,
  };
}
