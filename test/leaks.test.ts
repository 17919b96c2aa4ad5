import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { Engine } from "../server/src/engine/analyzer";
import { RULES } from "../server/src/rules/registry";
import { runCli } from "./cli/helpers";
import { writeProject } from "./helpers/project";
import { TestClient, uriOf } from "./lsp/lspClient";

/**
 * No output surface ever shows a secret in full: finding messages and signals; CLI text, JSON,
 * SARIF, HTML and Markdown; the baseline file; and every byte the language server sends
 * (diagnostics with their data, hovers, code actions, the edits it asks the editor to apply, the
 * report it renders, its log lines: what a verbose trace would put in the output channel). Every
 * fake secret is assembled here at run time, so the repository itself holds none.
 */
const SECRETS: Record<string, string> = {
  stripe: ["sk", "live", "9fK2mQ7xLp4Rz8Vt1Wn6Yb3H"].join("_"),
  github: `ghp_${"R8kq2LmN5pX7vT1zW4yB6cD9fG3hJ0sA2eQx"}`,
  slackWebhook: `https://hooks.slack.com/services/T${"0A1B2C3D4"}/B${"5E6F7G8H9"}/${"q1W2e3R4t5Y6u7I8o9P0aSdF"}`,
  generic: ["q8Zt4vN2", "xLp7Rk9s", "Wd3Hf6Jm", "1Yc5Bg0T"].join(""),
  dbPassword: ["Xy9-Lq2_", "Pa55w0rd"].join(""),
};

const SOURCE = `import Stripe from "stripe";
import { Client } from "pg";
export const stripe = new Stripe("${SECRETS.stripe}");
const githubToken = "${SECRETS.github}";
export const hook = "${SECRETS.slackWebhook}";
export const clientSecret = "${SECRETS.generic}";
export const db = new Client({ connectionString: "postgres://app:${SECRETS.dbPassword}@db.internal:5432/app" });
export const headers = { Authorization: \`Bearer \${githubToken}\` };
`;

function assertNoSecret(surface: string, text: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    assert.ok(!text.includes(secret), `${surface} shows the ${name} secret in full`);
    // Not even a slice of its random tail (a webhook's public `https://hooks…` prefix may show).
    const tail = secret.slice(-16);
    for (let i = 0; i + 6 <= tail.length; i++) assert.ok(!text.includes(tail.slice(i, i + 6)), `${surface} shows part of the ${name} secret`);
  }
}

describe("no secret appears in full on any output surface", () => {
  const project = writeProject({ "package.json": `{ "name": "leaky", "dependencies": { "stripe": "1", "pg": "1" } }`, ".gitignore": ".env\n", "src/payments.ts": SOURCE });
  after(() => project.cleanup());
  const file = path.join(project.root, "src/payments.ts");

  it("the engine's findings (messages and signals) are redacted, and every secret is found", () => {
    const { findings } = new Engine({ root: project.root, rules: RULES }).analyzeFile(file);
    const secretFindings = findings.filter((f) => f.ruleId === "config/no-hardcoded-secret");
    assert.ok(secretFindings.length >= 5, `expected the five secrets to be found, got ${secretFindings.map((f) => f.message).join("\n")}`);
    for (const finding of findings) assertNoSecret(`message of ${finding.ruleId}`, `${finding.message}\n${finding.signals.join("\n")}`);
  });

  it("the baseline file, which holds salted hashes only", () => {
    const baseline = path.join(project.root, "leaks-baseline.json");
    const run = runCli(project.root, [".", `--write-baseline=${baseline}`]);
    assert.equal(run.code, 0, run.stderr);
    const text = readFileSync(baseline, "utf8");
    assert.match(text, /config\/no-hardcoded-secret/);
    assertNoSecret("baseline file", text);
    assertNoSecret("--write-baseline output", run.stdout + run.stderr);
  });

  for (const format of ["text", "json", "sarif", "html", "markdown"]) {
    it(`the CLI's ${format} output and its stderr`, () => {
      const run = runCli(project.root, [".", "--format", format]);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /no-hardcoded-secret/);
      assertNoSecret(`CLI ${format} stdout`, run.stdout);
      assertNoSecret(`CLI ${format} stderr`, run.stderr);
    });
  }

  it("the language server's whole output: diagnostics (data included), hovers, code actions, edits, logs", async () => {
    const client = await TestClient.start({ root: project.root, resourceOperations: true });
    // Every byte the server writes to the client, requests and notifications alike: what a
    // verbose trace (twelveFactor.trace.server) would put in the output channel.
    let wire = "";
    client.process.stdout!.on("data", (chunk: Buffer) => (wire += chunk.toString()));
    try {
      client.open(file, SOURCE);
      const diagnostics = await client.diagnosticsFor(file, (d) => d.filter((x) => x.code === "config/no-hardcoded-secret").length >= 5);
      for (const diagnostic of diagnostics) {
        await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(file) }, position: diagnostic.range.start });
        await client.codeActions(file, [diagnostic]);
      }
      await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri: uriOf(file) }, range: diagnostics[0].range, context: { diagnostics, only: ["source.fixAll.twelveFactor"] } });
      // Apply the Stripe fix as an editor would: its value must reach .env on disk, not the wire.
      const stripe = diagnostics.find((d) => d.range.start.line === 2 && d.code === "config/no-hardcoded-secret")!;
      const fix = (await client.codeActions(file, [stripe])).find((action) => action.isPreferred)!;
      assert.equal(fix.edit, undefined, "a fix that moves a secret is a command, not an edit the client sees");
      assert.equal(await client.executeCommand(fix.command!.command, fix.command!.arguments), true);
      assert.match(project.read("src/payments.ts")!, /new Stripe\(process\.env\.STRIPE_SECRET_KEY\)/);
      assert.equal(project.read(".env"), `STRIPE_SECRET_KEY=${SECRETS.stripe}\n`);
      assert.equal(project.read(".env.example"), "STRIPE_SECRET_KEY=\n");
      await client.executeCommand("twelveFactor.server.auditWorkspace");
      // The editor's report, as the webview, an HTML export and a Markdown export.
      for (const params of [{ format: "html", webview: { cspSource: "vscode-webview:", nonce: "n0nce" } }, { format: "html" }, { format: "markdown" }, {}]) {
        await client.executeCommand("twelveFactor.server.auditReport", [params]);
      }
      assert.match(wire, /no-hardcoded-secret/);
      assertNoSecret("the server's protocol output", wire);
      assertNoSecret("server log lines", client.logs.join("\n"));
    } finally {
      client.kill();
    }
  });
});
