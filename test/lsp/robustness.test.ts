import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { CancellationTokenSource, WorkDoneProgress } from "vscode-languageserver-protocol/node";
import { SERVER, serverSessions, TestClient, uriOf } from "./lspClient";

/**
 * The server under hostile clients and a changing disk: out-of-order and malformed messages,
 * bad ranges, a flood of edits, files vanishing mid-audit, a 50,000-file workspace, shutdown
 * mid-audit. After each, the process must still be up (or have exited cleanly when told to).
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

// The service stops gracefully (src/shutdown.ts), so port findings are the only ones in play.
const BASE_FILES = {
  "package.json": `{ "name": "svc", "dependencies": {} }\n`,
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n",
  "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n',
};
const portMessage = (port: number): string => `Port ${port} is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.`;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe("language server robustness", () => {
  const session = serverSessions();
  const start = async (files: Record<string, string>, pull = false) => {
    const { client, project, file } = await session({ ...BASE_FILES, ...files }, { pull });
    return { client, root: project.root, file };
  };
  const assertUp = (client: TestClient): void => assert.equal(client.process.exitCode, null, "the server process is still up");

  it("takes out-of-order and malformed messages in its stride", async () => {
    const { client, file } = await start({ "src/a.ts": "app.listen(3000);\n" });
    const uri = uriOf(file("src/a.ts"));
    // Change, close and requests for a document that was never opened.
    void client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 5 }, contentChanges: [{ text: "x" }] });
    void client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: uriOf(file("src/ghost.ts")) } });
    assert.equal(await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    // Garbage shapes: missing fields, wrong types, a non-file URI.
    void client.connection.sendNotification("textDocument/didOpen", {});
    void client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: "untitled:Untitled-1", languageId: "typescript", version: 1, text: "app.listen(1);\n" } });
    void client.connection.sendNotification("textDocument/didChange", { textDocument: { uri }, contentChanges: "nope" });
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: "not a uri", type: 9 }] });
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    // Answered (null or an error response), never left hanging or fatal.
    assert.equal(await client.connection.sendRequest("textDocument/hover", { textDocument: 42 }).then(() => "answered", () => "answered"), "answered");
    assert.equal(await client.executeCommand("twelveFactor.server.auditWorkspace", [{ bogus: true }, 7]).then(() => "ran", () => "rejected").then(() => "answered"), "answered");
    // Opened twice, then a version that goes backwards: the last text the client sent wins.
    client.open(file("src/a.ts"), "app.listen(3001);\n");
    client.open(file("src/a.ts"), "app.listen(3002);\n");
    void client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 0 }, contentChanges: [{ text: "app.listen(3003);\n" }] });
    assert.deepEqual((await client.diagnosticsFor(file("src/a.ts"), (d) => d[0]?.message === portMessage(3003))).map((d) => d.message), [portMessage(3003)]);
    assertUp(client);
  });

  it("clamps a didChange with bad ranges, and the next full text wins", async () => {
    const { client, file } = await start({ "src/a.ts": "app.listen(3000);\n" });
    client.open(file("src/a.ts"));
    await client.diagnosticsFor(file("src/a.ts"), (d) => d.length === 1);
    const bad = [
      { start: { line: -1, character: -5 }, end: { line: 0, character: 3 } },
      { start: { line: 0, character: 10 }, end: { line: 0, character: 2 } },
      { start: { line: 0, character: 9999 }, end: { line: 9999, character: 0 } },
      { start: { line: 2 ** 31, character: 2 ** 31 }, end: { line: 2 ** 31, character: 2 ** 31 } },
    ];
    for (const range of bad) client.change(file("src/a.ts"), "/*x*/", range);
    client.change(file("src/a.ts"), "server.listen(4242);\n");
    assert.deepEqual((await client.diagnosticsFor(file("src/a.ts"), (d) => d[0]?.message === portMessage(4242))).map((d) => d.range), [
      { start: { line: 0, character: 14 }, end: { line: 0, character: 18 } },
    ]);
    assertUp(client);
  });

  it("keeps up with 1,000 rapid edits: the last state wins and memory stays flat", { timeout: 120_000 }, async () => {
    const { client, file } = await start({ "src/a.ts": "app.listen(3000);\n" });
    client.open(file("src/a.ts"));
    await client.diagnosticsFor(file("src/a.ts"), (d) => d.length === 1);
    const burst = async (base: number): Promise<void> => {
      for (let i = 0; i < 1000; i++) client.change(file("src/a.ts"), `// edit ${i}\napp.listen(${base + i});\n`);
      const last = base + 999;
      await client.diagnosticsFor(file("src/a.ts"), (d) => d[0]?.message === portMessage(last));
    };
    await burst(10_000);
    const afterFirst = rssMb(client.process.pid!);
    await burst(20_000);
    await burst(30_000);
    const afterThird = rssMb(client.process.pid!);
    const final = client.published.get(uriOf(file("src/a.ts")))!;
    assert.deepEqual(final.map((d) => [d.message, d.range.start.line]), [[portMessage(30_999), 1]]);
    console.log(`rss after 1,000 edits: ${afterFirst.toFixed(0)} MB; after 3,000: ${afterThird.toFixed(0)} MB`);
    assert.ok(afterThird - afterFirst < 40, `RSS grew from ${afterFirst.toFixed(0)} to ${afterThird.toFixed(0)} MB over 2,000 more edits`);
    assertUp(client);
  });

  it("finishes an audit while files are deleted and renamed under it", { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`src/m${i}.ts`] = `app.listen(${3000 + i});\n`;
    const { client, file } = await start(files);
    let disturbed = false;
    client.connection.onProgress(WorkDoneProgress.type, "audit-disturbed", (value) => {
      if (value.kind !== "report" || disturbed) return;
      disturbed = true;
      const changes: Array<{ uri: string; type: number }> = [];
      for (let i = 0; i < 1500; i += 3) {
        rmSync(file(`src/m${i}.ts`));
        changes.push({ uri: uriOf(file(`src/m${i}.ts`)), type: 3 });
      }
      mkdirSync(file("moved"), { recursive: true });
      for (let i = 1; i < 1500; i += 3) {
        renameSync(file(`src/m${i}.ts`), file(`moved/m${i}.ts`));
        changes.push({ uri: uriOf(file(`src/m${i}.ts`)), type: 3 }, { uri: uriOf(file(`moved/m${i}.ts`)), type: 1 });
      }
      void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes });
    });
    const first = (await client.connection.sendRequest("workspace/executeCommand", { command: "twelveFactor.server.auditWorkspace", arguments: [], workDoneToken: "audit-disturbed" })) as { findings: number; cancelled: boolean };
    assert.equal(first.cancelled, false);
    assert.ok(disturbed, "the files were changed while the audit ran");
    // Whatever the first audit caught mid-change, a second one sees the disk as it is now.
    const second = (await client.executeCommand("twelveFactor.server.auditWorkspace")) as { findings: number; files: number };
    assert.deepEqual([second.files, second.findings], [1000 + Object.keys(BASE_FILES).length, 1000]);
    assertUp(client);
  });

  it("keeps giving the open file diagnostics while a 50,000-file workspace is audited", { timeout: 600_000 }, async () => {
    const { client, file, root } = await start({ "src/open.ts": "app.listen(3000);\n" });
    for (let dir = 0; dir < 100; dir++) {
      mkdirSync(path.join(root, `gen/d${dir}`), { recursive: true });
      for (let i = 0; i < 500; i++) {
        const n = dir * 500 + i;
        writeFileSync(path.join(root, `gen/d${dir}/f${i}.ts`), n % 10 === 0 ? `server.listen(${n});\n` : `export const value${n} = ${n};\n`);
      }
    }
    client.open(file("src/open.ts"));
    await client.diagnosticsFor(file("src/open.ts"), (d) => d.length === 1);
    const auditStarted = Date.now();
    let auditDone = false;
    const audit = (client.executeCommand("twelveFactor.server.auditWorkspace", [], "audit-50k") as Promise<{ findings: number; files: number; cancelled: boolean }>).then((summary) => {
      auditDone = true;
      return summary;
    });
    await client.until(() => (client.progress.some((p) => p.token === "audit-50k" && p.value.kind === "report") ? true : undefined), "audit progress", 120_000);
    const latencies: number[] = [];
    for (let edit = 0; !auditDone && edit < 200; edit++) {
      const port = 40_000 + edit;
      const sent = Date.now();
      client.change(file("src/open.ts"), `app.listen(${port});\n`);
      await client.diagnosticsFor(file("src/open.ts"), (d) => d[0]?.message === portMessage(port));
      latencies.push(Date.now() - sent);
    }
    const summary = await audit;
    const auditMs = Date.now() - auditStarted;
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, 50_001 + Object.keys(BASE_FILES).length);
    // Every tenth generated file listens on a literal port, except f0's port 0 (let the OS pick: fine).
    assert.equal(summary.findings, 4_999 + 1);
    assert.ok(latencies.length >= 5, `only ${latencies.length} edits landed during the audit`);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(`50,000-file audit: ${(auditMs / 1000).toFixed(1)} s; open-file diagnostics during it: ${latencies.length} edits, p50 ${p50} ms, p95 ${p95} ms`);
    assert.ok(p95 < 2000, `p95 ${p95} ms`);
    assertUp(client);
  });

  it("exits cleanly when shut down in the middle of an audit", { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`src/m${i}.ts`] = `app.listen(${3000 + i});\n`;
    const { client } = await start(files);
    const source = new CancellationTokenSource();
    let reported!: () => void;
    const midway = new Promise<void>((resolve) => (reported = resolve));
    client.connection.onProgress(WorkDoneProgress.type, "audit-shutdown", (value) => {
      if (value.kind === "report") reported();
    });
    void client.connection.sendRequest("workspace/executeCommand", { command: "twelveFactor.server.auditWorkspace", arguments: [], workDoneToken: "audit-shutdown" }, source.token).catch(() => undefined);
    await midway;
    const started = Date.now();
    assert.equal(await client.shutdown(), 0);
    assert.ok(Date.now() - started < 10_000, `exit took ${Date.now() - started} ms`);
  });
});
