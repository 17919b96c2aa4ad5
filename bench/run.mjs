// `npm run bench`: the engine against a bare TypeScript parse, over the same real-world files.
// It measures and prints; it never asserts on time (machines differ, 2-core CI runners are noisy).
//
//   --quick   a spread subset of 2,000 corpus files and fewer per-file runs, for a sanity check
//   --json    the figures as one JSON object on stdout (progress still goes to stderr)
import { Buffer } from "node:buffer";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { bundleEngine } from "./bundle.mjs";
import { describeCachedRerun, measureCachedRerun } from "./cache.mjs";
import { ensureCorpus, spreadSubset } from "./corpus.mjs";
import { writeLargeFiles } from "./largeFiles.mjs";
import { collectGarbage, countLines, pad, percentile, round, RssSampler } from "./stats.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { ts, Engine, auditProject, defaultConfig, discoverFiles, isSourceFile, scriptKindOf, parseSuppressions, PreScan, RULES, ProjectModel, diskHost } = await bundleEngine(repoRoot);
const workerScript = path.join(repoRoot, "dist/auditWorker.js");
const quick = process.argv.includes("--quick");
const asJson = process.argv.includes("--json");
const log = (line) => process.stderr.write(`${line}\n`);

/** (a) `ts.createSourceFile` without parent pointers over every file, one thread; reads timed apart. */
function bareParse(files) {
  const sampler = new RssSampler().start();
  let readMs = 0;
  let parseMs = 0;
  let bytes = 0;
  let lines = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  files.forEach((file, index) => {
    const readStart = performance.now();
    const text = readFileSync(file, "utf8");
    const parseStart = performance.now();
    ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindOf(file));
    parseMs += performance.now() - parseStart;
    readMs += parseStart - readStart;
    bytes += Buffer.byteLength(text);
    lines += countLines(text);
    if (index % 200 === 0) sampler.sample();
  });
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of the parse alone: the reads' share (by wall time) taken out.
  const cpuMs = ((cpu.user + cpu.system) / 1000) * (parseMs / (parseMs + readMs));
  return { wallMs: performance.now() - wallStart, parseMs, readMs, cpuMs, bytes, lines, ...sampler.stop() };
}

/**
 * (b) and (c): the whole audit (discovery, read, pre-scan, parse, walk, rules), as the CLI runs
 * it, in a fresh process (bench/auditProcess.mjs) so that its peak RSS, worker threads included,
 * is the audit's own. `paths`: the files (or the folder) to audit.
 */
function audit(root, paths, workers) {
  const requestFile = path.join(repoRoot, "bench/.cache/audit-request.json");
  writeFileSync(requestFile, JSON.stringify({ root, paths, workers, workerScript, defaultExcludes: true }));
  const child = spawnSync(process.execPath, [path.join(repoRoot, "bench/auditProcess.mjs"), requestFile], { encoding: "utf8", maxBuffer: 64 * 2 ** 20, stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`the audit process failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").pop());
}

/** The pre-scan as the engine runs it: the plain-regex triggers as one alternation, then the rest. */
function combinedPreScan(files, root) {
  const project = new ProjectModel(root, diskHost);
  const preScan = new PreScan(RULES);
  let ms = 0;
  let matched = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const start = performance.now();
    if (preScan.active(RULES, text, file, project, () => true).length > 0) matched++;
    ms += performance.now() - start;
  }
  return { ms: Math.round(ms), matched };
}

/**
 * What the engine does to every file before deciding to parse it: the suppression scan and each
 * rule's trigger. Shows which trigger lets too many files through, or costs too much to run.
 */
function preScan(files, root) {
  // Triggers may consult project facts (declared packages), as they do in an audit.
  const project = new ProjectModel(root, diskHost);
  const rules = RULES.map((rule) => ({ id: rule.id, ms: 0, matched: 0 }));
  let suppressionsMs = 0;
  let anyMatched = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const start = performance.now();
    parseSuppressions(text);
    suppressionsMs += performance.now() - start;
    let any = false;
    RULES.forEach((rule, index) => {
      const ruleStart = performance.now();
      const matched = rule.trigger !== null && rule.trigger.test(text, file, project);
      rules[index].ms += performance.now() - ruleStart;
      if (matched) {
        rules[index].matched++;
        any = true;
      }
    });
    if (any) anyMatched++;
  }
  return { suppressionsMs: Math.round(suppressionsMs), anyMatched, rules: rules.map((rule) => ({ ...rule, ms: Math.round(rule.ms) })) };
}

function discoveryOnly(root, files) {
  const start = performance.now();
  const result = discoverFiles(root, { paths: files, defaultExcludes: false });
  return { wallMs: performance.now() - start, files: result.files.length };
}

/**
 * Per-file latency of a warm engine against a bare parse of the same text. Each run appends a
 * different comment, as a keystroke would, so neither side gets a cached tree.
 */
function perFile(file, root, runs, rules = RULES) {
  const base = readFileSync(file, "utf8");
  const kind = scriptKindOf(file);
  const engine = new Engine({ root, rules, config: defaultConfig() });
  const bare = [];
  const analyzed = [];
  let parsed = false;
  let findings = 0;
  const warmups = 5;
  collectGarbage();
  for (let run = 0; run < runs + warmups; run++) {
    const text = `${base}\n// edit ${run}\n`;
    const order = run % 2 === 0 ? ["bare", "engine"] : ["engine", "bare"];
    for (const side of order) {
      const start = performance.now();
      if (side === "bare") ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
      else {
        const result = engine.analyzeFile(file, text);
        parsed = result.parsed;
        findings = result.findings.length;
      }
      const ms = performance.now() - start;
      if (run >= warmups) (side === "bare" ? bare : analyzed).push(ms);
    }
  }
  return {
    file: path.relative(repoRoot, file),
    lines: countLines(base),
    parsed,
    findings,
    bare: { p50: round(percentile(bare, 50), 2), p95: round(percentile(bare, 95), 2) },
    engine: { p50: round(percentile(analyzed, 50), 2), p95: round(percentile(analyzed, 95), 2) },
    ratioP50: round(percentile(analyzed, 50) / percentile(bare, 50), 2),
  };
}

/** The engine with one rule at a time on one file: which rule's listeners cost what. */
function perRule(file, root, runs) {
  return RULES.map((rule) => {
    const result = perFile(file, root, runs, [rule]);
    return { id: rule.id, parsed: result.parsed, engineP50: result.engine.p50, bareP50: result.bare.p50, ratioP50: result.ratioP50 };
  });
}

/** Real corpus files of 1,800-2,200 lines (not generated code), spread over the corpus. */
function realLargeFiles(files, count) {
  const picked = [];
  for (const file of spreadSubset(files, 4000)) {
    const lines = countLines(readFileSync(file, "utf8"));
    if (lines >= 1800 && lines <= 2200 && file.endsWith(".js")) picked.push(file);
  }
  return spreadSubset(picked, count);
}

function rate(count, ms) {
  return round(count / (ms / 1000), 1);
}

function phaseRow(label, wallMs, files, bytes, memory, extra = "") {
  return `${pad(label, 34, true)}${pad(round(wallMs / 1000, 2), 9)}${pad(rate(files, wallMs), 10)}${pad(rate(bytes / 2 ** 20, wallMs), 8)}${pad(memory.peakRssMB, 10)}${pad(memory.maxRssMB, 10)}  ${extra}`;
}

async function main() {
  const loadBefore = os.loadavg()[0];
  const corpusDir = ensureCorpus(repoRoot, log);
  const modulesDir = path.join(corpusDir, "node_modules");
  // The corpus is what `twelve-factor-lint node_modules` takes in it: discovery's defaults
  // (nested node_modules, dist/, build/, minified bundles ... left out), project files included.
  const discovered = discoverFiles(corpusDir, { paths: [modulesDir] }).files;
  const files = quick ? spreadSubset(discovered, 2000) : discovered;
  const sources = files.filter(isSourceFile);
  const eighth = spreadSubset(files, Math.round(files.length / 8));
  const threads = os.availableParallelism();
  log(`Corpus: ${files.length} files, ${sources.length} of them sources${quick ? ` (quick subset of ${discovered.length})` : ""}; ${RULES.length} rules; ${threads} cores.`);

  collectGarbage();
  log("(a) bare parse ...");
  const a = bareParse(sources);
  collectGarbage();
  log("pre-scan per rule ...");
  const scan = preScan(sources, corpusDir);
  collectGarbage();
  log("pre-scan combined ...");
  const combined = combinedPreScan(sources, corpusDir);
  collectGarbage();
  log("discovery alone ...");
  const discovery = discoveryOnly(corpusDir, quick ? files : [modulesDir]);
  // The full corpus is named by its folder, as on the command line; a subset by its files.
  const target = quick ? files : [modulesDir];
  log("(b) audit on one thread ...");
  const b = audit(corpusDir, target, 1);
  log(`(c) audit on ${threads} worker threads ...`);
  const c = audit(corpusDir, target, threads);
  log(`(c/8) audit of an eighth of the files (${eighth.length}) on ${threads} worker threads ...`);
  const c8 = audit(corpusDir, eighth, threads);
  collectGarbage();
  log("(d) --cache: cold audit, then an unchanged re-run ...");
  const cachedRerun = await measureCachedRerun({ auditProject, defaultConfig, RULES }, corpusDir, files, { workerScript, workers: threads });
  const cached = { wallMs: cachedRerun.rerunMs };

  log("per-file latency ...");
  const runs = quick ? 30 : 40;
  const generated = writeLargeFiles(path.join(repoRoot, "bench/.cache/large"));
  const perFileResults = [
    ...generated.map((file) => ({ source: "generated", ...perFile(file, path.dirname(file), runs) })),
    ...realLargeFiles(sources, 4).map((file) => ({ source: "corpus", ...perFile(file, corpusDir, runs) })),
  ];

  log("per-rule cost on one generated file ...");
  const ruleCosts = perRule(generated[0], path.dirname(generated[0]), runs);

  log("parallel scaling of this machine ...");
  const scaling = await parallelScaling(sources);
  const lsp = keystrokes();

  const floorMs = a.parseMs;
  const figures = {
    // Other processes on the machine skew every figure: the 1-minute load average says how much.
    machine: { node: process.version, cores: threads, cpu: os.cpus()[0]?.model, typescript: ts.version, rules: RULES.length, loadBefore: round(loadBefore, 2), loadAfter: round(os.loadavg()[0], 2) },
    corpus: { files: files.length, sources: sources.length, quick, mb: round(a.bytes / 2 ** 20), lines: a.lines },
    bareParse: { ...a, parseMs: Math.round(a.parseMs), readMs: Math.round(a.readMs), wallMs: Math.round(a.wallMs) },
    discovery: { wallMs: Math.round(discovery.wallMs), files: discovery.files },
    preScan: { ...scan, combined },
    auditOneThread: { ...b, wallMs: Math.round(b.wallMs) },
    auditWorkers: { ...c, wallMs: Math.round(c.wallMs), workers: threads },
    auditEighth: { ...c8, wallMs: Math.round(c8.wallMs), workers: threads, files: eighth.length },
    ratioAuditToParse: round(b.wallMs / a.parseMs, 2),
    ratioAuditToReadAndParse: round(b.wallMs / (a.parseMs + a.readMs), 2),
    workerSpeedUp: round(b.wallMs / c.wallMs, 2),
    parallelScaling: scaling,
    targets: targets({ floorMs, floorCpuMs: a.cpuMs, b, c, c8, cached, lsp }),
    keystrokes: lsp,
    cachedRerun: { ...cachedRerun, coldMs: Math.round(cachedRerun.coldMs), rerunMs: Math.round(cachedRerun.rerunMs), ratioToFloor: round(cachedRerun.rerunMs / floorMs, 3) },
    perFile: perFileResults,
    perRule: { file: path.relative(repoRoot, generated[0]), rules: ruleCosts },
  };
  if (asJson) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  printReport(figures, a, b, c);
}

/**
 * The language server's keystroke latency (bench/lsp.mjs, in a process of its own): its JSON
 * figures, or `undefined` with the reason logged when it could not run.
 */
function keystrokes() {
  log("per-keystroke latency of the language server (bench/lsp.mjs) ...");
  const args = [path.join(repoRoot, "bench/lsp.mjs"), ...(quick ? ["--edits=30", "--files=2000"] : [])];
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 16 * 2 ** 20, stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) {
    log(`bench/lsp.mjs failed (exit ${child.status}); the keystroke rows are left out.`);
    return undefined;
  }
  return JSON.parse(child.stdout);
}

/**
 * How much two threads can do at once on this machine: the same parse work on one worker thread,
 * then on two at the same time. On a VM whose two cores share a physical one, two threads finish
 * well under twice the work, and no audit can do better than that.
 */
async function parallelScaling(files) {
  const sample = spreadSubset(files, 300);
  const script = `
    const { parentPort, workerData } = require("node:worker_threads");
    const ts = require(workerData.ts);
    const fs = require("node:fs");
    const texts = workerData.files.map((file) => fs.readFileSync(file, "utf8"));
    const start = performance.now();
    for (let round = 0; round < 3; round++) for (const text of texts) ts.createSourceFile("f.ts", text, ts.ScriptTarget.Latest, false);
    parentPort.postMessage(performance.now() - start);`;
  const run = (count) =>
    Promise.all(
      Array.from({ length: count }, () => new Promise((resolve, reject) => {
        const worker = new Worker(script, { eval: true, workerData: { ts: path.join(repoRoot, "dist/typescript.js"), files: sample } });
        worker.once("message", resolve);
        worker.once("error", reject);
      })),
    );
  const [alone] = await run(1);
  const together = await run(2);
  const each = together.reduce((sum, ms) => sum + ms, 0) / together.length;
  return { aloneMs: Math.round(alone), togetherEachMs: Math.round(each), slowdown: round(each / alone, 2), speedUpAtBest: round((2 * alone) / Math.max(...together), 2) };
}

/** Issue 14's targets, each as a ratio or figure measured in this run. */
function targets({ floorMs, floorCpuMs, b, c, c8, cached, lsp }) {
  const row = (figure, measured, target, ok, unit = "x", cpu) => ({ figure, measured: measured === undefined ? undefined : round(measured, 2), unit, target, ok, cpu: cpu === undefined ? undefined : round(cpu, 2) });
  const rows = [
    row(`whole audit, ${c.stats.threads} threads / floor`, c.wallMs / floorMs, 0.5, c.wallMs / floorMs <= 0.5, "x", c.cpuMs / floorCpuMs),
    row("whole audit, 1 thread / floor", b.wallMs / floorMs, 1.0, b.wallMs / floorMs <= 1.0, "x", b.cpuMs / floorCpuMs),
    row(`peak RSS, whole audit on ${c.stats.threads} threads (workers included)`, c.maxRssMB, 400, c.maxRssMB <= 400, " MB"),
    row("peak RSS, full corpus / an eighth of it", c.maxRssMB / c8.maxRssMB, 1.2, c.maxRssMB / c8.maxRssMB <= 1.2),
    cached ? row("unchanged re-run with --cache / floor", cached.wallMs / floorMs, 0.1, cached.wallMs / floorMs <= 0.1) : { figure: "unchanged re-run with --cache / floor", target: 0.1, note: "n/a" },
  ];
  if (!lsp) rows.push({ figure: "per-keystroke p95 / bare parse p95", target: 2, note: "bench/lsp.mjs did not run" });
  for (const mode of lsp ? ["push", "pull"] : []) {
    const idle = lsp[mode].p95VsBareP95;
    const slowdown = lsp[`${mode}SlowdownDuringAudit`];
    rows.push(row(`per-keystroke p95 / bare parse p95 (${mode})`, idle, 2, idle <= 2));
    rows.push(row(`per-keystroke p95 during an audit / idle (${mode})`, slowdown, 1, slowdown <= 1));
  }
  return rows;
}

function printReport(figures, a, b, c) {
  const out = (line = "") => process.stdout.write(`${line}\n`);
  const { machine, corpus } = figures;
  out(`Twelve-Factor Lint benchmark: node ${machine.node}, ${machine.cores} cores (${machine.cpu}), typescript ${machine.typescript}, ${machine.rules} rules`);
  out(`Load average (1 min) before/after: ${machine.loadBefore} / ${machine.loadAfter} (above ${machine.cores}, other processes were competing for the cores)`);
  out(`Corpus: ${corpus.files} files (${corpus.sources} sources: ${corpus.mb} MB, ${corpus.lines} lines)${corpus.quick ? " (--quick subset)" : ""}`);
  out();
  out(`${pad("phase", 34, true)}${pad("wall s", 9)}${pad("files/s", 10)}${pad("MB/s", 8)}${pad("peak MB", 10)}${pad("maxRSS", 10)}`);
  out(phaseRow("(a) bare parse, 1 thread", a.parseMs, corpus.files, a.bytes, a, `(parse time only; reading took ${round(a.readMs / 1000, 2)} s more)`));
  out(phaseRow("(b) audit, 1 thread", b.wallMs, b.stats.files, b.stats.bytes, b, `parsed ${b.stats.parsed}/${b.stats.files}, ${b.findings} findings, ${b.notes} notes`));
  out(phaseRow(`(c) audit, ${figures.auditWorkers.workers} worker threads`, c.wallMs, c.stats.files, c.stats.bytes, c, `parsed ${c.stats.parsed}/${c.stats.files}, ${c.findings} findings`));
  out(`    of which discovery (stat + 8 KB sniff of each file): ${round(figures.discovery.wallMs / 1000, 2)} s`);
  out(`    pre-scan of every file: suppression comments ${round(figures.preScan.suppressionsMs / 1000, 2)} s; any trigger matched ${figures.preScan.anyMatched} files`);
  for (const rule of figures.preScan.rules) out(`      trigger ${pad(rule.id, 44, true)}${pad(round(rule.ms / 1000, 2), 7)} s  ${pad(rule.matched, 6)} files matched`);
  out();
  out(`    combined pre-scan (as the engine runs it): ${round(figures.preScan.combined.ms / 1000, 2)} s, ${figures.preScan.combined.matched} files let through`);
  const e = figures.auditEighth;
  out(phaseRow(`(c/8) an eighth, ${e.workers} threads`, e.wallMs, e.stats.files, e.stats.bytes, e, `parsed ${e.stats.parsed}/${e.stats.files}, ${e.findings} findings`));
  out();
  out(`(b)/(a) audit vs bare parse: ${figures.ratioAuditToParse}x; vs read + parse: ${figures.ratioAuditToReadAndParse}x`);
  out(`(c) speed-up over (b): ${figures.workerSpeedUp}x on ${figures.auditWorkers.workers} threads`);
  out(`(d) ${describeCachedRerun(figures.cachedRerun, a.parseMs)}`);
  const scaling = figures.parallelScaling;
  out(`This machine: two threads parsing at once each take ${scaling.slowdown}x as long as one alone (${scaling.togetherEachMs} vs ${scaling.aloneMs} ms), so 2 threads do the same work at most ${scaling.speedUpAtBest}x faster than 1`);
  out();
  out(`Targets (floor: the bare parse (a), ${round(a.parseMs / 1000, 2)} s, measured in this run; peak RSS: the audit process's maxRSS)`);
  out(`${pad("figure", 56, true)}${pad("measured", 10)}${pad("target", 10)}  result  (CPU time / floor's CPU time)`);
  for (const target of figures.targets) {
    const unit = target.unit ?? "x";
    const verdict = target.ok === undefined ? "" : target.ok ? "ok  " : "MISS";
    if (target.measured === undefined) out(`${pad(target.figure, 56, true)}${pad(`<= ${target.target}${unit.trim()}`, 20)}  ${target.note}`);
    else out(`${pad(target.figure, 56, true)}${pad(`${target.measured}${unit.trim()}`, 10)}${pad(`<= ${target.target}${unit.trim()}`, 10)}  ${verdict}${target.cpu === undefined ? "" : `    (cpu ${target.cpu}x)`}`);
  }
  out();
  out("Per file, warm (each run re-parses an edited text); target engine/bare p50 <= 1.2x");
  out(`${pad("file", 46, true)}${pad("lines", 7)}${pad("bare p50/p95 ms", 18)}${pad("engine p50/p95 ms", 20)}${pad("ratio", 7)}  parsed findings`);
  for (const row of figures.perFile) {
    const name = row.file.length > 45 ? `...${row.file.slice(-42)}` : row.file;
    out(`${pad(name, 46, true)}${pad(row.lines, 7)}${pad(`${row.bare.p50} / ${row.bare.p95}`, 18)}${pad(`${row.engine.p50} / ${row.engine.p95}`, 20)}${pad(`${row.ratioP50}x`, 7)}  ${row.parsed ? "yes" : "no "}    ${row.findings}`);
  }
  out();
  out(`One rule at a time on ${figures.perRule.file} (engine p50 vs bare parse p50 of the same runs):`);
  for (const rule of figures.perRule.rules) {
    out(`  ${pad(rule.id, 44, true)}${rule.parsed ? `${pad(rule.engineP50, 7)} ms vs ${pad(rule.bareP50, 6)} ms  ${rule.ratioP50}x` : "  trigger does not match: not parsed"}`);
  }
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
