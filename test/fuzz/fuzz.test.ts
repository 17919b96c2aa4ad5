import assert from "node:assert/strict";
import { it } from "node:test";
import { runFuzz } from "./run";

/**
 * The short, seeded slice of `npm run fuzz` that every test run does: 300 generated and mutated
 * inputs (sources, bytes, BOMs, deep nesting, huge literals, broken project files) through the
 * engine and an audit, with a well-formed file beside them whose finding must survive.
 */
it("fuzz: 300 seeded inputs, no crash, hang, lost finding or memory blow-up", { timeout: 240_000 }, async () => {
  const summary = await runFuzz({ seed: 1127, iterations: 300, jobs: 2, silenceMs: 60_000 });
  assert.deepEqual(summary.failures, []);
  assert.equal(summary.cases, 300);
  // The inputs are not all rejected up front: mutated service code still yields findings.
  assert.ok(summary.findings > 100, `only ${summary.findings} findings`);
  assert.ok(Object.keys(summary.categories).length >= 8, `categories: ${Object.keys(summary.categories).join(", ")}`);
});

it("fuzz harness: a stalled input is reported as a hang, and the run goes on after it", { timeout: 120_000 }, async () => {
  const summary = await runFuzz({ seed: 1127, iterations: 20, jobs: 1, silenceMs: 3000, env: { TFL_FUZZ_STALL_AT: "7" } });
  assert.deepEqual(
    summary.failures.map((failure) => `${failure.kind} #${failure.index}: ${failure.detail}`),
    ["hang #7: no progress for 3000 ms"],
  );
  // Cases 0..6 in the first child, 8..19 in the one started after the hang.
  assert.equal(summary.cases, 19);
});
