import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { before, describe, it } from "node:test";
import { SERVER, serverSessions, uriOf, type ClientOptions } from "./lspClient";

/**
 * The hover over a finding, as each kind of editor gets it: VS Code (and code-server) already
 * print the diagnostic's message in the same hover, so the server leaves it out there; Neovim
 * and unnamed clients show diagnostics elsewhere and get it. `twelveFactor.hover.showMessage`
 * (a setting or an initializationOption) overrides the guess.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const MESSAGE = "Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.";
const HEADER = "**port-binding/no-fixed-port** · Factor VII. Port binding";
const REST = [
  "Signals: literal port passed to listen()",
  "_Why:_ A twelve-factor app is self-contained and exports its service by binding to a port given by the execution environment; a fixed port breaks on platforms that assign ports and when two instances share a host.",
  "[Rule documentation](https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/port-binding/no-fixed-port.md)",
];
const WITHOUT_MESSAGE = [HEADER, ...REST].join("\n\n");
const WITH_MESSAGE = [HEADER, MESSAGE, ...REST].join("\n\n");

const FILES = {
  "package.json": `{ "name": "svc" }\n`,
  "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n',
  "src/server.ts": "const app = makeApp();\napp.listen(3000);\n",
};

describe("hover", () => {
  const start = serverSessions();

  async function hoverText(options: Omit<ClientOptions, "root">, position = { line: 1, character: 12 }): Promise<string | null> {
    const { client, file } = await start(FILES, options);
    client.open(file("src/server.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1);
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(file("src/server.ts")) }, position })) as { contents: { kind: string; value: string } } | null;
    if (hover) assert.equal(hover.contents.kind, "markdown");
    return hover?.contents.value ?? null;
  }

  it("leaves the message out for VS Code and code-server, which show it right above", async () => {
    assert.equal(await hoverText({ clientInfo: { name: "Visual Studio Code", version: "1.91.0" } }), WITHOUT_MESSAGE);
    assert.equal(await hoverText({ clientInfo: { name: "code-server", version: "4.139.1" } }), WITHOUT_MESSAGE);
  });

  it("keeps the message for Neovim and for clients that do not say who they are", async () => {
    assert.equal(await hoverText({ clientInfo: { name: "Neovim", version: "0.10.0" } }), WITH_MESSAGE);
    assert.equal(await hoverText({}), WITH_MESSAGE);
  });

  it("follows twelveFactor.hover.showMessage over the guess, from settings or initializationOptions", async () => {
    assert.equal(await hoverText({ clientInfo: { name: "Visual Studio Code" }, settings: { hover: { showMessage: "always" } } }), WITH_MESSAGE);
    assert.equal(await hoverText({ clientInfo: { name: "Neovim" }, settings: { hover: { showMessage: "never" } } }), WITHOUT_MESSAGE);
    assert.equal(await hoverText({ clientInfo: { name: "Neovim" }, initializationOptions: { hover: { showMessage: "never" } } }), WITHOUT_MESSAGE);
    // A setting the user made wins over what the client was started with.
    assert.equal(await hoverText({ clientInfo: { name: "Neovim" }, initializationOptions: { hover: { showMessage: "never" } }, settings: { hover: { showMessage: "always" } } }), WITH_MESSAGE);
  });

  it("names a wrong showMessage value once and falls back to auto", async () => {
    const { client, file } = await start(FILES, { clientInfo: { name: "Visual Studio Code" }, settings: { hover: { showMessage: "sometimes" } } });
    client.open(file("src/server.ts"));
    await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 1);
    await client.until(() => client.logs.find((line) => line.includes("hover.showMessage")), "the settings warning");
    assert.deepEqual(
      client.logs.filter((line) => line.includes("hover.showMessage")),
      [`showMessage: Twelve-Factor: twelveFactor.hover.showMessage must be "auto", "always" or "never"; using "auto".`],
    );
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(file("src/server.ts")) }, position: { line: 1, character: 12 } })) as { contents: { value: string } };
    assert.equal(hover.contents.value, WITHOUT_MESSAGE);
  });

  it("answers null beside the finding, in either mode", async () => {
    assert.equal(await hoverText({ clientInfo: { name: "Visual Studio Code" } }, { line: 0, character: 3 }), null);
    assert.equal(await hoverText({}, { line: 0, character: 3 }), null);
  });
});
