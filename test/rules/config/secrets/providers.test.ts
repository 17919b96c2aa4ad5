import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allowListOf } from "../../../../server/src/rules/config/secrets/allowList";
import { detectSecret } from "../../../../server/src/rules/config/secrets/detector";
import { PROVIDER_FORMATS } from "../../../../server/src/rules/config/secrets/providers";
import { SECRET_TRIGGER } from "../../../../server/src/rules/config/secrets/trigger";
import { PROVIDER_SAMPLES, random } from "./samples";
import { slot } from "./slotStub";

const none = allowListOf([]);

describe("provider table", () => {
  it("has at least 40 kinds with unique ids, labels and a sample each", () => {
    const ids = PROVIDER_FORMATS.map((row) => row.id);
    assert.ok(ids.length >= 40, `${ids.length} kinds`);
    assert.equal(new Set(ids).size, ids.length, "duplicate id");
    assert.equal(new Set(PROVIDER_FORMATS.map((row) => row.label)).size, ids.length, "duplicate label");
    assert.deepEqual(Object.keys(PROVIDER_SAMPLES).sort(), [...ids].sort(), "every row has exactly one sample");
  });

  it("keeps conventional variable names UPPER_SNAKE", () => {
    for (const row of PROVIDER_FORMATS) assert.match(row.envName, /^[A-Z][A-Z0-9_]*$/, row.id);
  });

  for (const row of PROVIDER_FORMATS) {
    const sample = PROVIDER_SAMPLES[row.id];
    it(`${row.id}: detects its sample as "${row.label} format"`, () => {
      const where = slot(sample.name, { siblingKeys: Object.keys(sample.siblings ?? {}) });
      const found = detectSecret(sample.value, where, none);
      assert.ok(found, "not detected");
      assert.deepEqual(found.signals, [`${row.label} format`]);
      assert.equal(found.severity, row.severity);
      assert.equal(found.secret, sample.token ?? sample.value);
      assert.equal(found.envName, sample.envName ?? row.envName);
    });

    it(`${row.id}: the file pre-scan finds it`, () => {
      const code = `const ${sample.name ?? "value"} = ${JSON.stringify(sample.value)};`;
      assert.match(code, SECRET_TRIGGER);
    });

    if (row.context) {
      it(`${row.id}: needs its context`, () => {
        const found = detectSecret(sample.value, slot("value"), none);
        assert.notDeepEqual(found?.signals, [`${row.label} format`]);
      });
    }
  }
});

describe("provider formats refuse placeholders and look-alikes", () => {
  const cases: [string, string][] = [
    ["repeated x after the prefix", "sk_live_" + "x".repeat(24)],
    ["masked with X", "gh" + "p_" + "X".repeat(36)],
    ["typed sequence", "sk_live_" + "abcdefghijklmnopqrstuvwx"],
    ["ellipsis", "sk_live_" + random("alnum", 20) + "..."],
    ["Slack docs webhook", "https://hooks.slack.com/services/T00000000/B00000000/" + "X".repeat(24)],
    ["angle-bracket placeholder in a PEM", "-----BEGIN PRIVATE KEY-----\n<your key here, base64>\n-----END PRIVATE KEY-----"],
    ["token glued inside a longer word", "x" + "gh" + "p_" + random("alnum", 36)],
    ["Stripe publishable key", "pk_" + "live_" + random("alnum", 24)],
    ["JWT whose header is not JSON", "eyJ" + random("alnum", 20) + ".eyJ" + random("alnum", 20) + "." + random("alnum", 20)],
    ["unsigned JWT (alg none)", Buffer.from('{"alg":"none"}').toString("base64url") + "." + Buffer.from('{"sub":"x1234567890"}').toString("base64url") + "." + random("alnum", 20)],
    ["40 hex (a git SHA) under an AWS name", random("hex", 40)],
  ];
  for (const [label, value] of cases) {
    it(label, () => {
      const found = detectSecret(value, slot(label.includes("AWS") ? "awsSecretAccessKey" : undefined), none);
      assert.equal(found?.severity, undefined, JSON.stringify(found?.signals));
    });
  }
});
