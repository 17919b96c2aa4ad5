import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { generatedPackageJson, generatedReadme, generatedRulePage, generatedSchema, rulePagePath } from "../scripts/generate";
import { RULES } from "../server/src/rules/registry";

// Settings and the README rule table are generated from rule metadata; run `npm run generate`.
it("package.json twelveFactor.rules settings match the rule registry", () => {
  const current = readFileSync("package.json", "utf8");
  assert.equal(current, generatedPackageJson(current), "stale: run `npm run generate`");
});

it("the README rule table matches the rule registry", () => {
  const current = readFileSync("README.md", "utf8");
  assert.equal(current, generatedReadme(current), "stale: run `npm run generate`");
});

it("the config schema lists every rule id", () => {
  const current = readFileSync("schema/twelve-factor.schema.json", "utf8");
  assert.equal(current, generatedSchema(current), "stale: run `npm run generate`");
});

it("every rule page's File roles section matches the rule's roles metadata", () => {
  for (const rule of RULES) {
    const current = readFileSync(rulePagePath(rule), "utf8");
    assert.equal(current, generatedRulePage(current, rule), `${rule.id}: stale, run \`npm run generate\``);
  }
});
