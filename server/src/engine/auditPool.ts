import path from "node:path";
import { Worker } from "node:worker_threads";
import { skippedOutcome, type BatchRequest, type BatchResult, type WorkerInit, type WorkerMessage } from "./auditProtocol";
import type { Note } from "./types";

export interface WorkerPoolOptions {
  /** The worker bundle (dist/auditWorker.js). */
  script: string;
  size: number;
  init: WorkerInit;
  files: readonly string[];
  signal?: AbortSignal;
  onResult(result: BatchResult): void;
  onNote(note: Note): void;
  /** Analyses files on the main thread: the rest, when no worker is left. */
  analyzeHere(files: string[]): Promise<void>;
  /**
   * A worker still on one file after this long is stopped and the file skipped with a note (the
   * engine's own per-file budget stops slow rules sooner; this catches what it cannot interrupt).
   */
  fileTimeoutMs?: number;
  /**
   * Each worker's JavaScript heap cap (V8's old generation), so one pathological file cannot take
   * the machine's memory: the worker that hits it dies, the file is skipped with a note and the
   * audit goes on, as after any crash.
   */
  heapLimitMb?: number;
  /**
   * The calling thread analyses too (through `analyzeHere`), so `size` threads take `size - 1`
   * workers: each worker costs ~115 MB and ~0.3 s to load the compiler, which the calling thread
   * has loaded already.
   */
  shareCallingThread?: boolean;
}

export const DEFAULT_FILE_TIMEOUT_MS = 30_000;
/** Audit workers hold about 60-120 MB on real projects (bundle, project facts, a few hundred trees). */
export const DEFAULT_WORKER_HEAP_MB = 512;

/** Small batches handed out on demand, so one slow file never leaves the other cores idle. */
const MAX_BATCH = 16;
const BATCHES_PER_WORKER = 4;

interface Slot {
  worker: Worker;
  /** The batch the worker holds, handed to another worker if this one dies or hangs. */
  inFlight?: string[];
  /** The file the worker is on: the one skipped if it dies or hangs. */
  current?: string;
  watchdog?: NodeJS.Timeout;
  /** Set when we stopped the worker ourselves, so its exit is not a crash. */
  retiring: boolean;
  error?: Error;
}

/**
 * Spreads `files` over worker threads. A worker that dies, or stays on one file past
 * `fileTimeoutMs`, is stopped; that file is skipped with a note (it would likely kill or stall the
 * next thread too, the main one included), the rest of its batch goes back in the queue, and the
 * worker is replaced. Crashes replace at most `size` workers in all; when none is left, the main
 * thread takes the rest. Rejects with `signal.reason` on abort, after terminating every worker.
 */
export function runWorkerPool(options: WorkerPoolOptions): Promise<void> {
  const { files, signal } = options;
  const size = options.shareCallingThread ? options.size - 1 : options.size;
  return new Promise<void>((resolve, reject) => {
    const live = new Set<Slot>();
    let next = 0;
    /** Files of stopped workers' batches, handed out before the rest. */
    const requeued: string[] = [];
    const timeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
    let batchId = 0;
    let respawns = 0;
    let mainThreadJobs = 0;
    let settled = false;

    const stopAll = (): void => {
      for (const slot of live) {
        slot.retiring = true;
        clearTimeout(slot.watchdog);
        void slot.worker.terminate();
      }
      signal?.removeEventListener("abort", onAbort);
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(error);
    };
    const finishIfDone = (): void => {
      if (settled || live.size > 0 || mainThreadJobs > 0 || next < files.length || requeued.length > 0) return;
      settled = true;
      stopAll();
      resolve();
    };
    function onAbort(): void {
      fail(signal?.reason);
    }

    const takeBatch = (): string[] | undefined => {
      if (requeued.length > 0) return requeued.splice(0, MAX_BATCH);
      const remaining = files.length - next;
      if (remaining <= 0) return undefined;
      const count = Math.max(1, Math.min(MAX_BATCH, Math.ceil(remaining / (options.size * BATCHES_PER_WORKER))));
      const batch = files.slice(next, next + count);
      next += count;
      return batch;
    };
    /** The calling thread's share: batch after batch from the same queue as the workers. */
    const shareHere = (): void => {
      const batch = settled ? undefined : takeBatch();
      if (!batch) {
        finishIfDone();
        return;
      }
      mainThreadJobs++;
      options.analyzeHere(batch).then(() => {
        mainThreadJobs--;
        shareHere();
      }, fail);
    };
    const runHere = (batch: string[]): void => {
      mainThreadJobs++;
      options.analyzeHere(batch).then(() => {
        mainThreadJobs--;
        finishIfDone();
      }, fail);
    };
    const feed = (slot: Slot): void => {
      const batch = takeBatch();
      slot.inFlight = batch;
      if (batch) {
        const request: BatchRequest = { batch: batchId++, files: batch };
        slot.worker.postMessage(request);
      } else {
        slot.retiring = true;
        void slot.worker.terminate();
      }
    };
    /** Skips the file the worker was on and puts the rest of its batch back in the queue. */
    const giveUpOn = (slot: Slot, why: string): void => {
      const culprit = slot.current;
      for (const file of slot.inFlight ?? []) {
        if (file === culprit) {
          try {
            options.onResult({ kind: "result", batch: -1, outcomes: [skippedOutcome(file, why)], projectNotes: [] });
          } catch (error) {
            fail(error);
          }
        } else requeued.push(file);
      }
      slot.inFlight = undefined;
    };
    const onCrash = (slot: Slot, code: number): void => {
      const outOfMemory = (slot.error as NodeJS.ErrnoException | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
      const reason = outOfMemory ? `out of memory: over its ${options.heapLimitMb ?? DEFAULT_WORKER_HEAP_MB} MB heap limit` : (slot.error?.message ?? `exit code ${code}`);
      const where = slot.current ? relativeName(options.init.root, slot.current) : undefined;
      options.onNote({ level: "warning", message: `A worker thread stopped unexpectedly (${reason})${where ? ` while analysing ${where}` : ""}; the other files it held were analysed again.` });
      giveUpOn(slot, `${where}: a worker thread stopped while analysing it (${reason}); skipped.`);
      if (next >= files.length && requeued.length === 0) return;
      if (respawns < size) {
        respawns++;
        feed(spawn());
      } else if (live.size === 0) {
        const rest = [...requeued.splice(0), ...files.slice(next)];
        next = files.length;
        runHere(rest);
      }
    };
    const onHang = (slot: Slot): void => {
      if (settled || slot.retiring) return;
      slot.retiring = true;
      void slot.worker.terminate();
      const where = slot.current ? relativeName(options.init.root, slot.current) : "a file";
      giveUpOn(slot, `${where}: analysis did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${timeoutMs / 1000} s`}; skipped.`);
      // The slot's exit handler sees `retiring` and does not count this as a crash.
      feed(spawn());
    };
    const spawn = (): Slot => {
      // No inherited flags: the bundle needs no loader, and a parent's `--import tsx` would make
      // every worker transpile the 10 MB bundle (0.8 s instead of 0.25 s to start).
      const worker = new Worker(options.script, { workerData: options.init, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb ?? DEFAULT_WORKER_HEAP_MB } });
      const slot: Slot = { worker, retiring: false };
      live.add(slot);
      slot.worker.on("message", (message: WorkerMessage) => {
        if (settled) return;
        clearTimeout(slot.watchdog);
        if (message.kind === "started") {
          slot.current = message.file;
          slot.watchdog = setTimeout(() => onHang(slot), timeoutMs);
          return;
        }
        const result: BatchResult = message;
        slot.current = undefined;
        try {
          options.onResult(result);
        } catch (error) {
          fail(error);
          return;
        }
        feed(slot);
      });
      slot.worker.on("error", (error: Error) => {
        slot.error = error;
      });
      slot.worker.on("exit", (code: number) => {
        clearTimeout(slot.watchdog);
        live.delete(slot);
        if (settled) return;
        if (!slot.retiring) onCrash(slot, code);
        finishIfDone();
      });
      return slot;
    };

    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    const count = Math.min(size, files.length);
    for (let i = 0; i < count; i++) feed(spawn());
    if (options.shareCallingThread) shareHere();
    finishIfDone();
  });
}

function relativeName(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}
