import { Worker } from "node:worker_threads";
import type { BatchRequest, BatchResult, WorkerInit } from "./auditProtocol";
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
  /** Analyses files on the main thread: a crashed worker's batch, or the rest when no worker is left. */
  analyzeHere(files: string[]): Promise<void>;
}

/** Small batches handed out on demand, so one slow file never leaves the other cores idle. */
const MAX_BATCH = 16;
const BATCHES_PER_WORKER = 4;

interface Slot {
  worker: Worker;
  /** The batch the worker holds, re-run on the main thread if the worker dies. */
  inFlight?: string[];
  /** Set when we stopped the worker ourselves, so its exit is not a crash. */
  retiring: boolean;
  error?: Error;
}

/**
 * Spreads `files` over worker threads. A worker that dies has its batch re-run on the main thread
 * and is replaced (at most `size` times in all); when none is left, the main thread takes the rest.
 * Rejects with `signal.reason` on abort, after terminating every worker.
 */
export function runWorkerPool(options: WorkerPoolOptions): Promise<void> {
  const { files, size, signal } = options;
  return new Promise<void>((resolve, reject) => {
    const live = new Set<Slot>();
    let next = 0;
    let batchId = 0;
    let respawns = 0;
    let mainThreadJobs = 0;
    let settled = false;

    const stopAll = (): void => {
      for (const slot of live) {
        slot.retiring = true;
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
      if (settled || live.size > 0 || mainThreadJobs > 0 || next < files.length) return;
      settled = true;
      stopAll();
      resolve();
    };
    function onAbort(): void {
      fail(signal?.reason);
    }

    const takeBatch = (): string[] | undefined => {
      const remaining = files.length - next;
      if (remaining <= 0) return undefined;
      const count = Math.max(1, Math.min(MAX_BATCH, Math.ceil(remaining / (size * BATCHES_PER_WORKER))));
      const batch = files.slice(next, next + count);
      next += count;
      return batch;
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
    const onCrash = (slot: Slot, code: number): void => {
      const reason = slot.error?.message ?? `exit code ${code}`;
      options.onNote({ level: "warning", message: `A worker thread stopped unexpectedly (${reason}); the files it held were analysed on the main thread.` });
      if (slot.inFlight) runHere(slot.inFlight);
      if (next >= files.length) return;
      if (respawns < size) {
        respawns++;
        feed(spawn());
      } else if (live.size === 0) {
        const rest = files.slice(next);
        next = files.length;
        runHere(rest);
      }
    };
    const spawn = (): Slot => {
      // No inherited flags: the bundle needs no loader, and a parent's `--import tsx` would make
      // every worker transpile the 10 MB bundle (0.8 s instead of 0.25 s to start).
      const worker = new Worker(options.script, { workerData: options.init, execArgv: [] });
      const slot: Slot = { worker, retiring: false };
      live.add(slot);
      slot.worker.on("message", (result: BatchResult) => {
        if (settled) return;
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
    finishIfDone();
  });
}
