import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { before, describe, it } from "node:test";
import { SERVER, serverSessions, uriOf, type TestClient } from "./lspClient";

before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const PROJECT = {
  "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
  "package-lock.json": "{}\n",
};
/**
 * A service whose port is the one thing each edit changes, so every version has its own finding;
 * a few hundred routes after it make each version take a while to read and analyse.
 */
const ROUTES = Array.from({ length: 300 }, (_, i) => `app.get("/items/${i}", (req, res) => res.json({ id: req.params.id, page: Number(req.query.page ?? 1) }));\n`).join("");
const service = (port: number): string => `import express from "express";\nconst app = express();\napp.listen(${port});\nprocess.on("SIGTERM", () => process.exit(0));\n${ROUTES}`;
const EDITS = 40;

/**
 * Messages written to the server in one write, as a client that sends faster than the server
 * analyses would have them waiting: the server reads them together.
 */
function writeTogether(client: TestClient, messages: object[]): void {
  const frame = (message: object): string => {
    const json = JSON.stringify({ jsonrpc: "2.0", ...message });
    return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
  };
  client.process.stdin!.write(messages.map(frame).join(""));
}

const didChange = (file: string, version: number, text: string) => ({ method: "textDocument/didChange", params: { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] } });
/**
 * The port typed over, as editors send it (a ranged change, `app.listen(NNNN)` on line 3): forty
 * of these are a few KB and reach the server together. Forty full texts are a megabyte that
 * arrives in pipe-sized chunks, and a version whose successor has not arrived yet is rightly
 * published.
 */
const portTyped = (file: string, version: number, port: number) => ({
  method: "textDocument/didChange",
  params: { textDocument: { uri: uriOf(file), version }, contentChanges: [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } }, text: String(port) }] },
});

/** The JSON-RPC messages in raw server output (headers then bodies), from the first header on. */
function messagesIn(output: string): Array<Record<string, unknown>> {
  const messages: Array<Record<string, unknown>> = [];
  const bytes = Buffer.from(output);
  const header = /Content-Length: (\d+)\r\n\r\n/g;
  for (let match = header.exec(output); match; match = header.exec(output)) {
    const start = Buffer.byteLength(output.slice(0, match.index + match[0].length));
    messages.push(JSON.parse(bytes.subarray(start, start + Number(match[1])).toString()) as Record<string, unknown>);
  }
  return messages;
}

describe("rapid edits over stdio", () => {
  const session = serverSessions();

  it("publishes diagnostics for the latest version only, equal to those of a fresh server on that text", async () => {
    const { client, file } = await session({ ...PROJECT, "src/server.ts": service(3000) });
    const uri = uriOf(file("src/server.ts"));
    client.open(file("src/server.ts"));
    await client.until(() => client.publishes.find((p) => p.uri === uri && p.version === 1), "the first publish");
    const before = client.publishes.length;
    const last = 1 + EDITS;
    writeTogether(client, Array.from({ length: EDITS }, (_, i) => portTyped(file("src/server.ts"), i + 2, 3001 + i)));
    const latest = await client.until(() => client.publishes.find((p) => p.uri === uri && p.version === last), `the publish of version ${last}`);
    // Version 1 may be published once more by the refresh that follows the server's start (its
    // settings arrive after the open); no version between it and the last one is ever published.
    assert.deepEqual(client.publishes.slice(before).map((p) => p.version).filter((version) => version !== 1), [last]);
    assert.deepEqual(latest.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]), [
      ["port-binding/no-fixed-port", 2, 11, `Port ${3000 + EDITS} is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.`],
    ]);

    const fresh = await session({ ...PROJECT, "src/server.ts": service(3000 + EDITS) });
    fresh.client.open(fresh.file("src/server.ts"));
    const freshDiagnostics = await fresh.client.diagnosticsFor(fresh.file("src/server.ts"));
    const withoutUris = (list: typeof freshDiagnostics) => JSON.parse(JSON.stringify(list).replaceAll(fresh.project.root, "<root>").replaceAll(client.options.root, "<root>"));
    assert.deepEqual(withoutUris(latest.diagnostics), withoutUris(freshDiagnostics));
  });

  it("answers a pull that a newer edit overtook with ServerCancelled, and the pull after it with the latest findings", async () => {
    const { client, file } = await session({ ...PROJECT, "src/server.ts": service(3000) }, { pull: true });
    const path = file("src/server.ts");
    client.open(path);
    await client.pullDiagnostics(path);
    let output = "";
    client.process.stdout!.on("data", (chunk) => (output += String(chunk)));
    writeTogether(client, [{ id: "overtaken", method: "textDocument/diagnostic", params: { textDocument: { uri: uriOf(path) } } }, didChange(path, 2, service(4000))]);
    const current = await client.pullDiagnostics(path);
    assert.deepEqual(current.items.map((d) => d.message), ["Port 4000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."]);
    const answer = messagesIn(output).find((message) => message.id === "overtaken");
    const error = answer?.error as { code: number; data: unknown } | undefined;
    assert.deepEqual({ code: error?.code, data: error?.data }, { code: -32802, data: { retriggerRequest: true } });
  });
});
