// Asks the launcher (test/e2e/launcher) for a picture of the whole workbench: the request is a log
// line `SCREENSHOT:<name>` that travels to the launcher, which writes <name>.png into
// TFL_E2E_SCREENSHOT_DIR; the file appearing under its final name is the acknowledgement.
import { existsSync, mkdirSync, rmSync, watch } from "node:fs";
import path from "node:path";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface ScreenshotOptions {
  /** A CSS selector the launcher waits for before the picture, e.g. ".action-widget" for the quick-fix menu. */
  waitFor?: string;
  timeoutMs?: number;
}

/**
 * Resolves with the PNG's path once it is written, or with undefined when the run has no
 * screenshot support (a desktop VS Code started by @vscode/test-electron's download).
 */
export async function requestScreenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  const dir = process.env.TFL_E2E_SCREENSHOT_DIR;
  if (!dir) return undefined;
  if (!NAME.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)} must match ${NAME}`);
  if (options.waitFor?.includes("\n")) throw new Error("waitFor must be a one-line CSS selector");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  rmSync(file, { force: true });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const watcher = watch(dir, (_event, changed) => {
      if (changed === `${name}.png` && existsSync(file)) done();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`screenshot ${name} was not written to ${dir} within ${timeoutMs} ms`));
    }, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      watcher.close();
      resolve(file);
    }
    // Watch first, then ask, so the acknowledgement cannot be missed.
    console.log(`SCREENSHOT:${name}${options.waitFor ? ` waitFor=${options.waitFor}` : ""}`);
  });
}
