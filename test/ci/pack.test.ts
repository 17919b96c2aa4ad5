import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Ajv from "ajv";
import { ensureBuilt, REPO } from "../cli/helpers";

/*
 * The CLI as another project gets it before it is published: `npm pack` here, then
 * `npm install --save-dev ./twelve-factor-lint-x.y.z.tgz` (or `npx --package`) in a throw-away
 * project, as the README says. The npm cache the repository's own install filled keeps this off
 * the network.
 */

const { version } = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
const NPM_ENV = { ...process.env, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

function npm(cwd: string, args: string[]) {
  const result = spawnSync("npm", args, { cwd, env: NPM_ENV, encoding: "utf8", timeout: 600_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SERVER = 'import express from "express";\n\nconst app = express();\napp.listen(8080);\nprocess.on("SIGTERM", () => process.exit(0));\n';
const EXPECTED_TEXT = [
  "src/server.ts",
  "  4:12  warning  Port 8080 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.  port-binding/no-fixed-port",
  "",
  "✖ 1 problem (0 errors, 1 warning, 0 infos)",
  "  1 problem is fixable with --fix.",
  "",
].join("\n");

describe("the packed CLI in a throw-away project", () => {
  let tmp: string;
  let tarball: string;
  let project: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-pack-"));
    // The bundles are built already; `--ignore-scripts` keeps prepack from rebuilding dist/ under
    // the feet of the other test files that run the CLI at the same time.
    ensureBuilt();
    const packed = npm(REPO, ["pack", "--ignore-scripts", "--pack-destination", tmp]);
    assert.equal(packed.code, 0, packed.stderr);
    tarball = path.join(tmp, packed.stdout.trim().split("\n").at(-1) as string);
    project = path.join(tmp, "service");
    fs.mkdirSync(path.join(project, "src"), { recursive: true });
    fs.writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "service", private: true, dependencies: { express: "4.19.2" } }, null, 2)}\n`);
    fs.writeFileSync(path.join(project, "src/server.ts"), SERVER);
    fs.writeFileSync(path.join(project, ".twelve-factor.json"), `${JSON.stringify({ $schema: "./node_modules/twelve-factor-lint/schema/twelve-factor.schema.json", ignore: ["legacy/**"] }, null, 2)}\n`);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("packs the bundles and the schema, and none of the sources or tests", () => {
    assert.equal(path.basename(tarball), `twelve-factor-lint-${version}.tgz`);
    const listed = spawnSync("tar", ["-tzf", tarball], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).sort();
    for (const file of ["package/package.json", "package/dist/cli.js", "package/dist/auditWorker.js", "package/dist/server.js", "package/dist/typescript.js", "package/schema/twelve-factor.schema.json", "package/README.md", "package/LICENSE"]) {
      assert.ok(listed.includes(file), `${file} in ${listed.join(", ")}`);
    }
    assert.deepEqual(listed.filter((file) => /^package\/(server|client|test|examples|action|bench|scripts)\//.test(file)), []);
  });

  it("npm install --save-dev ./tarball gives a working twelve-factor-lint bin", () => {
    const installed = npm(project, ["install", "--save-dev", tarball]);
    assert.equal(installed.code, 0, installed.stderr);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    assert.match(manifest.devDependencies["twelve-factor-lint"], /^file:.*twelve-factor-lint-.*\.tgz$/);
    // The compiler comes once, inside the package (dist/typescript.js), not as a dependency too.
    assert.equal(fs.existsSync(path.join(project, "node_modules/typescript")), false);
    const bin = path.join(project, "node_modules/.bin/twelve-factor-lint");
    const run = spawnSync(bin, [], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    assert.deepEqual({ code: run.status, stdout: run.stdout, stderr: run.stderr }, { code: 0, stdout: EXPECTED_TEXT, stderr: "" });
    const failing = spawnSync(bin, ["--max-warnings", "0", "--format", "gitlab"], { cwd: project, encoding: "utf8" });
    assert.equal(failing.status, 1);
    assert.equal((JSON.parse(failing.stdout) as unknown[]).length, 1);
  });

  it("keeps the $schema path of .twelve-factor.json working, and the schema validates the file", () => {
    const schemaFile = path.join(project, "node_modules/twelve-factor-lint/schema/twelve-factor.schema.json");
    assert.ok(fs.existsSync(schemaFile));
    const config = JSON.parse(fs.readFileSync(path.join(project, ".twelve-factor.json"), "utf8")) as { $schema: string };
    assert.equal(path.resolve(project, config.$schema), schemaFile);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
    assert.equal(validate(config), true, JSON.stringify(validate.errors));
    assert.equal(validate({ ...config, rules: { "port-binding/no-fixed-port": "loud" } }), false);
  });

  it("npx --package ./tarball runs it without adding a dependency", () => {
    const bare = path.join(tmp, "bare");
    fs.mkdirSync(path.join(bare, "src"), { recursive: true });
    fs.writeFileSync(path.join(bare, "package.json"), `${JSON.stringify({ name: "bare", private: true, dependencies: { express: "4.19.2" } }, null, 2)}\n`);
    fs.writeFileSync(path.join(bare, "package-lock.json"), "{}\n");
    fs.writeFileSync(path.join(bare, "src/server.ts"), SERVER);
    const run = spawnSync("npx", ["--yes", "--package", tarball, "twelve-factor-lint", "--no-color"], { cwd: bare, env: NPM_ENV, encoding: "utf8", timeout: 600_000 });
    assert.equal(run.stdout, EXPECTED_TEXT, run.stderr);
    assert.equal(run.status, 0);
    assert.equal(fs.existsSync(path.join(bare, "node_modules")), false);
  });
});
