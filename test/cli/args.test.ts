import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parseCliArgs } from "../../server/src/cli/args";
import { findProjectRoot } from "../../server/src/cli/projectRoot";
import { writeProject } from "../helpers/project";

describe("parseCliArgs", () => {
  it("defaults to the current folder, text, no fix, no limits", () => {
    assert.deepEqual(parseCliArgs([]), {
      ok: true,
      options: { paths: ["."], format: "text", output: undefined, fix: false, fixDryRun: false, rules: [], maxWarnings: undefined, quiet: false, color: undefined, help: false, version: false },
    });
  });

  it("reads every flag, in both spellings", () => {
    assert.deepEqual(parseCliArgs(["src", "lib/a.ts", "-f", "sarif", "--output=out/r.sarif", "--fix", "--rule", "a/b=off", "--rule=c/d=error", "--max-warnings", "0", "--quiet", "--no-color"]), {
      ok: true,
      options: { paths: ["src", "lib/a.ts"], format: "sarif", output: "out/r.sarif", fix: true, fixDryRun: false, rules: ["a/b=off", "c/d=error"], maxWarnings: 0, quiet: true, color: false, help: false, version: false },
    });
    const forced = parseCliArgs(["--color", "--format=json", "-o", "r.json", "-h", "-v"]);
    assert.ok(forced.ok);
    assert.deepEqual([forced.options.color, forced.options.format, forced.options.output, forced.options.help, forced.options.version], [true, "json", "r.json", true, true]);
  });

  it("rejects unknown flags, bad formats, bad limits and missing values in one line each", () => {
    assert.deepEqual(parseCliArgs(["--frmat", "json"]), { ok: false, message: "unknown option --frmat" });
    assert.deepEqual(parseCliArgs(["--format", "xml"]), { ok: false, message: '--format must be one of text, json, sarif, html, markdown, gitlab (got "xml")' });
    assert.deepEqual(parseCliArgs(["--max-warnings", "-1"]), { ok: false, message: "option '--max-warnings' argument is ambiguous" });
    assert.deepEqual(parseCliArgs(["--max-warnings=ten"]), { ok: false, message: '--max-warnings must be a whole number of 0 or more (got "ten")' });
    assert.deepEqual(parseCliArgs(["--max-warnings=1.5"]), { ok: false, message: '--max-warnings must be a whole number of 0 or more (got "1.5")' });
    assert.deepEqual(parseCliArgs(["--format"]), { ok: false, message: "option '-f, --format <value>' argument missing" });
    assert.deepEqual(parseCliArgs(["--fix=yes"]), { ok: false, message: "option '--fix' does not take an argument" });
    assert.deepEqual(parseCliArgs(["--output="]), { ok: false, message: "--output needs a file name" });
  });
});

describe("findProjectRoot", () => {
  it("climbs to the nearest package.json or .git, else keeps the path", () => {
    const project = writeProject({ "package.json": "{}", "packages/api/src/server.ts": "", "packages/web/package.json": "{}", "packages/web/src/x.ts": "" });
    try {
      const root = project.root;
      assert.equal(findProjectRoot(path.join(root, "packages/api/src/server.ts")), root);
      assert.equal(findProjectRoot(path.join(root, "packages/web/src")), path.join(root, "packages/web"));
      fs.mkdirSync(path.join(root, "packages/api/.git"));
      assert.equal(findProjectRoot(path.join(root, "packages/api/src")), path.join(root, "packages/api"));
      fs.rmSync(path.join(root, "package.json"));
      fs.mkdirSync(path.join(root, "lone/deep"), { recursive: true });
      assert.equal(findProjectRoot(path.join(root, "lone/deep")), path.join(root, "lone/deep"));
    } finally {
      project.cleanup();
    }
  });
});
