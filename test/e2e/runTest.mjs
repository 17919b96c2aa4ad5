// Entry of `npm run test:e2e`: runs test/e2e/suite inside a real VS Code with @vscode/test-electron.
//
// Here (no VS Code download reachable) `vscodeExecutablePath` is test/e2e/launcher, which runs the
// same tests in code-server + headless Chromium. Where desktop VS Code can be downloaded, set
// TFL_E2E_USE_DOWNLOAD=1: the identical runTests call then omits the path and test-electron
// downloads VS Code (TFL_E2E_VSCODE_VERSION, default "stable"; needs a display, e.g. xvfb-run).
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runTests, TestRunFailedError } from "@vscode/test-electron";
import { buildSuite } from "./buildSuite.mjs";
import { fixtureWorkspace, launcherWrapper, repoRoot, e2eDir } from "./paths.mjs";
import { ensureEditor } from "./setup.mjs";

const useDownload = process.env.TFL_E2E_USE_DOWNLOAD === "1";
const extensionDevelopmentPath = path.resolve(process.env.TFL_E2E_EXTENSION_PATH ?? repoRoot);

function assertExtensionBuilt() {
  const manifest = JSON.parse(readFileSync(path.join(extensionDevelopmentPath, "package.json"), "utf8"));
  if (!manifest.main) throw new Error(`${extensionDevelopmentPath}/package.json has no "main": nothing to test yet`);
  const main = path.resolve(extensionDevelopmentPath, manifest.main);
  if (!existsSync(main) && !existsSync(`${main}.js`)) throw new Error(`${main} does not exist: run \`npm run build\` first`);
}

/** test-electron spawns the executable directly, so the launcher gets a tiny shell wrapper. */
function writeLauncherWrapper() {
  mkdirSync(path.dirname(launcherWrapper), { recursive: true });
  const launcher = path.join(e2eDir, "launcher", "main.mjs");
  writeFileSync(launcherWrapper, `#!/bin/sh\nexec "${process.execPath}" "${launcher}" "$@"\n`);
  chmodSync(launcherWrapper, 0o755);
  return launcherWrapper;
}

/**
 * One editor session on a fresh copy of the fixture. `restricted`: workspace trust on and the
 * folder not trusted (Restricted Mode), running only the Restricted Mode tests.
 */
async function session(extensionTestsPath, restricted) {
  // A fresh copy per run: tests may edit and save files, the committed fixture stays untouched.
  // It lives outside the repository so the repo's own .gitignore and package.json do not apply.
  const scratch = mkdtempSync(path.join(os.tmpdir(), "tfl-e2e-"));
  const workspace = path.join(scratch, "workspace");
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  try {
    await runTests({
      ...(useDownload ? { version: process.env.TFL_E2E_VSCODE_VERSION ?? "stable" } : { vscodeExecutablePath: writeLauncherWrapper() }),
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [
        workspace,
        "--disable-extensions",
        `--user-data-dir=${path.join(scratch, "user-data")}`,
        `--extensions-dir=${path.join(scratch, "extensions")}`,
      ],
      extensionTestsEnv: {
        TFL_E2E_EXTENSION_PATH: extensionDevelopmentPath,
        TFL_E2E_FIXTURE_SOURCE: fixtureWorkspace,
        ...(restricted ? { TFL_E2E_RESTRICTED: "1", TFL_E2E_GREP: "Restricted Mode" } : {}),
      },
    });
    return 0;
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code ?? 1;
    throw error;
  } finally {
    if (!process.env.TFL_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
    else console.log(`[e2e] kept the run's workspace and user data in ${scratch}`);
  }
}

async function main() {
  assertExtensionBuilt();
  if (!useDownload) ensureEditor();
  const extensionTestsPath = await buildSuite();
  const trusted = await session(extensionTestsPath, false);
  if (trusted !== 0) return trusted;
  // The launcher reads this to leave workspace trust on (desktop VS Code: see test/e2e/README.md).
  process.env.TFL_E2E_RESTRICTED = "1";
  console.log("[e2e] second session: Restricted Mode (workspace trust on, folder untrusted)");
  return session(extensionTestsPath, true);
}

const started = Date.now();
main().then(
  (code) => {
    console.log(`[e2e] ${code === 0 ? "passed" : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(code);
  },
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
