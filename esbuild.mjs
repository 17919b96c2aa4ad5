// One bundler script for every entry point. `typescript` is bundled (the analyzer needs its
// in-process compiler API at a pinned version); `vscode` is provided by the editor.
import * as esbuild from "esbuild";

const watch = process.argv.includes("--watch");

const entries = [
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/engine/auditWorker.ts"], outfile: "dist/auditWorker.js" },
  { entryPoints: ["server/src/server.ts"], outfile: "dist/server.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js" },
];

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  external: ["vscode"],
  logLevel: "warning",
  // jsonc-parser's UMD build (its `main`) loads its parts through a dynamic require that a
  // bundle cannot resolve at run time; its ESM build (`module`) bundles cleanly.
  mainFields: ["module", "main"],
};

const contexts = await Promise.all(
  entries.filter((entry) => entry.entryPoints.every((file) => existsSync(file))).map((entry) => esbuild.context({ ...common, ...entry })),
);
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}

function existsSync(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
import { statSync } from "node:fs";
