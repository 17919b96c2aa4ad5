import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv-draft-04";

export const REPO = path.resolve(__dirname, "../..");
export const CLI = path.join(REPO, "dist/cli.js");
const FIXTURES = path.join(REPO, "test/fixtures/cli");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The tests run the real bundle; rebuild it when any source is newer (`npm test` builds first anyway). */
export function ensureBuilt(): void {
  const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(REPO, "server/src")), newestMtime(path.join(REPO, "schema")), fs.statSync(path.join(REPO, "package.json")).mtimeMs);
  if (built >= sources) return;
  const result = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: REPO, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

/** A throw-away copy of a fixture project, plus extra files written at run time (fake secrets). */
export function copyFixture(name: string, extra: Record<string, string> = {}): { root: string; read(rel: string): string | undefined; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `tfl-cli-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return {
    root,
    read: (rel) => (fs.existsSync(path.join(root, rel)) ? fs.readFileSync(path.join(root, rel), "utf8") : undefined),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with no color hints from the calling environment. */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): CliRun {
  const base = { ...process.env };
  for (const name of ["NO_COLOR", "FORCE_COLOR", "TWELVE_FACTOR_DEBUG", "NODE_OPTIONS"]) delete base[name];
  const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd, env: { ...base, ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The official SARIF 2.1.0 (rtm.5) JSON schema, as Microsoft's SARIF SDK ships it. It is
 * draft-04, and its language-tag pattern only compiles without the `u` flag.
 */
export function sarifValidator(): ValidateFunction {
  const schema = createRequire(__filename)("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "file:///"));
  ajv.addFormat("date-time", (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}
