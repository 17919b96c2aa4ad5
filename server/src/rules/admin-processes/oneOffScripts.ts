import path from "node:path";
import type { RuleContext } from "../../engine/rule";
import { START_SCRIPT_NAME } from "./data/schemaSync";

const SOURCE_EXTENSION = /\.[cm]?[jt]sx?$/;

/** The file paths a command line may name: `node ./db/sync.js && echo ok` → `db/sync.js`. */
function commandPaths(command: string): string[] {
  return command
    .split(/[\s;&|()]+/)
    .map((token) => token.replace(/^["']|["']$/g, "").replace(/^\.\//, ""))
    .filter((token) => token.length > 0);
}

/**
 * Whether a `package.json` script entry of the nearest package runs this file, other than the
 * entries that start the app itself (`start`, `dev`, `serve` ...): `"migrate": "node db/sync.js"`
 * makes `db/sync.js` a committed one-off. `tsx db/sync` (no extension) counts too.
 */
export function runByPackageScript(context: RuleContext): string | undefined {
  const pkg = context.project.nearestPackage(context.file);
  if (!pkg) return undefined;
  const relative = path.relative(pkg.dir, context.file).split(path.sep).join("/");
  const forms = new Set([relative, relative.replace(SOURCE_EXTENSION, "")]);
  for (const [name, command] of Object.entries(pkg.scripts)) {
    if (START_SCRIPT_NAME.test(name)) continue;
    if (commandPaths(command).some((token) => forms.has(token))) return name;
  }
  return undefined;
}
