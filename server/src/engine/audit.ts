import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { RULES } from "../rules/registry";
import { Engine } from "./analyzer";
import { DEFAULT_FILE_TIMEOUT_MS, runWorkerPool } from "./auditPool";
import { auditOnCoordinator } from "./backgroundAudit";
import type { FileOutcome } from "./auditProtocol";
import { AuditCacheRun, type CacheOptions } from "./cache/auditCache";
import { analyzeTracked, createAuditEngine } from "./cache/tracked";
import type { DependencyTracker } from "./cache/tracker";
import type { ProjectConfig } from "./configTypes";
import { discoverFiles } from "./discovery";
import { waitForForeground } from "./foregroundWork";
import type { FileHeartbeat } from "./heartbeat";
import { diskHost, type DocumentHost } from "./host";
import type { RuleDefinition } from "./rule";
import type { Finding, Note } from "./types";

export interface AuditOptions {
  root: string;
  /** Files or folders to audit instead of the whole root (see `discoverFiles`). */
  paths?: string[];
  config: ProjectConfig;
  rules: readonly RuleDefinition[];
  /**
   * Threads to analyse on. Default: up to 4 (one per core) for more than
   * `AUTO_WORKER_THRESHOLD` files, else the calling thread.
   */
  workers?: number;
  /** Where files are read; a host other than the disk keeps the audit on the calling thread. */
  host?: DocumentHost;
  defaultExcludes?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The worker bundle; by default `auditWorker.js` next to the running bundle. For tests. */
  workerScript?: string;
  /**
   * Keep the calling thread free (the language server's, which must answer keystrokes): analyse
   * on worker threads only, leaving one core to the caller, even for a handful of files.
   */
  background?: boolean;
  /** See `WorkerPoolOptions.fileTimeoutMs`. */
  fileTimeoutMs?: number;
  /** The editor's foreground flag: the analysing threads pause between files while it is set (see ForegroundWork). */
  foreground?: SharedArrayBuffer;
  /** At most this many analysing threads when their number is automatic (a background audit's coordinator leaves a core to the server). */
  maxThreads?: number;
  /** Marked around each file this thread analyses, for a watchdog on another thread (a background audit's coordinator). */
  heartbeat?: FileHeartbeat;
  /**
   * Keep results on disk and reuse those still valid (`--cache`). Only for audits of the disk:
   * with another host (unsaved editor buffers) nothing is read from or written to the cache.
   */
  cache?: CacheOptions;
}

export interface AuditStats {
  /** Files handed to the engine. */
  files: number;
  /** Files the engine parsed (the others failed every rule's text pre-scan). */
  parsed: number;
  /** Files found but not analysed: over the size cap, binary, unreadable, or the engine failed. */
  skipped: number;
  /** Size on disk of the analysed files. */
  bytes: number;
  durationMs: number;
  /** Threads the files were analysed on (1: the calling thread). */
  threads: number;
  /** Files whose results came from the cache (`cache` option) instead of the engine. */
  cached?: number;
}

export interface AuditResult {
  root: string;
  /** Sorted by file path, then start offset. */
  findings: Finding[];
  /** Deduplicated, sorted by file then message. */
  notes: Note[];
  stats: AuditStats;
}

/** Below this many files a worker's start-up (~0.3 s to load the compiler) costs more than it saves. */
export const AUTO_WORKER_THRESHOLD = 200;
const MAX_AUTO_WORKERS = 4;
/**
 * The calling thread gives the event loop a turn this often, so aborts and progress get through
 * and workers get their next batches (a turn costs microseconds).
 */
const YIELD_EVERY_MS = 5;

/** The worker bundle next to the running bundle, or in dist/ when running from the TS sources (tests). */
export function defaultWorkerScript(): string | undefined {
  // `__filename`, not `__dirname`: tsx gives a wrong `__dirname` to a CJS module loaded from ESM.
  const here = path.dirname(__filename);
  const candidates = [path.join(here, "auditWorker.js"), path.resolve(here, "../../../dist/auditWorker.js")];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

interface ThreadPlan {
  threads: number;
  script?: string;
  /** Analyse on workers even when there is only one thread to use. */
  workersOnly?: boolean;
  /** Why workers were asked for and not used. */
  note?: Note;
}

/** Analysing threads of a background audit: one core stays with the language server's thread. */
function backgroundThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism() - 1, MAX_AUTO_WORKERS));
}

/** The worker bundle, when a background audit can leave the calling thread (built-in rules on the disk). */
function backgroundScript(options: AuditOptions): string | undefined {
  if (!options.background || options.workers !== undefined) return undefined;
  const script = options.workerScript ?? defaultWorkerScript();
  return script && fs.existsSync(script) && options.rules.every((rule) => RULES.includes(rule)) && (!options.host || options.host === diskHost) ? script : undefined;
}

function planThreads(options: AuditOptions, fileCount: number): ThreadPlan {
  const explicit = options.workers !== undefined;
  const background = fileCount > 0 ? backgroundScript(options) : undefined;
  if (background) return { threads: Math.min(backgroundThreads(), fileCount), script: background, workersOnly: true };
  const auto = fileCount > AUTO_WORKER_THRESHOLD ? Math.min(os.availableParallelism(), MAX_AUTO_WORKERS, options.maxThreads ?? MAX_AUTO_WORKERS) : 1;
  const wanted = Math.min(Math.floor(options.workers ?? auto), fileCount);
  if (wanted <= 1) return { threads: 1 };
  const oneThread = (why: string): ThreadPlan => ({ threads: 1, note: explicit ? { level: "info", message: `Analysed on one thread: ${why}.` } : undefined });
  if (options.host && options.host !== diskHost) return oneThread("worker threads read the disk, not the editor's unsaved buffers");
  if (!options.rules.every((rule) => RULES.includes(rule))) return oneThread("worker threads run only the built-in rules");
  const script = options.workerScript ?? defaultWorkerScript();
  if (!script || !fs.existsSync(script)) return oneThread("the worker bundle auditWorker.js was not found (run `npm run build`)");
  return { threads: wanted, script };
}

/** Gathers outcomes from any thread, in any order; `result()` sorts, so the order never shows. */
class AuditCollector {
  private readonly findings: Finding[] = [];
  private readonly notes = new Map<string, Note>();
  parsed = 0;
  failed = 0;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  addNotes(notes: readonly Note[]): void {
    for (const note of notes) {
      const key = `${note.level}\u0000${note.file ?? ""}\u0000${note.message}`;
      if (!this.notes.has(key)) this.notes.set(key, note);
    }
  }

  addOutcome(outcome: FileOutcome): void {
    for (const finding of outcome.findings) this.findings.push(finding);
    this.addNotes(outcome.notes);
    if (outcome.parsed) this.parsed++;
    if (outcome.failed) this.failed++;
    this.done++;
    this.onProgress?.(this.done, this.total);
  }

  sortedFindings(): Finding[] {
    return this.findings.sort(
      (a, b) =>
        compare(a.file, b.file) ||
        a.range.startOffset - b.range.startOffset ||
        a.range.endOffset - b.range.endOffset ||
        compare(a.ruleId, b.ruleId) ||
        compare(a.message, b.message),
    );
  }

  sortedNotes(): Note[] {
    return [...this.notes.values()].sort((a, b) => compare(a.file ?? "", b.file ?? "") || compare(a.message, b.message));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Audits a whole project (or the `paths` in it): discovery, then every file through the engine,
 * on worker threads when there are enough files to pay for them. A `background` audit runs on a
 * coordinator thread (see auditOnCoordinator); if that thread dies, the audit runs again with the
 * calling thread coordinating and workers analysing, and a note says so.
 */
export async function auditProject(options: AuditOptions): Promise<AuditResult> {
  const script = backgroundScript(options);
  if (!script) return auditOnThisThread(options, []);
  const outcome = await auditOnCoordinator(options, script, backgroundThreads(), options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS);
  if ("result" in outcome) return outcome.result;
  const note: Note = { level: "warning", message: `The audit's background thread stopped (${outcome.stopped}); the audit ran again, coordinated from the language server's thread.` };
  return auditOnThisThread(options, [note]);
}

async function auditOnThisThread(options: AuditOptions, earlierNotes: readonly Note[]): Promise<AuditResult> {
  const started = performance.now();
  const { signal } = options;
  signal?.throwIfAborted();
  const root = path.resolve(options.root);
  const discovery = discoverFiles(root, { paths: options.paths, ignore: options.config.ignore, defaultExcludes: options.defaultExcludes });
  signal?.throwIfAborted();

  const collector = new AuditCollector(discovery.files.length, options.onProgress);
  collector.addNotes(earlierNotes);
  collector.addNotes(discovery.notes);
  const cache = options.cache && (!options.host || options.host === diskHost) ? new AuditCacheRun(root, options.cache, options.config, options.rules) : undefined;
  let files = discovery.files;
  if (cache) {
    collector.addNotes(cache.notes);
    const plan = cache.plan(files);
    for (const outcome of plan.reused) collector.addOutcome(outcome);
    collector.addNotes(cache.storedProjectNotes());
    files = plan.toAnalyse;
  }
  const record = (outcome: FileOutcome): void => {
    cache?.record(outcome);
    collector.addOutcome(outcome);
  };
  let engine: Engine | undefined;
  let tracker: DependencyTracker | undefined;
  // One clock across batches: the pool chains them through promises (microtasks), so a clock
  // restarted per batch never gave the event loop a turn when batches are quick, and workers
  // starved waiting for their next batch (the worker did 3,000 of the corpus's 16,800 files).
  let sliceStart = performance.now();
  const analyzeHere = async (batch: readonly string[]): Promise<void> => {
    if (!engine) ({ engine, tracker } = createAuditEngine({ root, rules: options.rules, config: options.config, host: options.host }, cache !== undefined));
    for (const file of batch) {
      signal?.throwIfAborted();
      waitForForeground(options.foreground);
      options.heartbeat?.starting();
      record(analyzeTracked(engine, tracker, file));
      options.heartbeat?.finished();
      if (performance.now() - sliceStart > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  };

  const plan = planThreads(options, files.length);
  // Said as a fresh run would say it, however few files the cache left to analyse.
  const threadNote = files.length === discovery.files.length ? plan.note : planThreads(options, discovery.files.length).note;
  if (threadNote) collector.addNotes([threadNote]);
  if ((plan.threads > 1 || plan.workersOnly) && plan.script) {
    await runWorkerPool({
      script: plan.script,
      size: plan.threads,
      init: { root, config: options.config, ruleIds: options.rules.map((rule) => rule.id), ...(cache ? { track: true } : {}), ...(plan.workersOnly || options.foreground ? { lowPriority: true, ...(options.foreground ? { foreground: options.foreground } : {}) } : {}) },
      files,
      signal,
      fileTimeoutMs: options.fileTimeoutMs,
      // The language server keeps its own thread free; the CLI's is one of the analysing threads.
      shareCallingThread: !plan.workersOnly,
      onResult: (result) => {
        for (const outcome of result.outcomes) record(outcome);
        collector.addNotes(result.projectNotes);
        cache?.addProjectNotes(result.projectNotes);
        if (result.projectReads) cache?.addProjectReads(result.projectReads);
      },
      onNote: (note) => collector.addNotes([note]),
      analyzeHere,
    });
  } else if (files.length > 0) {
    await analyzeHere(files);
  }
  if (engine) {
    collector.addNotes(engine.project.notes);
    cache?.addProjectNotes(engine.project.notes);
  }
  if (tracker) cache?.addProjectReads(tracker.takeProjectReads());
  const saveNote = cache?.save();
  if (saveNote) collector.addNotes([saveNote]);

  return {
    root,
    findings: collector.sortedFindings(),
    notes: collector.sortedNotes(),
    stats: {
      files: discovery.files.length,
      parsed: collector.parsed,
      skipped: discovery.skipped + collector.failed,
      bytes: discovery.bytes,
      durationMs: Math.round(performance.now() - started),
      threads: plan.threads,
      ...(cache ? { cached: cache.reusedCount } : {}),
    },
  };
}
