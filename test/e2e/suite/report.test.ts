// The report view after "Twelve-Factor: Audit Workspace": the webview panel with the audit's
// counts, the Factor → Rule → File → finding tree in step with the diagnostics, and the README's
// picture of both. Counts are taken from the same run (rules are still being added), never typed in.
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "mocha";
import * as vscode from "vscode";
import type { AuditSummary } from "../../../server/src/lsp/workspaceAudit";
import type { RuleCatalog } from "../../../server/src/lsp/reportCommands";
import type { ReportViewState } from "../../../client/src/report/register";
import { freshWorkspace, readWorkspaceFile } from "./helpers/files";
import { nextChangeOf } from "./helpers/events";
import { ours, ruleOf } from "./helpers/findings";
import { requestScreenshot } from "./helpers/screenshot";
import { fixtureSource, openWorkspaceFile, workspaceRoot, workspaceUri } from "./helpers/workspace";
import type { ApplySafeFixesResult } from "../../../server/src/lsp/reportCommands";
import type { SafeFixPlan } from "../../../server/src/lsp/safeFixes";

const FACTORS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

const reportState = () => vscode.commands.executeCommand<ReportViewState>("twelveFactor.report.state");

function ourDiagnostics(): Array<[vscode.Uri, vscode.Diagnostic]> {
  return vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) => ours(diagnostics).map((diagnostic) => [uri, diagnostic] as [vscode.Uri, vscode.Diagnostic]));
}

/** Resolves once the editor shows `count` of our diagnostics (the audit's files arrive one by one). */
function waitForDiagnosticCount(count: number, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      if (ourDiagnostics().length !== count) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(() => check());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`expected ${count} findings in the editor, saw ${ourDiagnostics().length} after ${timeoutMs} ms`));
    }, timeoutMs);
    check();
  });
}

describe("report view", () => {
  after(async () => {
    await vscode.commands.executeCommand("workbench.action.closeSidebar");
    await freshWorkspace();
  });

  it("opens after the audit with the audit's counts, and the tree lists the twelve factors in step with the diagnostics", async () => {
    await freshWorkspace();
    await openWorkspaceFile("src/server.ts");
    assert.deepEqual((await reportState()).panel, { visible: false, renders: 0, report: null }, "no report before the audit");
    const summary = await vscode.commands.executeCommand<AuditSummary>("twelveFactor.auditWorkspace");
    assert.equal(summary.cancelled, false);
    assert.ok(summary.findings > 0, "the fixture has findings");

    // The panel: one tab, showing this audit's numbers.
    const { panel } = await reportState();
    assert.equal(panel.visible, true);
    assert.equal(panel.renders, 1);
    const report = panel.report;
    assert.ok(report);
    assert.equal(report.root, workspaceRoot());
    assert.equal(report.stats.files, summary.files);
    const { fixable, suggested, ...totals } = report.totals;
    assert.deepEqual(totals, summary.bySeverity);
    assert.ok(fixable > 0, "the fixture's fixed ports are fixable");
    // Findings whose only fix needs review (a SIGTERM handler) are counted apart from the fixable ones.
    assert.equal(typeof suggested, "number");
    assert.deepEqual(
      report.factors.map((factor) => factor.factor),
      FACTORS,
    );
    assert.deepEqual(Object.fromEntries(report.factors.map((factor) => [factor.factor, factor.counts.error + factor.counts.warning + factor.counts.info])), summary.byFactor);
    const ruleCounts = Object.fromEntries(report.factors.flatMap((factor) => factor.rules.filter((rule) => rule.count > 0).map((rule) => [rule.id, rule.count])));
    assert.deepEqual(ruleCounts, summary.byRule);

    // The tree, from the editor's diagnostics once every audited file has arrived.
    await waitForDiagnosticCount(summary.findings);
    const { tree } = await reportState();
    const catalog = await vscode.commands.executeCommand<RuleCatalog>("twelveFactor.server.ruleCatalog");
    const factorOf = new Map(catalog.rules.map((rule) => [rule.id, rule.factor]));
    const expected = new Map(FACTORS.map((factor) => [factor, 0]));
    for (const [, diagnostic] of ourDiagnostics()) {
      const factor = factorOf.get(String(ruleOf(diagnostic)));
      assert.ok(factor, `a diagnostic of an unknown rule ${String(ruleOf(diagnostic))}`);
      expected.set(factor, (expected.get(factor) ?? 0) + 1);
    }
    assert.deepEqual(
      tree.map((node) => node.factor),
      FACTORS,
      "twelve factor nodes, in order, and nothing else",
    );
    assert.deepEqual(Object.fromEntries(tree.map((node) => [node.factor, node.count])), Object.fromEntries(expected));
    assert.deepEqual(Object.fromEntries(tree.map((node) => [node.factor, node.count])), summary.byFactor, "the tree agrees with the audit");
    for (const node of tree) {
      const checked = catalog.rules.some((rule) => rule.factor === node.factor);
      assert.equal(node.description, node.count > 0 ? `${node.count} finding${node.count === 1 ? "" : "s"}` : checked ? "pass" : "no rules yet");
      assert.equal(
        node.rules.reduce((sum, rule) => sum + rule.count, 0),
        node.count,
      );
      for (const rule of node.rules) {
        assert.equal(
          rule.files.reduce((sum, file) => sum + file.count, 0),
          rule.count,
        );
        for (const file of rule.files) assert.equal(file.findings.length, file.count);
      }
    }
    // One leaf against its diagnostic: the fixed port of src/server.ts.
    const portFiles = tree.find((node) => node.factor === "VII")?.rules.find((rule) => rule.id === "port-binding/no-fixed-port")?.files;
    const serverPorts = ourDiagnostics().filter(([uri, diagnostic]) => uri.fsPath.endsWith("/src/server.ts") && ruleOf(diagnostic) === "port-binding/no-fixed-port");
    assert.deepEqual(
      portFiles?.find((file) => file.file === "src/server.ts")?.findings,
      serverPorts.map(([, diagnostic]) => ({ line: diagnostic.range.start.line + 1, message: diagnostic.message })),
    );

    // A second audit refreshes the same panel instead of opening another.
    await vscode.commands.executeCommand("twelveFactor.auditWorkspace");
    assert.equal((await reportState()).panel.renders, 2);

    // The report alone in the editor area, the tree in its side bar.
    await vscode.commands.executeCommand("workbench.action.closePanel");
    await vscode.commands.executeCommand("workbench.action.joinAllGroups");
    await vscode.commands.executeCommand("workbench.view.extension.twelveFactor");
    await vscode.commands.executeCommand("twelveFactor.showReport");
    const file = await requestScreenshot("report-vscode-fixture", {
      // Factors with findings open on their rules.
      waitFor: '.monaco-workbench:has(iframe.webview.ready):has(.monaco-list-row:has-text("XII. Admin processes")):has(.monaco-list-row:has-text("port-binding/no-fixed-port"))',
    });
    if (file) assert.match(file, /report-vscode-fixture\.png$/);
  });
  // The README's picture: the bundled example (examples/express-service, which `npm start`
  // audits) in the workspace instead of the fixture; it has a finding under every factor.
  it("shows all twelve factors with findings for the bundled example", async () => {
    const example = path.resolve(fixtureSource(), "../../../../examples/express-service");
    await freshWorkspace(async () => {
      // Files of both are overwritten in place (the editor may hold them); the fixture's others go.
      const root = workspaceRoot();
      const removeMissing = (source: string, target: string): void => {
        for (const entry of readdirSync(target, { withFileTypes: true })) {
          if (entry.name === ".vscode") continue;
          const from = path.join(source, entry.name);
          if (!existsSync(from)) rmSync(path.join(target, entry.name), { recursive: true, force: true });
          else if (entry.isDirectory()) removeMissing(from, path.join(target, entry.name));
        }
      };
      removeMissing(example, root);
      cpSync(example, root, { recursive: true, force: true });
    });
    const summary = await vscode.commands.executeCommand<AuditSummary>("twelveFactor.auditWorkspace");
    assert.equal(summary.cancelled, false);
    // The same complete list the CLI gives for the example (test/example.test.ts): 18 findings.
    assert.equal(summary.findings, 18);
    const { panel } = await reportState();
    assert.ok(panel.report);
    // No factor reads "Pass": each has a finding (an info-only factor says so).
    assert.deepEqual(
      panel.report.factors.map((factor) => [factor.factor, factor.status !== "pass" && factor.status !== "not-applicable" && factor.counts.error + factor.counts.warning + factor.counts.info > 0]),
      FACTORS.map((factor) => [factor, true]),
    );
    assert.deepEqual(Object.fromEntries(panel.report.factors.map((factor) => [factor.factor, factor.counts.error + factor.counts.warning + factor.counts.info])), summary.byFactor);
    await waitForDiagnosticCount(summary.findings);
    const { tree } = await reportState();
    assert.deepEqual(Object.fromEntries(tree.map((node) => [node.factor, node.count])), summary.byFactor, "the tree agrees with the audit");
    await vscode.commands.executeCommand("workbench.action.closePanel");
    await vscode.commands.executeCommand("workbench.action.joinAllGroups");
    await vscode.commands.executeCommand("workbench.view.extension.twelveFactor");
    await vscode.commands.executeCommand("twelveFactor.showReport");
    const file = await requestScreenshot("report-vscode", {
      // The tree is virtualised: rows below the fold are not in the page, so wait on the top ones.
      waitFor: '.monaco-workbench:has(iframe.webview.ready):has(.monaco-list-row:has-text("I. Codebase")):has(.monaco-list-row:has-text("codebase/no-out-of-repo-import"))',
    });
    if (file) assert.match(file, /report-vscode\.png$/);
    await freshWorkspace();
  });

  // The report's "Fix all safe problems" minus its modal (which a test cannot answer): the same
  // server commands, with the real editor applying the edit, to an unsaved buffer as well.
  it("fixes the safe problems of every audited file in one edit the editor applies, also in an unsaved buffer", async () => {
    await freshWorkspace();
    const editor = await openWorkspaceFile("src/server.ts");
    const typed = nextChangeOf(editor.document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), "// Entry point.\n"));
    await typed;
    await vscode.commands.executeCommand("twelveFactor.auditWorkspace");
    const plan = await vscode.commands.executeCommand<SafeFixPlan>("twelveFactor.server.safeFixPlan");
    const fixesOf = (file: string) => plan.files.find((entry) => entry.file === file)?.fixes;
    assert.deepEqual([fixesOf("src/server.ts"), fixesOf("src/worker.ts")], [1, 2], JSON.stringify(plan.files));

    const worker = await vscode.workspace.openTextDocument(workspaceUri("src/worker.ts"));
    const workerBefore = worker.getText();
    const changed = Promise.all([nextChangeOf(editor.document), nextChangeOf(worker)]);
    const result = await vscode.commands.executeCommand<ApplySafeFixesResult>("twelveFactor.server.applySafeFixes", { files: plan.files.map((entry) => entry.path) });
    assert.equal(result.applied, true, result.reason);
    await changed;
    // Offsets from the buffer, not the disk: the fix lands one line lower, under the typed comment.
    assert.equal(editor.document.lineAt(4).text, "const PORT = Number(process.env.PORT ?? 3000);");
    assert.equal(editor.document.lineAt(0).text, "// Entry point.");
    assert.equal(
      worker.getText(),
      workerBefore.replace("jobs.listen(8080);", "jobs.listen(Number(process.env.PORT ?? 8080));").replace("metrics.listen(9090);", "metrics.listen(Number(process.env.PORT ?? 9090));"),
    );
    assert.equal(readWorkspaceFile("src/worker.ts"), workerBefore, "the editor holds the edit until it is saved");
  });
});
