import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { WorkQueue } from "../../server/src/engine/workQueue";

const files = Array.from({ length: 100 }, (_, i) => `f${String(i).padStart(3, "0")}`);

describe("the audit's work queue", () => {
  it("starts each taker on a contiguous region of its own, in list order", () => {
    const queue = new WorkQueue(files, 2, 16);
    assert.deepEqual(queue.take(0), files.slice(0, 13));
    assert.deepEqual(queue.take(1), files.slice(50, 63));
    // Batches shrink as a region runs down: a quarter of what is left, at most 16.
    assert.deepEqual(queue.take(0), files.slice(13, 23));
  });

  it("hands out every file exactly once, however the takers interleave", () => {
    for (const takers of [1, 2, 3, 4]) {
      const queue = new WorkQueue(files, takers, 16);
      const seen: string[] = [];
      // Taker 0 asks three times as often as the others, so it runs dry early and must take
      // from their regions.
      while (!queue.isEmpty) {
        for (let taker = 0; taker < takers; taker++) {
          for (let ask = 0; ask < (taker === 0 ? 3 : 1); ask++) seen.push(...(queue.take(taker) ?? []));
        }
      }
      assert.deepEqual([...seen].sort(), files, `${takers} takers`);
      assert.equal(queue.take(0), undefined);
    }
  });

  it("gives a taker whose region ran dry the back half of the largest region left", () => {
    const queue = new WorkQueue(files.slice(0, 40), 2, 16);
    // Taker 0 empties its region (files 0-19) while taker 1 has not started on its own (20-39).
    const first: string[] = [];
    while (first.length < 20) first.push(...(queue.take(0) as string[]));
    assert.deepEqual(first, files.slice(0, 20));
    // Its next batch comes from the back half of taker 1's region; taker 1 keeps the front.
    assert.deepEqual(queue.take(0), files.slice(30, 33));
    assert.deepEqual(queue.take(1), files.slice(20, 23));
  });

  it("hands out files given back (their thread died) before anything else, in batches", () => {
    const queue = new WorkQueue(files.slice(0, 10), 1, 4);
    const held = queue.take(0) as string[];
    queue.requeue(held.slice(1));
    assert.deepEqual(queue.take(0), held.slice(1));
    assert.equal(queue.isEmpty, false);
  });

  it("drains what is left, given back files first, for the calling thread to finish", () => {
    const queue = new WorkQueue(files.slice(0, 20), 2, 16);
    const taken = [...(queue.take(0) as string[]), ...(queue.take(1) as string[])];
    queue.requeue(["again"]);
    const rest = queue.drain();
    assert.equal(rest[0], "again");
    assert.deepEqual([...taken, ...rest.slice(1)].sort(), files.slice(0, 20));
    assert.equal(queue.isEmpty, true);
    assert.equal(queue.take(1), undefined);
  });

  it("works with more takers than files, and with none", () => {
    const queue = new WorkQueue(["a", "b"], 4, 16);
    const seen = [0, 1, 2, 3, 0, 1, 2, 3].flatMap((taker) => queue.take(taker) ?? []);
    assert.deepEqual(seen.sort(), ["a", "b"]);
    assert.equal(new WorkQueue([], 2, 16).take(0), undefined);
    assert.equal(new WorkQueue([], 2, 16).isEmpty, true);
  });
});
