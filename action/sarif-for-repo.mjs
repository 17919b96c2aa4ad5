// Reads the CLI's SARIF file, rewrites its paths relative to the repository checkout (the CLI
// writes them relative to the project root, which in a monorepo is a package folder), and prints
// "errors warnings infos absolute-path" for run.sh.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [file, workspace] = process.argv.slice(2);
const absolute = path.resolve(file);
const sarif = JSON.parse(fs.readFileSync(absolute, "utf8"));
const counts = { error: 0, warning: 0, note: 0 };
const repoRoot = pathToFileURL(path.resolve(workspace)).href.replace(/\/?$/, "/");

for (const run of sarif.runs) {
  for (const result of run.results ?? []) counts[result.level] = (counts[result.level] ?? 0) + 1;
  const base = run.originalUriBaseIds?.["%SRCROOT%"]?.uri;
  if (!base) continue;
  const prefix = path.relative(path.resolve(workspace), fileURLToPath(base)).split(path.sep).map(encodeURIComponent).join("/");
  if (prefix.startsWith("..")) continue; // the project lies outside the checkout: leave its paths alone
  const rebase = (location) => {
    const artifact = location?.physicalLocation?.artifactLocation;
    if (artifact?.uriBaseId === "%SRCROOT%" && prefix !== "") artifact.uri = `${prefix}/${artifact.uri}`;
  };
  for (const result of run.results ?? []) for (const location of result.locations ?? []) rebase(location);
  for (const invocation of run.invocations ?? []) for (const notice of invocation.toolExecutionNotifications ?? []) for (const location of notice.locations ?? []) rebase(location);
  run.originalUriBaseIds["%SRCROOT%"].uri = repoRoot;
}

fs.writeFileSync(absolute, `${JSON.stringify(sarif, null, 2)}\n`);
process.stdout.write(`${counts.error} ${counts.warning} ${counts.note} ${absolute}\n`);
