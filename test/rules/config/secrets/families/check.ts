import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FAMILIES } from "./families";
import { EMBEDDINGS, run, type Embedding, type Outcome } from "./harness";

const EMBEDDED: readonly Embedding[] = ["embedded .env text", "XML", "curl"];
const NAMED_PLACES: readonly Embedding[] = ["plain string", "object property", "JSON project file"];

function rangeText(outcome: Outcome): string {
  const finding = outcome.findings[0];
  return outcome.text.slice(finding.range.startOffset, finding.range.endOffset);
}

/** The table-driven regression check of one family, in every embedding. */
export function familyTests(name: string): void {
  const family = FAMILIES.find((candidate) => candidate.name === name);
  if (!family) throw new Error(`no family ${name}`);
  describe(`secret family: ${family.name}`, () => {
    for (const embedding of EMBEDDINGS) {
      describe(embedding, () => {
        const found = run(embedding, family.positives);
        const quiet = run(embedding, family.negatives);

        it("finds every sample, past the pre-scan", () => {
          assert.deepEqual(found.filter((outcome) => outcome.findings.length === 0 || !outcome.triggered).map((outcome) => outcome.sample.id), []);
        });

        it("reports no look-alike and no placeholder", () => {
          assert.deepEqual(quiet.filter((outcome) => outcome.findings.length > 0).map((outcome) => `${outcome.sample.id}: ${outcome.findings[0].message}`), []);
        });

        it("reports each sample once and never prints it in full", () => {
          for (const outcome of found) {
            assert.equal(outcome.findings.length, 1, outcome.sample.id);
            // The random end of every sample, which no wording of a message contains.
            const tail = (outcome.sample.token ?? outcome.sample.value).trimEnd().slice(-10);
            assert.ok(!outcome.findings[0].message.includes(tail), `${outcome.sample.id} shown`);
            assert.match(outcome.findings[0].message, /"[^"]{0,4}…" \(\d+ chars\)/, outcome.sample.id);
          }
        });

        if (NAMED_PLACES.includes(embedding)) {
          it("names the provider format", () => {
            for (const outcome of found) {
              const format = outcome.sample.format;
              // A key file outside its service-account object is still a private key block.
              if (!format || format.siblings) continue;
              assert.deepEqual(outcome.findings[0].signals, [`${format.label} format`], outcome.sample.id);
              assert.equal(outcome.findings[0].severity, format.severity, outcome.sample.id);
            }
          });
        }

        if (EMBEDDED.includes(embedding)) {
          it("points at the value inside the string", () => {
            for (const outcome of found) {
              const text = rangeText(outcome);
              const format = outcome.sample.format;
              if (format && !format.whole && !outcome.sample.value.includes("\n")) assert.equal(text, outcome.sample.token ?? outcome.sample.value, outcome.sample.id);
              else if (!outcome.sample.value.includes("\n")) assert.ok(text.length > 0 && outcome.sample.value.includes(text), `${outcome.sample.id}: ${text.slice(0, 12)}`);
            }
          });
        }
      });
    }
  });
}
