import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { diskHost } from "../../server/src/engine/host";
import { PreScan } from "../../server/src/engine/preScan";
import { ProjectModel } from "../../server/src/engine/project";
import { defineRule, type RuleDefinition } from "../../server/src/engine/rule";
import { RULES } from "../../server/src/rules/registry";

const repoRoot = path.resolve(__dirname, "../..");

function filesUnder(dir: string, keep: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && keep.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Texts the catalogue is tested on: every code block of the rule pages (each one a hit or a
 * trap), the fixture sources, the rule tests (their samples are inline) and the engine's own code.
 */
function samples(): Array<{ name: string; file: string; text: string }> {
  const found: Array<{ name: string; file: string; text: string }> = [];
  for (const page of filesUnder(path.join(repoRoot, "docs/rules"), /\.md$/)) {
    const blocks = readFileSync(page, "utf8").matchAll(/```(?:ts|js|typescript|javascript)\n([\s\S]*?)```/g);
    let index = 0;
    for (const block of blocks) {
      const name = `${path.relative(repoRoot, page)}#${index++}`;
      found.push({ name, file: path.join(repoRoot, "src", `sample${found.length}.ts`), text: block[1] });
    }
  }
  for (const dir of ["test/fixtures", "test/rules", "server/src"]) {
    for (const file of filesUnder(path.join(repoRoot, dir), /\.[cm]?[jt]sx?$/)) found.push({ name: path.relative(repoRoot, file), file, text: readFileSync(file, "utf8") });
  }
  return found;
}

const own = (rules: readonly RuleDefinition[], text: string, file: string, project: ProjectModel): string[] =>
  rules.filter((rule) => rule.trigger !== null && rule.trigger.test(text, file, project)).map((rule) => rule.id);

const rule = (id: string, trigger: RuleDefinition["trigger"]): RuleDefinition =>
  defineRule({ id, factor: "III", headline: false, defaultSeverity: "info", description: "test", rationale: "test", fixable: false, trigger, create: () => ({}) });

describe("the combined pre-scan", () => {
  it("gives every rule of the catalogue the answer of its own trigger, on every sample of the tests and docs", () => {
    const project = new ProjectModel(repoRoot, diskHost);
    const preScan = new PreScan(RULES);
    const all = samples();
    let rejectedByTheCombinedScan = 0;
    let someMatched = 0;
    for (const sample of all) {
      const expected = own(RULES, sample.text, sample.file, project);
      const got = preScan.active(RULES, sample.text, sample.file, project, () => true).map((active) => active.id);
      assert.deepEqual(got, expected, sample.name);
      if (expected.length > 0) someMatched++;
      if (!RULES.some((candidate) => candidate.trigger instanceof RegExp && candidate.trigger.test(sample.text))) rejectedByTheCombinedScan++;
    }
    // Both paths of the combined scan were taken, many times.
    assert.ok(all.length > 300, `${all.length} samples`);
    assert.ok(rejectedByTheCombinedScan > 50, `${rejectedByTheCombinedScan} samples no regex trigger matched`);
    assert.ok(someMatched > 200, `${someMatched} samples some trigger matched`);
  });

  it("answers per rule: only the rules whose expression matches are active, in the caller's order", () => {
    const project = new ProjectModel(repoRoot, diskHost);
    const rules = [rule("a/port", /\.listen\s*\(/), rule("b/none", null), rule("c/fn", { test: (text) => text.includes("fn!") }), rule("d/env", /\bprocess\.env\b/)];
    const preScan = new PreScan(rules);
    const ids = (text: string) => preScan.active(rules, text, path.join(repoRoot, "x.ts"), project, () => true).map((active) => active.id);
    assert.deepEqual(ids("app.listen(3000); process.env.PORT; fn!"), ["a/port", "c/fn", "d/env"]);
    assert.deepEqual(ids("const env = process.env;"), ["d/env"]);
    assert.deepEqual(ids("server.listen (80)"), ["a/port"]);
    assert.deepEqual(ids("nothing here: listen, env, fn"), []);
    // A rule that does not look at the file never runs its trigger.
    assert.deepEqual(preScan.active(rules, "app.listen(1)", "x.ts", project, (candidate) => candidate.id !== "a/port").map((active) => active.id), []);
  });

  it("keeps expressions that cannot join an alternation apart: flags, back-references, clashing group names", () => {
    const project = new ProjectModel(repoRoot, diskHost);
    const rules = [rule("a/global", /secret/g), rule("b/backref", /(["'])x\1/), rule("c/plain", /plain/), rule("d/named", /(?<q>")token/), rule("e/named", /(?<q>')key/)];
    const preScan = new PreScan(rules);
    const ids = (text: string) => preScan.active(rules, text, "x.ts", project, () => true).map((active) => active.id);
    assert.deepEqual(ids("a secret"), ["a/global"]);
    assert.deepEqual(ids("'x' and \"x'"), ["b/backref"]);
    assert.deepEqual(ids("\"x'"), []);
    assert.deepEqual(ids("plain \"token"), ["c/plain", "d/named"]);
    assert.deepEqual(ids("'key"), ["e/named"]);
  });
});
