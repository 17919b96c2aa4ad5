import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { topLevelAlternatives, trieAlternation } from "../../../../server/src/rules/config/secrets/regexTrie";
import { KEY_QUALIFIERS, PASSWORD_HEADS, QUALIFIED_PASSWORD_HEADS, SECRET_HEADS, TRAILING_FILLER } from "../../../../server/src/rules/config/secrets/names";
import { TRIGGER_PARTS } from "../../../../server/src/rules/config/secrets/trigger";

describe("trieAlternation", () => {
  it("merges literal prefixes", () => {
    assert.equal(trieAlternation(["ghp_", "gho_", "glpat-"]), "g(?:h(?:p_|o_)|lpat-)");
  });
  it("keeps regex tails and alternatives without a literal prefix", () => {
    assert.equal(trieAlternation(["npm_[A-Za-z0-9]{36}", "np?x", "[MNO]x", "ab|ac"]), "n(?:p?x|pm_[A-Za-z0-9]{36})|a(?:b|c)|[MNO]x");
  });
  it("a prefix that matches alone makes longer ones redundant", () => {
    assert.equal(trieAlternation(["sk_", "sk_live_"]), "sk_");
  });
  it("embedded in a longer pattern, keeps a prefix and its longer words, the empty tail last", () => {
    assert.equal(trieAlternation(["pass", "password", "passwd"], { embedded: true }), "pass(?:w(?:ord|d)|)");
    const embedded = new RegExp(`(?:${trieAlternation(["pass", "password"], { embedded: true })})\\s*=`);
    assert.ok(embedded.test("password = 1"));
    assert.ok(embedded.test("pass = 1"));
    // Standalone, the shorter word would have been enough, and `password =` would not match.
    assert.equal(new RegExp(`(?:${trieAlternation(["pass", "password"])})\\s*=`).test("password = 1"), false);
  });
  it("embedded, matches what the plain alternation matches: the secret names' heads and fillers, followed by more pattern", () => {
    const words = [...PASSWORD_HEADS, ...QUALIFIED_PASSWORD_HEADS, ...SECRET_HEADS, ...KEY_QUALIFIERS, ...TRAILING_FILLER];
    const alternatives = [...words, ...[...KEY_QUALIFIERS].map((qualifier) => `${qualifier}[_-]?keys?`)];
    const plain = new RegExp(`^(?:${alternatives.join("|")})(?:[_-]?(?:${[...TRAILING_FILLER].join("|")}))*:`);
    const merged = new RegExp(`^(?:${trieAlternation(alternatives, { embedded: true })})(?:[_-]?(?:${trieAlternation([...TRAILING_FILLER], { embedded: true })}))*:`);
    const samples = words.flatMap((word) => [`${word}:`, `${word}s:`, `${word}_key:`, `${word}-keys:`, `${word}Value:`.toLowerCase(), `${word}_value_raw:`, `${word}x:`, `${word}`, `x${word}:`]);
    for (const first of words) for (const second of words) samples.push(`${first}${second}:`, `${first}_${second}:`);
    assert.ok(samples.length > 10_000);
    let matched = 0;
    for (const sample of samples) {
      assert.equal(merged.test(sample), plain.test(sample), sample);
      if (plain.test(sample)) matched++;
    }
    assert.ok(matched > 1_000 && matched < samples.length, `${matched} of ${samples.length} matched`);
  });
  it("splits only at top-level bars", () => {
    assert.deepEqual(topLevelAlternatives("a(?:b|c)|[|]d|e\\|f"), ["a(?:b|c)", "[|]d", "e\\|f"]);
  });
  it("matches exactly what the plain alternation matches, on every provider anchor", () => {
    const plain = new RegExp(TRIGGER_PARTS.providerParts.join("|"));
    const merged = new RegExp(trieAlternation(TRIGGER_PARTS.providerParts));
    const samples = TRIGGER_PARTS.providerParts.flatMap(topLevelAlternatives).map((alternative) => alternative.replace(/\\(.)/g, "$1"));
    for (const sample of [...samples, "no secret here", "ghp", "gl_pat"]) assert.equal(merged.test(sample), plain.test(sample), sample);
  });
});
