// The palette command "Twelve-Factor: Audit Workspace": its summary, and the Problems panel
// filled with findings of files no editor has open (and the README's picture of it).
import assert from "node:assert/strict";
import { after, describe, it } from "mocha";
import * as vscode from "vscode";
import { fakeStripeLiveKey, redacted } from "./helpers/fakeSecrets";
import { freshWorkspace, replaceInWorkspaceFile } from "./helpers/files";
import { SOURCE, waitForExactFindings, workspaceFindings, type Described } from "./helpers/findings";
import { requestScreenshot } from "./helpers/screenshot";
import { openWorkspaceFile, workspaceUri } from "./helpers/workspace";
import type { AuditSummary } from "../../../server/src/lsp/workspaceAudit";

const warning = (code: string, range: string, message: string): Described => ({ code, message, severity: "Warning", range, source: SOURCE });

/** Every finding of the fixture (with the fake key written into src/billing.ts), by file. */
function expectedFindings(key: string): Record<string, Described[]> {
  return {
    "src/billing.ts": [
      {
        code: "config/no-hardcoded-secret",
        message: `Hardcoded secret ${redacted(key)}: Stripe live secret key format. Read it from process.env.STRIPE_SECRET_KEY instead.`,
        severity: "Error",
        range: `3:32-3:${32 + key.length + 2}`,
        source: SOURCE,
      },
    ],
    "src/logger.ts": [
      warning("logs/no-file-logging", "6:16-6:73", 'winston File transport writes logs to "logs/app.log"; log to stdout (winston.transports.Console) and let the platform route the stream.'),
    ],
    "src/server.ts": [
      warning("logs/no-file-logging", "7:3-7:74", 'appendFileSync writes logs to "logs/access.log"; write log lines to stdout (console.log or a logger) and let the platform route the stream.'),
      warning("port-binding/no-fixed-port", "11:15-11:19", "Port 3000 is hardcoded in listen() (via `PORT`); bind to the port the platform gives in process.env.PORT."),
    ],
    "src/uploads.ts": [
      warning(
        "processes/no-local-state",
        "7:17-7:21",
        'writeFileSync writes to path.join("data", "avatars", `${userId}.png`) on the local disk; keep state in a backing service (database, cache or object storage) so any process can serve any request.',
      ),
    ],
    "src/worker.ts": [
      warning("logs/no-file-logging", "6:49-6:109", 'winston File transport writes logs to "logs/worker.log"; log to stdout (winston.transports.Console) and let the platform route the stream.'),
      warning("port-binding/no-fixed-port", "13:13-13:17", "Port 8080 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."),
      warning("port-binding/no-fixed-port", "17:16-17:20", "Port 9090 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."),
    ],
  };
}

function isLoaded(relativePath: string): boolean {
  const uri = workspaceUri(relativePath).toString();
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri);
}

describe("workspace audit", () => {
  after(() => freshWorkspace());

  it("summarises the fixture by rule and factor and publishes findings of files that are not open", async () => {
    const key = fakeStripeLiveKey();
    await freshWorkspace(() => replaceInWorkspaceFile("src/billing.ts", '"<your-stripe-key>"', JSON.stringify(key)));
    await openWorkspaceFile("src/server.ts");
    const expected = expectedFindings(key);
    await waitForExactFindings(workspaceUri("src/server.ts"), expected["src/server.ts"]);
    const notOpen = Object.keys(expected).filter((file) => file !== "src/server.ts");
    for (const file of notOpen) assert.equal(isLoaded(file), false, `${file} must not be open in the editor for this test`);
    for (const file of notOpen) assert.deepEqual(workspaceFindings()[file], undefined, `${file} has no findings before the audit`);

    await vscode.commands.executeCommand("notifications.clearAll");
    const summary = await vscode.commands.executeCommand<AuditSummary>("twelveFactor.auditWorkspace");
    const { durationMs, ...rest } = summary;
    assert.equal(typeof durationMs, "number");
    assert.deepEqual(rest, {
      // package.json, package-lock.json, .gitignore, .env.example, 7 sources in src/, test/server.test.ts, scripts/seed.ts
      files: 13,
      findings: 8,
      bySeverity: { error: 1, warning: 7, info: 0 },
      byFactor: { I: 0, II: 0, III: 1, IV: 0, V: 0, VI: 1, VII: 3, VIII: 0, IX: 0, X: 0, XI: 3, XII: 0 },
      byRule: { "config/no-hardcoded-secret": 1, "processes/no-local-state": 1, "port-binding/no-fixed-port": 3, "logs/no-file-logging": 3 },
      // The session's storage folder is new, so the audit cache starts empty.
      cached: 0,
      cancelled: false,
    });

    // Files no editor has open get their findings from the audit (pushed by the server).
    for (const file of notOpen) await waitForExactFindings(workspaceUri(file), expected[file]);
    for (const file of notOpen) assert.equal(isLoaded(file), false, `${file} must still not be open`);
    // The whole Problems panel: nothing twice, nothing in the placeholders, tests or scripts.
    assert.deepEqual(workspaceFindings(), expected);
    const billing = workspaceFindings()["src/billing.ts"][0];
    assert.equal(billing.message.includes(key.slice(4)), false, "the audit never shows the secret");

    // The README's picture of this state: the Problems panel (maximised) and the summary message
    // in the notification center (toasts never show under the smoke-test driver the harness needs).
    await vscode.commands.executeCommand("workbench.actions.view.problems");
    await vscode.commands.executeCommand("workbench.action.toggleMaximizedPanel");
    await vscode.commands.executeCommand("notifications.showList");
    try {
      await requestScreenshot("audit", {
        waitFor: '.monaco-workbench:has(.notifications-center:has-text("Twelve-Factor audit: 8 findings")):has(.markers-panel .monaco-list-row:has-text("worker.ts"))',
      });
    } finally {
      await vscode.commands.executeCommand("notifications.hideList");
      await vscode.commands.executeCommand("workbench.action.toggleMaximizedPanel");
      await vscode.commands.executeCommand("workbench.action.closePanel");
    }
  });

  // Regression: VS Code keeps the document of a closed tab loaded for a while, and the client
  // pulls document diagnostics only for documents shown in a tab; the audit findings of such a
  // file now arrive as workspace diagnostics (pull clients), so they are never missing.
  it("shows the audit findings of a file whose tab was closed", async () => {
    const key = fakeStripeLiveKey();
    await freshWorkspace(() => replaceInWorkspaceFile("src/billing.ts", '"<your-stripe-key>"', JSON.stringify(key)));
    const uri = workspaceUri("src/billing.ts");
    const expected = expectedFindings(key)["src/billing.ts"];
    await openWorkspaceFile("src/billing.ts");
    await waitForExactFindings(uri, expected);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    assert.equal(isLoaded("src/billing.ts"), true, "precondition: the closed tab's document is still loaded");
    // Closed, the file keeps showing what is on disk (workspace diagnostics), like any audited file.
    await waitForExactFindings(uri, expected);

    const summary = await vscode.commands.executeCommand<AuditSummary>("twelveFactor.auditWorkspace");
    assert.equal(summary.byRule["config/no-hardcoded-secret"], 1);
    await waitForExactFindings(uri, expected, 10_000);
  });
});
