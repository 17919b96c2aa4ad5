import path from "node:path";
import { Worker } from "node:worker_threads";
import { WorkQueue } from "./workQueue";
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
/**
 * An audit worker's heap holds ~20 MB after loading and 50-90 MB of live data at the end of the
 * 16,800-file benchmark corpus (project facts, a few hundred trees looked into); a 1 MiB file's
 * tree adds tens of MB. 256 MB leaves room for that and keeps a runaway file from taking the machine.
 */
export const DEFAULT_WORKER_HEAP_MB = 256;

/** Why a worker thread ended without being asked to, in words for a note. */
export function whyWorkerStopped(error: Error | undefined, exitCode: number, heapLimitMb: number): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY") return `out of memory: over its ${heapLimitMb} MB heap limit`;
  return error?.message ?? `exit code ${exitCode}`;
}

/** Small batches handed out on demand, so one slow file never leaves the other cores idle. */
const MAX_BATCH = 16;
/**
 * Batches a worker holds at once. The pool hands out work only when the calling thread's event
 * loop turns, and the CLI's calling thread analyses too between those turns: with one batch a
 * worker finished it and then sat idle until the next turn. With a few queued in its inbox it
 * always has the next one at hand.
 */
const BATCHES_IN_FLIGHT = 4;

interface Slot {
  worker: Worker;
  /** Its place in the work queue (a replacement worker takes over the place of the one it replaces). */
  taker: number;
  /** The batches the worker holds, oldest first, handed to another worker if this one dies or hangs. */
  inFlight: string[][];
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
    // Takers: one per worker, plus the calling thread's (the last) when it shares the work.
    const queue = new WorkQueue(files, options.size, MAX_BATCH);
    const CALLING_THREAD = options.size - 1;
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
      if (settled || live.size > 0 || mainThreadJobs > 0 || !queue.isEmpty) return;
      settled = true;
      stopAll();
      resolve();
    };
    function onAbort(): void {
      fail(signal?.reason);
    }

    /** The calling thread's share: batch after batch from the same queue as the workers. */
    const shareHere = (): void => {
      const batch = settled ? undefined : queue.take(CALLING_THREAD);
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
    /** Tops the worker's inbox up to `BATCHES_IN_FLIGHT` batches; retires it when nothing is left. */
    const feed = (slot: Slot): void => {
      while (slot.inFlight.length < BATCHES_IN_FLIGHT) {
        const batch = queue.take(slot.taker);
        if (!batch) break;
        slot.inFlight.push(batch);
        const request: BatchRequest = { batch: batchId++, files: batch };
        slot.worker.postMessage(request);
      }
      if (slot.inFlight.length === 0) {
        slot.retiring = true;
        void slot.worker.terminate();
      }
    };
    /** Skips the file the worker was on and puts the rest of its batch back in the queue. */
    const giveUpOn = (slot: Slot, why: string): void => {
      const culprit = slot.current;
      for (const file of slot.inFlight.flat()) {
        if (file === culprit) {
          try {
            options.onResult({ kind: "result", batch: -1, outcomes: [skippedOutcome(file, why)], projectNotes: [] });
          } catch (error) {
            fail(error);
          }
        } else queue.requeue([file]);
      }
      slot.inFlight = [];
    };
    const onCrash = (slot: Slot, code: number): void => {
      const reason = whyWorkerStopped(slot.error, code, options.heapLimitMb ?? DEFAULT_WORKER_HEAP_MB);
      const where = slot.current ? relativeName(options.init.root, slot.current) : undefined;
      options.onNote({ level: "warning", message: `A worker thread stopped unexpectedly (${reason})${where ? ` while analysing ${where}` : ""}; the other files it held were analysed again.` });
      giveUpOn(slot, `${where}: a worker thread stopped while analysing it (${reason}); skipped.`);
      if (queue.isEmpty) return;
      if (respawns < size) {
        respawns++;
        feed(spawn(slot.taker));
      } else if (live.size === 0) {
        runHere(queue.drain());
      }
    };
    const onHang = (slot: Slot): void => {
      if (settled || slot.retiring) return;
      slot.retiring = true;
      void slot.worker.terminate();
      const where = slot.current ? relativeName(options.init.root, slot.current) : "a file";
      giveUpOn(slot, `${where}: analysis did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${timeoutMs / 1000} s`}; skipped.`);
      // The slot's exit handler sees `retiring` and does not count this as a crash.
      feed(spawn(slot.taker));
    };
    const spawn = (taker: number): Slot => {
      // No inherited flags: the bundle needs no loader, and a parent's `--import tsx` would make
      // every worker transpile the 10 MB bundle (0.8 s instead of 0.25 s to start).
      const worker = new Worker(options.script, { workerData: options.init, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb ?? DEFAULT_WORKER_HEAP_MB } });
      const slot: Slot = { worker, taker, retiring: false, inFlight: [] };
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
        // Batches come back in the order they were sent.
        slot.inFlight.shift();
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
    for (let taker = 0; taker < count; taker++) feed(spawn(taker));
    if (options.shareCallingThread) shareHere();
    finishIfDone();
  });
}

function relativeName(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}
