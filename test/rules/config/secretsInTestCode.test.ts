import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noHardcodedSecret } from "../../../server/src/rules/config/no-hardcoded-secret";
import { secretInProjectFile } from "../../../server/src/rules/config/secret-in-project-file";
import { analyze, runRuleTests, type ValidCase } from "../../helpers/ruleTester";
import { PROVIDER_SAMPLES, jwt, pem, random } from "./secrets/samples";
import { at, readFrom, shown } from "./secrets/cases/support";

const STRIPE = PROVIDER_SAMPLES["stripe-live-secret-key"].value;
const R = random("alnum", 24);
const URL_PASSWORD = random("alnum", 20);
const TOKEN = jwt({ sub: "42", role: "admin" });

/**
 * Test and fixture code: what is recognised only by its name or a dictionary-like value is not
 * reported; self-identifying secrets are, one step lower, with a fix no `--fix` applies.
 */
const notReported: ValidCase[] = [
  {
    name: "password 'root' in a mocked new User({...}) in a test",
    filename: "test/models/user.test.ts",
    code: `import { User } from "../../src/models/user";\njest.mock("../../src/db");\nconst user = new User({ email: "ada@example.com", password: "root" });\n`,
  },
  {
    name: "password 'Password123$' in a login test payload",
    filename: "src/routes/__tests__/auth.spec.ts",
    code: `import request from "supertest";\nconst res = await request(app).post("/login").send({ email, password: "Password123$" });\n`,
  },
  {
    name: "req.body.password = 'short' in a validation test",
    filename: "tests/validators/password.test.js",
    code: `const req = { body: {} };\nreq.body.password = "short";\nexpect(validate(req)).toBe(false);\n`,
  },
  { name: "a high-entropy value recognised only by its name, in a test", filename: "src/__tests__/client.spec.ts", code: `const clientSecret = "${R}";\n` },
  { name: "a random Bearer token in a test", filename: "test/api.test.ts", code: `await fetch(url, { headers: { Authorization: "Bearer ${R}" } });\n` },
  { name: "a dictionary password in a URL, in a test", filename: "test/db.test.ts", code: `const url = "postgres://app:secretpass@localhost:5432/app";\n` },
  { name: "a createClient password in a fixture", filename: "test/fixtures/redis.ts", code: `export const client = createClient({ password: "hunter2" });\n` },
  { name: "seed users", filename: "db/seeds/users.js", code: `module.exports = [{ email: "admin@example.com", password: "admin123!" }];\n` },
  { name: "a mock module", filename: "src/__mocks__/config.ts", code: `export const config = { jwtSecret: "${R}" };\n` },
  {
    name: "a test the project's jest config selects",
    filename: "src/api/login.it.ts",
    code: `const payload = { password: "Password123$" };\n`,
    files: { "package.json": JSON.stringify({ jest: { testMatch: ["**/*.it.ts"] } }) },
  },
];

runRuleTests(noHardcodedSecret, {
  valid: notReported,
  invalid: [
    {
      name: "a Stripe live key in a test: reported one step lower (error → warning)",
      filename: "test/payments.test.ts",
      code: `const stripe = new Stripe("${STRIPE}");\n`,
      errors: [{ message: readFrom(STRIPE, "Stripe live secret key format", "STRIPE_SECRET_KEY"), ...at(`const stripe = new Stripe("${STRIPE}");\n`, `"${STRIPE}"`), severity: "warning" }],
      output: `const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`,
    },
    {
      name: "a JWT in a fixture: lowered (error → warning)",
      filename: "test/fixtures/session.ts",
      code: `export const session = { id: "s1", token: "${TOKEN}" };\n`,
      errors: [{ message: readFrom(TOKEN, "JSON Web Token format", "ACCESS_TOKEN"), ...at(`export const session = { id: "s1", token: "${TOKEN}" };\n`, `"${TOKEN}"`), severity: "warning" }],
      output: `export const session = { id: "s1", token: process.env.ACCESS_TOKEN };\n`,
    },
    {
      name: "a random-looking password in a URL, in a test: lowered",
      filename: "test/db.test.ts",
      code: `const url = "postgres://app:${URL_PASSWORD}@db.internal:5432/app";\n`,
      errors: [{ message: readFrom(URL_PASSWORD, "password in a postgres:// URL", "DATABASE_URL"), ...at(`const url = "postgres://app:${URL_PASSWORD}@db.internal:5432/app";\n`, `"postgres://app:${URL_PASSWORD}@db.internal:5432/app"`), severity: "info" }],
      output: `const url = process.env.DATABASE_URL;\n`,
    },
  ],
});

describe("fixes in test code", () => {
  it("a self-identifying secret in a test keeps its hand-applied fix, never a safe one", () => {
    const result = analyze(noHardcodedSecret, { filename: "test/payments.test.ts", code: `const stripe = new Stripe("${STRIPE}");\n` });
    try {
      assert.equal(result.findings.length, 1);
      assert.equal(result.findings[0].inTestCode, true);
      assert.deepEqual(result.findings[0].fixes.map((fix) => fix.safe), [false]);
    } finally {
      result.cleanup();
    }
  });

  it("the same key in app code has a safe fix and no test mark", () => {
    const result = analyze(noHardcodedSecret, { filename: "src/payments.ts", code: `const stripe = new Stripe("${STRIPE}");\n`, files: { ".gitignore": ".env\n" } });
    try {
      assert.equal(result.findings[0].inTestCode, undefined);
      assert.equal(result.findings[0].severity, "error");
      assert.deepEqual(result.findings[0].fixes.map((fix) => fix.safe), [true]);
    } finally {
      result.cleanup();
    }
  });

  it("a private key in a test is still found", () => {
    const key = pem("RSA PRIVATE KEY");
    const result = analyze(noHardcodedSecret, { filename: "test/sign.test.ts", code: `const key = \`${key}\`;\n` });
    try {
      assert.equal(result.findings.length, 1);
      assert.match(result.findings[0].message, /private key/i);
    } finally {
      result.cleanup();
    }
  });
});

describe("config/secret-in-project-file in test and fixture folders", () => {
  runRuleTests(secretInProjectFile, {
    valid: [
      { name: "a name-only password in a fixture config file", filename: "test/fixtures/config/default.json", code: `{ "db": { "password": "Password123$" } }\n` },
      { name: "a compose file in a test folder with a word password", filename: "test/docker-compose.yml", code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: hunter2\n` },
    ],
    invalid: [
      {
        name: "a provider token in a fixture config file: lowered",
        filename: "test/fixtures/config/default.json",
        code: `{ "stripe": { "key": "${STRIPE}" } }\n`,
        errors: [{ message: `Hardcoded secret ${shown(STRIPE)} in \`stripe.key\` of test/fixtures/config/default.json: Stripe live secret key format. Read it from an environment variable instead (node-config maps variables to keys in config/custom-environment-variables.json).`, ...at(`{ "stripe": { "key": "${STRIPE}" } }\n`, `"${STRIPE}"`), severity: "warning" }],
      },
    ],
  });
});
