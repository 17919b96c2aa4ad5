import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noHardcodedSecret } from "../../../../server/src/rules/config/no-hardcoded-secret";
import { classifyName, isCredentialHeader } from "../../../../server/src/rules/config/secrets/names";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../../helpers/ruleTester";
import { random } from "./samples";
import { at, readFrom } from "./cases/support";

/**
 * The name vocabulary of issue 11: `signature` keys, credential headers ending in `-Key`,
 * `pass`/`pw` after any qualifier (random values only), and `public`, `publishable`, `csrf` as
 * words that make a name not secret.
 */
const R = random("alnum", 28);

describe("name vocabulary", () => {
  const names: [string, "password" | "secret" | "none"][] = [
    ["signature", "secret"], ["webhookSignature", "secret"], ["SIGNATURE_KEY", "secret"], ["signatureHeader", "none"],
    ["adminPw", "password"], ["dbPass", "password"], ["ledgerPw", "secret"], ["kafka_pass", "secret"], ["pass", "none"], ["pw", "none"],
    ["publicKey", "none"], ["publicApiKey", "none"], ["STRIPE_PUBLISHABLE_KEY", "none"], ["publishableKey", "none"],
    ["csrfToken", "none"], ["CSRF_SECRET", "none"], ["xsrfToken", "none"], ["apiKey", "secret"],
  ];
  for (const [name, kind] of names) it(`${name} → ${kind}`, () => assert.equal(classifyName(name).kind, kind));

  const headers: [string, boolean][] = [
    ["X-Ledger-Key", true], ["Ocp-Apim-Subscription-Key", true], ["x-api-key", true], ["X-Public-Key", false], ["X-CSRF-Token", false],
    ["X-XSRF-TOKEN", false], ["Sec-WebSocket-Key", false], ["Idempotency-Key", false], ["X-Idempotency-Key", false], ["Key", false], ["X-Request-Id", false],
  ];
  for (const [header, credential] of headers) it(`header ${header} → ${credential ? "credential" : "not a credential"}`, () => assert.equal(isCredentialHeader(header), credential));
});

function hit(name: string, code: string, subject: string, envName: string, kind: "value assigned to" | "header"): InvalidCase {
  const signal = kind === "header" ? `high-entropy \`${subject}\` header value` : `high-entropy value assigned to \`${subject}\``;
  return {
    name,
    code,
    errors: [{ ...at(code, `"${R}"`), message: readFrom(R, signal, envName), severity: "warning", signals: [signal] }],
    output: code.replace(`"${R}"`, `process.env.${envName}`),
    outputFiles: { ".env.example": `${envName}=\n` },
  };
}

const INVALID: InvalidCase[] = [
  hit("a signature key", `export const webhook = { signature: "${R}" };\n`, "signature", "SIGNATURE", "value assigned to"),
  hit("a credential header ending in -Key", `await fetch(url, { headers: { "X-Ledger-Key": "${R}" } });\n`, "X-Ledger-Key", "LEDGER_KEY", "header"),
  hit("pw after a login word", `const adminPw = "${R}";\n`, "adminPw", "ADMIN_PW", "value assigned to"),
  hit("pw after any qualifier, random value", `const ledgerPw = "${R}";\n`, "ledgerPw", "LEDGER_PW", "value assigned to"),
];

const VALID: ValidCase[] = [
  { name: "pass after a non-login qualifier holding a word", code: `const ledgerPw = "password";\nconst firstPass = "render";\n` },
  { name: "publicKey in client config", code: `export const stripe = { publicKey: "${R}" };\n` },
  { name: "a publishable key", code: `export const stripe = { publishableKey: "${R}", publishableApiKey: "${R}" };\n` },
  { name: "a csrf token field", code: `const form = { csrfToken: "${R}" };\n` },
  { name: "an X-CSRF-Token header", code: `await fetch(url, { headers: { "X-CSRF-Token": "${R}" } });\n` },
  { name: "nonce headers ending in -Key", code: `await fetch(url, { headers: { "Idempotency-Key": "${R}", "Sec-WebSocket-Key": "${R}" } });\n` },
  { name: "pass as a test's data", code: `const user = { pass: "password" };\n`, filename: "test/login.test.ts" },
];

runRuleTests(noHardcodedSecret, { valid: VALID, invalid: INVALID });

describe("name vocabulary pre-scan", () => {
  it("the trigger matches every hit", () => {
    for (const testCase of INVALID) assert.match(testCase.code, noHardcodedSecret.trigger, testCase.name);
  });
});
