import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allowListOf } from "../../../../server/src/rules/config/secrets/allowList";
import { detectSecret } from "../../../../server/src/rules/config/secrets/detector";
import { NOT_SECRET_FORMATS, PUBLISHED_EXAMPLES, isPublishedExample, notSecretFormatOf } from "../../../../server/src/rules/config/secrets/notSecrets";
import { PLACEHOLDER_PATTERNS, PLACEHOLDER_WORDS, isPlaceholder } from "../../../../server/src/rules/config/secrets/placeholders";
import { slot } from "./slotStub";

const none = allowListOf([]);
/** The slots where the detector is most eager: a password option, a secret name, an Authorization header. */
const EAGER_SLOTS = [
  slot("password"),
  slot("dbPassword"),
  slot("clientSecret"),
  slot("Authorization", { role: "header" }),
  slot(undefined, { role: "argument", call: { label: "jwt.sign", envName: "JWT_SECRET" } }),
  slot("password", { role: "sink", call: { label: "`password` option of pg Pool()", envName: "DB_PASSWORD" } }),
];

function assertNeverFlagged(value: string): void {
  for (const where of EAGER_SLOTS) {
    const found = detectSecret(value, where, none);
    assert.equal(found, undefined, `flagged under ${where.name ?? where.role}: ${JSON.stringify(found?.signals)}`);
  }
}

describe("placeholder words", () => {
  for (const word of PLACEHOLDER_WORDS) {
    it(`"${word}" is a placeholder and never flagged`, () => {
      assert.ok(isPlaceholder(word));
      assert.ok(isPlaceholder(word.toUpperCase()), "case-blind");
      assertNeverFlagged(word);
    });
  }
});

describe("placeholder patterns", () => {
  for (const row of PLACEHOLDER_PATTERNS) {
    it(`${row.id}: ${row.label} — ${JSON.stringify(row.example)}`, () => {
      assert.match(row.example, row.pattern);
      assertNeverFlagged(row.example);
    });
  }
  it("ids are unique", () => {
    assert.equal(new Set(PLACEHOLDER_PATTERNS.map((row) => row.id)).size, PLACEHOLDER_PATTERNS.length);
  });
});

describe("published example keys", () => {
  for (const row of PUBLISHED_EXAMPLES) {
    it(`${row.id}: ${row.label}`, () => {
      const value = row.parts.join("");
      assert.ok(isPublishedExample(value));
      assertNeverFlagged(value);
      assert.equal(detectSecret(value, slot("awsSecretAccessKey"), none), undefined);
      assert.equal(detectSecret(value, slot(undefined), none), undefined);
    });
  }
});

describe("formats that are not secrets", () => {
  for (const row of NOT_SECRET_FORMATS) {
    it(`${row.id}: ${row.label}`, () => {
      assert.match(row.example, row.pattern);
      assert.equal(notSecretFormatOf(row.example)?.id, row.id, "the first matching row");
      assertNeverFlagged(row.example);
    });
  }
  it("ids are unique", () => {
    assert.equal(new Set(NOT_SECRET_FORMATS.map((row) => row.id)).size, NOT_SECRET_FORMATS.length);
  });
});
