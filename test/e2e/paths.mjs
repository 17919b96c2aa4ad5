// Where the real-editor harness keeps things. Everything it installs or writes lives under the
// git-ignored `.vscode-test/` of the repository, so a fresh clone stays clean and CI can cache it.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const e2eDir = path.join(repoRoot, "test", "e2e");
export const cacheDir = path.join(repoRoot, ".vscode-test");

// Pinned so that every machine runs the same editor. code-server 4.139.1 is VS Code 1.139.1 and
// refuses to install under anything but Node 24.
export const NODE_VERSION = "24.21.0";
export const CODE_SERVER_VERSION = "4.139.1";

export const nodeDir = path.join(cacheDir, `node-v${NODE_VERSION}`);
export const nodeBin = path.join(nodeDir, "bin", "node");
export const codeServerDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = path.join(codeServerDir, "node_modules", "code-server", "out", "node", "entry.js");
export const chromiumPath = process.env.TFL_E2E_CHROMIUM ?? "/usr/bin/chromium";

export const suiteOutDir = path.join(cacheDir, "suite");
export const logsDir = path.join(cacheDir, "logs");
export const runsDir = path.join(cacheDir, "runs");
export const launcherWrapper = path.join(cacheDir, "bin", "code-launcher");
export const fixtureWorkspace = path.join(e2eDir, "fixtures", "workspace");

/** Screenshots requested by suites (`SCREENSHOT:<name>`); point it at docs/images to refresh the README pictures. */
export const screenshotDir = path.resolve(repoRoot, process.env.TFL_E2E_SCREENSHOT_DIR ?? path.join(cacheDir, "screenshots"));
