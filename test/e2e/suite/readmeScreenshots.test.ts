// The README's editor pictures, taken from the real workbench in the state each one claims to
// show: a squiggle with its hover, and the quick-fix menu on a secret
// (the audit picture is taken in audit.test.ts). Refresh them with
// `TFL_E2E_SCREENSHOT_DIR=docs/images npm run test:e2e`.
import assert from "node:assert/strict";
import { after, describe, it } from "mocha";
import * as vscode from "vscode";
import { nextChangeOf, nextEvent } from "./helpers/events";
import { assertSameText, fakeStripeLiveKey } from "./helpers/fakeSecrets";
import { freshWorkspace, readWorkspaceFile, replaceInWorkspaceFile } from "./helpers/files";
import { DOCS, ruleOf, waitForFindings } from "./helpers/findings";
import { requestScreenshot } from "./helpers/screenshot";
import { openWorkspaceFile, workspaceUri } from "./helpers/workspace";

const writeFakeKey = (key = fakeStripeLiveKey()) => replaceInWorkspaceFile("src/billing.ts", '"<your-stripe-key>"', JSON.stringify(key));

describe("README screenshots", () => {
  after(async () => {
    await vscode.commands.executeCommand("workbench.action.closePanel");
    await freshWorkspace();
  });

  it("squiggle: a fixed port underlined, with its hover open", async () => {
    await freshWorkspace();
    const uri = workspaceUri("src/server.ts");
    const editor = await openWorkspaceFile("src/server.ts");
    const findings = await waitForFindings(uri, (described) => described.length === 2);
    const port = findings.find((diagnostic) => ruleOf(diagnostic) === "port-binding/no-fixed-port");
    assert.ok(port);

    // No panel: the editor then has room for the hover below the line, with all the code above it in view.
    await vscode.commands.executeCommand("workbench.action.closePanel");
    await vscode.window.showTextDocument(editor.document, { selection: new vscode.Range(port.range.start, port.range.start), preserveFocus: false });
    // What our hover provider adds under the diagnostic's own hover (the picture waits for it):
    // no second copy of the message VS Code prints right above it.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, port.range.start);
    const markdown = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === "string" ? part : part.value)));
    const ours = markdown.filter((text) => text.startsWith("**port-binding/no-fixed-port**"));
    assert.equal(ours.length, 1, JSON.stringify(markdown));
    const lines = ours[0].split("\n");
    assert.deepEqual(lines.slice(0, 3), ["**port-binding/no-fixed-port** · Factor VII. Port binding", "", "Signals: literal port passed to listen()"]);
    assert.match(lines[4], /^_Why:_ A twelve-factor app /);
    assert.deepEqual(lines.slice(5), ["", `[Rule documentation](${DOCS}/port-binding/no-fixed-port.md)`]);
    assert.ok(!ours[0].includes(port.message), "the message is the diagnostic's, shown once");

    await vscode.commands.executeCommand("editor.action.showHover");
    const file = await requestScreenshot("squiggle", { waitFor: '.monaco-hover:has-text("Factor VII. Port binding")' });
    if (file) assert.match(file, /squiggle\.png$/);
  });

  it("quick-fix: the light bulb menu on a hardcoded secret, whose first entry applies the fix", async () => {
    const key = fakeStripeLiveKey();
    await freshWorkspace(() => writeFakeKey(key));
    await vscode.commands.executeCommand("workbench.action.closePanel");
    const uri = workspaceUri("src/billing.ts");
    const editor = await openWorkspaceFile("src/billing.ts");
    const [secret] = await waitForFindings(uri, (described) => described.length === 1);
    assert.equal(ruleOf(secret), "config/no-hardcoded-secret");

    const inside = secret.range.start.translate(0, 10);
    await vscode.window.showTextDocument(editor.document, { selection: new vscode.Range(inside, inside), preserveFocus: false });
    try {
      await vscode.commands.executeCommand("editor.action.quickFix");
      await requestScreenshot("quick-fix", { waitFor: '.action-widget:has-text("Read the secret from process.env.STRIPE_SECRET_KEY")' });
      // Enter on the highlighted entry: the editor's own path, which also saves the files no
      // editor shows (files.refactoring.autoSave), unlike an API edit. The secret's line in .env
      // never travels through the editor: the server writes that file itself.
      const saved = (relativePath: string) =>
        nextEvent(vscode.workspace.onDidSaveTextDocument, (document) => document.uri.fsPath === workspaceUri(relativePath).fsPath, `the save of ${relativePath}`);
      const envWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceUri("."), ".env"));
      const created = nextEvent(envWatcher.onDidCreate, () => true, "the creation of .env");
      const applied = Promise.all([nextChangeOf(editor.document), saved(".env.example"), created]);
      try {
        await vscode.commands.executeCommand("acceptSelectedCodeAction");
        await applied;
      } finally {
        envWatcher.dispose();
      }
    } finally {
      await vscode.commands.executeCommand("hideCodeActionWidget");
    }
    assert.equal(editor.document.lineAt(2).text, "export const stripeSecretKey = process.env.STRIPE_SECRET_KEY;");
    assertSameText(readWorkspaceFile(".env.example"), "DATABASE_URL=\nSERVICE_NAME=\nSTRIPE_SECRET_KEY=\n", ".env.example", [key]);
    assertSameText(readWorkspaceFile(".env"), `STRIPE_SECRET_KEY=${key}\n`, ".env (git-ignored, created)", [key]);
  });
});
