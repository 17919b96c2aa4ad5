import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { after, before, describe, it } from "node:test";
import { auditProject } from "../../server/src/engine/audit";
import { defaultConfig } from "../../server/src/engine/configTypes";
import { ForegroundWork, waitForForeground } from "../../server/src/engine/foregroundWork";
import { RULES } from "../../server/src/rules/registry";
import { writeProject } from "../helpers/project";

const WORKER = path.resolve(__dirname, "../../dist/auditWorker.js");

function elapsed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("foreground work pauses background audit workers", () => {
  it("sets the shared flag only while foreground work runs, nested runs included", () => {
    const work = new ForegroundWork();
    const flag = new Int32Array(work.buffer);
    assert.equal(Atomics.load(flag, 0), 0);
    const seen = work.run(() => [Atomics.load(flag, 0), work.run(() => Atomics.load(flag, 0)), Atomics.load(flag, 0)]);
    assert.deepEqual(seen, [1, 1, 1]);
    assert.equal(Atomics.load(flag, 0), 0);
    assert.throws(() => work.run(() => { throw new Error("rule failed"); }), /rule failed/);
    assert.equal(Atomics.load(flag, 0), 0, "cleared after a throw too");
  });

  it("a waiter returns at once when nothing runs, and gives up after its limit when the flag stays set", () => {
    const work = new ForegroundWork();
    assert.ok(elapsed(() => waitForForeground(work.buffer, 1000)) < 20);
    assert.ok(elapsed(() => waitForForeground(undefined)) < 20);
    const waited = work.run(() => elapsed(() => waitForForeground(work.buffer, 120)));
    assert.ok(waited >= 110 && waited < 1000, `waited ${waited} ms`);
  });

  describe("in a real background audit", () => {
    const project = writeProject({
      "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
      ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`src/m${i}.ts`, `import express from "express";\nexpress().listen(${3000 + i});\n`])),
    });
    before(() => assert.ok(existsSync(WORKER), "run `npm run build` first (npm test does)"));
    after(() => project.cleanup());

    it("analyses nothing while the flag is held, and everything once it is released", async () => {
      const work = new ForegroundWork();
      const flag = new Int32Array(work.buffer);
      let done = 0;
      // Held as a keystroke's analysis would hold it, but across event-loop turns.
      Atomics.store(flag, 0, 1);
      const audit = auditProject({ root: project.root, config: defaultConfig(), rules: RULES, background: true, workerScript: WORKER, foreground: work.buffer, onProgress: (count) => (done = count) });
      // Long enough for a worker to start (~0.3 s) and, unpaused, to analyse the 60 small files.
      await new Promise((resolve) => setTimeout(resolve, 700));
      const whileHeld = done;
      Atomics.store(flag, 0, 0);
      Atomics.notify(flag, 0);
      const result = await audit;
      assert.equal(whileHeld, 0, `${whileHeld} files analysed while the flag was held`);
      assert.equal(result.findings.filter((finding) => finding.ruleId === "port-binding/no-fixed-port").length, 60);
    });
  });
});
