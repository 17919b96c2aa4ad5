import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { HEAP_GROWING_PERCENT } from "../../server/src/engine/heapGrowth";

const repoRoot = path.resolve(__dirname, "../..");
/** Runs `keepHeapGrowthLow` (or another flag string) in a fresh Node process; V8 prints a flag it does not know on stderr. */
function setFlagIn(child: string): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "-e", child], { cwd: repoRoot, encoding: "utf8" });
  return { status: run.status, stderr: run.stderr };
}

describe("the heap growth policy", () => {
  it("sets a flag this Node's V8 knows (an unknown one would be reported and ignored)", () => {
    assert.deepEqual(setFlagIn(`require("./server/src/engine/heapGrowth").keepHeapGrowthLow();`), { status: 0, stderr: "" });
    // The same check notices a flag V8 does not know.
    assert.match(setFlagIn(`require("node:v8").setFlagsFromString("--heap-growing-percentage=50");`).stderr, /unrecognized flag/);
    assert.equal(HEAP_GROWING_PERCENT, 50);
  });
});
