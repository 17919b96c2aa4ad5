// One bundler script for every entry point. `vscode` is provided by the editor. `typescript` (the
// analyzer needs its in-process compiler API at a pinned version) is bundled once, into
// dist/typescript.js, which the CLI, the server and the audit worker load from beside them: the
// compiler is most of each bundle, and the .vsix ships no node_modules.
import * as esbuild from "esbuild";
import { sharedTypeScript } from "./scripts/sharedTypeScript.mjs";

const watch = process.argv.includes("--watch");

/** `import ts from "typescript"` becomes one `require("./typescript.js")`, the one shared copy. */
const sharedCompiler = sharedTypeScript("./typescript.js");

const entries = [
  { entryPoints: [createRequire(import.meta.url).resolve("typescript")], outfile: "dist/typescript.js", sourcemap: false },
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" }, plugins: [sharedCompiler] },
  { entryPoints: ["server/src/engine/auditWorker.ts"], outfile: "dist/auditWorker.js", plugins: [sharedCompiler] },
  { entryPoints: ["server/src/server.ts"], outfile: "dist/server.js", banner: { js: "#!/usr/bin/env node" }, plugins: [sharedCompiler] },
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
import { createRequire } from "node:module";
