import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { before, describe, it } from "node:test";
import { applyWorkspaceEdit, SERVER, serverSessions } from "./lspClient";

/**
 * Fix-all over the protocol applies every safe fix in one action, over as many passes as `--fix`
 * takes: fixes that append to the same `.env.example` no longer need one click each.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const BASE = {
  "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0", "winston": "^3.0.0" } }\n`,
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n",
  ".env.example": "PORT=\n",
  "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n',
};
const CONFIG = `export const config = {\n  db: process.env.DATABASE_URL,\n  redis: process.env.REDIS_URL,\n  mail: process.env.SMTP_HOST,\n  token: process.env.API_TOKEN,\n};\n`;
const FIX_ALL = "source.fixAll.twelveFactor";

describe("fix-all over stdio", () => {
  const session = serverSessions();

  for (const resourceOperations of [false, true]) {
    it(`adds all four undocumented variables to .env.example in one source.fixAll (${resourceOperations ? "documentChanges" : "changes map"})`, async () => {
      const { client, file, project } = await session({ ...BASE, "src/config.ts": CONFIG }, { resourceOperations });
      client.open(file("src/config.ts"));
      await client.diagnosticsFor(file("src/config.ts"), (d) => d.length === 4);
      const actions = await client.codeActions(file("src/config.ts"), [], [FIX_ALL]);
      assert.deepEqual(actions.map((action) => [action.title, action.kind]), [["Fix all auto-fixable Twelve-Factor problems", FIX_ALL]]);
      applyWorkspaceEdit(actions[0].edit!);
      assert.equal(project.read(".env.example"), "PORT=\nDATABASE_URL=\nREDIS_URL=\nSMTP_HOST=\nAPI_TOKEN=\n");
      assert.equal(project.read("src/config.ts"), CONFIG, "only .env.example changes");
    });
  }

  it("fixes the ports of the file and documents its variables in the same action, and offers it in the quick-fix menu", async () => {
    const source = `const port = 3000;\napp.listen(port);\nadmin.listen(9000);\nconst key = process.env.SESSION_KEY;\nconst url = process.env.QUEUE_URL;\n`;
    const { client, file, project } = await session({ ...BASE, "src/server.ts": source }, { resourceOperations: true });
    client.open(file("src/server.ts"));
    const diagnostics = await client.diagnosticsFor(file("src/server.ts"), (d) => d.length === 4);
    const quickFixes = await client.codeActions(file("src/server.ts"), diagnostics.slice(0, 1));
    const fixAll = quickFixes.find((action) => action.title === "Fix all auto-fixable Twelve-Factor problems");
    assert.ok(fixAll?.edit, quickFixes.map((action) => action.title).join(", "));
    applyWorkspaceEdit(fixAll.edit);
    assert.equal(project.read("src/server.ts"), `const port = Number(process.env.PORT ?? 3000);\napp.listen(port);\nadmin.listen(Number(process.env.PORT ?? 9000));\nconst key = process.env.SESSION_KEY;\nconst url = process.env.QUEUE_URL;\n`);
    assert.equal(project.read(".env.example"), "PORT=\nSESSION_KEY=\nQUEUE_URL=\n");
  });

  it("moves two secrets and documents a variable through the server's command, values never on the wire", async () => {
    // Assembled at run time: the repository holds no token-shaped strings.
    const stripe = ["sk", "live", "9vT2mQ7xR4kP8zW1nB6yC3dF"].join("_");
    const github = ["ghp", "a8K2mQ7xR4kP8zW1nB6yC3dFa8K2mQ7xR4kP"].join("_");
    const source = `export const stripe = { apiKey: "${stripe}" };\nexport const gh = { auth: "${github}" };\nexport const region = process.env.BILLING_REGION;\n`;
    const { client, file, project } = await session({ ...BASE, "src/keys.ts": source }, { resourceOperations: true });
    client.open(file("src/keys.ts"));
    await client.diagnosticsFor(file("src/keys.ts"), (d) => d.length === 3);
    const [action] = await client.codeActions(file("src/keys.ts"), [], [FIX_ALL]);
    assert.equal(action.edit, undefined);
    assert.equal(action.command?.command, "twelveFactor.applyFix");
    assert.equal(JSON.stringify(action).includes(stripe.slice(8)), false);
    assert.equal(await client.executeCommand(action.command.command, action.command.arguments), true);
    assert.equal(project.read("src/keys.ts"), `export const stripe = { apiKey: process.env.STRIPE_SECRET_KEY };\nexport const gh = { auth: process.env.GITHUB_TOKEN };\nexport const region = process.env.BILLING_REGION;\n`);
    assert.equal(project.read(".env.example"), "PORT=\nSTRIPE_SECRET_KEY=\nGITHUB_TOKEN=\nBILLING_REGION=\n");
    assert.equal(project.read(".env"), `STRIPE_SECRET_KEY=${stripe}\nGITHUB_TOKEN=${github}\n`);
    const sent = JSON.stringify(client.appliedEdits);
    assert.equal(sent.includes(stripe.slice(8)) || sent.includes(github.slice(8)), false, "no value in a WorkspaceEdit");
  });

  it("offers no fix-all when only fixes that need review are left", async () => {
    const { client, file } = await session({ ...BASE, "src/log.ts": `import winston from "winston";\nexport const log = winston.createLogger({ transports: [new winston.transports.File({ filename: "app.log" })] });\n` });
    client.open(file("src/log.ts"));
    await client.diagnosticsFor(file("src/log.ts"), (d) => d.length === 1);
    assert.deepEqual(await client.codeActions(file("src/log.ts"), [], [FIX_ALL]), []);
  });
});
