import { Worker } from "node:worker_threads";
import type { AuditOptions, AuditResult } from "./audit";
import { DEFAULT_WORKER_HEAP_MB, whyWorkerStopped } from "./auditPool";
import type { CoordinatorInit, CoordinatorMessage } from "./auditProtocol";
import { FileHeartbeat } from "./heartbeat";
import type { Finding } from "./types";

/** How a coordinator thread ended: with the audit's result, or stopped without one. */
export type CoordinatorOutcome = { result: AuditResult } | { stopped: string };

/**
 * Runs a background (editor) audit on a coordinator thread: discovery, the cache's load, check
 * and save, and the worker pool all leave the language server's thread, which only gets progress
 * and the result. On the server's thread they took ~0.5 s at 20,000 files (discovery 0.14 s,
 * cache load 0.1 s, cache check 0.13-0.29 s, save 0.13-0.16 s), and a keystroke arriving
 * meanwhile waited for all of it.
 *
 * The findings come in slices (FINDINGS_PER_MESSAGE), each asked for once the last is taken, so
 * each is decoded in its own turn of the server's event loop and a keystroke never waits for all.
 *
 * The coordinator analyses files itself, so this costs no thread more than before. A coordinator
 * that dies (a file that takes more than its heap cap, a crash), or stays on one of its files
 * longer than `fileTimeoutMs` (seen through its FileHeartbeat, and then stopped), resolves to
 * `stopped`: the caller then runs the audit on its own thread with workers only, where a worker
 * that dies or hangs costs only its file. Rejects with `signal.reason` on abort (the coordinator
 * and its workers are stopped), and with the audit's own error when it throws.
 */
export function auditOnCoordinator(options: AuditOptions, script: string, maxThreads: number, fileTimeoutMs: number): Promise<CoordinatorOutcome> {
  const { signal } = options;
  const heartbeat = new FileHeartbeat();
  const init: CoordinatorInit = {
    kind: "coordinator",
    root: options.root,
    ...(options.paths ? { paths: options.paths } : {}),
    config: options.config,
    ruleIds: options.rules.map((rule) => rule.id),
    ...(options.defaultExcludes !== undefined ? { defaultExcludes: options.defaultExcludes } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.fileTimeoutMs !== undefined ? { fileTimeoutMs: options.fileTimeoutMs } : {}),
    ...(options.foreground ? { foreground: options.foreground } : {}),
    maxThreads,
    heartbeat: heartbeat.buffer,
  };
  return new Promise<CoordinatorOutcome>((resolve, reject) => {
    signal?.throwIfAborted();
    let settled = false;
    const worker = new Worker(script, { workerData: init, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: DEFAULT_WORKER_HEAP_MB } });
    let lastError: Error | undefined;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      signal?.removeEventListener("abort", onAbort);
      settle();
    };
    // The same file started at two looks `fileTimeoutMs` apart: the coordinator is stuck on it.
    let seen: { started: number; since: number } | undefined;
    const watchdog = setInterval(
      () => {
        const started = heartbeat.onFile();
        const now = Date.now();
        if (started === undefined || started !== seen?.started) seen = started === undefined ? undefined : { started, since: now };
        else if (now - seen.since >= fileTimeoutMs) {
          finish(() => resolve({ stopped: `it spent over ${Math.round(fileTimeoutMs / 1000)} s on one file` }));
          void worker.terminate();
        }
      },
      Math.max(50, Math.min(1000, fileTimeoutMs / 4)),
    );
    watchdog.unref();
    const onAbort = (): void => {
      finish(() => reject(signal?.reason));
      // Its own workers are stopped with it.
      void worker.terminate();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const findings: Finding[] = [];
    worker.on("message", (message: CoordinatorMessage) => {
      if (settled) return;
      if (message.kind === "progress") options.onProgress?.(message.done, message.total);
      else if (message.kind === "findings") {
        findings.push(...message.findings);
        worker.postMessage("next");
      }
      else if (message.kind === "done") finish(() => resolve({ result: { ...message.result, findings } }));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on("error", (error) => (lastError = error));
    worker.on("exit", (code) => finish(() => resolve({ stopped: whyWorkerStopped(lastError, code, DEFAULT_WORKER_HEAP_MB) })));
  });
}
