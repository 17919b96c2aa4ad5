// Hosts the VS Code web workbench in headless Debian Chromium (playwright-core, no browser
// download) and turns the workbench's automation hooks into a promise for the tests' exit code.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "node:util";
import { chromium } from "playwright-core";
import { chromiumPath } from "../paths.mjs";

const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];
// A stable size, so README screenshots look the same from run to run.
const VIEWPORT = { width: 1280, height: 800 };
// `SCREENSHOT:<name>` or `SCREENSHOT:<name> waitFor=<css selector>` (see suite/helpers/screenshot.ts).
const SCREENSHOT_REQUEST = /SCREENSHOT:([A-Za-z0-9][A-Za-z0-9._-]*)(?: waitFor=(.+))?$/m;

/**
 * @param {{ url: string, headful: boolean, screenshotDir: string, logsDir: string, relay: (text: string, level?: string) => void }} options
 */
export async function openWorkbench({ url, headful, screenshotDir, logsDir, relay }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: !headful,
    args: CHROMIUM_ARGS,
    // The launcher owns shutdown order (browser, then server); Playwright must not exit on its own.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  let settle;
  const testsExit = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  // Closing on purpose fires the same events as a crash; only the latter is a failure.
  let closing = false;
  const failUnlessClosing = (message) => { if (!closing) settle.reject(new Error(message)); };
  // Screenshots are taken one at a time, in the order the suite asked for them.
  let screenshots = Promise.resolve();

  const takeScreenshot = async (name, dir) => {
    mkdirSync(dir, { recursive: true });
    const target = path.join(dir, `${name}.png`);
    const partial = `${target}.partial`;
    await page.screenshot({ path: partial, type: "png" });
    // The suite waits for the final name to appear: rename makes the file complete when it does.
    renameSync(partial, target);
    relay(`[e2e] screenshot saved: ${path.relative(process.cwd(), target)}`);
  };

  await page.exposeFunction("codeAutomationLog", (level, message) => {
    // The workbench passes the console arguments as they were given: a format string and values.
    const text = Array.isArray(message) ? format(...message) : String(message);
    relay(text, level);
    const request = SCREENSHOT_REQUEST.exec(text);
    if (request) {
      const [, name, waitFor] = request;
      screenshots = screenshots
        .then(() => (waitFor ? page.waitForSelector(waitFor, { state: "visible", timeout: 15_000 }) : undefined))
        .then(() => takeScreenshot(name, screenshotDir))
        .catch((error) => relay(`[e2e] screenshot ${name} failed: ${error.message}`, "error"));
    }
  });
  await page.exposeFunction("codeAutomationExit", async (code, logs) => {
    await screenshots;
    saveWorkbenchLogs(logs, path.join(logsDir, "workbench"));
    settle.resolve(typeof code === "number" ? code : 1);
  });
  page.on("pageerror", (error) => relay(`[page error] ${error.message}`, "error"));
  page.on("crash", () => failUnlessClosing("the workbench page crashed"));
  page.on("close", () => failUnlessClosing("the workbench page closed before the tests finished"));
  browser.on("disconnected", () => failUnlessClosing("Chromium exited before the tests finished"));

  await page.goto(url, { waitUntil: "domcontentloaded" });
  return {
    testsExit,
    /** Best-effort picture of the current state, e.g. when a run times out. */
    screenshot: (name) => takeScreenshot(name, logsDir).catch(() => undefined),
    close: async () => {
      closing = true;
      await browser.close().catch(() => undefined);
    },
  };
}

/** The workbench hands its own (browser-side) logs over on exit; keep them for debugging. */
function saveWorkbenchLogs(logs, dir) {
  if (!Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    if (typeof relativePath !== "string" || relativePath.includes("..")) continue;
    const file = path.join(dir, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}
