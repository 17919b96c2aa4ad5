/**
 * Whether a thread is on a file, and how many it has started: written by the thread that
 * analyses, read by another thread's watchdog. Shared memory, so the analysing thread need not
 * send a message per file (each would wake the language server's thread).
 */
export class FileHeartbeat {
  private readonly cells: Int32Array;

  constructor(readonly buffer = new SharedArrayBuffer(8)) {
    this.cells = new Int32Array(buffer);
  }

  starting(): void {
    Atomics.add(this.cells, 1, 1);
    Atomics.store(this.cells, 0, 1);
  }

  finished(): void {
    Atomics.store(this.cells, 0, 0);
  }

  /** Files started so far while one is being analysed; `undefined` between files. */
  onFile(): number | undefined {
    return Atomics.load(this.cells, 0) === 1 ? Atomics.load(this.cells, 1) : undefined;
  }
}
