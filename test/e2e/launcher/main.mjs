// Stands in for the VS Code executable (`vscodeExecutablePath`) of @vscode/test-electron where no
// desktop VS Code can be downloaded: takes the desktop command line, runs the same extension tests
// in code-server's real extension host with headless Chromium as the window, relays the log and
// exits with the tests' exit code. Exit 2: the harness itself failed; 124: global timeout.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { logsDir as defaultLogsDir, screenshotDir } from "../paths.mjs";
import { parseDesktopArgs, workbenchUrl } from "./args.mjs";
import { startCodeServer } from "./codeServer.mjs";
import { openWorkbench } from "./workbench.mjs";

const EXIT_HARNESS_FAILURE = 2;
const EXIT_TIMEOUT = 124;
const timeoutMs = Number(process.env.TFL_E2E_TIMEOUT_MS ?? 10 * 60_000);
const logsDir = path.resolve(process.env.TFL_E2E_LOGS_DIR ?? defaultLogsDir);

rmSync(logsDir, { recursive: true, force: true });
mkdirSync(logsDir, { recursive: true });
const launcherLog = path.join(logsDir, "launcher.log");

const STACK_LINES_ON_CONSOLE = 4;
// Workbench chatter that says nothing about the tests: kept in launcher.log, hidden on the console.
const CONSOLE_NOISE = [
  /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/,
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/,
  /^\[Service Worker\] registered/, /^\[AgentHost:remote\]/, /^\[AccountPolicyGate\]/,
];

/**
 * Errors code-server's workbench logs in every passing run, with the reason they do not matter.
 * Their stacks go to launcher.log only; the console gets one summary line at the end.
 */
const KNOWN_NOISE = [
  // The workbench reads a path as a file that is a folder (seen when a test copies the bundled
  // example's src/jobs, src/lib, src/routes into the workspace) and logs the miss.
  { pattern: /Unable to read file '[^']*'.*(that is actually a directory|EntryIsADirectory|FileIsADirectory)/s, label: "Unable to read file … that is actually a directory" },
  // code-server has no GitHub sign-in; built-in features that ask for it give up after a timeout.
  { pattern: /Timed out waiting for authentication provider '[^']*'/, label: "Timed out waiting for authentication provider" },
];
const filtered = new Map();

/** One line for the end of the run, e.g. `(filtered 3 known code-server messages: 2× "…", 1× "…")`. */
function filteredSummary() {
  const total = [...filtered.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefined;
  const kinds = [...filtered].map(([label, count]) => `${count}× "${label}"`).join(", ");
  return `[e2e] (filtered ${total} known code-server message${total === 1 ? "" : "s"}, harmless, full text in ${launcherLog}: ${kinds})`;
}

/**
 * Everything goes to launcher.log in full. On the console, warnings and errors the workbench logs
 * (long minified stacks) are cut to their first lines; test output (console.log) is never cut.
 */
function relay(text, level = "info") {
  const line = level === "info" ? text : `[${level}] ${text}`;
  appendFileSync(launcherLog, `${line}\n`);
  if (CONSOLE_NOISE.some((pattern) => pattern.test(text))) return;
  const known = level === "info" ? undefined : KNOWN_NOISE.find(({ pattern }) => pattern.test(text));
  if (known) {
    filtered.set(known.label, (filtered.get(known.label) ?? 0) + 1);
    return;
  }
  const lines = line.split("\n");
  const shown = level !== "info" && lines.length > STACK_LINES_ON_CONSOLE + 1
    ? [...lines.slice(0, STACK_LINES_ON_CONSOLE + 1), `    … ${lines.length - STACK_LINES_ON_CONSOLE - 1} more lines in ${launcherLog}`]
    : lines;
  process.stdout.write(`${shown.join("\n")}\n`);
}

// Should the event loop ever drain before finish() ran, Node must not report success.
process.exitCode = EXIT_HARNESS_FAILURE;

const resources = { workbench: undefined, server: undefined, scratch: undefined, userDataDir: undefined };
let finishing = false;

/** Tears everything down in every outcome: browser first (it holds the extension host), then the server group. */
async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  const summary = filteredSummary();
  if (summary) relay(summary);
  if (reason) relay(`[e2e] ${reason}`);
  // Teardown must never hang the run: whatever is still alive after this is killed by exit.
  setTimeout(() => {
    relay("[e2e] teardown took over 30 s; exiting anyway", "warn");
    process.exit(code === 0 ? EXIT_HARNESS_FAILURE : code);
  }, 30_000);
  await resources.workbench?.close();
  await resources.server?.stop();
  const serverLogs = resources.userDataDir && path.join(resources.userDataDir, "logs");
  if (serverLogs && existsSync(serverLogs)) cpSync(serverLogs, path.join(logsDir, "server"), { recursive: true });
  if (resources.scratch && !process.env.TFL_E2E_KEEP) rmSync(resources.scratch, { recursive: true, force: true });
  relay(`[e2e] logs: ${path.relative(process.cwd(), logsDir) || logsDir} (launcher.log, code-server.log, server/, workbench/)`);
  process.exit(code);
}

async function main() {
  const args = parseDesktopArgs(process.argv.slice(2));
  if (!args.extensionTestsPath) throw new Error("--extensionTestsPath is required");
  if (args.ignored.length > 0) relay(`[e2e] desktop-only flags ignored: ${args.ignored.join(" ")}`);
  resources.scratch = mkdtempSync(path.join(os.tmpdir(), "tfl-e2e-launcher-"));
  resources.userDataDir = args.userDataDir ?? path.join(resources.scratch, "user-data");
  const extensionsDir = args.extensionsDir ?? path.join(resources.scratch, "extensions");

  const started = Date.now();
  resources.server = await startCodeServer({
    scratchDir: resources.scratch,
    userDataDir: resources.userDataDir,
    extensionsDir,
    logFile: path.join(logsDir, "code-server.log"),
    // Suites read the screenshot folder from here: only this harness can take pictures.
    env: { ...process.env, TFL_E2E_SCREENSHOT_DIR: screenshotDir },
  });
  relay(`[e2e] code-server ${resources.server.origin} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  resources.server.exited.then((code) => finish(EXIT_HARNESS_FAILURE, `code-server exited unexpectedly (${code})`));

  const url = workbenchUrl(resources.server.origin, args);
  resources.workbench = await openWorkbench({
    url,
    headful: Boolean(process.env.TFL_E2E_HEADFUL),
    screenshotDir,
    logsDir,
    relay,
  });
  const code = await resources.workbench.testsExit;
  await finish(code, `tests finished with exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const timer = setTimeout(async () => {
  await resources.workbench?.screenshot("timeout");
  await finish(EXIT_TIMEOUT, `TIMEOUT: the tests did not finish within ${timeoutMs / 1000} s (TFL_E2E_TIMEOUT_MS); a picture of the workbench is in ${path.join(logsDir, "timeout.png")}`);
}, timeoutMs);
timer.unref();

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]]) {
  process.on(signal, () => finish(code, `stopped by ${signal}`));
}

main().catch(async (error) => {
  await resources.workbench?.screenshot("failure");
  await finish(EXIT_HARNESS_FAILURE, `harness failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});
