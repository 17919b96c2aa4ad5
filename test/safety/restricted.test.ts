import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { ensureBuilt, runCli } from "../cli/helpers";
import { TestClient } from "../lsp/lspClient";

/**
 * Restricted Mode (an untrusted workspace) and remote use rest on two guarantees: the analysis
 * executes no project code (config files are data: `.twelve-factor.json` is parsed, never
 * required; no package script, binary or module of the project runs), and it reads nothing
 * outside the project, even when the project points outside (imports, tsconfig `extends`,
 * `paths` and `baseUrl`, workspace globs and package entries, symlinks). A preload records every file access, module load and child process of a real CLI run.
 */
const REPO = path.resolve(__dirname, "../..");
const PRELOAD = path.join(REPO, "test/fixtures/preload/recordAccess.cjs");
const base = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-restricted-"));
after(() => fs.rmSync(base, { recursive: true, force: true }));

const root = path.join(base, "project");
const outside = path.join(base, "outside");
const PLANTED = path.join(base, "executed.txt");

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Code that would leave a trace if anything ran it. */
const trap = (what: string): string => `require("node:fs").writeFileSync(${JSON.stringify(PLANTED)}, ${JSON.stringify(what)});\nmodule.exports = {};\n`;

write(path.join(outside, "secret-config.json"), '{ "password": "outside" }\n');
write(path.join(outside, "tsconfig.base.json"), '{ "compilerOptions": { "paths": { "@out/*": ["./*"] } } }\n');
write(path.join(outside, "lib/util.ts"), 'export const PORT = 3000;\n');
write(path.join(outside, "node_modules/evil/index.js"), trap("outside module"));
write(path.join(outside, "pkg/package.json"), JSON.stringify({ name: "@outside/pkg", main: "index.js" }));
write(path.join(root, "package.json"), JSON.stringify({ name: "untrusted", workspaces: ["../outside/*", "packages/*"], scripts: { postinstall: "node evil.js", start: "node evil.js --port 3000" }, dependencies: { express: "^5.0.0" } }));
write(path.join(root, "packages/leaky/package.json"), JSON.stringify({ name: "@untrusted/leaky", main: "../../../outside/lib/util.js", exports: { ".": "../../../outside/lib/util.ts" } }));
write(path.join(root, "package-lock.json"), "{}\n");
write(path.join(root, ".gitignore"), "node_modules\n");
write(path.join(root, ".twelve-factor.json"), '{ "rules": { "logs/no-file-logging": "off" } }\n');
write(path.join(root, "twelve-factor.config.js"), trap("config.js"));
write(path.join(root, "evil.js"), trap("evil.js"));
write(path.join(root, "node_modules/express/index.js"), trap("project node_modules"));
write(path.join(root, "node_modules/.bin/tsc"), "#!/bin/sh\necho ran > executed.txt\n");
write(path.join(root, "tsconfig.json"), '{ "extends": "../outside/tsconfig.base.json", "compilerOptions": { "baseUrl": ".", "paths": { "@up/*": ["../outside/lib/*"] } } }\n');
write(path.join(root, "src/nested/tsconfig.json"), '{ "extends": ["../../../outside/tsconfig.base.json", "./missing.json"], "compilerOptions": { "baseUrl": "../../.." } }\n');
write(path.join(root, "src/nested/index.ts"), `import { PORT } from "outside/lib/util";\nimport { x } from "project/src/server";\nexport const port = PORT + x;\n`);
write(
  path.join(root, "src/server.ts"),
  `import express from "express";\nimport { PORT } from "../../outside/lib/util";\nimport evil from "evil";\nimport "../evil";\nimport { PORT as UP } from "@up/util";\nimport { PORT as LINKED } from "./shared/util";\nimport { PORT as PKG } from "@outside/pkg";\nimport leaky from "@untrusted/leaky";\nconst app = express();\napp.listen(PORT ?? UP ?? LINKED ?? PKG ?? leaky);\nprocess.on("SIGTERM", () => process.exit(0));\n`,
);
// A folder inside the project that links to code outside it: module resolution must not follow it.
fs.symlinkSync(path.join(outside, "lib"), path.join(root, "src/shared"));
fs.symlinkSync(path.join(outside, "secret-config.json"), path.join(root, "linked.json"));
fs.mkdirSync(path.join(root, "config"), { recursive: true });
fs.symlinkSync(path.join(outside, "secret-config.json"), path.join(root, "config/production.json"));

interface Access {
  paths: string[];
  modules: string[];
  spawned: string[];
}

/** Every log the preload wrote under `prefix` (one per process and thread), merged. */
function readAccess(prefix: string): Access {
  const merged: Access = { paths: [], modules: [], spawned: [] };
  for (const name of fs.readdirSync(path.dirname(prefix)).filter((entry) => entry.startsWith(path.basename(prefix)))) {
    const log = JSON.parse(fs.readFileSync(path.join(path.dirname(prefix), name), "utf8")) as Access;
    merged.paths.push(...log.paths);
    merged.modules.push(...log.modules);
    merged.spawned.push(...log.spawned);
  }
  return merged;
}

const resolved = (p: string): string => path.resolve(root, p);
// The tool's own files (its bundle and the TypeScript library it ships) are the only others;
// Node probes its entry in upper case once, to learn whether the disk is case-sensitive.
const within = (p: string, dir: string): boolean => p.toLowerCase() === dir.toLowerCase() || p.toLowerCase().startsWith(dir.toLowerCase() + path.sep);
const outsideReads = (access: Access): string[] => access.paths.map(resolved).filter((p) => !within(p, root) && !within(p, REPO));
const projectModules = (access: Access): string[] => access.modules.filter((m) => path.isAbsolute(m) && (within(m, root) || within(m, outside)));

describe("untrusted workspaces: data only, nothing outside", () => {
  ensureBuilt();
  const run = runCli(root, [".", "--format", "json"], { TFL_ACCESS_LOG: path.join(base, "cli-access") }, ["--require", PRELOAD]);
  const access = readAccess(path.join(base, "cli-access"));

  it("the run itself worked", () => {
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.match(run.stdout, /no-out-of-repo-import|no-fixed-port/);
  });

  it("executes no project code: no module of the project loaded, no process started, no trap fired", () => {
    assert.equal(fs.existsSync(PLANTED), false, `project code ran: ${fs.existsSync(PLANTED) ? fs.readFileSync(PLANTED, "utf8") : ""}`);
    assert.deepEqual(projectModules(access), []);
    assert.deepEqual(access.spawned, []);
  });

  it("reads nothing outside the project folder, whatever points there", () => {
    assert.deepEqual(outsideReads(access), []);
  });

  it("the language server too: open files, hover, code actions, a workspace audit", async () => {
    const prefix = path.join(base, "server-access");
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `--require ${PRELOAD}`;
    process.env.TFL_ACCESS_LOG = prefix;
    let client: TestClient;
    try {
      client = await TestClient.start({ root });
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
      delete process.env.TFL_ACCESS_LOG;
    }
    const server = path.join(root, "src/server.ts");
    client.open(server);
    const diagnostics = await client.diagnosticsFor(server, (d) => d.length > 0);
    await client.codeActions(server, diagnostics);
    await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: `file://${server}` }, position: diagnostics[0].range.start });
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    assert.equal(await client.shutdown(), 0);
    const serverAccess = readAccess(prefix);
    assert.ok(serverAccess.paths.length > 0, "the preload recorded the server's reads");
    assert.equal(fs.existsSync(PLANTED), false);
    assert.deepEqual(projectModules(serverAccess), []);
    assert.deepEqual(serverAccess.spawned, []);
    assert.deepEqual(outsideReads(serverAccess), []);
  });
});
