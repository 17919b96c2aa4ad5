// Files of the copied workspace, changed the way a user's tools change them, and a reset that
// leaves the editor, the disk and the language server in step before each test.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as vscode from "vscode";
import { fixtureSource, resetWorkspace, workspaceRoot, workspaceUri } from "./workspace";

export function readWorkspaceFile(relativePath: string): string | undefined {
  const file = workspaceUri(relativePath).fsPath;
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function loadedDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
}

/**
 * Resolves once the editor's copy of `uri` (if it has one loaded) shows what the disk holds.
 * A loaded, unmodified document follows disk changes on a file-watcher event, some time after
 * the write; until then the language server would still see the old text.
 */
async function documentMatchesDisk(uri: vscode.Uri, timeoutMs = 10_000): Promise<void> {
  const matches = (): boolean => {
    const document = loadedDocument(uri);
    return !document || document.isDirty || !existsSync(uri.fsPath) || document.getText() === readFileSync(uri.fsPath, "utf8");
  };
  if (matches()) return;
  await new Promise<void>((resolve, reject) => {
    const subscriptions = [vscode.workspace.onDidChangeTextDocument(check), vscode.workspace.onDidCloseTextDocument(check)];
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the editor's copy of ${uri.fsPath} did not pick up the file on disk within ${timeoutMs} ms`));
    }, timeoutMs);
    function check(): void {
      if (!matches()) return;
      cleanup();
      resolve();
    }
    function cleanup(): void {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    }
    check();
  });
}

/** Writes a file on disk (as another tool would) and waits for the editor to see the new text. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<void> {
  const uri = workspaceUri(relativePath);
  writeFileSync(uri.fsPath, text);
  await documentMatchesDisk(uri);
}

/** Replaces one exact piece of a file on disk; fails when the piece is not there exactly once. */
export async function replaceInWorkspaceFile(relativePath: string, search: string, replacement: string): Promise<void> {
  const text = readWorkspaceFile(relativePath) ?? "";
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`${relativePath} must contain ${JSON.stringify(search)} exactly once`);
  await writeWorkspaceFile(relativePath, text.slice(0, at) + replacement + text.slice(at + search.length));
}

/**
 * Deletes through a WorkspaceEdit, as the Explorer does: the editor then drops its copy of the
 * file. (A plain `rm` leaves a loaded document behind, still synchronised to the server.)
 */
export async function deleteWorkspaceFiles(relativePaths: readonly string[]): Promise<void> {
  if (relativePaths.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const relativePath of relativePaths) edit.deleteFile(workspaceUri(relativePath), { recursive: true, ignoreIfNotExists: true });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not delete ${relativePaths.join(", ")}`);
}

/**
 * Saves every modified document, open in an editor or not. A fix also edits files no editor
 * shows (.env.example, .env); `vscode.workspace.saveAll` saves only editors, and the light
 * bulb's auto-save of such files (`files.refactoring.autoSave`) does not apply to API edits.
 */
export async function saveAllDocuments(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((doc) => doc.isDirty)) {
    if (!(await document.save())) throw new Error(`could not save ${document.uri.fsPath}`);
  }
}

/** Workspace paths (relative) that the fixture does not have: files and folders a test created. */
function createdByTests(source = fixtureSource(), target = workspaceRoot(), prefix = ""): string[] {
  const created: string[] = [];
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    const relativePath = prefix + entry.name;
    if (!existsSync(path.join(source, entry.name))) created.push(relativePath);
    else if (entry.isDirectory()) created.push(...createdByTests(path.join(source, entry.name), path.join(target, entry.name), `${relativePath}/`));
  }
  return created;
}

/**
 * The state every test of these suites starts from: no editors, the fixture's files (changed by
 * `prepare`) on disk and in the editor's loaded documents, and a freshly started language server
 * (no audit results, no project facts cached from an earlier test). File-watcher notifications
 * reach the server only after the client's delay, so a restart after the files are in place is
 * what makes the server's view deterministic. Call it as `() => freshWorkspace()` in mocha hooks.
 */
export async function freshWorkspace(prepare?: () => Promise<void>): Promise<void> {
  const root = workspaceRoot();
  const inWorkspace = (document: vscode.TextDocument) => document.uri.scheme === "file" && document.uri.fsPath.startsWith(root + path.sep);
  // Unsaved changes first, so that deleting a file a test created never meets a dirty copy.
  for (const document of vscode.workspace.textDocuments.filter((doc) => doc.isDirty && inWorkspace(doc))) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand("workbench.action.files.revert");
  }
  await deleteWorkspaceFiles(createdByTests());
  await resetWorkspace();
  // The test's own files go in before the server starts, so it reads them on its first analysis.
  await prepare?.();
  for (const document of vscode.workspace.textDocuments) {
    if (inWorkspace(document)) await documentMatchesDisk(document.uri);
  }
  await restartLanguageServer();
}

/** The user-facing "Twelve-Factor: Restart Server" command; resolves once the new server is initialised. */
export async function restartLanguageServer(): Promise<void> {
  await vscode.commands.executeCommand("twelveFactor.restartServer");
}
