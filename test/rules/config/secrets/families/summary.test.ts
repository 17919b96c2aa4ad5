import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FAMILIES } from "./families";
import { EMBEDDINGS, measure, type Counts } from "./harness";

/**
 * The score over the whole sample set: every family in every embedding. Targets from issue 12:
 * at least 95% of the samples found, at most 2% of the look-alikes and placeholders reported.
 * The per-family counts are printed for the release note.
 */
const MIN_FOUND = 0.95;
const MAX_FALSE_ALARMS = 0.02;

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;

describe("secret detection score over every family and embedding", () => {
  const rows: [string, Counts][] = FAMILIES.map((family) => [family.name, measure(family)]);
  const total = rows.reduce((sum, [, counts]) => ({ ...sum, positives: sum.positives + counts.positives, found: sum.found + counts.found, negatives: sum.negatives + counts.negatives, falseAlarms: sum.falseAlarms + counts.falseAlarms }), { positives: 0, found: 0, negatives: 0, falseAlarms: 0 });

  it(`finds at least ${MIN_FOUND * 100}% and raises at most ${MAX_FALSE_ALARMS * 100}% false alarms`, () => {
    const lines = rows.map(([name, counts]) => `${name}: found ${counts.found}/${counts.positives} (${percent(counts.found, counts.positives)}), false alarms ${counts.falseAlarms}/${counts.negatives} (${percent(counts.falseAlarms, counts.negatives)})`);
    lines.push(`all (${EMBEDDINGS.length} embeddings): found ${total.found}/${total.positives} (${percent(total.found, total.positives)}), false alarms ${total.falseAlarms}/${total.negatives} (${percent(total.falseAlarms, total.negatives)})`);
    console.log(lines.join("\n"));
    assert.ok(total.found / total.positives >= MIN_FOUND, rows.flatMap(([, counts]) => counts.misses).join("\n"));
    assert.ok(total.falseAlarms / total.negatives <= MAX_FALSE_ALARMS, rows.flatMap(([, counts]) => counts.alarms).join("\n"));
  });

  it("every family counts samples in every embedding", () => {
    for (const [name, counts] of rows) assert.ok(counts.positives >= EMBEDDINGS.length && counts.negatives > 0, name);
  });

  it("the score counts a miss and a false alarm when there is one", () => {
    const counts = measure({ name: "probe", positives: [{ id: "a plain word", value: "hello world", name: "greeting" }], negatives: [{ id: "a real password", value: "Xk29" + "fLq7-Wm3", name: "dbPassword" }] });
    assert.equal(counts.found, 0);
    assert.equal(counts.falseAlarms, EMBEDDINGS.length);
  });
});
