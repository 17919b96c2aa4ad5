import assert from "node:assert/strict";
import { describe, it } from "mocha";
import * as vscode from "vscode";
import { waitForDiagnostics } from "./helpers/diagnostics";
import { requestScreenshot } from "./helpers/screenshot";
import { openWorkspaceFile, workspaceUri } from "./helpers/workspace";

describe("probe (temporary)", () => {
  it("squiggle picture", async () => {
    const editor = await openWorkspaceFile("src/server.ts");
    const uri = workspaceUri("src/server.ts");
    const diags = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === "twelve-factor"), 30_000);
    assert.ok(diags.length > 0);
    editor.selection = new vscode.Selection(diags[0].range.start, diags[0].range.start);
    await requestScreenshot("probe-squiggle", { waitFor: ".monaco-editor .squiggly-warning" });
    console.log("ALL DIAGS: " + JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.source + ":" + d.message)));
  });
});
