// `npm start [-- <dir> …]`: audit the bundled example (or the folders given) and print the
// findings. Findings are the point of this command, so exit code 1 ("errors found") is reported
// as a hint, not as an npm failure; CI should call `twelve-factor-lint` directly.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const hasPath = args.some((arg) => !arg.startsWith("-"));
const cliArgs = hasPath ? args : [path.join("examples", "express-service"), ...args];
const result = spawnSync(process.execPath, [path.join(root, "dist", "cli.js"), ...cliArgs], { stdio: "inherit" });
if (result.status === 1) {
  console.error("\n(twelve-factor-lint exited with 1: error-level findings. In CI, run the twelve-factor-lint CLI itself to fail the build on them: see docs/ci.md.)");
  process.exit(0);
}
process.exit(result.status ?? 2);
