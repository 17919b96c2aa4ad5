import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { SERVER, serverSessions, uriOf } from "./lspClient";

/**
 * Values followed through a helper in another file (src/metrics.ts) from a setting in a third
 * (src/config.ts): editing either one updates the caller's diagnostics (src/server.ts), whether
 * the change comes from an open buffer or from the disk.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const FILES = {
  "package.json": `{ "name": "svc", "dependencies": {} }\n`,
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n",
  "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n',
  "src/config.ts": "export const settings = { metricsPort: 9464 };\n",
  "src/metrics.ts": `import http from "node:http";\nexport function startMetrics(port: number) {\n  http.createServer().listen(port);\n}\n`,
  "src/server.ts": `import { startMetrics } from "./metrics";\nimport { settings } from "./config";\nstartMetrics(settings.metricsPort);\n`,
};

const message = (port: number): string =>
  `Port ${port} is hardcoded in listen() through \`startMetrics()\` in src/metrics.ts (via \`settings.metricsPort\` in src/config.ts); bind to the port the platform gives in process.env.METRICS_PORT.`;
const summary = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.range.start.line}:${x.range.start.character}-${x.range.end.character} ${typeof x.message === "string" ? x.message : x.message.value}`);
const AT = (port: number) => [`port-binding/no-fixed-port 2:13-33 ${message(port)}`];

describe("language server: values followed through helpers", () => {
  const session = serverSessions();

  it("editing the constant in config.ts updates server.ts's diagnostics (push)", async () => {
    const { client, file } = await session(FILES);
    client.open(file("src/server.ts"));
    client.open(file("src/config.ts"));
    assert.deepEqual(summary(await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1)), AT(9464));
    client.change(file("src/config.ts"), "export const settings = { metricsPort: 9500 };\n");
    assert.deepEqual(summary(await client.diagnosticsFor(file("src/server.ts"), (d) => summary(d)[0]?.includes("9500") === true)), AT(9500));
    client.change(file("src/config.ts"), "export const settings = { metricsPort: Number(process.env.METRICS_PORT ?? 9464) };\n");
    assert.deepEqual(await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 0), []);
  });

  it("editing the helper updates its callers' diagnostics, and a pull client is asked to refresh", async () => {
    const { client, file } = await session(FILES, { pull: true });
    client.open(file("src/server.ts"));
    client.open(file("src/metrics.ts"));
    assert.deepEqual(summary((await client.pullDiagnostics(file("src/server.ts"))).items), AT(9464));
    const before = client.refreshes;
    client.change(file("src/metrics.ts"), `import http from "node:http";\nexport function startMetrics(port: number) {\n  http.createServer().listen(Number(process.env.METRICS_PORT ?? port));\n}\n`);
    await client.until(() => (client.refreshes > before ? true : undefined), "workspace/diagnostic/refresh");
    assert.deepEqual((await client.pullDiagnostics(file("src/server.ts"))).items, []);
  });

  it("a setting changed on disk (file not open) updates the open caller", async () => {
    const { client, file } = await session(FILES);
    client.open(file("src/server.ts"));
    assert.deepEqual(summary(await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1)), AT(9464));
    writeFileSync(file("src/config.ts"), "export const settings = { metricsPort: 9100 };\n");
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(file("src/config.ts")), type: 2 }] });
    assert.deepEqual(summary(await client.diagnosticsFor(file("src/server.ts"), (d) => summary(d)[0]?.includes("9100") === true)), AT(9100));
  });
});

/**
 * Client code through the import graph: lib/keys.ts is client code while only a "use client"
 * component imports it; the verdict follows edits to the importer, open or on disk.
 */
const CLIENT_FILES = {
  "package.json": JSON.stringify({ name: "shop", dependencies: { next: "15.0.0", react: "19.0.0" } }),
  "package-lock.json": "{}\n",
  "lib/keys.ts": "export const stripeKey = process.env.STRIPE_SECRET_KEY;\n",
  "app/PayButton.tsx": `"use client";\nimport { stripeKey } from "../lib/keys";\nexport const PayButton = () => <button data-k={stripeKey} />;\n`,
};
const CLIENT_READ = [
  "config/secret-in-client-bundle 0:25-54 process.env.STRIPE_SECRET_KEY is a server-only secret read in a module only client code imports (app/PayButton.tsx); move the read to server code and send the client only what it needs (a public prefix would publish the secret).",
];
const secretInClient = (d: Diagnostic[]) => summary(d).filter((line) => line.startsWith("config/secret-in-client-bundle"));

describe("language server: client code through importers", () => {
  const session = serverSessions();

  it("an importer that drops \"use client\" (open buffer) clears the finding, and adding it back restores it", async () => {
    const { client, file } = await session(CLIENT_FILES);
    client.open(file("lib/keys.ts"));
    client.open(file("app/PayButton.tsx"));
    assert.deepEqual(secretInClient(await client.diagnosticsFor(file("lib/keys.ts"), (d) => secretInClient(d).length === 1)), CLIENT_READ);
    client.change(file("app/PayButton.tsx"), CLIENT_FILES["app/PayButton.tsx"].replace('"use client";\n', ""));
    assert.deepEqual(secretInClient(await client.diagnosticsFor(file("lib/keys.ts"), (d) => secretInClient(d).length === 0)), []);
    client.change(file("app/PayButton.tsx"), CLIENT_FILES["app/PayButton.tsx"]);
    assert.deepEqual(secretInClient(await client.diagnosticsFor(file("lib/keys.ts"), (d) => secretInClient(d).length === 1)), CLIENT_READ);
  });

  it("a server component created on disk that imports the module clears the finding", async () => {
    const { client, file } = await session(CLIENT_FILES);
    client.open(file("lib/keys.ts"));
    assert.deepEqual(secretInClient(await client.diagnosticsFor(file("lib/keys.ts"), (d) => secretInClient(d).length === 1)), CLIENT_READ);
    writeFileSync(file("app/page.tsx"), `import { stripeKey } from "../lib/keys";\nexport default function Page() { return <p>{stripeKey.length}</p>; }\n`);
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(file("app/page.tsx")), type: 1 }] });
    assert.deepEqual(secretInClient(await client.diagnosticsFor(file("lib/keys.ts"), (d) => secretInClient(d).length === 0)), []);
  });
});

/** `log4js.configure("config/log4js.json")`: the JSON is read, and an edit to it on disk updates the caller. */
describe("language server: a log4js JSON config named by path", () => {
  const session = serverSessions();
  const stdoutOnly = JSON.stringify({ appenders: { out: { type: "stdout" } }, categories: { default: { appenders: ["out"], level: "info" } } });
  const withFile = JSON.stringify({ appenders: { out: { type: "stdout" }, app: { type: "file", filename: "logs/app.log" } }, categories: { default: { appenders: ["out", "app"], level: "info" } } });
  const fileLogging = (d: Diagnostic[]) => summary(d).filter((line) => line.startsWith("logs/no-file-logging"));

  it("a file appender written into the JSON on disk is reported at the configure call", async () => {
    const { client, file } = await session({
      "package.json": JSON.stringify({ name: "svc", dependencies: { log4js: "6.9.1" } }),
      "package-lock.json": "{}\n",
      "config/log4js.json": stdoutOnly,
      "src/log.ts": `import log4js from "log4js";\nlog4js.configure("config/log4js.json");\nexport const logger = log4js.getLogger();\n`,
    });
    client.open(file("src/log.ts"));
    assert.deepEqual(fileLogging(await client.diagnosticsFor(file("src/log.ts"), () => true)), []);
    writeFileSync(file("config/log4js.json"), withFile);
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(file("config/log4js.json")), type: 2 }] });
    assert.deepEqual(fileLogging(await client.diagnosticsFor(file("src/log.ts"), (d) => fileLogging(d).length === 1)), [
      'logs/no-file-logging 1:0-38 log4js "file" appender "app" in config/log4js.json writes logs to "logs/app.log"; use a "stdout" appender and let the platform route the stream.',
    ]);
  });
});
