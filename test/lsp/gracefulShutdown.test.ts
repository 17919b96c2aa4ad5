import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { SERVER, serverSessions, uriOf } from "./lspClient";

/**
 * `disposability/no-graceful-shutdown` depends on every file of the project: the built server
 * must re-analyse an open server file when another file (open or only on disk) gains or loses
 * its SIGTERM handler, reading unsaved buffers over the disk.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const RULE = "disposability/no-graceful-shutdown";
const SERVER_TEXT = `import express from "express";\nconst app = express();\napp.listen(Number(process.env.PORT));\n`;
const FILES = {
  "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
  "package-lock.json": "{}\n",
  "src/server.ts": SERVER_TEXT,
  "src/shutdown.ts": "export {};\n",
};
const ours = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => d.code === RULE).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`);

describe("no-graceful-shutdown in the language server", () => {
  const session = serverSessions();
  const start = (pull: boolean) => session(FILES, { pull });

  it("push: an unsaved handler in another open file clears the finding, and removing it brings it back", async () => {
    const { client, file } = await start(false);
    client.open(file("src/server.ts"));
    client.open(file("src/shutdown.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => ours(d).join() === "2:0-10");
    client.change(file("src/shutdown.ts"), `process.on("SIGTERM", () => process.exit(0));\n`);
    await client.diagnosticsFor(file("src/server.ts"), (d) => ours(d).length === 0);
    client.change(file("src/shutdown.ts"), `process.on("SIGUSR2", () => process.exit(0));\n`);
    await client.diagnosticsFor(file("src/server.ts"), (d) => ours(d).join() === "2:0-10");
  });

  it("push: a handler written on disk in a file that is not open clears the finding", async () => {
    const { client, file } = await start(false);
    client.open(file("src/server.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => ours(d).length === 1);
    writeFileSync(file("src/shutdown.ts"), `["SIGINT", "SIGTERM"].forEach((s) => process.once(s, () => process.exit(0)));\n`);
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(file("src/shutdown.ts")), type: 2 }] });
    await client.diagnosticsFor(file("src/server.ts"), (d) => ours(d).length === 0);
  });

  it("pull: the client is asked to refresh, and the next pull reflects the other file's buffer", async () => {
    const { client, file } = await start(true);
    client.open(file("src/server.ts"));
    client.open(file("src/shutdown.ts"));
    assert.deepEqual(ours((await client.pullDiagnostics(file("src/server.ts"))).items), ["2:0-10"]);
    const before = client.refreshes;
    client.change(file("src/shutdown.ts"), `import stoppable from "stoppable";\nexport const wrap = stoppable;\n`);
    await client.until(() => (client.refreshes > before ? true : undefined), "workspace/diagnostic/refresh");
    assert.deepEqual(ours((await client.pullDiagnostics(file("src/server.ts"))).items), []);
  });
});
