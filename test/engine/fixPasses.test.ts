import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyTextEdits } from "../../server/src/engine/edits";
import { fixedOriginals, simulateFixes } from "../../server/src/engine/fixPasses";
import type { Finding, Fix } from "../../server/src/engine/types";

const SRC = "/p/src/a.ts";
const EXAMPLE = "/p/.env.example";
const ENV = "/p/.env";

function finding(message: string, fix: Fix, file = SRC): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, startOffset: 0, endOffset: 1 };
  return { ruleId: "test/rule", factor: "III", severity: "warning", message, file, range, signals: [], fixes: [fix] };
}

/**
 * A tiny rule over the current texts: every `use NAME` not listed in .env.example asks for
 * `NAME=` at its end (all such fixes insert at one point, so one pass takes one), and every
 * `secret NAME` is rewritten to `env NAME`, the value going to `.env` (created when missing).
 */
function analyze(read: (file: string) => string | undefined): Finding[] {
  const source = read(SRC) ?? "";
  const example = read(EXAMPLE) ?? "";
  const findings: Finding[] = [];
  for (const match of source.matchAll(/use (\w+)/g)) {
    if (example.split("\n").includes(`${match[1]}=`)) continue;
    findings.push(finding(`undocumented ${match[1]}`, { title: "", safe: true, edits: [{ file: EXAMPLE, start: example.length, end: example.length, newText: `${match[1]}=\n` }], creates: [] }));
  }
  for (const match of source.matchAll(/secret (\w+)/g)) {
    const env = read(ENV);
    const line = `${match[1]}=value-of-${match[1]}\n`;
    const toEnv = env === undefined ? { edits: [], creates: [{ file: ENV, text: line, sensitive: true }] } : { edits: [{ file: ENV, start: env.length, end: env.length, newText: line, sensitive: true }], creates: [] };
    const start = match.index;
    findings.push(finding(`secret ${match[1]}`, { title: "", safe: true, edits: [{ file: SRC, start, end: start + "secret".length, newText: "env" }, ...toEnv.edits], creates: toEnv.creates }));
  }
  return findings;
}

describe("simulateFixes", () => {
  it("applies every safe fix over as many passes as it takes, as one fix per file on the original text", () => {
    const texts: Record<string, string> = { [SRC]: "use A; use B; secret S; use C; secret T;\n", [EXAMPLE]: "PORT=\n" };
    const read = (file: string) => texts[file];
    const original = analyze(read);
    const result = simulateFixes({ findings: original, readFile: read, reanalyze: (_files, current) => analyze(current) });
    assert.equal(result.files.get(EXAMPLE), "PORT=\nA=\nB=\nC=\n");
    assert.equal(result.files.get(SRC), "use A; use B; env S; use C; env T;\n");
    assert.equal(result.files.get(ENV), "S=value-of-S\nT=value-of-T\n");
    assert.deepEqual([...result.created], [ENV]);
    assert.equal(result.applied.length, 5);
    assert.equal(result.deferred, 0);
    assert.equal(fixedOriginals(original, result.applied).size, 5, "every reported finding is matched to its fix");
    const byFile = new Map(result.fixes.map((fix) => [fix.edits[0]?.file ?? fix.creates[0].file, fix]));
    assert.deepEqual(byFile.get(EXAMPLE)?.edits, [{ file: EXAMPLE, start: 6, end: 6, newText: "A=\nB=\nC=\n" }], "appends of later passes follow the earlier ones");
    assert.deepEqual(byFile.get(ENV)?.creates, [{ file: ENV, text: "S=value-of-S\nT=value-of-T\n", sensitive: true }]);
    assert.equal(applyTextEdits(texts[SRC], byFile.get(SRC)?.edits ?? []), result.files.get(SRC));
    assert.equal(byFile.get(SRC)?.edits.some((edit) => edit.sensitive), false, "the source edits carry no secret");
  });

  it("untilNothingDeferred: counts the same fixed originals, re-analysing only while fixes wait", () => {
    const texts: Record<string, string> = { [SRC]: "use A; use B; secret S;\n", [EXAMPLE]: "" };
    const read = (file: string) => texts[file];
    const original = analyze(read);
    const analysed: string[][] = [];
    const counted = simulateFixes({ findings: original, readFile: read, untilNothingDeferred: true, reanalyze: (files, current) => (analysed.push([...files]), analyze(current)) });
    const full = simulateFixes({ findings: original, readFile: read, reanalyze: (_files, current) => analyze(current) });
    assert.equal(fixedOriginals(original, counted.applied).size, 3);
    assert.equal(fixedOriginals(original, full.applied).size, 3);
    // A and B append at one point: one waits a pass, so one re-analysis; the pass that fixes B defers nothing, so no more.
    assert.equal(analysed.length, 1);
    assert.equal(counted.passes, 2);

    const single = { [SRC]: "secret S;\n", [EXAMPLE]: "" } as Record<string, string>;
    let calls = 0;
    const alone = simulateFixes({ findings: analyze((file) => single[file]), readFile: (file) => single[file], untilNothingDeferred: true, reanalyze: (_files, current) => (calls++, analyze(current)) });
    assert.equal(alone.applied.length, 1);
    assert.equal(calls, 0, "a first pass that defers nothing needs no re-analysis");
  });

  it("stops after maxPasses and says how many fixes still wait", () => {
    const texts: Record<string, string> = { [SRC]: "use A; use B; use C;\n", [EXAMPLE]: "" };
    const read = (file: string) => texts[file];
    const result = simulateFixes({ findings: analyze(read), readFile: read, reanalyze: (_files, current) => analyze(current), maxPasses: 2 });
    assert.equal(result.files.get(EXAMPLE), "A=\nB=\n");
    assert.deepEqual([result.passes, result.applied.length, result.deferred], [2, 2, 1]);
  });

  it("folds random edits of many passes into edits that give the same text (200 seeds)", () => {
    for (let seed = 1; seed <= 200; seed++) {
      let state = seed;
      const random = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
      const original = "abcdefghijklmnopqrstuvwxyz0123456789\n".repeat(2);
      const randomFindings = (text: string): Finding[] =>
        Array.from({ length: 1 + random(4) }, (_, index) => {
          const start = random(text.length + 1);
          const end = Math.min(text.length, start + random(4));
          return finding(`f${index}`, { title: "", safe: true, edits: [{ file: SRC, start, end, newText: "XY".slice(0, random(3)) }], creates: [] });
        });
      let left = 1 + random(6);
      const result = simulateFixes({
        findings: randomFindings(original),
        readFile: (file) => (file === SRC ? original : undefined),
        reanalyze: (_files, current) => (--left > 0 ? randomFindings(current(SRC) as string) : []),
      });
      const final = result.files.get(SRC);
      if (final === undefined) continue;
      assert.equal(applyTextEdits(original, result.fixes[0].edits), final, `seed ${seed}`);
    }
  });
});

describe("fixedOriginals", () => {
  it("matches re-analysed findings to the reported ones by rule, file and message, one for one", () => {
    const noFix: Fix = { title: "", safe: true, edits: [], creates: [] };
    const reported = [finding("x", noFix), finding("x", noFix), finding("y", noFix)];
    const fixed = fixedOriginals(reported, [finding("x", noFix), finding("z", noFix)]);
    assert.deepEqual([...fixed], [reported[0]]);
  });
});
