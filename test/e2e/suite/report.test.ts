// The report view after "Twelve-Factor: Audit Workspace": the webview panel with the audit's
// counts, the Factor → Rule → File → finding tree in step with the diagnostics, and the README's
// picture of both. Counts are taken from the same run (rules are still being added), never typed in.
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "mocha";
import * as vscode from "vscode";
import type { AuditSummary } from "../../../server/src/lsp/workspaceAudit";
import type { RuleCatalog } from "../../../server/src/lsp/reportCommands";
import type { ReportViewState } from "../../../client/src/report/register";
import { freshWorkspace, readWorkspaceFile } from "./helpers/files";
import { nextChangeOf } from "./helpers/events";
import { ours, ruleOf, waitForFindings } from "./helpers/findings";
import { requestScreenshot } from "./helpers/screenshot";
import { fixtureSource, openWorkspaceFile, workspaceRoot, workspaceUri } from "./helpers/workspace";
import type { ApplySafeFixesResult } from "../../../server/src/lsp/reportCommands";
import type { SafeFixPlan } from "../../../server/src/lsp/safeFixes";

const FACTORS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

const reportState = () => vscode.commands.executeCommand<ReportViewState>("twelveFactor.report.state");

function ourDiagnostics(): Array<[vscode.Uri, vscode.Diagnostic]> {
  return vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) => ours(diagnostics).map((diagnostic) => [uri, diagnostic] as [vscode.Uri, vscode.Diagnostic]));
}

/**
 * Resolves once `check` holds. The page's state lives in the webview, which tells the extension
 * by message; the suite can only ask the extension, so it asks again every 100 ms.
 */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
    assert.deepEqual((await reportState()).panel, { visible: false, viewColumn: undefined, active: false, renders: 0, report: null, html: "", stale: false, bannerShown: false }, "no report before the audit");
    const summary = await vscode.commands.executeCommand<AuditSummary>("twelveFactor.auditWorkspace");
    assert.equal(summary.cancelled, false);
    assert.ok(summary.findings > 0, "the fixture has findings");

    // The panel: one tab in the editor's own group (not a new group beside it), showing this audit's numbers.
    const { panel } = await reportState();
    assert.equal(panel.visible, true);
    assert.equal(panel.renders, 1);
    assert.equal(panel.viewColumn, vscode.ViewColumn.One);
    assert.equal(vscode.window.tabGroups.all.length, 1, "the report did not split the editor area");
    assert.deepEqual(
      vscode.window.tabGroups.all[0].tabs.map((tab) => tab.label),
      ["server.ts", "Twelve-Factor Report"],
    );
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
        assert.equal(rule.findings.length, rule.count);
        // Under its factor, a rule is named without the factor's part of its id.
        assert.equal(rule.label, rule.id.slice(rule.id.indexOf("/") + 1));
        for (const finding of rule.findings) {
          // Each leaf leads with what tells it apart: file:line, then the message's first clause.
          assert.ok(finding.label.startsWith(`${finding.file}:${finding.line} · `), finding.label);
          assert.ok(finding.tooltip.startsWith(`${finding.message}\n\n${rule.id} · ${finding.file}, Ln ${finding.line}, Col `), finding.tooltip);
        }
      }
    }
    // Leaves against their diagnostics: the fixed ports, as the sidebar shows them.
    const ports = tree.find((node) => node.factor === "VII")?.rules.find((rule) => rule.id === "port-binding/no-fixed-port");
    assert.equal(ports?.label, "no-fixed-port");
    const portDiagnostics = ourDiagnostics()
      .filter(([, diagnostic]) => ruleOf(diagnostic) === "port-binding/no-fixed-port")
      .map(([uri, diagnostic]) => ({ file: vscode.workspace.asRelativePath(uri), line: diagnostic.range.start.line + 1, message: diagnostic.message }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    assert.deepEqual(
      ports?.findings.map(({ file, line, message }) => ({ file, line, message })),
      portDiagnostics,
    );
    assert.deepEqual(
      ports?.findings.map((finding) => finding.label),
      [
        "src/server.ts:11 · Port 3000 is hardcoded in listen() (via…",
        "src/worker.ts:13 · Port 8080 is hardcoded in listen()",
        "src/worker.ts:17 · Port 9090 is hardcoded in listen()",
      ],
    );

    // The page: only rules that found something, commands in messages as code, no stale banner shown.
    const html = (await reportState()).panel.html;
    const ruleBlocks = [...html.matchAll(/<div class="rule" data-rule="([^"]+)"><h4>.*?<span class="muted">(\d+) findings?<\/span><\/h4>/g)].map((match) => [match[1], Number(match[2])]);
    assert.deepEqual(Object.fromEntries(ruleBlocks), summary.byRule, "one block per rule with findings, and none for clean rules");
    assert.doesNotMatch(html, /0 findings/);
    assert.ok(html.includes("Port 3000 is hardcoded in listen() (via <code>PORT</code>)"), "backticks render as code");
    assert.match(html, /<div class="stale" id="stale" role="status" hidden>/);
    assert.equal((await reportState()).panel.stale, false);

    // A second audit refreshes the same panel instead of opening another, in the column the
    // user moved it to, and leaves the editor they work in where it is.
    await vscode.commands.executeCommand("workbench.action.moveEditorToNextGroup");
    assert.equal((await reportState()).panel.viewColumn, vscode.ViewColumn.Two);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri("src/server.ts")), { viewColumn: vscode.ViewColumn.One });
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri("src/server.ts").fsPath);
    await vscode.commands.executeCommand("twelveFactor.auditWorkspace");
    const second = (await reportState()).panel;
    assert.deepEqual([second.renders, second.viewColumn, second.visible], [2, vscode.ViewColumn.Two, true]);
    assert.equal(vscode.window.tabGroups.all.length, 2);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri("src/server.ts").fsPath, "the focus stayed in the editor");
    assert.equal(vscode.window.tabGroups.activeTabGroup.viewColumn, vscode.ViewColumn.One);

    // The report alone in the editor area, the tree in its side bar.
    await vscode.commands.executeCommand("workbench.action.closePanel");
    await vscode.commands.executeCommand("workbench.action.joinAllGroups");
    await vscode.commands.executeCommand("workbench.view.extension.twelveFactor");
    await vscode.commands.executeCommand("twelveFactor.showReport");
    const file = await requestScreenshot("report-vscode-fixture", {
      // Factors with findings open on their rules.
      waitFor: '.monaco-workbench:has(iframe.webview.ready):has(.monaco-list-row:has-text("XII. Admin processes")):has(.monaco-list-row:has-text("no-fixed-port"))',
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
      waitFor: '.monaco-workbench:has(iframe.webview.ready):has(.monaco-list-row:has-text("I. Codebase")):has(.monaco-list-row:has-text("no-out-of-repo-import"))',
    });
    if (file) assert.match(file, /report-vscode\.png$/);
    await freshWorkspace();
  });

  it("says it is out of date after an edit, until the audit runs again; exports outside the workspace", async () => {
    await freshWorkspace();
    const opened = await openWorkspaceFile("src/worker.ts");
    await vscode.commands.executeCommand("twelveFactor.auditWorkspace");
    const before = (await reportState()).panel;
    assert.deepEqual([before.renders, before.stale], [1, false]);

    // An edit: the tree follows the diagnostics at once, the panel keeps its audit and says so.
    const editor = await vscode.window.showTextDocument(opened.document, { viewColumn: vscode.ViewColumn.One });
    const typed = nextChangeOf(editor.document);
    await editor.edit((edit) => edit.replace(editor.document.lineAt(16).range, "metrics.listen(Number(process.env.PORT));"));
    await typed;
    // Saved, so the re-run below audits the edit whatever the auto-save setting.
    await editor.document.save();
    const stale = (await reportState()).panel;
    assert.equal(stale.stale, true);
    assert.equal(stale.renders, 1, "no re-render: the page shows the audit it came from");
    assert.deepEqual(stale.report, before.report);
    await waitForFindings(editor.document.uri, (findings) => findings.filter((finding) => finding.code === "port-binding/no-fixed-port").length === 1);
    const tree = (await reportState()).tree;
    assert.deepEqual(
      tree.find((node) => node.factor === "VII")?.rules.find((rule) => rule.id === "port-binding/no-fixed-port")?.findings.filter((finding) => finding.file === "src/worker.ts").map((finding) => finding.label),
      ["src/worker.ts:13 · Port 8080 is hardcoded in listen()"],
      "the tree follows the edit",
    );
    // Shown again, the page loads afresh, asks, and puts its banner up (it reports back).
    await vscode.commands.executeCommand("twelveFactor.showReport");
    await until(async () => (await reportState()).panel.bannerShown, "the stale banner on the page");
    const file = await requestScreenshot("report-stale", { waitFor: "iframe.webview.ready" });
    if (file) assert.match(file, /report-stale\.png$/);

    // "Re-run audit" (the banner's button posts the same message as the toolbar's).
    await vscode.commands.executeCommand("twelveFactor.auditWorkspace");
    const rerun = (await reportState()).panel;
    assert.deepEqual([rerun.renders, rerun.stale], [2, false]);
    const ports = rerun.report?.factors.find((factor) => factor.factor === "VII")?.rules.find((rule) => rule.id === "port-binding/no-fixed-port");
    assert.deepEqual(ports?.findings.filter((finding) => finding.file === "src/worker.ts").map((finding) => finding.range.start.line), [13]);

    // Export to a chosen file (the dialog itself cannot be answered by a test; its proposal is
    // tested in test/client/exportTarget.test.ts): the Markdown of this audit, outside the workspace.
    const target = vscode.Uri.file(path.join(os.tmpdir(), `tfl-e2e-export-${process.pid}.md`));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>("twelveFactor.exportReport", "markdown", target);
    assert.equal(written?.fsPath, target.fsPath);
    const markdown = readFileSync(target.fsPath, "utf8");
    rmSync(target.fsPath, { force: true });
    assert.match(markdown, /Twelve-Factor audit: /);
    assert.ok(markdown.includes("src/worker.ts"), "it lists this audit's findings");
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
