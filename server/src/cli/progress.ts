/** A one-line counter on stderr, redrawn at most every 100 ms; silent unless stderr is a terminal. */
export function createProgress(stderr: { isTTY: boolean; write(text: string): void }): { onProgress?: (done: number, total: number) => void; finish(): void } {
  if (!stderr.isTTY) return { finish: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    onProgress(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      drawn = true;
      stderr.write(`\r\u001b[KAnalyzing ${done}/${total} files…`);
    },
    finish() {
      if (drawn) stderr.write("\r\u001b[K");
    },
  };
}
