/**
 * Lets the language server's own analysis of a keystroke pause its background audit workers.
 *
 * On a 2-core machine an audit worker and the server's thread share the cores (and, on many VMs,
 * one physical core: two threads each run 1.6-1.8× slower side by side), so a keystroke analysed
 * while an audit runs took up to 1.5× as long. The server marks the span of each foreground
 * analysis in a shared flag; workers look at it before each file and wait while it is set. A
 * keystroke costs the audit the few milliseconds of its analysis, and the audit never costs the
 * keystroke more than the file a worker is already on.
 */
export class ForegroundWork {
  /** Shared with the workers (through `workerData`); 1 while foreground work runs. */
  readonly buffer = new SharedArrayBuffer(4);
  private readonly flag = new Int32Array(this.buffer);
  private depth = 0;

  run<T>(work: () => T): T {
    if (this.depth++ === 0) Atomics.store(this.flag, 0, 1);
    try {
      return work();
    } finally {
      if (--this.depth === 0) {
        Atomics.store(this.flag, 0, 0);
        Atomics.notify(this.flag, 0);
      }
    }
  }
}

/**
 * In a worker, before each file: waits while the foreground flag is set, at most `maxWaitMs` in
 * all, so a server that died or hung with the flag set never stalls the audit for good.
 */
export function waitForForeground(buffer: SharedArrayBuffer | undefined, maxWaitMs = 1000): void {
  if (!buffer) return;
  const flag = new Int32Array(buffer);
  if (Atomics.load(flag, 0) === 0) return;
  const deadline = Date.now() + maxWaitMs;
  while (Atomics.load(flag, 0) === 1) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    Atomics.wait(flag, 0, 1, Math.min(left, 50));
  }
}
