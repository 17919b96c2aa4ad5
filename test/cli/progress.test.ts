import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createProgress } from "../../server/src/cli/progress";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => void written.push(text) };
}

describe("createProgress", () => {
  it("draws a counter on a terminal and clears it at the end", () => {
    const stderr = stream(true);
    const progress = createProgress(stderr);
    progress.onProgress?.(1, 3);
    progress.onProgress?.(2, 3); // within 100 ms of the last draw: skipped
    progress.onProgress?.(3, 3); // the last one is always drawn
    progress.finish();
    assert.deepEqual(stderr.written, ["\r\u001b[KAnalyzing 1/3 files…", "\r\u001b[KAnalyzing 3/3 files…", "\r\u001b[K"]);
  });

  it("stays silent when stderr is not a terminal", () => {
    const stderr = stream(false);
    const progress = createProgress(stderr);
    assert.equal(progress.onProgress, undefined);
    progress.finish();
    assert.deepEqual(stderr.written, []);
  });
});
