// The packaged extension installs into the real editor: package the .vsix with vsce, install it
// with code-server's own CLI into a scratch extensions folder, and check what the editor lists
// and what landed on disk. Runs before the suite in `npm run test:e2e` (setup must have run).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { codeServerEntry, nodeBin, repoRoot } from "./paths.mjs";
import { ensureEditor } from "./setup.mjs";

const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
const id = `${manifest.publisher}.${manifest.name}`;
const scratch = mkdtempSync(path.join(os.tmpdir(), "tfl-vsix-"));
try {
  ensureEditor();
  const vsix = path.join(scratch, `${manifest.name}-${manifest.version}.vsix`);
  execFileSync(process.execPath, [path.join(repoRoot, "node_modules/@vscode/vsce/vsce"), "package", "--no-dependencies", "--out", vsix], { cwd: repoRoot, stdio: "pipe" });
  const env = { ...process.env, XDG_DATA_HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch };
  const extensionsDir = path.join(scratch, "extensions");
  const codeServer = (...args) => execFileSync(nodeBin, [codeServerEntry, "--extensions-dir", extensionsDir, "--user-data-dir", path.join(scratch, "user"), ...args], { env, encoding: "utf8" });
  codeServer("--install-extension", vsix);
  const listed = codeServer("--list-extensions", "--show-versions").split("\n").map((line) => line.trim()).filter(Boolean);
  const expected = `${id}@${manifest.version}`;
  if (!listed.includes(expected)) throw new Error(`code-server lists ${JSON.stringify(listed)}, not ${expected}`);
  const installed = path.join(extensionsDir, `${id}-${manifest.version}`);
  for (const file of ["package.json", "dist/extension.js", "dist/server.js", "dist/auditWorker.js", "dist/typescript.js", "syntaxes/dotenv.tmLanguage.json", "schema/twelve-factor.schema.json"]) {
    if (!existsSync(path.join(installed, file))) throw new Error(`the installed extension lacks ${file}`);
  }
  console.log(`[e2e] ${path.basename(vsix)} installs into code-server: listed as ${expected}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
