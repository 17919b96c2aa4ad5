import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { CancellationTokenSource, WorkDoneProgress } from "vscode-languageserver-protocol/node";
import { applyWorkspaceEdit, SERVER, serverSessions, uriOf } from "./lspClient";

/**
 * The built server over stdio, as an editor runs it: diagnostics (push and pull), edits,
 * cross-file refresh, code actions applied to a temporary project, configuration, the
 * workspace audit with progress, bad input and a clean shutdown.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const PORT_MESSAGE = "Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.";
// The service stops gracefully (src/shutdown.ts), so port findings are the only ones in play.
const BASE_FILES = {
  "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n",
  "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n',
};

function expectedPortDiagnostic(line: number, character: number, endCharacter: number, message = PORT_MESSAGE) {
  return {
    range: { start: { line, character }, end: { line, character: endCharacter } },
    severity: 2,
    source: "twelve-factor",
    code: "port-binding/no-fixed-port",
    codeDescription: { href: "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/port-binding/no-fixed-port.md" },
    message,
  };
}

const withoutData = (d: { data?: unknown }) => {
  const { data: _data, ...rest } = d;
  return rest;
};

describe("language server over stdio", () => {
  const session = serverSessions();
  const start = (files: Record<string, string>, options: { pull?: boolean; resourceOperations?: boolean; settings?: Record<string, unknown> } = {}) => session({ ...BASE_FILES, ...files }, options);

  it("pushes exact diagnostics to a client without pull support, and updates them as the buffer changes", async () => {
    const { client, file } = await start({ "src/server.ts": "app.listen(3000);\n" });
    client.open(file("src/server.ts"));
    const diagnostics = await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1);
    assert.deepEqual(diagnostics.map(withoutData), [expectedPortDiagnostic(0, 11, 15)]);
    // An unsaved edit: the squiggle follows the buffer, not the disk.
    client.change(file("src/server.ts"), "\n\napp.listen(3000);\n");
    assert.deepEqual((await client.diagnosticsFor(file("src/server.ts"), (d) => d[0]?.range.start.line === 2)).map(withoutData), [expectedPortDiagnostic(2, 11, 15)]);
    client.change(file("src/server.ts"), "app.listen(process.env.PORT);\n");
    assert.deepEqual(await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 0), []);
  });

  it("answers pull requests when the client supports them, with the same diagnostics", async () => {
    const { client, file } = await start({ "src/server.ts": "app.listen(3000);\n" }, { pull: true });
    client.open(file("src/server.ts"));
    const report = await client.pullDiagnostics(file("src/server.ts"));
    assert.equal(report.kind, "full");
    assert.deepEqual(report.items.map(withoutData), [expectedPortDiagnostic(0, 11, 15)]);
    assert.equal(client.published.has(uriOf(file("src/server.ts"))), false, "a pull client gets no pushed diagnostics for open files");
  });

  it("refreshes a file when the file it imports its port from changes (push)", async () => {
    const { client, file } = await start({ "src/config.ts": "export const PORT = 3000;\n", "src/server.ts": `import { PORT } from "./config";\napp.listen(PORT);\n` });
    client.open(file("src/server.ts"));
    client.open(file("src/config.ts"));
    const message = "Port 3000 is hardcoded in listen() (via `PORT` in src/config.ts); bind to the port the platform gives in process.env.PORT.";
    assert.deepEqual((await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1)).map(withoutData), [expectedPortDiagnostic(1, 11, 15, message)]);
    client.change(file("src/config.ts"), "export const PORT = Number(process.env.PORT ?? 3000);\n");
    assert.deepEqual(await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 0), []);
  });

  it("asks a pull client to refresh when an imported file changes", async () => {
    const { client, file } = await start({ "src/config.ts": "export const PORT = 3000;\n", "src/server.ts": `import { PORT } from "./config";\napp.listen(PORT);\n` }, { pull: true });
    client.open(file("src/server.ts"));
    client.open(file("src/config.ts"));
    assert.equal((await client.pullDiagnostics(file("src/server.ts"))).items.length, 1);
    const before = client.refreshes;
    client.change(file("src/config.ts"), "export const PORT = Number(process.env.PORT ?? 3000);\n");
    await client.until(() => (client.refreshes > before ? true : undefined), "workspace/diagnostic/refresh");
    assert.deepEqual((await client.pullDiagnostics(file("src/server.ts"))).items, []);
  });

  it("offers the fix, the disable comments and fix-all, and the fix applies exactly (changes map)", async () => {
    const { client, file } = await start({ "src/server.ts": "const PORT = 3000;\napp.listen(PORT);\n" });
    client.open(file("src/server.ts"));
    const diagnostics = await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1);
    const actions = await client.codeActions(file("src/server.ts"), diagnostics);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ["Read the port from process.env.PORT (default 3000)", "quickfix", true],
        ["Disable port-binding/no-fixed-port for this line", "quickfix", false],
        ["Disable port-binding/no-fixed-port for the entire file", "quickfix", false],
        ["Fix all auto-fixable Twelve-Factor problems", "quickfix", false],
      ],
    );
    assert.ok(actions[0].edit?.changes, "a client without documentChanges gets a changes map");
    applyWorkspaceEdit(actions[0].edit!);
    assert.equal(readFileSync(file("src/server.ts"), "utf8"), "const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);\n");
  });

  describe("the secret fix edits three files in one action", () => {
    // Assembled at run time: the repository holds no token-shaped strings.
    const key = ["sk", "live", "4qN8vR2xK7mP1zL9wT5yB3cD"].join("_");
    const source = `export const apiKey = "${key}";\n`;

    it("with resource operations: the value stays on the server, which writes .env itself", async () => {
      const { client, file, project } = await start({ "src/pay.ts": source }, { resourceOperations: true });
      client.open(file("src/pay.ts"), source);
      const diagnostics = await client.diagnosticsFor(file("src/pay.ts"), (d) => d.length === 1);
      assert.equal(diagnostics[0].code, "config/no-hardcoded-secret");
      assert.ok(!JSON.stringify(diagnostics).includes(key.slice(8)), "the diagnostic's data carries no part of the value");
      const [fix] = await client.codeActions(file("src/pay.ts"), diagnostics);
      assert.equal(fix.title, "Read the secret from process.env.STRIPE_SECRET_KEY in src/pay.ts, add STRIPE_SECRET_KEY= to .env.example and its value to .env");
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.edit, undefined);
      const { startOffset, endOffset } = { startOffset: 22, endOffset: 22 + key.length + 2 };
      assert.deepEqual(fix.command?.arguments, [{ file: file("src/pay.ts"), findings: [{ ruleId: "config/no-hardcoded-secret", startOffset, endOffset }] }]);
      assert.equal(await client.executeCommand(fix.command!.command, fix.command!.arguments), true);
      assert.equal(project.read("src/pay.ts"), "export const apiKey = process.env.STRIPE_SECRET_KEY;\n");
      assert.equal(project.read(".env.example"), "STRIPE_SECRET_KEY=\n");
      assert.equal(project.read(".env"), `STRIPE_SECRET_KEY=${key}\n`);
      const applied = JSON.stringify(client.appliedEdits);
      assert.ok(!applied.includes(key.slice(8)), "the edit the client applied holds no part of the value");
    });

    it("with resource operations and no .env to fill: one WorkspaceEdit with CreateFile", async () => {
      const { client, file, project } = await start({ "src/pay.ts": source, ".gitignore": "node_modules\n" }, { resourceOperations: true });
      client.open(file("src/pay.ts"), source);
      const diagnostics = await client.diagnosticsFor(file("src/pay.ts"), (d) => d.length === 1);
      const [fix] = await client.codeActions(file("src/pay.ts"), diagnostics);
      const kinds = (fix.edit?.documentChanges ?? []).map((change) => ("kind" in change ? `${change.kind} ${path.basename(change.kind === "create" ? change.uri : "")}` : `edit ${path.basename(change.textDocument.uri)}`));
      assert.deepEqual(kinds, ["create .env.example", "edit .env.example", "edit pay.ts"]);
      applyWorkspaceEdit(fix.edit!);
      assert.equal(project.read("src/pay.ts"), "export const apiKey = process.env.STRIPE_SECRET_KEY;\n");
      assert.equal(project.read(".env.example"), "STRIPE_SECRET_KEY=\n");
      assert.equal(project.read(".env"), undefined, "never written where git would commit it");
    });

    it("an open .env gets its line through the client, so its unsaved buffer is kept", async () => {
      const { client, file, project } = await start({ "src/pay.ts": source, ".env": "PORT=3000\n" }, { resourceOperations: true });
      client.open(file(".env"), "PORT=3000\nDEBUG=1\n", "dotenv");
      client.open(file("src/pay.ts"), source);
      const diagnostics = await client.diagnosticsFor(file("src/pay.ts"), (d) => d.length === 1);
      const [fix] = await client.codeActions(file("src/pay.ts"), diagnostics);
      assert.equal(await client.executeCommand(fix.command!.command, fix.command!.arguments), true);
      // The line goes after the buffer's unsaved DEBUG=1 (line 2), as an edit of the open document.
      const envEdits = client.appliedEdits.flatMap((edit) => edit.documentChanges ?? []).filter((change) => "textDocument" in change && change.textDocument.uri === uriOf(file(".env")));
      assert.deepEqual(envEdits.map((change) => ("edits" in change ? change.edits.map((e) => [e.range.start, "newText" in e ? e.newText : null]) : [])), [[[{ line: 2, character: 0 }, `STRIPE_SECRET_KEY=${key}\n`]]]);
      assert.equal(project.read("src/pay.ts"), "export const apiKey = process.env.STRIPE_SECRET_KEY;\n");
    });

    it("without resource operations: a command that creates the files, then applies the edits", async () => {
      const { client, file, project } = await start({ "src/pay.ts": source, ".env.example": "# keys\r\nPORT=\r\n" });
      client.open(file("src/pay.ts"), source);
      const diagnostics = await client.diagnosticsFor(file("src/pay.ts"), (d) => d.length === 1);
      const [fix] = await client.codeActions(file("src/pay.ts"), diagnostics);
      assert.equal(fix.edit, undefined);
      assert.equal(fix.command?.command, "twelveFactor.applyFix");
      assert.equal(await client.executeCommand(fix.command.command, fix.command.arguments), true);
      assert.equal(project.read("src/pay.ts"), "export const apiKey = process.env.STRIPE_SECRET_KEY;\n");
      assert.equal(project.read(".env.example"), "# keys\r\nPORT=\r\nSTRIPE_SECRET_KEY=\r\n", "appended, comments and CRLF kept");
      assert.equal(project.read(".env"), `STRIPE_SECRET_KEY=${key}\n`, "created, because .gitignore ignores .env");
    });

    it("never overwrites an existing .env key: the fix is offered but fix-all leaves it", async () => {
      const { client, file, project } = await start({ "src/pay.ts": source, ".env": "STRIPE_SECRET_KEY=already-here\n", ".env.example": "STRIPE_SECRET_KEY=\n" }, { resourceOperations: true });
      client.open(file("src/pay.ts"), source);
      const diagnostics = await client.diagnosticsFor(file("src/pay.ts"), (d) => d.length === 1);
      const fixAll = await client.codeActions(file("src/pay.ts"), [], ["source.fixAll.twelveFactor"]);
      assert.deepEqual(fixAll, [], "an unsafe fix is not part of fix-all");
      const [fix] = await client.codeActions(file("src/pay.ts"), diagnostics);
      applyWorkspaceEdit(fix.edit!);
      assert.equal(project.read(".env"), "STRIPE_SECRET_KEY=already-here\n");
      assert.equal(project.read(".env.example"), "STRIPE_SECRET_KEY=\n");
    });
  });

  it("inserts disable comments with the line's indentation, and for the whole file after a shebang", async () => {
    const { client, file } = await start({ "src/server.js": "#!/usr/bin/env node\nfunction main() {\n  app.listen(3000);\n}\n" });
    client.open(file("src/server.js"), undefined, "javascript");
    const diagnostics = await client.diagnosticsFor(file("src/server.js"), (d) => d.length === 1);
    const actions = await client.codeActions(file("src/server.js"), diagnostics);
    const original = readFileSync(file("src/server.js"), "utf8");
    applyWorkspaceEdit(actions.find((a) => a.title.includes("this line"))!.edit!);
    assert.equal(readFileSync(file("src/server.js"), "utf8"), "#!/usr/bin/env node\nfunction main() {\n  // twelve-factor-disable-next-line port-binding/no-fixed-port\n  app.listen(3000);\n}\n");
    writeFileSync(file("src/server.js"), original);
    applyWorkspaceEdit(actions.find((a) => a.title.includes("entire file"))!.edit!);
    assert.equal(readFileSync(file("src/server.js"), "utf8"), "#!/usr/bin/env node\n/* twelve-factor-disable port-binding/no-fixed-port */\nfunction main() {\n  app.listen(3000);\n}\n");
  });

  it("returns source.fixAll.twelveFactor with only the safe fixes when asked for that kind", async () => {
    const { client, file } = await start({ "src/server.ts": "app.listen(3000);\nadmin.listen(9000);\n" }, { resourceOperations: true });
    client.open(file("src/server.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 2);
    const actions = await client.codeActions(file("src/server.ts"), [], ["source.fixAll.twelveFactor"]);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [["Fix all auto-fixable Twelve-Factor problems", "source.fixAll.twelveFactor"]]);
    assert.ok(actions[0].edit?.documentChanges, "a client with documentChanges gets versioned document edits");
    applyWorkspaceEdit(actions[0].edit!);
    assert.equal(readFileSync(file("src/server.ts"), "utf8"), "app.listen(Number(process.env.PORT ?? 3000));\nadmin.listen(Number(process.env.PORT ?? 9000));\n");
  });

  it("in test code: the secret fix is offered by hand, never by fix-all or source.fixAll", async () => {
    const key = ["sk", "live", "4qN8vR2xK7mP1zL9wT5yB3cD"].join("_");
    const source = `const stripe = new Stripe("${key}");\nconst res = await request(app).post("/login").send({ email, password: "Password123$" });\n`;
    const { client, file } = await start({ "test/pay.test.ts": source }, { resourceOperations: true });
    client.open(file("test/pay.test.ts"), source);
    const diagnostics = await client.diagnosticsFor(file("test/pay.test.ts"), (d) => d.length === 1);
    assert.deepEqual([diagnostics[0].code, diagnostics[0].severity, diagnostics[0].range], ["config/no-hardcoded-secret", 2, { start: { line: 0, character: 26 }, end: { line: 0, character: 60 } }]);
    const actions = await client.codeActions(file("test/pay.test.ts"), diagnostics);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        "Read the secret from process.env.STRIPE_SECRET_KEY in test/pay.test.ts, add STRIPE_SECRET_KEY= to .env.example and its value to .env",
        "Disable config/no-hardcoded-secret for this line",
        "Disable config/no-hardcoded-secret for the entire file",
      ],
    );
    assert.deepEqual(await client.codeActions(file("test/pay.test.ts"), [], ["source.fixAll.twelveFactor"]), []);
  });

  it("applies configuration changes without a restart, and names a bad setting once", async () => {
    const { client, file } = await start({ "src/server.ts": "app.listen(3000);\n" });
    client.open(file("src/server.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1 && d[0].severity === 2);
    client.settings = { rules: { "port-binding/no-fixed-port": "error" } };
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1 && d[0].severity === 1);
    client.settings = { rules: { "port-binding/no-fixed-port": "off", "no/such-rule": "error" } };
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 0);
    assert.ok(client.logs.includes(`showMessage: Twelve-Factor: twelveFactor.rules: "no/such-rule" is not a known rule id; ignoring it.`), client.logs.join("\n"));
  });

  it("with run: onSave, analyses on open and save but not while typing; with enable: false, not at all", async () => {
    const { client, file } = await start({ "src/server.ts": "const a = 1;\n" }, { settings: { run: "onSave" } });
    client.open(file("src/server.ts"));
    assert.deepEqual(await client.diagnosticsFor(file("src/server.ts")), []);
    client.change(file("src/server.ts"), "app.listen(3000);\n");
    // A later open of another file proves the change was processed without a publish for it.
    client.open(file("src/other.ts"), "app.listen(4000);\n");
    await client.diagnosticsFor(file("src/other.ts"), (d) => d.length === 1);
    assert.deepEqual(client.published.get(uriOf(file("src/server.ts"))), [], "no analysis while typing");
    void client.connection.sendNotification("textDocument/didSave", { textDocument: { uri: uriOf(file("src/server.ts")) } });
    assert.equal((await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1))[0].code, "port-binding/no-fixed-port");

    client.settings = { enable: false };
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 0);
    await client.diagnosticsFor(file("src/other.ts"), (d) => d.length === 0);
  });

  it("with run: onSave, a pull client gets the saved text's findings, and no fix for a changed buffer", async () => {
    const { client, file } = await start({ "src/server.ts": "app.listen(3000);\n" }, { pull: true, settings: { run: "onSave" } });
    client.open(file("src/server.ts"));
    const saved = (await client.pullDiagnostics(file("src/server.ts"))).items;
    assert.deepEqual(saved.map(withoutData), [expectedPortDiagnostic(0, 11, 15)]);
    client.change(file("src/server.ts"), "\n\napp.listen(3000);\n");
    assert.deepEqual((await client.pullDiagnostics(file("src/server.ts"))).items.map(withoutData), [expectedPortDiagnostic(0, 11, 15)], "still the saved text's");
    assert.deepEqual(await client.codeActions(file("src/server.ts"), saved), [], "offsets of the saved text must not edit the changed buffer");
  });

  it("reads .twelve-factor.json, and warns once about a broken one", async () => {
    const { client, file } = await start({ "src/server.ts": "app.listen(3000);\n", ".twelve-factor.json": `{ "rules": { "port-binding/no-fixed-port": "error" } }` });
    client.open(file("src/server.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1 && d[0].severity === 1);
    const broken = await start({ "src/server.ts": "app.listen(3000);\n", ".twelve-factor.json": `{ "rules": [` });
    broken.client.open(broken.file("src/server.ts"));
    await broken.client.diagnosticsFor(broken.file("src/server.ts"), (d) => d.length === 1 && d[0].severity === 2);
    await broken.client.until(() => broken.client.logs.find((l) => l.startsWith(".twelve-factor.json:")), "a config warning");
  });

  it("audits the workspace with progress and publishes findings of files that are not open", async () => {
    const { client, file } = await start({ "src/a.ts": "app.listen(3000);\n", "src/b.ts": "const x = 1;\n", "src/c.js": "server.listen(8080);\n" });
    const summary = (await client.executeCommand("twelveFactor.server.auditWorkspace", [], "audit-1")) as { findings: number; files: number; byRule: Record<string, number>; byFactor: Record<string, number>; cancelled: boolean };
    assert.equal(summary.cancelled, false);
    assert.equal(summary.findings, 2);
    assert.deepEqual(summary.byRule, { "port-binding/no-fixed-port": 2 });
    assert.equal(summary.byFactor.VII, 2);
    assert.equal(Object.keys(summary.byFactor).join(","), "I,II,III,IV,V,VI,VII,VIII,IX,X,XI,XII");
    const kinds = client.progress.filter((p) => p.token === "audit-1").map((p) => p.value.kind);
    assert.equal(kinds[0], "begin");
    assert.equal(kinds.at(-1), "end");
    assert.deepEqual((await client.diagnosticsFor(file("src/c.js"), (d) => d.length === 1)).map((d) => d.message), [PORT_MESSAGE.replace("3000", "8080")]);
    assert.equal((await client.diagnosticsFor(file("src/a.ts"), (d) => d.length === 1)).length, 1);
    // The status item after a keystroke counts the audit's findings.
    const statusAfter = async (text: string): Promise<{ fileFindings: number; workspaceFindings: number | null }> => {
      const seen = client.statuses.length;
      client.change(file("src/b.ts"), text);
      return client.until(() => client.statuses.slice(seen).find((status) => status.uri === uriOf(file("src/b.ts"))), "a status after the keystroke");
    };
    client.open(file("src/b.ts"));
    assert.deepEqual(await statusAfter("const x = 2;\n"), { uri: uriOf(file("src/b.ts")), fileFindings: 0, workspaceFindings: 2 });
    // The file is fixed on disk: a watched-file change refreshes the stored audit result.
    writeFileSync(file("src/c.js"), "server.listen(process.env.PORT);\n");
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(file("src/c.js")), type: 2 }] });
    assert.deepEqual(await client.diagnosticsFor(file("src/c.js"), (d) => d.length === 0), []);
    assert.deepEqual(await statusAfter("const x = 3;\n"), { uri: uriOf(file("src/b.ts")), fileFindings: 0, workspaceFindings: 1 });
  });

  it("cancels an audit in progress, and the next audit runs to the end", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`src/m${i}.ts`] = `app.listen(${3000 + i});\n`;
    const { client } = await start(files);
    const source = new CancellationTokenSource();
    client.connection.onProgress(WorkDoneProgress.type, "audit-cancel", (value) => {
      if (value.kind === "report") source.cancel();
    });
    const cancelled = (await client.connection
      .sendRequest("workspace/executeCommand", { command: "twelveFactor.server.auditWorkspace", arguments: [], workDoneToken: "audit-cancel" }, source.token)
      .catch((error: { code?: number }) => ({ rejected: error.code }))) as { cancelled?: boolean; rejected?: number };
    assert.ok(cancelled.cancelled === true || cancelled.rejected === -32800, `expected a cancelled audit, got ${JSON.stringify(cancelled).slice(0, 200)}`);
    const complete = (await client.executeCommand("twelveFactor.server.auditWorkspace")) as { findings: number; cancelled: boolean };
    assert.deepEqual([complete.cancelled, complete.findings], [false, 1500]);
  });

  it("gives a pull client the audit as workspace diagnostics, unchanged until a file changes", async () => {
    const { client, file } = await start({ "src/a.ts": "app.listen(3000);\n", "src/c.js": "server.listen(8080);\n" }, { pull: true });
    type Report = { kind: string; uri: string; resultId: string; items?: Array<{ message: string; range: unknown }> };
    const pullWorkspace = (previousResultIds: Array<{ uri: string; value: string }> = []) =>
      client.connection.sendRequest("workspace/diagnostic", { previousResultIds }) as Promise<{ items: Report[] }>;
    assert.deepEqual((await pullWorkspace()).items, [], "nothing before the first audit");
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    assert.equal(client.published.size, 0, "a pull client gets no pushed diagnostics");
    const first = (await pullWorkspace()).items.sort((x, y) => x.uri.localeCompare(y.uri));
    assert.deepEqual(first.map((r) => [r.kind, r.uri, r.items?.map((d) => d.message)]), [
      ["full", uriOf(file("src/a.ts")), [PORT_MESSAGE]],
      ["full", uriOf(file("src/c.js")), [PORT_MESSAGE.replace("3000", "8080")]],
    ]);
    const second = await pullWorkspace(first.map((r) => ({ uri: r.uri, value: r.resultId })));
    assert.deepEqual(second.items.map((r) => r.kind), ["unchanged", "unchanged"]);
    writeFileSync(file("src/c.js"), "server.listen(process.env.PORT);\n");
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(file("src/c.js")), type: 2 }] });
    // Messages are handled in order, so the next pull sees the re-audited file.
    const after = (await pullWorkspace(first.map((r) => ({ uri: r.uri, value: r.resultId })))).items;
    assert.deepEqual(after.map((r) => [r.kind, r.uri, r.items?.length]).sort(), [
      ["full", uriOf(file("src/c.js")), 0],
      ["unchanged", uriOf(file("src/a.ts")), undefined],
    ].sort());
  });

  it("survives malformed requests, unknown documents and binary files", async () => {
    const { client, file } = await start({ "src/bin.ts": "\u0000\u0001\u0002binary", "src/server.ts": "app.listen(3000);\n" });
    assert.deepEqual(await client.codeActions(path.join(file("src"), "nope.ts"), []), []);
    assert.equal(await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: "file:///nope.ts" }, position: { line: 0, character: 0 } }), null);
    await assert.rejects(client.connection.sendRequest("textDocument/codeAction", {}));
    assert.equal(await client.executeCommand("twelveFactor.noSuchCommand"), null);
    client.open(file("src/bin.ts"), "\u0000\u0001\u0002binary");
    client.change(file("src/bin.ts"), "x", { start: { line: 99, character: 5 }, end: { line: 120, character: 0 } });
    client.open(file("src/server.ts"));
    assert.equal((await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1)).length, 1, "the server still works");
    assert.equal(client.process.exitCode, null, "the server process is still up");
  });

  it("shows the signals and the factor on hover", async () => {
    const { client, file } = await start({ "src/server.ts": "app.listen(3000);\n" });
    client.open(file("src/server.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1);
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(file("src/server.ts")) }, position: { line: 0, character: 12 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /^\*\*port-binding\/no-fixed-port\*\* · Factor VII\. Port binding\n\nPort 3000 is hardcoded/);
    assert.match(hover.contents.value, /Signals: literal port passed to listen\(\)/);
  });

  it("shuts down cleanly", async () => {
    const { client } = await start({});
    assert.equal(await client.shutdown(), 0);
  });
});
