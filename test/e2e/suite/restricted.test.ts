// Restricted Mode: the same extension in a workspace VS Code does not trust. `npm run test:e2e`
// runs this file on its own in a second editor session with workspace trust turned on and the
// folder left untrusted (TFL_E2E_RESTRICTED=1); in the trusted session it is skipped.
import assert from "node:assert/strict";
import { before, describe, it } from "mocha";
import * as vscode from "vscode";
import { waitForFindings, ruleOf } from "./helpers/findings";
import { EXTENSION_ID, openWorkspaceFile, workspaceUri } from "./helpers/workspace";

describe("Restricted Mode", function () {
  before(function () {
    if (process.env.TFL_E2E_RESTRICTED !== "1") this.skip();
  });

  it("runs in an untrusted workspace: activates, reports, audits", async () => {
    assert.equal(vscode.workspace.isTrusted, false, "the session must not trust the workspace");
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);

    await openWorkspaceFile("src/server.ts");
    const findings = await waitForFindings(workspaceUri("src/server.ts"), (described) => described.some((d) => d.code === "port-binding/no-fixed-port"));
    assert.ok(findings.some((diagnostic) => ruleOf(diagnostic) === "port-binding/no-fixed-port"));

    const summary = await vscode.commands.executeCommand<{ cancelled: boolean; findings: number }>("twelveFactor.auditWorkspace");
    assert.equal(summary.cancelled, false);
    assert.ok(summary.findings > 0);
  });
});
