import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fixProject } from "../../server/src/cli/fixStep";
import { applyFixes } from "../../server/src/engine/applyFixes";
import { auditProject } from "../../server/src/engine/audit";
import { defaultConfig } from "../../server/src/engine/configTypes";
import type { Finding } from "../../server/src/engine/types";
import { RULES } from "../../server/src/rules/registry";
import { IGNORED_EXAMPLE_APP, LOADED_EXAMPLE } from "../helpers/packageFixtures";
import { writeProject } from "../helpers/project";

/**
 * Fixes touch only what was reported. The app below loads its git-ignored `.env.example` as its
 * env file (nine real values): that file is no template, nothing in it is reported, and no fix
 * may write to it, neither by appending `NAME=` nor by blanking its values on a later pass.
 */
function filesOf(finding: Finding): string[] {
  return finding.fixes.flatMap((fix) => [...fix.edits.map((edit) => edit.file), ...fix.creates.map((creation) => creation.file)]);
}

describe("fixes touch only what was reported", () => {
  it("never writes a git-ignored .env.example the app loads, and every change belongs to a reported finding", async () => {
    const project = writeProject(IGNORED_EXAMPLE_APP);
    try {
      const config = defaultConfig();
      const audit = await auditProject({ root: project.root, config, rules: RULES });
      assert.deepEqual(
        audit.findings.map((finding) => `${finding.ruleId} ${path.relative(project.root, finding.file)}`),
        ["backing-services/hardcoded-service-url src/db.ts"],
      );
      const named = new Set(audit.findings.flatMap(filesOf));
      assert.deepEqual([...named].map((file) => path.relative(project.root, file)).sort(), [".env", "src/db.ts"]);

      const result = await fixProject({ root: project.root, findings: audit.findings, config, rules: RULES, errorsOnly: false });
      assert.equal(project.read(".env.example"), LOADED_EXAMPLE);
      assert.deepEqual(result.changedFiles.map((file) => path.relative(project.root, file)), [".env", "src/db.ts"]);
      for (const file of result.changedFiles) assert.ok(named.has(file), `${file} was changed but no reported finding's fix names it`);
      assert.equal(project.read(".env"), "DATABASE_URL=postgres://db.internal:5432/shop\n");
    } finally {
      project.cleanup();
    }
  });

  it("the same app with a committed .env.example: NAME= is appended there, its values stay", async () => {
    const project = writeProject({ ...IGNORED_EXAMPLE_APP, ".gitignore": "node_modules\n.env\n", ".env.example": "PORT=\n" });
    try {
      const config = defaultConfig();
      const audit = await auditProject({ root: project.root, config, rules: RULES });
      await fixProject({ root: project.root, findings: audit.findings, config, rules: RULES, errorsOnly: false });
      assert.equal(project.read(".env.example"), "PORT=\nDATABASE_URL=\n");
    } finally {
      project.cleanup();
    }
  });

  it("applyFixes never applies a fix of a finding outside the run's files, whatever re-analysis returns", async () => {
    const project = writeProject({ "src/a.ts": "const a = 1;\n", ".env.example": "A=1\n" });
    try {
      const inRun = path.join(project.root, "src/a.ts");
      const outside = path.join(project.root, ".env.example");
      const finding = (file: string, start: number, end: number): Finding => ({
        ruleId: "test/rule",
        severity: "warning",
        message: "m",
        file,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 },
        signals: [],
        fixes: [{ title: "t", safe: true, edits: [{ file, start, end, newText: "" }], creates: [] }],
      });
      const result = await applyFixes({
        root: project.root,
        findings: [finding(inRun, 10, 11), finding(outside, 2, 3)],
        inScope: (file) => file === inRun,
        reanalyze: () => [finding(outside, 2, 3)],
      });
      assert.deepEqual(result.changedFiles, [inRun]);
      assert.equal(fs.readFileSync(outside, "utf8"), "A=1\n");
      assert.equal(fs.readFileSync(inRun, "utf8"), "const a = ;\n");
    } finally {
      project.cleanup();
    }
  });
});
