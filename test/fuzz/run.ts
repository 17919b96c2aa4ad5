import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export interface FuzzFailure {
  kind: "crash" | "slow" | "lost-finding" | "memory" | "hang" | "process-exit";
  index: number;
  category: string;
  name: string;
  detail: string;
}

export interface FuzzSummary {
  seed: number;
  cases: number;
  findings: number;
  failures: FuzzFailure[];
  maxHeapMb: number;
  categories: Record<string, number>;
  slowest: { ms: number; index: number; category: string };
  durationMs: number;
}

interface FuzzOptions {
  seed: number;
  iterations: number;
  /** Child processes run side by side, each on its own range of cases. */
  jobs: number;
  /** A child silent for this long is stuck on its current case: killed, reported as a hang. */
  silenceMs: number;
  onProgress?: (done: number, total: number) => void;
  /** Extra environment for the children (the harness's stall self-test). */
  env?: Record<string, string>;
}

const HARNESS = path.join(__dirname, "harness.ts");
const STARTUP_GRACE_MS = 60_000;
const BATCH_PHASE_GRACE_MS = 180_000;

/**
 * Runs the harness over `iterations` cases in child processes. A hang or a dead process costs
 * only its current case: the range resumes after it in a fresh child.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const summary: FuzzSummary = { seed: options.seed, cases: 0, findings: 0, failures: [], maxHeapMb: 0, categories: {}, slowest: { ms: 0, index: -1, category: "" }, durationMs: 0 };
  const per = Math.ceil(options.iterations / options.jobs);
  const ranges: Array<[number, number]> = [];
  for (let from = 0; from < options.iterations; from += per) ranges.push([from, Math.min(options.iterations, from + per)]);
  let done = 0;
  await Promise.all(ranges.map(([from, to]) => runRange(from, to)));
  summary.durationMs = Date.now() - started;
  summary.failures.sort((a, b) => a.index - b.index);
  return summary;

  async function runRange(from: number, to: number): Promise<void> {
    let next = from;
    while (next < to) {
      const outcome = await runChild(next, to);
      if (outcome.finished) return;
      // The child died or hung on `outcome.current`: record it and resume after it.
      summary.failures.push({ kind: outcome.hung ? "hang" : "process-exit", index: outcome.current.index, category: outcome.current.category, name: outcome.current.name, detail: outcome.detail });
      next = Math.max(next, outcome.current.index) + 1;
    }
  }

  function runChild(from: number, to: number): Promise<{ finished: boolean; hung: boolean; current: { index: number; category: string; name: string }; detail: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", HARNESS, String(options.seed), String(from), String(to)], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...options.env } });
      let current = { index: from, category: "(start-up)", name: "" };
      let finished = false;
      let hung = false;
      let stderr = "";
      // Loading the compiler and the rules can take a while on a busy machine: not a hang.
      let timer = setTimeout(onSilence, Math.max(options.silenceMs, STARTUP_GRACE_MS));
      function onSilence(): void {
        hung = true;
        child.kill("SIGKILL");
      }
      child.stderr.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      readline.createInterface({ input: child.stdout }).on("line", (line) => {
        clearTimeout(timer);
        const event = JSON.parse(line) as Record<string, unknown>;
        // A whole-batch audit or CLI run legitimately takes longer than one input.
        timer = setTimeout(onSilence, event.event === "phase" ? Math.max(options.silenceMs, BATCH_PHASE_GRACE_MS) : options.silenceMs);
        if (event.event === "case") {
          if (current.category !== "(start-up)") options.onProgress?.(++done, options.iterations);
          current = { index: event.index as number, category: event.category as string, name: event.name as string };
        } else if (event.event === "failure") {
          summary.failures.push(event as unknown as FuzzFailure);
        } else if (event.event === "done") {
          finished = true;
          options.onProgress?.(++done, options.iterations);
          summary.cases += event.cases as number;
          summary.findings += event.findings as number;
          summary.maxHeapMb = Math.max(summary.maxHeapMb, event.maxHeapMb as number);
          for (const [category, count] of Object.entries(event.categories as Record<string, number>)) summary.categories[category] = (summary.categories[category] ?? 0) + count;
          const slowest = event.slowest as FuzzSummary["slowest"];
          if (slowest.ms > summary.slowest.ms) summary.slowest = slowest;
        }
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        if (!finished) summary.cases += Math.max(0, current.index - from);
        const detail = hung ? `no progress for ${options.silenceMs} ms` : `exit ${code ?? signal}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`;
        resolve({ finished: finished && code === 0, hung, current, detail });
      });
    });
  }
}
