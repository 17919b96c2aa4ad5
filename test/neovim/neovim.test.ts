import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { writeProject } from "../helpers/project";
import { SERVER } from "../lsp/lspClient";

/**
 * A second, independent editor: headless Neovim (Debian's 0.7, push diagnostics only) runs the
 * built server with `--stdio`, receives the diagnostics of a fixture and applies the quick fix.
 * CI installs neovim (.ci/run); elsewhere the test is skipped when nvim is missing.
 */
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const available = nvim.status === 0;
const required = process.env.CI === "true";

it("Neovim receives the diagnostics and applies the preferred fix", { skip: !available && !required ? "nvim is not installed" : false }, () => {
  assert.ok(available, "CI must install neovim (apt-get install -y neovim)");
  const project = writeProject({
    "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
    "package-lock.json": "{}\n",
    "src/server.js": `const express = require("express");\nconst app = express();\nconst PORT = 3000;\napp.listen(PORT);\n`,
    // The service stops gracefully, so the port finding is the only one.
    "src/shutdown.js": `process.on("SIGTERM", () => process.exit(0));\n`,
  });
  try {
    const out = path.join(project.root, "result.json");
    const run = spawnSync("nvim", ["--headless", "--clean", "-c", `luafile ${path.join(__dirname, "check.lua")}`], {
      env: { ...process.env, TFL_ROOT: project.root, TFL_SERVER: SERVER, TFL_FILE: path.join(project.root, "src/server.js"), TFL_OUT: out },
      encoding: "utf8",
      timeout: 60000,
    });
    assert.equal(run.status, 0, `nvim failed: ${run.stderr}`);
    const result = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(result.error, undefined);
    assert.deepEqual(result.diagnostics, [
      {
        lnum: 3, col: 11, end_lnum: 3, end_col: 15, severity: 2, source: "twelve-factor", code: "port-binding/no-fixed-port",
        message: "Port 3000 is hardcoded in listen() (via `PORT`); bind to the port the platform gives in process.env.PORT.",
      },
    ]);
    assert.equal(result.applied, "Read the port from process.env.PORT (default 3000)");
    assert.equal(project.read("src/server.js"), `const express = require("express");\nconst app = express();\nconst PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);\n`);
  } finally {
    project.cleanup();
  }
});
