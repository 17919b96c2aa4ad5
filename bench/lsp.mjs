// `npm run bench:lsp`: keystroke-to-diagnostics latency of the built language server on a
// 2,000-line file, next to a bare parse of the same text in this process (timed between the
// edits), then the same while a workspace audit runs in the background. It measures and prints;
// it never asserts on time.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { writeLargeFiles } from "./largeFiles.mjs";
import { percentile, round } from "./stats.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// 150 edits per measure: a p95 of 50 is the third-slowest edit, and moved by ±40 % from run to run.
const EDITS = Number(process.argv.find((a) => a.startsWith("--edits="))?.slice(8) ?? 150);
const BACKGROUND_FILES = Number(process.argv.find((a) => a.startsWith("--files="))?.slice(8) ?? 5000);
const log = (line) => process.stderr.write(`${line}\n`);
/** Bare parses timed between the measured edits (see measureEdits). */
const bareDuringEdits = [];

function makeWorkspace() {
  const root = mkdtempSync(path.join(os.tmpdir(), "tfl-lsp-bench-"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "bench", dependencies: { express: "^5.0.0", winston: "^3.0.0" } }));
  const [big] = writeLargeFiles(path.join(root, "src"), 1, 2000);
  // Background audit material: many small service files.
  for (let i = 0; i < BACKGROUND_FILES; i++) {
    const dir = path.join(root, "packages", `p${Math.floor(i / 100)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `m${i}.ts`), `import express from "express";\nconst app = express();\nexport const PORT${i} = ${3000 + (i % 1000)};\napp.get("/${i}", (_req, res) => res.send("ok"));\napp.listen(PORT${i});\n`);
  }
  return { root, big };
}

function bareParseTimes(text, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const variant = `${text}// edit ${i}\n`;
    const start = performance.now();
    ts.createSourceFile("bench.ts", variant, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    times.push(performance.now() - start);
  }
  return times;
}

const cacheDirs = [];
function newCacheDir() {
  cacheDirs.push(mkdtempSync(path.join(os.tmpdir(), "tfl-lsp-bench-cache-")));
  return cacheDirs.at(-1);
}

async function startServer(root, pull) {
  const child = spawn(process.execPath, [...(process.env.TFL_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean), path.join(repoRoot, "dist/server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  const waiters = [];
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    published.set(params.uri, params);
    for (const waiter of waiters.splice(0)) waiter();
  });
  connection.onNotification("twelveFactor/status", () => {});
  connection.onNotification("window/logMessage", () => {});
  connection.onRequest("workspace/configuration", (params) => params.items.map(() => ({})));
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("workspace/diagnostic/refresh", () => null);
  connection.listen();
  const uri = pathToFileURL(root).toString();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: "bench" }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true }, textDocument: pull ? { diagnostic: {} } : {} },
    // A cache folder of its own, as the VS Code client gives one (empty: each audit here is a first one).
    initializationOptions: { cacheDir: newCacheDir() },
  });
  await connection.sendNotification("initialized", {});
  const waitForVersion = (target, version) =>
    new Promise((resolve) => {
      const check = () => (published.get(target)?.version === version ? resolve() : waiters.push(check));
      check();
    });
  return { child, connection, waitForVersion };
}

/**
 * p50/p95/max of didChange → diagnostics for that version (push) or didChange → pull response.
 * `warmup` edits warm the JIT and are not counted: the first measure takes 5, the one during an
 * audit none (the JIT is warm by then), so it sees the audit's start, when a keystroke right after
 * "Audit Workspace" meets discovery and the cache's load.
 */
async function measureEdits(server, file, text, pull, label, warmup) {
  const uri = pathToFileURL(file).toString();
  await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "typescript", version: 1, text } });
  if (!pull) await server.waitForVersion(uri, 1);
  const times = [];
  for (let i = 0; i < EDITS + warmup; i++) {
    const version = i + 2;
    const newText = `${text}// edit ${i}\n`;
    const start = performance.now();
    await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text: newText }] });
    if (pull) await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
    else await server.waitForVersion(uri, version);
    if (i < warmup) continue;
    times.push(performance.now() - start);
    // A bare parse between two edits, so both see the same load on a shared machine.
    bareDuringEdits.push(...bareParseTimes(newText, 1));
  }
  const max = Math.max(...times);
  log(`  ${label}: p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms, max ${round(max)} ms`);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max };
}

const { root, big } = makeWorkspace();
try {
  const text = readFileSync(big, "utf8");
  log(`2,000-line file: ${text.split("\n").length} lines; background workspace: ${BACKGROUND_FILES} files`);
  bareParseTimes(text, 10);
  const results = {};
  for (const pull of [false, true]) {
    const mode = pull ? "pull" : "push";
    const server = await startServer(root, pull);
    results[mode] = await measureEdits(server, big, text, pull, `${mode}, idle server`, 5);
    const auditStart = performance.now();
    let auditMs;
    const audit = server.connection.sendRequest("workspace/executeCommand", { command: "twelveFactor.server.auditWorkspace", arguments: [] }).then((summary) => {
      auditMs = performance.now() - auditStart;
      return summary;
    });
    results[`${mode}+audit`] = await measureEdits(server, big, text, pull, `${mode}, during a workspace audit`, 0);
    const summary = await audit;
    log(`  audit of ${summary.files} files: ${round(auditMs / 1000, 2)} s, ${summary.findings} findings${auditMs < 1 ? "" : ""}`);
    await server.connection.sendRequest("shutdown");
    await server.connection.sendNotification("exit");
    server.connection.dispose();
  }
  const bareP50 = percentile(bareDuringEdits, 50);
  const bareP95 = percentile(bareDuringEdits, 95);
  log(`  bare ts.createSourceFile, one between every two edits: p50 ${round(bareP50)} ms, p95 ${round(bareP95)} ms`);
  const figures = {
    bareParse: { p50: round(bareP50), p95: round(bareP95) },
    ...Object.fromEntries(Object.entries(results).map(([mode, r]) => [mode, { p50: round(r.p50), p95: round(r.p95), max: round(r.max), p95VsBareP95: round(r.p95 / bareP95, 2) }])),
    ...Object.fromEntries(["push", "pull"].map((mode) => [`${mode}SlowdownDuringAudit`, round(results[`${mode}+audit`].p95 / results[mode].p95, 2)])),
  };
  console.log(JSON.stringify(figures, null, 2));
  for (const mode of ["push", "pull"]) {
    const idle = results[mode].p95 / bareP95;
    const slowdown = results[`${mode}+audit`].p95 / results[mode].p95 - 1;
    log(`${mode}: p95 ${round(idle, 2)}× the bare parse (target ≤ 2× bare parse: ${idle <= 2 ? "met" : "not met"}); during an audit p95 ${slowdown >= 0 ? "+" : ""}${Math.round(slowdown * 100)}% vs idle (target no slowdown: ${slowdown <= 0 ? "met" : "not met"})`);
  }
} finally {
  for (const dir of [root, ...cacheDirs]) rmSync(dir, { recursive: true, force: true });
}
