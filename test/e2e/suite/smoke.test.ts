// Proves the harness end to end: the extension under development is loaded from this repository,
// activates, the copied fixture workspace opens, and the helpers later suites rely on work against
// the real editor APIs.
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, it } from "mocha";
import * as vscode from "vscode";
import { applyCodeAction, executeCodeActionsWithRetry } from "./helpers/codeActions";
import { describeDiagnostic, waitForDiagnostics } from "./helpers/diagnostics";
import { requestScreenshot } from "./helpers/screenshot";
import { EXTENSION_ID, fixtureSource, openWorkspaceFile, resetWorkspace, workspaceRoot, workspaceUri } from "./helpers/workspace";

describe("e2e harness", () => {
  it("loads the extension under development and activates it", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.extensionUri.fsPath, process.env.TFL_E2E_EXTENSION_PATH, "the extension must come from the development path");
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it("opens a file of the copied fixture workspace", async () => {
    const root = workspaceRoot();
    assert.notEqual(root, fixtureSource(), "tests must run on a copy, never on the committed fixture");
    const editor = await openWorkspaceFile("src/server.ts");
    assert.equal(editor.document.languageId, "typescript");
    assert.equal(editor.document.getText(), readFileSync(path.join(fixtureSource(), "src", "server.ts"), "utf8"));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri("src/server.ts").toString());
  });

  it("waitForDiagnostics resolves on the diagnostics event", async () => {
    const uri = workspaceUri("src/server.ts");
    const collection = vscode.languages.createDiagnosticCollection("e2e-harness-probe");
    try {
      const pending = waitForDiagnostics(uri, (all) => all.some((d) => d.source === "e2e-harness-probe"), 10_000);
      const probe = new vscode.Diagnostic(new vscode.Range(1, 2, 1, 6), "probe finding", vscode.DiagnosticSeverity.Warning);
      probe.source = "e2e-harness-probe";
      collection.set(uri, [probe]);
      const seen = (await pending).filter((d) => d.source === "e2e-harness-probe").map(describeDiagnostic);
      assert.deepEqual(seen, [{ code: undefined, message: "probe finding", severity: "Warning", range: "2:3-2:7", source: "e2e-harness-probe" }]);
    } finally {
      collection.dispose();
    }
  });

  it("executeCodeActionsWithRetry returns the actions of a provider and applies them", async () => {
    await resetWorkspace();
    const uri = workspaceUri("src/server.ts");
    const provider = vscode.languages.registerCodeActionsProvider({ scheme: "file", language: "typescript" }, {
      provideCodeActions(document, range) {
        const action = new vscode.CodeAction("e2e: mark line", vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.insert(document.uri, range.start, "/* e2e */ ");
        return [action];
      },
    });
    try {
      const editor = await openWorkspaceFile("src/server.ts");
      const actions = await executeCodeActionsWithRetry(uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.QuickFix);
      const ours = actions.filter((action) => action.title === "e2e: mark line");
      assert.equal(ours.length, 1, `actions offered: ${JSON.stringify(actions.map((action) => action.title))}`);
      await applyCodeAction(ours[0]);
      assert.ok(editor.document.lineAt(0).text.startsWith("/* e2e */ "), editor.document.lineAt(0).text);
      await editor.document.save();
      assert.ok(readFileSync(uri.fsPath, "utf8").startsWith("/* e2e */ "), "the saved edit must reach the disk");
    } finally {
      provider.dispose();
      await resetWorkspace();
    }
    assert.equal(readFileSync(uri.fsPath, "utf8"), readFileSync(path.join(fixtureSource(), "src", "server.ts"), "utf8"), "resetWorkspace restores the fixture");
  });

  it("takes a screenshot of the workbench through the launcher", async function () {
    if (!process.env.TFL_E2E_SCREENSHOT_DIR) this.skip();
    await openWorkspaceFile("src/server.ts");
    const file = await requestScreenshot("e2e-harness-smoke", { waitFor: ".monaco-editor .view-lines" });
    assert.ok(file);
    const png = readFileSync(file);
    assert.deepEqual([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join(""), "PNG");
    assert.ok(png.length > 10_000, `a workbench picture is more than a blank page (${png.length} bytes)`);
    // The picture proved the plumbing; keep it only when asked, so docs/images never collects it.
    if (!process.env.TFL_E2E_KEEP) rmSync(file);
  });
});
