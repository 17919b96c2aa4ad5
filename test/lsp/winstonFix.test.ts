import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { before, describe, it } from "node:test";
import { applyWorkspaceEdit, SERVER, serverSessions } from "./lspClient";

/**
 * The winston fix beside a Console transport, as the editor applies it: one quick fix whose
 * edits (the transport, its comment, the import only it used) land as the rule tests expect.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const LOGGER = `import path from "node:path";
import winston from "winston";

export const logger = winston.createLogger({
  transports: [
    new winston.transports.Console(),
    // also write errors to logs/error.log
    new winston.transports.File({ filename: path.join(__dirname, "logs", "error.log"), level: "error" }),
  ],
});
`;

describe("the winston file-transport fix over stdio", () => {
  const session = serverSessions();

  for (const resourceOperations of [false, true]) {
    it(`removes the File transport, its comment and the unused import in one quick fix (${resourceOperations ? "documentChanges" : "changes map"})`, async () => {
      const { client, file, project } = await session(
        { "package.json": `{ "name": "svc", "dependencies": { "winston": "^3.0.0" } }\n`, "package-lock.json": "{}\n", "src/logger.ts": LOGGER },
        { resourceOperations },
      );
      client.open(file("src/logger.ts"));
      const diagnostics = await client.diagnosticsFor(file("src/logger.ts"), (d) => d.some((diagnostic) => diagnostic.code === "logs/no-file-logging"));
      const finding = diagnostics.filter((diagnostic) => diagnostic.code === "logs/no-file-logging");
      const [fix] = await client.codeActions(file("src/logger.ts"), finding);
      assert.equal(fix.title, "Remove the file transport (the Console transport already logs to stdout)");
      applyWorkspaceEdit(fix.edit!);
      assert.equal(
        project.read("src/logger.ts"),
        `import winston from "winston";

export const logger = winston.createLogger({
  transports: [
    new winston.transports.Console(),
  ],
});
`,
      );
    });
  }
});
