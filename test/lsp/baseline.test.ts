import assert from "node:assert/strict";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { Engine } from "../../server/src/engine/analyzer";
import { BASELINE_FILE_NAME, createBaseline, serializeBaseline } from "../../server/src/engine/baseline";
import { diskHost } from "../../server/src/engine/host";
import { RULES } from "../../server/src/rules/registry";
import { writeProject } from "../helpers/project";
import { SERVER, serverSessions, uriOf } from "./lspClient";

/**
 * The editor side of baselines, over the built server's stdio: the project's
 * `.twelve-factor-baseline.json` hides recorded findings from live diagnostics (also while the
 * buffer moves them) and from the workspace audit; `baseline.enabled: false` shows them; the
 * watched file is re-read when it changes.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const BASE_FILES = {
  "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n",
  // Shut down gracefully, so that port findings are the only ones.
  "src/shutdown.ts": `process.on("SIGTERM", () => process.exit(0));\n`,
};
const port = (n: number) => `Port ${n} is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.`;

/** A project whose baseline was written while `src/server.ts` and `lib/jobs.ts` held one port each. */
function baselinedProject() {
  const project = writeProject({ ...BASE_FILES, "src/server.ts": "app.listen(3000);\n", "lib/jobs.ts": "app.listen(7000);\n" });
  const engine = new Engine({ root: project.root, rules: RULES });
  const findings = ["src/server.ts", "lib/jobs.ts"].flatMap((rel) => engine.analyzeFile(path.join(project.root, rel)).findings);
  assert.equal(findings.length, 2);
  writeFileSync(path.join(project.root, BASELINE_FILE_NAME), serializeBaseline(createBaseline(findings, diskHost.readFile, { root: project.root })));
  // Since then: a comment above the recorded line, and a new port below it.
  writeFileSync(path.join(project.root, "src/server.ts"), "// API\napp.listen(3000);\napp.listen(4000);\n");
  return project;
}

const summary = (diagnostics: Array<{ message: unknown; range: { start: { line: number } } }>) => diagnostics.map((d) => `${d.range.start.line + 1}: ${String(d.message)}`);

describe("baselines in the language server", () => {
  const session = serverSessions();
  const start = (settings: Record<string, unknown> = {}) => session(baselinedProject(), { settings });

  it("hides a baselined finding, keeps it hidden as the buffer moves it, and shows it when the setting is false", async () => {
    const { client, file } = await start();
    const server = file("src/server.ts");
    client.open(server);
    assert.deepEqual(summary(await client.diagnosticsFor(server, (d) => d.length === 1)), [`3: ${port(4000)}`]);

    client.change(server, "// API\n\n\nfunction start() {\n  app.listen(3000);\n}\napp.listen(4000);\nstart();\n");
    assert.deepEqual(summary(await client.diagnosticsFor(server, (d) => d[0]?.range.start.line === 6)), [`7: ${port(4000)}`]);

    // A new value on the recorded line is a new finding.
    client.change(server, "// API\napp.listen(3001);\napp.listen(4000);\n");
    assert.deepEqual(summary(await client.diagnosticsFor(server, (d) => d.length === 2)), [`2: ${port(3001)}`, `3: ${port(4000)}`]);
    client.change(server, "// API\napp.listen(3000);\napp.listen(4000);\n");
    await client.diagnosticsFor(server, (d) => d.length === 1);

    client.settings = { baseline: { enabled: false } };
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    assert.deepEqual(summary(await client.diagnosticsFor(server, (d) => d.length === 2)), [`2: ${port(3000)}`, `3: ${port(4000)}`]);
  });

  it("leaves baselined findings out of the workspace audit, unless the setting is false", async () => {
    const { client, file } = await start();
    const audited = (await client.executeCommand("twelveFactor.server.auditWorkspace")) as { findings: number; byRule: Record<string, number> };
    assert.deepEqual([audited.findings, audited.byRule], [1, { "port-binding/no-fixed-port": 1 }]);
    assert.deepEqual(summary(await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1)), [`3: ${port(4000)}`]);
    assert.equal(client.published.get(uriOf(file("lib/jobs.ts"))), undefined);

    client.settings = { baseline: { enabled: false } };
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    // The setting re-runs the audit: the not-open file now gets its recorded finding.
    assert.deepEqual(summary(await client.diagnosticsFor(file("lib/jobs.ts"), (d) => d.length === 1)), [`1: ${port(7000)}`]);
    const all = (await client.executeCommand("twelveFactor.server.auditWorkspace")) as { findings: number };
    assert.equal(all.findings, 3);
  });

  it("re-reads the baseline when the watched file changes", async () => {
    const { client, project, file } = await start();
    const server = file("src/server.ts");
    client.open(server);
    await client.diagnosticsFor(server, (d) => d.length === 1);
    rmSync(path.join(project.root, BASELINE_FILE_NAME));
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(path.join(project.root, BASELINE_FILE_NAME)), type: 3 }] });
    assert.deepEqual(summary(await client.diagnosticsFor(server, (d) => d.length === 2)), [`2: ${port(3000)}`, `3: ${port(4000)}`]);
  });

  it("says once that a broken baseline is ignored, and shows everything", async () => {
    const { client, file } = await session({ ...BASE_FILES, "src/server.ts": "app.listen(3000);\n", [BASELINE_FILE_NAME]: "{ not json" });
    const server = file("src/server.ts");
    client.open(server);
    assert.deepEqual(summary(await client.diagnosticsFor(server, (d) => d.length === 1)), [`1: ${port(3000)}`]);
    const warning = `${BASELINE_FILE_NAME}: 1:3: invalid JSON (InvalidSymbol); the baseline is ignored and every finding is shown.`;
    await client.until(() => (client.logs.some((line) => line.includes(warning)) ? true : undefined), "the baseline warning");
    client.change(server, "\napp.listen(3000);\n");
    await client.diagnosticsFor(server, (d) => d[0]?.range.start.line === 1);
    assert.equal(client.logs.filter((line) => line.includes(warning)).length, 1);
  });
});
