import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { runCli } from "./cli/helpers";

/** The README's sample of `npm start`: the text block right after the sentence that introduces it. */
function readmeSample(): string[] {
  const readme = fs.readFileSync(path.resolve("README.md"), "utf8");
  const intro = readme.indexOf("`npm start` on the bundled example");
  assert.ok(intro >= 0, "the README introduces the sample of `npm start`");
  const block = /```text\n([\s\S]*?)```/.exec(readme.slice(intro));
  assert.ok(block, "a ```text block follows the introduction");
  return block[1].split("\n").filter((line) => line.trim() !== "");
}

/**
 * The README shows part of what `npm start` prints on the bundled example. Every line it shows
 * must be a line of a real run, in the same order, and the closing summary must be shown whole,
 * so neither the counts nor a message can drift from what a new user sees.
 */
it("the README's sample output of npm start is a real run's output", () => {
  const run = runCli(path.resolve("."), ["examples/express-service"]);
  const printed = run.stdout.split("\n").map((line) => line.trimEnd());
  const sample = readmeSample().map((line) => line.trimEnd());
  let at = 0;
  for (const line of sample) {
    const found = printed.indexOf(line, at);
    assert.ok(found >= 0, `README line not printed (in this order) by a real run:\n${line}\n\nThe run printed:\n${run.stdout}`);
    at = found + 1;
  }
  const summaryStart = printed.findIndex((line) => line.startsWith("✖ "));
  assert.ok(summaryStart >= 0, "the run ends with a summary");
  const summary = printed.slice(summaryStart).filter((line) => line !== "");
  assert.deepEqual(sample.slice(-summary.length), summary, "the README shows the whole summary");
});
