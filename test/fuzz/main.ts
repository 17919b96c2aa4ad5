// `npm run fuzz [-- --iterations N --seed S --jobs J]`: the full run. Exit 1 on any failure, with
// each failing case's index, so `generateCase` can replay it (same seed) into a regression test.
import { parseArgs } from "node:util";
import { runFuzz } from "./run";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { iterations: { type: "string", default: "10000" }, seed: { type: "string", default: "20261127" }, jobs: { type: "string", default: "2" }, "silence-ms": { type: "string", default: "60000" } } });
  const iterations = Number(values.iterations);
  let lastShown = 0;
  const summary = await runFuzz({
    seed: Number(values.seed),
    iterations,
    jobs: Number(values.jobs),
    silenceMs: Number(values["silence-ms"]),
    onProgress: (done, total) => {
      if (done - lastShown >= 1000 || done === total) {
        lastShown = done;
        process.stderr.write(`fuzz: ${done}/${total}\n`);
      }
    },
  });
  console.log(`Fuzzed ${summary.cases} inputs (seed ${summary.seed}) in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.failures.length} failure(s).`);
  console.log(`Findings reported on the inputs: ${summary.findings}. Peak heap after GC: ${summary.maxHeapMb} MB. Slowest input: #${summary.slowest.index} (${summary.slowest.category}) ${summary.slowest.ms} ms.`);
  console.log(`Inputs by category: ${Object.entries(summary.categories).sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => `${name} ${count}`).join(", ")}.`);
  for (const failure of summary.failures) console.log(`FAIL #${failure.index} ${failure.kind} [${failure.category}] ${failure.name}: ${failure.detail.split("\n")[0]}`);
  if (summary.failures.length > 0 || summary.cases < iterations) process.exitCode = 1;
}

void main();
