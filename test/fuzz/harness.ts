// One fuzz run, as a child process of `main.ts` (which kills it if it goes silent: a hang). It
// prints one JSON line per event on stdout: `case` before each input, `failure`, and `done`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Engine } from "../../server/src/engine/analyzer";
import { auditProject } from "../../server/src/engine/audit";
import { loadProjectConfig } from "../../server/src/engine/config";
import { defaultConfig } from "../../server/src/engine/configTypes";
import { RULES } from "../../server/src/rules/registry";
import { generateCase, type FuzzCase } from "./generators";
import { Random } from "./random";
import { loadSeeds } from "./seeds";

/** A well-formed file in every batch project: its finding must survive whatever sits beside it. */
const SENTINEL = { name: "src/sentinel.ts", text: 'import http from "node:http";\nhttp.createServer().listen(3000);\n' };
const SENTINEL_RULE = "port-binding/no-fixed-port";
/** The engine's own per-file budget is 5 s; anything far past it is a stall worth reporting. */
const SLOW_CASE_MS = 15_000;
const HEAP_LIMIT_MB = 1024;
const BATCH = 50;
/** Every this many batches, the same project goes through the built CLI as well. */
const CLI_EVERY = 4;
const CLI = path.resolve(__dirname, "../../dist/cli.js");

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
}

function writeBatch(cases: Array<{ index: number; fuzz: FuzzCase }>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-fuzz-"));
  const write = (rel: string, content: Buffer | string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };
  write("package.json", JSON.stringify({ name: "fuzz", dependencies: {} }));
  write(SENTINEL.name, SENTINEL.text);
  for (const { index, fuzz } of cases) write(`cases/${index}/${fuzz.name}`, fuzz.content);
  return root;
}

/** The CLI on a batch project: ESLint-style exit code 0 or 1, valid JSON, the sentinel's finding. */
function checkCli(root: string, start: number): void {
  emit({ event: "phase", name: "cli" });
  const run = spawnSync(process.execPath, [CLI, ".", "--format", "json"], { cwd: root, encoding: "utf8", timeout: 120_000, maxBuffer: 512 * 1024 * 1024 });
  const fail = (detail: string): void => emit({ event: "failure", kind: "crash", index: start, category: "cli", name: "(cli)", detail });
  if (run.status !== 0 && run.status !== 1) return fail(`exit ${run.status ?? run.signal}: ${run.stderr.slice(-500)}`);
  try {
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; ruleId: string }> };
    if (!report.findings.some((finding) => finding.file === SENTINEL.name && finding.ruleId === SENTINEL_RULE)) fail("the sentinel's finding is missing from the CLI's JSON");
  } catch (error) {
    fail(`the CLI's JSON does not parse: ${describeError(error)}`);
  }
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

async function main(): Promise<void> {
  const [seedArg, fromArg, toArg] = process.argv.slice(2);
  const seed = Number(seedArg);
  const from = Number(fromArg);
  const to = Number(toArg);
  const random = new Random(seed);
  const seeds = loadSeeds();
  const knownIds = new Set(RULES.map((rule) => rule.id));
  if (!fs.existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test and npm run fuzz do).");
  let maxHeap = heapMb();
  const categories: Record<string, number> = {};
  let slowest = { ms: 0, index: -1, category: "" };
  let findings = 0;

  // Generate from 0 so that case `i` is the same input whatever range this process runs.
  for (let index = 0; index < from; index++) generateCase(random, index, seeds);
  for (let start = from; start < to; start += BATCH) {
    const batch: Array<{ index: number; fuzz: FuzzCase }> = [];
    for (let index = start; index < Math.min(to, start + BATCH); index++) batch.push({ index, fuzz: generateCase(random, index, seeds) });
    const root = writeBatch(batch);
    try {
      const engine = new Engine({ root, rules: RULES });
      for (const { index, fuzz } of batch) {
        categories[fuzz.category] = (categories[fuzz.category] ?? 0) + 1;
        emit({ event: "case", index, category: fuzz.category, name: fuzz.name });
        const file = path.join(root, "cases", String(index), fuzz.name);
        const started = performance.now();
        // The harness's own self-test: a stall here must be reported as a hang of this case.
        if (process.env.TFL_FUZZ_STALL_AT === String(index)) for (;;);
        try {
          if (path.basename(file) === ".twelve-factor.json") {
            const host = { readFile: () => fuzz.content.toString("utf8"), fileExists: () => true };
            loadProjectConfig(path.dirname(file), host, knownIds);
          } else findings += engine.analyzeFile(file).findings.length;
        } catch (error) {
          emit({ event: "failure", kind: "crash", index, category: fuzz.category, name: fuzz.name, detail: describeError(error) });
        }
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms: Math.round(ms), index, category: fuzz.category };
        if (ms > SLOW_CASE_MS) emit({ event: "failure", kind: "slow", index, category: fuzz.category, name: fuzz.name, detail: `${Math.round(ms)} ms` });
      }
      // The whole batch again as one audit (discovery, nested .gitignore, project model), and the
      // well-formed sentinel must still be reported beside the broken files.
      emit({ event: "phase", name: "audit" });
      const audit = await auditProject({ root, config: defaultConfig(), rules: RULES, workers: 1 });
      const sentinel = path.join(root, SENTINEL.name);
      if (!audit.findings.some((finding) => finding.file === sentinel && finding.ruleId === SENTINEL_RULE)) {
        emit({ event: "failure", kind: "lost-finding", index: start, category: "batch", name: SENTINEL.name, detail: `the sentinel's ${SENTINEL_RULE} finding is missing beside cases ${start}..${start + batch.length - 1}` });
      }
      if (((start - from) / BATCH) % CLI_EVERY === 0) checkCli(root, start);
    } catch (error) {
      emit({ event: "failure", kind: "crash", index: start, category: "batch", name: "(audit)", detail: describeError(error) });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    const heap = heapMb();
    maxHeap = Math.max(maxHeap, heap);
    if (heap > HEAP_LIMIT_MB) emit({ event: "failure", kind: "memory", index: start, category: "batch", name: "(heap)", detail: `${Math.round(heap)} MB after cases up to ${start + batch.length - 1}` });
  }
  emit({ event: "done", cases: to - from, findings, maxHeapMb: Math.round(maxHeap), categories, slowest });
}

main().catch((error: unknown) => {
  emit({ event: "failure", kind: "crash", index: -1, category: "harness", name: "", detail: describeError(error) });
  process.exitCode = 1;
});
