// One whole-project audit in a process of its own, as the CLI runs one, so its peak memory is the
// audit's alone (workers included: worker threads share the process) and not what earlier phases
// of the benchmark left behind. bench/run.mjs starts it; it prints one JSON line on stdout.
//
//   node bench/auditProcess.mjs <request.json>
//   request: { root, paths? (files or folders), workers, workerScript, defaultExcludes }
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { RssSampler } from "./stats.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const request = JSON.parse(readFileSync(process.argv[2], "utf8"));
// The engine as bench/run.mjs bundled it (bench/.cache/engine.cjs): the code that ships.
const { auditProject, defaultConfig, RULES, keepHeapGrowthLow } = (await import("node:module")).createRequire(import.meta.url)(path.join(repoRoot, "bench/.cache/engine.cjs"));
// The CLI's heap policy, as the CLI sets it at start-up.
keepHeapGrowthLow();

const sampler = new RssSampler().start();
const cpuStart = process.cpuUsage();
const start = performance.now();
const result = await auditProject({
  root: request.root,
  paths: request.paths,
  config: defaultConfig(),
  rules: RULES,
  workers: request.workers,
  workerScript: request.workerScript,
  defaultExcludes: request.defaultExcludes,
  onProgress: (done) => {
    if (done % 200 === 0) sampler.sample();
  },
});
const wallMs = performance.now() - start;
// Every thread of the process: on a shared machine, CPU time says what the audit cost when wall
// time says how long it waited for the cores.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const memory = sampler.stop();
process.stdout.write(
  `${JSON.stringify({ wallMs, cpuMs, stats: result.stats, findings: result.findings.length, notes: result.notes.length, byRule: countByRule(result.findings), ...memory })}\n`,
);

function countByRule(findings) {
  const counts = {};
  for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  return counts;
}
