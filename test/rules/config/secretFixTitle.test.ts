import assert from "node:assert/strict";
import { describe, it } from "node:test";
import noHardcodedSecret from "../../../server/src/rules/config/no-hardcoded-secret";
import { secretInProjectFile } from "../../../server/src/rules/config/secret-in-project-file";
import type { RuleDefinition } from "../../../server/src/engine/rule";
import { analyze, applyPreferredFixes, type ValidCase } from "../../helpers/ruleTester";
import { random } from "./secrets/samples";

/**
 * The title of a "move it to the environment" fix names every file the fix writes, `.env`
 * included whenever the value goes there: nobody should learn from the diff that a secret was
 * written to disk. Each case also checks the files written match what the title says.
 */
// Assembled at run time so the repository itself holds no token-shaped strings.
const STRIPE = "sk_" + "live_" + random("alnum", 24);
const SOURCE = `export const stripe = new Stripe("${STRIPE}");\n`;

interface Case extends ValidCase {
  name: string;
  rule?: RuleDefinition;
  title: string;
  /** Files after the fix, by path (`null`: not written). */
  after: Record<string, string | null>;
}

const cases: Case[] = [
  {
    name: "the value goes to the ignored .env: both env files are named",
    code: SOURCE,
    filename: "src/pay.ts",
    files: { ".gitignore": "node_modules\n.env\n" },
    title: "Read the secret from process.env.STRIPE_SECRET_KEY in src/pay.ts, add STRIPE_SECRET_KEY= to .env.example and its value to .env",
    after: { ".env.example": "STRIPE_SECRET_KEY=\n", ".env": `STRIPE_SECRET_KEY=${STRIPE}\n` },
  },
  {
    name: ".env is not ignored: the value stays out of it, and the title does not name it",
    code: SOURCE,
    filename: "src/pay.ts",
    files: { ".gitignore": "node_modules\n" },
    title: "Read the secret from process.env.STRIPE_SECRET_KEY in src/pay.ts and add STRIPE_SECRET_KEY= to .env.example",
    after: { ".env.example": "STRIPE_SECRET_KEY=\n", ".env": null },
  },
  {
    name: ".env.example already lists the key: only .env is named beside the source",
    code: SOURCE,
    filename: "src/pay.ts",
    files: { ".gitignore": ".env\n", ".env.example": "STRIPE_SECRET_KEY=\n", ".env": "PORT=3000\n" },
    title: "Read the secret from process.env.STRIPE_SECRET_KEY in src/pay.ts and add its value to .env",
    after: { ".env.example": "STRIPE_SECRET_KEY=\n", ".env": `PORT=3000\nSTRIPE_SECRET_KEY=${STRIPE}\n` },
  },
  {
    name: "both env files already define the key: only the source file is written",
    code: SOURCE,
    filename: "src/pay.ts",
    files: { ".gitignore": ".env\n", ".env.example": "STRIPE_SECRET_KEY=\n", ".env": "STRIPE_SECRET_KEY=sk_test_other\n" },
    title: "Read the secret from process.env.STRIPE_SECRET_KEY in src/pay.ts",
    after: { ".env.example": "STRIPE_SECRET_KEY=\n", ".env": "STRIPE_SECRET_KEY=sk_test_other\n" },
  },
  {
    name: "a package of a workspace: its own env files, by their path in the project",
    code: SOURCE,
    filename: "packages/billing/src/pay.ts",
    files: {
      "package.json": `{ "name": "shop", "private": true, "workspaces": ["packages/*"] }\n`,
      "packages/billing/package.json": `{ "name": "billing" }\n`,
      ".gitignore": ".env\n",
    },
    title: "Read the secret from process.env.STRIPE_SECRET_KEY in packages/billing/src/pay.ts, add STRIPE_SECRET_KEY= to packages/billing/.env.example and its value to packages/billing/.env",
    after: { "packages/billing/.env.example": "STRIPE_SECRET_KEY=\n", "packages/billing/.env": `STRIPE_SECRET_KEY=${STRIPE}\n`, ".env": null },
  },
  {
    name: "a compose file at the root",
    rule: secretInProjectFile,
    code: `services:\n  web:\n    image: node:20\n    environment:\n      STRIPE_KEY: ${STRIPE}\n`,
    filename: "docker-compose.yml",
    files: { ".gitignore": ".env\n", ".env.example": "NODE_ENV=\n" },
    title: "Replace the value with ${STRIPE_KEY} in docker-compose.yml, add STRIPE_KEY= to .env.example and its value to .env",
    after: { ".env.example": "NODE_ENV=\nSTRIPE_KEY=\n", ".env": `STRIPE_KEY=${STRIPE}\n` },
  },
];

describe("the env fix's title names every file it writes", () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = analyze(testCase.rule ?? noHardcodedSecret, testCase);
      try {
        assert.deepEqual(result.findings.map((finding) => finding.fixes[0]?.title), [testCase.title]);
        applyPreferredFixes(result.findings);
        for (const [file, text] of Object.entries(testCase.after)) assert.equal(result.read(file) ?? null, text, file);
      } finally {
        result.cleanup();
      }
    });
  }
});
