// The tests run in a throw-away copy of test/e2e/fixtures/workspace (made by runTest.mjs before
// VS Code starts), so they may edit and save files and assert the result on disk.
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import * as vscode from "vscode";

export const EXTENSION_ID = "twelve-factor-lint.twelve-factor-lint";

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the e2e run opened no workspace folder");
  return folder.uri.fsPath;
}

/** The pristine fixture the workspace was copied from (never edited by tests). */
export function fixtureSource(): string {
  const source = process.env.TFL_E2E_FIXTURE_SOURCE;
  if (!source) throw new Error("TFL_E2E_FIXTURE_SOURCE is not set: start the suite through test/e2e/runTest.mjs");
  return source;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relativePath));
}

export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/**
 * Puts the workspace back to the fixture: reverts and closes every editor, copies the fixture
 * files over and deletes files a test created. Call it in `beforeEach` of suites that edit files.
 */
export async function resetWorkspace(): Promise<void> {
  const root = workspaceRoot();
  const inWorkspace = (doc: vscode.TextDocument) => doc.uri.scheme === "file" && doc.uri.fsPath.startsWith(root + path.sep);
  for (const document of vscode.workspace.textDocuments.filter((doc) => doc.isDirty && inWorkspace(doc))) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand("workbench.action.files.revert");
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  removeFilesMissingFrom(fixtureSource(), root);
  cpSync(fixtureSource(), root, { recursive: true, force: true });
}

function removeFilesMissingFrom(source: string, target: string): void {
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    const sourcePath = path.join(source, entry.name);
    const targetPath = path.join(target, entry.name);
    if (!existsSync(sourcePath)) rmSync(targetPath, { recursive: true, force: true });
    else if (entry.isDirectory()) removeFilesMissingFrom(sourcePath, targetPath);
  }
}
