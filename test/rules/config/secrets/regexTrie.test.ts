import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { topLevelAlternatives, trieAlternation } from "../../../../server/src/rules/config/secrets/regexTrie";
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
