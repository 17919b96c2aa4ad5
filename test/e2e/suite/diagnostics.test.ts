// Diagnostics as a user meets them: a secret in a file they open, and a finding that appears
// while they type (no save) and goes away when they undo.
import assert from "node:assert/strict";
import { after, beforeEach, describe, it } from "mocha";
import * as vscode from "vscode";
import { fakeStripeLiveKey, redacted } from "./helpers/fakeSecrets";
import { freshWorkspace, readWorkspaceFile, replaceInWorkspaceFile } from "./helpers/files";
import { DOCS, SOURCE, waitForExactFindings } from "./helpers/findings";
import { openWorkspaceFile, workspaceUri } from "./helpers/workspace";

describe("diagnostics in the editor", () => {
  beforeEach(() => freshWorkspace());
  after(() => freshWorkspace());

  it("reports a provider-format secret with its rule, range, severity, docs link and a redacted message", async () => {
    const key = fakeStripeLiveKey();
    await replaceInWorkspaceFile("src/billing.ts", '"<your-stripe-key>"', JSON.stringify(key));
    const uri = workspaceUri("src/billing.ts");
    await openWorkspaceFile("src/billing.ts");

    const message = `Hardcoded secret ${redacted(key)}: Stripe live secret key format. Read it from process.env.STRIPE_SECRET_KEY instead.`;
    // `export const stripeSecretKey = "sk_live_…";` on line 3: the string literal, quotes included.
    const start = 32;
    const end = start + key.length + 2;
    const [diagnostic] = await waitForExactFindings(uri, [
      { code: "config/no-hardcoded-secret", message, severity: "Error", range: `3:${start}-3:${end}`, source: SOURCE },
    ]);
    assert.equal(diagnostic.message.includes(key), false, "the message must not contain the secret");
    assert.equal(diagnostic.message.includes(key.slice(4)), false, "the message shows at most the first 4 characters");
    assert.equal(message.includes(`"sk_l…" (32 chars)`), true, "the fake key is redacted to its first 4 characters and its length");
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(true), `${DOCS}/config/no-hardcoded-secret.md`);
  });

  it("flags a fixed port typed into an unsaved document, and clears it on undo", async () => {
    const uri = workspaceUri("src/config.ts");
    const saved = readWorkspaceFile("src/config.ts");
    const editor = await openWorkspaceFile("src/config.ts");
    assert.equal(editor.document.getText(), saved);
    await waitForExactFindings(uri, []);

    // code-server's web workbench auto-saves after 1 s (desktop: off): a pause between keystrokes
    // on a busy machine saved the half-typed buffer. Off for this workspace (freshWorkspace puts
    // the fixture's settings back).
    await vscode.workspace.getConfiguration("files").update("autoSave", "off", vscode.ConfigurationTarget.Workspace);
    // Type at the end of the file, one keystroke at a time, as a user would (auto-closed brackets included).
    const last = editor.document.lineCount - 1;
    assert.equal(editor.document.lineAt(last).text, "", "the fixture ends with a newline");
    editor.selection = new vscode.Selection(last, 0, last, 0);
    for (const character of "app.listen(4000);") await vscode.commands.executeCommand("type", { text: character });
    assert.equal(editor.document.lineAt(last).text, "app.listen(4000);");
    assert.equal(editor.document.isDirty, true);

    const line = last + 1;
    await waitForExactFindings(uri, [
      {
        code: "port-binding/no-fixed-port",
        message: "Port 4000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.",
        severity: "Warning",
        range: `${line}:12-${line}:16`,
        source: SOURCE,
      },
    ]);
    assert.equal(readWorkspaceFile("src/config.ts"), saved, "nothing was saved: the finding comes from the unsaved buffer");

    // Undo until the buffer is back to the saved text (typing may take several undo stops).
    for (let step = 0; step < 20 && editor.document.isDirty; step++) await vscode.commands.executeCommand("undo");
    assert.equal(editor.document.getText(), saved);
    await waitForExactFindings(uri, []);
  });
});
