// Quick fixes through the light bulb's own command (vscode.executeCodeActionProvider), applied
// and saved as a user would, checked on disk: the source, .env.example and .env.
import assert from "node:assert/strict";
import { after, describe, it } from "mocha";
import * as vscode from "vscode";
import { applyCodeAction, executeCodeActionsWithRetry } from "./helpers/codeActions";
import { nextChangeOf } from "./helpers/events";
import { assertSameText, fakeClientSecret, fakeStripeLiveKey, redacted } from "./helpers/fakeSecrets";
import { deleteWorkspaceFiles, freshWorkspace, readWorkspaceFile, replaceInWorkspaceFile, saveAllDocuments, writeWorkspaceFile } from "./helpers/files";
import { ours, ruleOf, SOURCE, waitForExactFindings } from "./helpers/findings";
import { openWorkspaceFile, workspaceUri } from "./helpers/workspace";

const FIX_ALL_TITLE = "Fix all auto-fixable Twelve-Factor problems";

/** The actions offered for our one diagnostic on `uri` (the light bulb's list), after it appeared. */
async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await executeCodeActionsWithRetry(uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
  return actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

async function applyPreferredAndSave(actions: readonly vscode.CodeAction[]): Promise<void> {
  const preferred = actions.filter((action) => action.isPreferred);
  assert.equal(preferred.length, 1, `one preferred fix expected; offered: ${JSON.stringify(actions.map((action) => action.title))}`);
  await applyCodeAction(preferred[0]);
  await saveAllDocuments();
}

function disableTitles(ruleId: string): string[] {
  return [`Disable ${ruleId} for this line`, `Disable ${ruleId} for the entire file`];
}

describe("quick fixes", () => {
  after(() => freshWorkspace());

  it("moves a provider-format secret to process.env, appending to .env.example and to the git-ignored .env", async () => {
    const key = fakeStripeLiveKey();
    await freshWorkspace(async () => {
      await replaceInWorkspaceFile("src/billing.ts", '"<your-stripe-key>"', JSON.stringify(key));
      await writeWorkspaceFile(".env", "SERVICE_NAME=billing\n");
    });
    const uri = workspaceUri("src/billing.ts");
    await openWorkspaceFile("src/billing.ts");
    const message = `Hardcoded secret ${redacted(key)}: Stripe live secret key format. Read it from process.env.STRIPE_SECRET_KEY instead.`;
    const [diagnostic] = await waitForExactFindings(uri, [
      { code: "config/no-hardcoded-secret", message, severity: "Error", range: `3:32-3:${32 + key.length + 2}`, source: SOURCE },
    ]);

    const actions = await quickFixesFor(uri, diagnostic);
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        "Read the secret from process.env.STRIPE_SECRET_KEY in src/billing.ts, add STRIPE_SECRET_KEY= to .env.example and its value to .env",
        ...disableTitles("config/no-hardcoded-secret"),
        FIX_ALL_TITLE,
      ],
    );
    await applyPreferredAndSave(actions);

    const secrets = [key];
    assertSameText(
      readWorkspaceFile("src/billing.ts"),
      "// The e2e tests write a provider-format key over this placeholder at run time (the repository\n" +
        "// must not hold token-shaped strings); the placeholder itself is not a finding.\n" +
        "export const stripeSecretKey = process.env.STRIPE_SECRET_KEY;\n",
      "src/billing.ts",
      secrets,
    );
    assertSameText(readWorkspaceFile(".env.example"), "DATABASE_URL=\nSERVICE_NAME=\nSTRIPE_SECRET_KEY=\n", ".env.example keeps its keys and gains the new one", secrets);
    assertSameText(readWorkspaceFile(".env"), `SERVICE_NAME=billing\nSTRIPE_SECRET_KEY=${key}\n`, ".env (git-ignored) receives the value", secrets);
    await waitForExactFindings(uri, []);
  });

  it("creates .env.example and the git-ignored .env when the project has neither", async () => {
    const secret = fakeClientSecret();
    await freshWorkspace(async () => {
      await replaceInWorkspaceFile("src/oauth.ts", 'clientSecret: "changeme"', `clientSecret: ${JSON.stringify(secret)}`);
      await deleteWorkspaceFiles([".env.example"]);
    });
    const uri = workspaceUri("src/oauth.ts");
    await openWorkspaceFile("src/oauth.ts");
    const message = `Hardcoded secret ${redacted(secret)}: high-entropy value assigned to \`clientSecret\`. Read it from process.env.CLIENT_SECRET instead.`;
    const [diagnostic] = await waitForExactFindings(uri, [
      { code: "config/no-hardcoded-secret", message, severity: "Warning", range: `5:17-5:${17 + secret.length + 2}`, source: SOURCE },
    ]);

    const actions = await quickFixesFor(uri, diagnostic);
    assert.equal(actions[0]?.title, "Read the secret from process.env.CLIENT_SECRET in src/oauth.ts, add CLIENT_SECRET= to .env.example and its value to .env");
    await applyPreferredAndSave(actions);

    const secrets = [secret];
    assertSameText(
      readWorkspaceFile("src/oauth.ts"),
      "// The e2e tests write a high-entropy value over this placeholder at run time; the placeholder\n" +
        "// itself is not a finding.\n" +
        "export const oauth = {\n" +
        '  clientId: "e2e-fixture-service",\n' +
        "  clientSecret: process.env.CLIENT_SECRET,\n" +
        "};\n",
      "src/oauth.ts",
      secrets,
    );
    assertSameText(readWorkspaceFile(".env.example"), "CLIENT_SECRET=\n", ".env.example is created", secrets);
    assertSameText(readWorkspaceFile(".env"), `CLIENT_SECRET=${secret}\n`, ".env (git-ignored) is created with the value", secrets);
    await waitForExactFindings(uri, []);
  });

  it("leaves .env alone when .gitignore does not ignore it (the value would be committed)", async () => {
    const secret = fakeClientSecret();
    await freshWorkspace(async () => {
      await replaceInWorkspaceFile("src/oauth.ts", 'clientSecret: "changeme"', `clientSecret: ${JSON.stringify(secret)}`);
      await writeWorkspaceFile(".gitignore", "node_modules/\ndist/\n");
      await writeWorkspaceFile(".env", "SERVICE_NAME=oauth\n");
    });
    const uri = workspaceUri("src/oauth.ts");
    await openWorkspaceFile("src/oauth.ts");
    const [diagnostic] = await waitForExactFindings(uri, [
      {
        code: "config/no-hardcoded-secret",
        message: `Hardcoded secret ${redacted(secret)}: high-entropy value assigned to \`clientSecret\`. Read it from process.env.CLIENT_SECRET instead.`,
        severity: "Warning",
        range: `5:17-5:${17 + secret.length + 2}`,
        source: SOURCE,
      },
    ]);

    await applyPreferredAndSave(await quickFixesFor(uri, diagnostic));

    const secrets = [secret];
    assertSameText(readWorkspaceFile("src/oauth.ts")?.split("\n")[4], "  clientSecret: process.env.CLIENT_SECRET,", "src/oauth.ts line 5", secrets);
    assertSameText(readWorkspaceFile(".env.example"), "DATABASE_URL=\nSERVICE_NAME=\nCLIENT_SECRET=\n", ".env.example gains the key", secrets);
    assertSameText(readWorkspaceFile(".env"), "SERVICE_NAME=oauth\n", ".env is not git-ignored: unchanged", secrets);
  });

  it("binds a fixed port to process.env.PORT, keeping the old port as the default", async () => {
    await freshWorkspace();
    const uri = workspaceUri("src/server.ts");
    const before = readWorkspaceFile("src/server.ts") ?? "";
    await openWorkspaceFile("src/server.ts");
    const diagnostics = await waitForExactFindings(uri, [
      {
        code: "logs/no-file-logging",
        message: 'appendFileSync writes logs to "logs/access.log"; write log lines to stdout (console.log or a logger) and let the platform route the stream.',
        severity: "Warning",
        range: "7:3-7:74",
        source: SOURCE,
      },
      {
        code: "port-binding/no-fixed-port",
        message: "Port 3000 is hardcoded in listen() (via `PORT`); bind to the port the platform gives in process.env.PORT.",
        severity: "Warning",
        range: "11:15-11:19",
        source: SOURCE,
      },
    ]);
    const port = diagnostics.find((diagnostic) => ruleOf(diagnostic) === "port-binding/no-fixed-port");
    assert.ok(port);

    const actions = await quickFixesFor(uri, port);
    assert.deepEqual(
      actions.map((action) => action.title),
      ["Read the port from process.env.PORT (default 3000)", ...disableTitles("port-binding/no-fixed-port"), FIX_ALL_TITLE],
    );
    await applyPreferredAndSave(actions);

    assert.equal(readWorkspaceFile("src/server.ts"), before.replace("const PORT = 3000;", "const PORT = Number(process.env.PORT ?? 3000);"));
    assert.notEqual(readWorkspaceFile("src/server.ts"), before);
    const remaining = await waitForExactFindings(uri, [
      {
        code: "logs/no-file-logging",
        message: 'appendFileSync writes logs to "logs/access.log"; write log lines to stdout (console.log or a logger) and let the platform route the stream.',
        severity: "Warning",
        range: "7:3-7:74",
        source: SOURCE,
      },
    ]);
    assert.equal(ours(remaining).length, 1);
  });

  it('"Fix All in File" applies the safe fixes of the open file and leaves the ones to review', async () => {
    await freshWorkspace();
    const uri = workspaceUri("src/worker.ts");
    const before = readWorkspaceFile("src/worker.ts") ?? "";
    const editor = await openWorkspaceFile("src/worker.ts");
    const fileLogging = {
      code: "logs/no-file-logging",
      message: 'winston File transport writes logs to "logs/worker.log"; log to stdout (winston.transports.Console) and let the platform route the stream.',
      severity: "Warning",
      range: "6:49-6:109",
      source: SOURCE,
    };
    await waitForExactFindings(uri, [
      fileLogging,
      { code: "port-binding/no-fixed-port", message: "Port 8080 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.", severity: "Warning", range: "13:13-13:17", source: SOURCE },
      { code: "port-binding/no-fixed-port", message: "Port 9090 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.", severity: "Warning", range: "17:16-17:20", source: SOURCE },
    ]);

    const changed = nextChangeOf(editor.document);
    await vscode.commands.executeCommand("twelveFactor.fixAllInFile");
    await changed;
    assert.equal(await editor.document.save(), true);

    assert.equal(
      readWorkspaceFile("src/worker.ts"),
      before.replace("jobs.listen(8080);", "jobs.listen(Number(process.env.PORT ?? 8080));").replace("metrics.listen(9090);", "metrics.listen(Number(process.env.PORT ?? 9090));"),
    );
    assert.equal(readWorkspaceFile("src/worker.ts")?.includes("new winston.transports.File("), true, "the file transport needs a review: fix-all leaves it");
    await waitForExactFindings(uri, [fileLogging]);
  });
});
