import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { before, describe, it } from "node:test";
import { SERVER, serverSessions } from "./lspClient";

before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

describe("typing an import over stdio", () => {
  const session = serverSessions();

  it("reports no dependency finding for an unfinished specifier, and the finished one once it parses", async () => {
    const { client, file } = await session({
      "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
      "package-lock.json": "{}\n",
      "src/pay.ts": `import express from "express";\n`,
    }, { pull: true });
    client.open(file("src/pay.ts"));
    for (const typed of ["const stripe = require('s", "const stripe = require('str' +", "import Stripe from 'stri"]) {
      client.change(file("src/pay.ts"), `import express from "express";\n${typed}\n`);
      assert.deepEqual((await client.pullDiagnostics(file("src/pay.ts"))).items, [], typed);
    }
    client.change(file("src/pay.ts"), `import express from "express";\nconst stripe = require('stripe');\n`);
    const diagnostics = (await client.pullDiagnostics(file("src/pay.ts"))).items;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [["dependencies/undeclared-dependency", '"stripe" is imported but not declared in package.json; add it with `npm install stripe`.']],
    );
  });
});
