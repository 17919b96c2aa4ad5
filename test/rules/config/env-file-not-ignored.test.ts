import assert from "node:assert/strict";
import { it } from "node:test";
import { envFileNotIgnored } from "../../../server/src/rules/config/env-file-not-ignored";
import { runRuleTests } from "../../helpers/ruleTester";
import { random } from "./secrets/samples";

const msg = (file: string, entry = file): string =>
  `${file} is not ignored by git, so its values (often secrets) get committed; add ${entry} to .gitignore and commit a .env.example with the names only.`;

// Values are assembled at run time so the repository itself never holds a credential-looking line.
const secretLine = "STRIPE_KEY=" + "sk_test_" + "abc123";
// A token long enough to be Stripe's format: what makes a test env file worth reporting.
const realTokenLine = "STRIPE_KEY=" + "sk_" + "live_" + random("alnum", 24);

runRuleTests(envFileNotIgnored, {
  valid: [
    // Templates are meant to be committed.
    { code: "DATABASE_URL=\n", filename: ".env.example" },
    { code: "DATABASE_URL=\n", filename: ".env.sample" },
    { code: "DATABASE_URL=\n", filename: ".env.template" },
    { code: "DATABASE_URL=\n", filename: ".env.production.example" },
    { code: "DATABASE_URL=\n", filename: ".env.local.sample" },
    { code: "DATABASE_URL=\n", filename: "packages/api/.env.example" },
    // Ignored, by name or by pattern (with the template re-included).
    { code: `${secretLine}\n`, filename: ".env", files: { ".gitignore": "node_modules/\n.env\n" } },
    { code: `${secretLine}\n`, filename: ".env", files: { ".gitignore": ".env*\n!.env.example\n" } },
    { code: `${secretLine}\n`, filename: ".env.production", files: { ".gitignore": ".env*\n!.env.example\n" } },
    { code: `${secretLine}\n`, filename: ".env.local", files: { ".gitignore": "*.local\n" } },
    { code: "DATABASE_URL=\n", filename: ".env.example", files: { ".gitignore": ".env*\n!.env.example\n" } },
    // `.env` without a slash matches at any depth; a package's own .gitignore counts too.
    { code: `${secretLine}\n`, filename: "packages/api/.env", files: { ".gitignore": ".env\n" } },
    { code: `${secretLine}\n`, filename: "packages/api/.env", files: { "packages/api/.gitignore": ".env\n" } },
    { code: `${secretLine}\n`, filename: "config/.env", files: { ".gitignore": "config/\n" } },
    // Test settings committed on purpose, with dummy values only (the shape of real NestJS and
    // Express boilerplates): `.env.test`, `.env.e2e`, a fixture app's `.env`.
    { code: "# env file for e2e testing\nDB_HOST='localhost'\nDB_PASSWORD='password'\nJWT_SECRET=test-secret\n", filename: ".env.test", files: { ".gitignore": "node_modules/\n" } },
    { code: "SWAGGER_PASSWORD=1234\nAPI_KEY=abc\n", filename: ".env.e2e", files: { ".gitignore": "node_modules/\n" } },
    { code: "TOKEN=x\n", filename: "test/fixtures/app/.env", files: { ".gitignore": "node_modules/\n" } },
  ],
  invalid: [
    {
      name: "no .gitignore at all: the fix creates it",
      code: `${secretLine}\nDATABASE_URL=postgres://localhost/app\n`,
      filename: ".env",
      errors: [{ message: msg(".env"), line: 1, column: 1, endLine: 1, endColumn: secretLine.length + 1, severity: "warning" }],
      output: `${secretLine}\nDATABASE_URL=postgres://localhost/app\n`,
      outputFiles: { ".gitignore": ".env\n", ".env.example": null },
    },
    {
      name: "a .gitignore that misses it: the entry is appended",
      code: "# local settings\nAPI_URL=http://localhost:4000\n",
      filename: ".env",
      files: { ".gitignore": "node_modules/\ndist/\n" },
      errors: [{ message: msg(".env"), line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: "# local settings\nAPI_URL=http://localhost:4000\n",
      outputFiles: { ".gitignore": "node_modules/\ndist/\n.env\n" },
    },
    {
      name: "CRLF .gitignore without a final newline keeps CRLF",
      code: "API_URL=http://localhost:4000\r\n",
      filename: ".env",
      files: { ".gitignore": "node_modules/\r\ndist/" },
      errors: [{ message: msg(".env"), line: 1, column: 1, endLine: 1, endColumn: 30 }],
      output: "API_URL=http://localhost:4000\r\n",
      outputFiles: { ".gitignore": "node_modules/\r\ndist/\r\n.env\r\n" },
    },
    {
      name: ".env.production is a real env file: its own name is appended",
      code: "API_URL=https://api.example.com\n",
      filename: ".env.production",
      files: { ".gitignore": ".env\n" },
      errors: [{ message: msg(".env.production"), line: 1, column: 1, endLine: 1, endColumn: 32 }],
      output: "API_URL=https://api.example.com\n",
      outputFiles: { ".gitignore": ".env\n.env.production\n" },
    },
    {
      name: ".env.local",
      code: "DEBUG=1\n",
      filename: ".env.local",
      files: { ".gitignore": "" },
      errors: [{ message: msg(".env.local"), line: 1, column: 1, endLine: 1, endColumn: 8 }],
      output: "DEBUG=1\n",
      outputFiles: { ".gitignore": ".env.local\n" },
    },
    {
      name: "a nested .env: its project path is appended to the root .gitignore",
      code: "TOKEN=x\n",
      filename: "packages/api/.env",
      files: { ".gitignore": "node_modules/\n" },
      errors: [{ message: msg("packages/api/.env"), line: 1, column: 1, endLine: 1, endColumn: 8 }],
      output: "TOKEN=x\n",
      outputFiles: { ".gitignore": "node_modules/\npackages/api/.env\n" },
    },
    {
      name: "glob characters in a folder name are escaped in the entry",
      code: "TOKEN=x\n",
      filename: "apps/[web]/.env",
      files: { ".gitignore": "node_modules/\n" },
      errors: [{ message: msg("apps/[web]/.env", "apps/\\[web]/.env"), line: 1, column: 1, endLine: 1, endColumn: 8 }],
      output: "TOKEN=x\n",
      outputFiles: { ".gitignore": "node_modules/\napps/\\[web]/.env\n" },
    },
    {
      name: "a package .gitignore re-including it wins over the root's",
      code: "TOKEN=x\n",
      filename: "packages/api/.env",
      files: { ".gitignore": ".env\n", "packages/api/.gitignore": "!.env\n" },
      errors: [{ message: msg("packages/api/.env"), line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      name: "the entry is there but negated later: reported, no duplicate entry offered",
      code: "TOKEN=x\n",
      filename: ".env",
      files: { ".gitignore": ".env\n!.env\n" },
      errors: [{ message: msg(".env"), line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      name: "an empty .env: an empty range at the start",
      code: "",
      filename: ".env",
      errors: [{ message: msg(".env"), line: 1, column: 1, endLine: 1, endColumn: 1 }],
      output: "",
      outputFiles: { ".gitignore": ".env\n" },
    },
    {
      name: "a test env file that holds a real credential: reported one step lower",
      code: `DB_PASSWORD=password\n${realTokenLine}\n`,
      filename: ".env.test",
      files: { ".gitignore": "node_modules/\n" },
      errors: [{ message: msg(".env.test"), line: 1, column: 1, endLine: 1, endColumn: 21, severity: "info" }],
      output: `DB_PASSWORD=password\n${realTokenLine}\n`,
      outputFiles: { ".gitignore": "node_modules/\n.env.test\n" },
    },
    {
      name: "a fixture's .env with a provider token: reported one step lower",
      code: `${realTokenLine}\n`,
      filename: "test/fixtures/app/.env",
      files: { ".gitignore": "node_modules/\n" },
      errors: [{ message: msg("test/fixtures/app/.env"), line: 1, column: 1, endLine: 1, endColumn: realTokenLine.length + 1, severity: "info" }],
      output: `${realTokenLine}\n`,
      outputFiles: { ".gitignore": "node_modules/\ntest/fixtures/app/.env\n" },
    },
    {
      name: ".env.keys (dotenv-vault decryption keys) is not a template",
      code: "DOTENV_KEY_PRODUCTION=x\n",
      filename: ".env.keys",
      files: { ".gitignore": ".env\n" },
      errors: [{ message: msg(".env.keys"), line: 1, column: 1, endLine: 1, endColumn: 24 }],
      output: "DOTENV_KEY_PRODUCTION=x\n",
      outputFiles: { ".gitignore": ".env\n.env.keys\n" },
    },
  ],
});

it("config/env-file-not-ignored has no source trigger, so it never causes a parse", () => {
  assert.equal(envFileNotIgnored.trigger, null);
});
