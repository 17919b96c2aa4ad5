// Reads the command line that @vscode/test-electron hands to a desktop VS Code, keeping the parts
// that matter for a code-server run and ignoring Electron-only flags (--no-sandbox, --skip-welcome…).
import path from "node:path";

const VALUE_FLAGS = new Set(["extensionDevelopmentPath", "extensionTestsPath", "user-data-dir", "extensions-dir"]);

/**
 * @param {string[]} argv arguments after the executable
 * @returns {{ extensionDevelopmentPaths: string[], extensionTestsPath?: string, userDataDir?: string,
 *   extensionsDir?: string, folder?: string, disableExtensions: boolean, ignored: string[] }}
 */
export function parseDesktopArgs(argv) {
  const parsed = { extensionDevelopmentPaths: [], disableExtensions: false, ignored: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (!arg.startsWith("--")) {
      if (parsed.folder !== undefined) throw new Error(`only one folder can be opened, got ${parsed.folder} and ${arg}`);
      parsed.folder = path.resolve(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (name === "disable-extensions") {
      parsed.disableExtensions = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) {
      parsed.ignored.push(arg);
      continue;
    }
    // Both `--flag=value` and `--flag value` appear in the wild.
    const value = eq === -1 ? argv[++index] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new Error(`${arg} needs a value`);
    const absolute = path.resolve(value);
    if (name === "extensionDevelopmentPath") parsed.extensionDevelopmentPaths.push(absolute);
    else if (name === "extensionTestsPath") parsed.extensionTestsPath = absolute;
    else if (name === "user-data-dir") parsed.userDataDir = absolute;
    else parsed.extensionsDir = absolute;
  }
  return parsed;
}

/**
 * The workbench URL that makes code-server's web workbench behave like `code --extensionTestsPath`:
 * the payload is honoured only when the server runs with `--vscode-option enable-smoke-test-driver`.
 * Paths are remote paths, hence `vscode-remote://<authority><abs path>`.
 */
export function workbenchUrl(origin, { folder, extensionDevelopmentPaths, extensionTestsPath, disableExtensions }) {
  const authority = new URL(origin).host;
  const remote = (absPath) => `vscode-remote://${authority}${absPath}`;
  const payload = extensionDevelopmentPaths.map((devPath) => ["extensionDevelopmentPath", remote(devPath)]);
  if (extensionTestsPath) payload.push(["extensionTestsPath", remote(extensionTestsPath)]);
  if (disableExtensions) payload.push(["disableExtensions", "true"]);
  const url = new URL(origin);
  if (folder?.endsWith(".code-workspace")) url.searchParams.set("workspace", folder);
  else if (folder) url.searchParams.set("folder", folder);
  url.searchParams.set("payload", JSON.stringify(payload));
  return url.toString();
}
