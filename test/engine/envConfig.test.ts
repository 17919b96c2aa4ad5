import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dotenvValue, toEnvName } from "../../server/src/engine/fixes/envConfig";
import { redact } from "../../server/src/engine/redact";

describe("toEnvName", () => {
  const cases: Array<[string, string]> = [
    ["clientSecret", "CLIENT_SECRET"],
    ["apiKey", "API_KEY"],
    ["STRIPE_KEY", "STRIPE_KEY"],
    ["db-password", "DB_PASSWORD"],
    ["awsSecretAccessKey", "AWS_SECRET_ACCESS_KEY"],
    ["OAuthToken", "O_AUTH_TOKEN"],
    ["JWTSecret", "JWT_SECRET"],
    ["2fa", "_2FA"],
    ["$", "SECRET"],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => assert.equal(toEnvName(input), expected));
});

describe("dotenvValue", () => {
  it("leaves simple values bare", () => assert.equal(dotenvValue("abc-123_./:@+=,"), "abc-123_./:@+=,"));
  it("quotes and escapes the rest", () => assert.equal(dotenvValue(`a b"c\\d#e\nf`), `"a b\\"c\\\\d#e\\nf"`));
});

describe("redact", () => {
  it("shows at most 4 characters and the length", () => assert.equal(redact("sk_live_0123456789abcdef"), `"sk_l…" (24 chars)`));
  it("shows less of a short value", () => {
    assert.equal(redact("hunter22"), `"hu…" (8 chars)`);
    assert.equal(redact("abc"), `"…" (3 chars)`);
  });
  it("counts characters, not UTF-16 units", () => assert.equal(redact("🔑🔑🔑🔑🔑🔑🔑🔑"), `"🔑🔑…" (8 chars)`));
});
