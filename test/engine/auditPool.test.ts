import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { runWorkerPool } from "../../server/src/engine/auditPool";
import type { FileOutcome } from "../../server/src/engine/auditProtocol";
import { defaultConfig } from "../../server/src/engine/configTypes";
import type { Note } from "../../server/src/engine/types";

const FAKE_WORKER = path.resolve(__dirname, "../fixtures/workers/fakeWorker.js");
const ROOT = path.resolve("/project");

async function runPool(names: string[], fileTimeoutMs = 1000, heapLimitMb?: number): Promise<{ outcomes: FileOutcome[]; notes: Note[]; here: string[] }> {
  const outcomes: FileOutcome[] = [];
  const notes: Note[] = [];
  const here: string[] = [];
  await runWorkerPool({
    script: FAKE_WORKER,
    size: 2,
    init: { root: ROOT, config: defaultConfig(), ruleIds: [] },
    files: names.map((name) => path.join(ROOT, name)),
    fileTimeoutMs,
    heapLimitMb,
    onResult: (result) => outcomes.push(...result.outcomes),
    onNote: (note) => notes.push(note),
    analyzeHere: async (files) => {
      here.push(...files);
    },
  });
  return { outcomes, notes, here };
}

const names = Array.from({ length: 40 }, (_, i) => `src/file${i}.ts`);

describe("the audit worker pool", () => {
  it("skips a file whose worker hangs, with a note, and analyses every other file", async () => {
    const started = Date.now();
    const { outcomes, here } = await runPool([...names.slice(0, 20), "src/hang.ts", ...names.slice(20)], 500);
    const skipped = outcomes.filter((outcome) => outcome.failed);
    assert.deepEqual(
      skipped.map((outcome) => outcome.notes[0].message),
      ["src/hang.ts: analysis did not finish within 500 ms; skipped."],
    );
    assert.deepEqual(outcomes.filter((outcome) => !outcome.failed).map((outcome) => path.relative(ROOT, outcome.file)).sort(), [...names].sort());
    assert.deepEqual(here, []);
    assert.ok(Date.now() - started < 10_000);
  });

  it("skips the file a worker died on and re-queues the rest of its batch", async () => {
    const { outcomes, notes } = await runPool(["src/a.ts", "src/crash.ts", "src/b.ts", ...names]);
    const skipped = outcomes.filter((outcome) => outcome.failed);
    assert.deepEqual(
      skipped.map((outcome) => outcome.notes[0].message),
      ["src/crash.ts: a worker thread stopped while analysing it (exit code 3); skipped."],
    );
    assert.deepEqual(outcomes.filter((outcome) => !outcome.failed).length, names.length + 2);
    assert.deepEqual(
      notes.map((note) => note.message),
      ["A worker thread stopped unexpectedly (exit code 3) while analysing src/crash.ts; the other files it held were analysed again."],
    );
  });

  it("caps each worker's heap: a file that fills it is skipped with a note and the audit goes on", async () => {
    const { outcomes, notes, here } = await runPool(["src/a.ts", "src/hog.ts", "src/b.ts", ...names], 20_000, 32);
    assert.deepEqual(
      outcomes.filter((outcome) => outcome.failed).map((outcome) => outcome.notes[0].message),
      ["src/hog.ts: a worker thread stopped while analysing it (out of memory: over its 32 MB heap limit); skipped."],
    );
    assert.deepEqual(outcomes.filter((outcome) => !outcome.failed).map((outcome) => path.relative(ROOT, outcome.file)).sort(), ["src/a.ts", "src/b.ts", ...names].sort());
    assert.deepEqual(
      notes.map((note) => note.message),
      ["A worker thread stopped unexpectedly (out of memory: over its 32 MB heap limit) while analysing src/hog.ts; the other files it held were analysed again."],
    );
    assert.deepEqual(here, []);
  });

  it("lets the calling thread take batches from the same queue as the worker when asked", async () => {
    const outcomes: FileOutcome[] = [];
    const here: string[] = [];
    const workerStarted = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (outcomes.length > 0) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    await runWorkerPool({
      script: FAKE_WORKER,
      size: 2,
      shareCallingThread: true,
      init: { root: ROOT, config: defaultConfig(), ruleIds: [] },
      files: names.map((name) => path.join(ROOT, name)),
      onResult: (result) => outcomes.push(...result.outcomes),
      onNote: () => assert.fail("no note expected"),
      analyzeHere: async (files) => {
        // The first batch waits for the worker's first result, so both threads take part.
        if (here.length === 0) await workerStarted;
        here.push(...files);
      },
    });
    const analysed = [...outcomes.map((outcome) => outcome.file), ...here].map((file) => path.relative(ROOT, file));
    assert.deepEqual(analysed.sort(), [...names].sort());
    assert.ok(here.length > 0 && outcomes.length > 0, `${here.length} here, ${outcomes.length} on the worker`);
  });

  it("survives several hanging files in one batch", async () => {
    const { outcomes } = await runPool(["src/hang1.ts", "src/hang2.ts", "src/ok.ts"], 300);
    assert.deepEqual(outcomes.filter((outcome) => outcome.failed).map((outcome) => path.basename(outcome.file)).sort(), ["hang1.ts", "hang2.ts"]);
    assert.deepEqual(outcomes.filter((outcome) => !outcome.failed).map((outcome) => path.basename(outcome.file)), ["ok.ts"]);
  });
});
