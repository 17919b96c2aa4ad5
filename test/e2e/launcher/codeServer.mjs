// Starts code-server (VS Code server + web workbench) under Node 24 on a free loopback port and
// stops it together with every process it spawned (extension hosts, language servers).
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeServerEntry, nodeBin } from "../paths.mjs";

const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//;

// Quiet, deterministic workbench: no welcome page, tips, surveys or update prompts in screenshots.
const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.ignoreRecommendations": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "chat.disableAIFeatures": true,
  "window.restoreWindows": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
};

/**
 * @param {{ scratchDir: string, userDataDir: string, extensionsDir: string, logFile: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ origin: string, stop: () => Promise<void>, exited: Promise<number | null> }>}
 */
export async function startCodeServer({ scratchDir, userDataDir, extensionsDir, logFile, env, startTimeoutMs = 60_000 }) {
  const xdg = path.join(scratchDir, "xdg");
  for (const dir of [xdg, userDataDir, extensionsDir, path.join(userDataDir, "User")]) mkdirSync(dir, { recursive: true });
  const settingsFile = path.join(userDataDir, "User", "settings.json");
  // Restricted Mode session: trust on, nothing trusted, no prompt (the folder stays untrusted).
  const restricted = env.TFL_E2E_RESTRICTED === "1";
  const settings = restricted
    ? { ...USER_SETTINGS, "security.workspace.trust.enabled": true, "security.workspace.trust.startupPrompt": "never", "security.workspace.trust.emptyWindow": false }
    : USER_SETTINGS;
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + "\n");
  const config = path.join(scratchDir, "code-server.yaml");
  writeFileSync(config, "auth: none\ncert: false\n");

  const args = [
    codeServerEntry,
    "--bind-addr", "127.0.0.1:0", // the kernel picks a free port; we read it back from the log
    "--auth", "none",
    "--config", config,
    "--user-data-dir", userDataDir,
    "--extensions-dir", extensionsDir,
    "--disable-telemetry",
    "--disable-update-check",
    ...(restricted ? [] : ["--disable-workspace-trust"]),
    "--disable-getting-started-override",
    // Without it the workbench silently ignores the extensionDevelopmentPath/extensionTestsPath payload.
    "--vscode-option", "enable-smoke-test-driver",
  ];
  const child = spawn(nodeBin, args, {
    // Own XDG folders keep code-server from writing config or state into $HOME.
    env: {
      // An empty gallery: no marketplace queries (the tests never touch the network).
      EXTENSIONS_GALLERY: "{}",
      ...env,
      XDG_DATA_HOME: path.join(xdg, "data"),
      XDG_CONFIG_HOME: path.join(xdg, "config"),
      XDG_CACHE_HOME: path.join(xdg, "cache"),
    },
    // A process group of its own, so stop() can take down extension hosts and language servers too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));

  const origin = await new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error(`code-server did not report a listening port within ${startTimeoutMs / 1000} s (see ${logFile})`)), startTimeoutMs);
    const onData = (chunk) => {
      log.write(chunk);
      if (buffered === null) return;
      buffered += chunk.toString();
      const match = LISTENING.exec(buffered);
      if (match) {
        buffered = null;
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", (error) => { clearTimeout(timer); reject(error); });
    exited.then((code) => { clearTimeout(timer); reject(new Error(`code-server exited with ${code} before listening (see ${logFile})`)); });
  }).catch(async (error) => {
    await stopGroup(child, exited);
    log.end();
    throw error;
  });

  await waitForHealth(origin, exited, startTimeoutMs);
  return {
    origin,
    exited,
    stop: async () => {
      await stopGroup(child, exited);
      await new Promise((resolve) => log.end(resolve));
    },
  };
}

/** Polls /healthz (the one place where polling is right: the server has no readiness event). */
async function waitForHealth(origin, exited, timeoutMs) {
  let gone = false;
  exited.then(() => { gone = true; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // not accepting connections yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(gone ? "code-server exited while starting" : `code-server ${origin}/healthz did not answer within ${timeoutMs / 1000} s`);
}

async function stopGroup(child, exited) {
  if (child.pid === undefined) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup("SIGTERM");
  const graceful = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
  // Children (extension hosts, our language server) may outlive the server itself: always sweep the group.
  signalGroup("SIGKILL");
  if (!graceful) await exited;
}
