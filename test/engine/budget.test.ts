import assert from "node:assert/strict";
import path from "node:path";
import { after, describe, it } from "node:test";
import ts from "typescript";
import { Engine } from "../../server/src/engine/analyzer";
import { defineRule } from "../../server/src/engine/rule";
import { writeProject } from "../helpers/project";

/** Reports every identifier named `slow`, spending ~1 ms on each identifier it sees. */
const slowRule = defineRule({
  id: "test/slow",
  factor: "III",
  headline: false,
  defaultSeverity: "warning",
  description: "Slow on purpose.",
  rationale: "Tests the per-file budget.",
  fixable: false,
  trigger: /slow/,
  create: (context) => ({
    [ts.SyntaxKind.Identifier]: (node) => {
      const until = performance.now() + 1;
      while (performance.now() < until);
      if ((node as ts.Identifier).text === "slow") context.report({ node, message: "slow identifier" });
    },
  }),
});

describe("the per-file time budget", () => {
  const many = Array.from({ length: 3000 }, (_, i) => `const v${i} = slow;`).join("\n");
  const project = writeProject({ "src/big.ts": many, "src/small.ts": "const a = slow;\n" });
  after(() => project.cleanup());
  const engine = new Engine({ root: project.root, rules: [slowRule], fileBudgetMs: 100 });

  it("skips a file whose rules run past the budget, with a clear note", () => {
    const started = performance.now();
    const result = engine.analyzeFile(path.join(project.root, "src/big.ts"));
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.notes.map((note) => note.message), ["src/big.ts: analysis took longer than 100 ms; skipped."]);
    // 3,000 identifiers at 1 ms would take 3 s; the budget stops it within one check interval.
    assert.ok(performance.now() - started < 1500, `took ${Math.round(performance.now() - started)} ms`);
  });

  it("still reports the findings of files within the budget", () => {
    const result = engine.analyzeFile(path.join(project.root, "src/small.ts"));
    assert.deepEqual(result.findings.map((finding) => `${finding.range.start.line}:${finding.range.start.character} ${finding.message}`), ["0:10 slow identifier"]);
    assert.deepEqual(result.notes, []);
  });
});
