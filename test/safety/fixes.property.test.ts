import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import ts from "typescript";
import { Engine } from "../../server/src/engine/analyzer";
import { planFixes, writableTarget } from "../../server/src/engine/applyFixes";
import { auditProject } from "../../server/src/engine/audit";
import { defaultConfig } from "../../server/src/engine/configTypes";
import { isSourceFile } from "../../server/src/engine/sourceKinds";
import type { Finding } from "../../server/src/engine/types";
import { fixProject } from "../../server/src/cli/fixStep";
import { RULES } from "../../server/src/rules/registry";
import { generateProject, type GeneratedProject } from "./generatedProjects";

/**
 * Properties of every fix over generated projects (seeded, so a failure replays): after fix-all,
 * and after any single quick fix, touched sources still parse; no `.env`/`.env.example` key is
 * lost or changed and their comments and order stay (what was there is a prefix of what is
 * there); CRLF files stay CRLF; a second run changes nothing; nothing outside the project is
 * written, and symlinks out of it are not followed.
 */
const PROJECTS = 40;
const dirs: string[] = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

interface Layout {
  root: string;
  outside: string;
}

function materialize(project: GeneratedProject): Layout {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-safety-"));
  dirs.push(base);
  const root = path.join(base, "project");
  const outside = path.join(base, "outside");
  fs.mkdirSync(outside, { recursive: true });
  for (const [rel, text] of Object.entries(project.files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  for (const [rel, text] of Object.entries(project.outside)) fs.writeFileSync(path.join(outside, rel), text);
  for (const [rel, target] of Object.entries(project.symlinks)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.symlinkSync(path.join(outside, target), path.join(root, rel));
  }
  return { root, outside };
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) files.set(path.relative(dir, full), fs.readFileSync(full, "utf8"));
      else if (entry.isSymbolicLink()) files.set(path.relative(dir, full), `-> ${fs.readlinkSync(full)}`);
    }
  };
  visit(dir);
  return files;
}

function syntaxErrors(file: string, text: string): number {
  const kind = /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const parsed = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind) as unknown as { parseDiagnostics: unknown[] };
  return parsed.parseDiagnostics.length;
}

function envKeys(text: string): string[] {
  return text.split(/\r?\n/).map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=/.exec(line)?.[1]).filter((key): key is string => key !== undefined);
}

/** Every property that must hold between the project before and after fixing it. */
function assertSafe(label: string, before: Map<string, string>, after: Map<string, string>, outsideBefore: Map<string, string>, layout: Layout): void {
  assert.deepEqual(snapshot(layout.outside), outsideBefore, `${label}: something outside the project changed`);
  for (const [rel, old] of before) {
    const now = after.get(rel);
    assert.ok(now !== undefined, `${label}: ${rel} disappeared`);
    if (old.startsWith("-> ")) {
      assert.equal(now, old, `${label}: the symlink ${rel} was replaced`);
      continue;
    }
    if (now === old) continue;
    const base = path.basename(rel);
    if (base === ".env" || base === ".env.example") {
      // Only appended to: every key, value, comment and blank line stays where it was.
      const eol = old.includes("\r\n") ? "\r\n" : "\n";
      const prefix = old.length === 0 || old.endsWith("\n") ? old : old + eol;
      assert.ok(now.startsWith(prefix), `${label}: ${rel} lost or changed existing lines:\n${JSON.stringify(old)}\n→\n${JSON.stringify(now)}`);
      const keys = envKeys(now);
      assert.equal(new Set(keys).size, keys.length, `${label}: ${rel} has a duplicate key: ${keys.join(", ")}`);
    }
    if (old.includes("\r\n") && !/(^|[^\r])\n/.test(old)) assert.ok(!/(^|[^\r])\n/.test(now), `${label}: ${rel} was CRLF and now has bare LF line ends`);
    if (isSourceFile(rel)) assert.ok(syntaxErrors(rel, now) <= syntaxErrors(rel, old), `${label}: ${rel} no longer parses:\n${now}`);
  }
  for (const [rel, text] of after) {
    if (before.has(rel)) continue;
    assert.ok([".env", ".env.example"].includes(path.basename(rel)), `${label}: unexpected new file ${rel}`);
    const keys = envKeys(text);
    assert.equal(new Set(keys).size, keys.length, `${label}: new ${rel} has a duplicate key`);
  }
}

async function findingsOf(root: string): Promise<Finding[]> {
  return (await auditProject({ root, config: defaultConfig(), rules: RULES, workers: 1 })).findings;
}

/** One quick fix as the editor applies it: the preferred fix, safe or not, through the same guards. */
function applyOne(root: string, finding: Finding): void {
  const fix = finding.fixes[0];
  if ([...fix.edits.map((edit) => edit.file), ...fix.creates.map((creation) => creation.file)].some((file) => writableTarget(root, file) === undefined)) return;
  const plan = planFixes([{ ...finding, fixes: [{ ...fix, safe: true }] }], (file) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined));
  for (const [file, text] of plan.files) fs.writeFileSync(writableTarget(root, file) as string, text);
}

describe(`fix safety over ${PROJECTS} generated projects`, () => {
  let fixedSomething = 0;
  let quickFixes = 0;
  for (let seed = 1; seed <= PROJECTS; seed++) {
    it(`project #${seed}: fix-all, then every single quick fix`, async () => {
      const generated = generateProject(seed);
      const layout = materialize(generated);
      const before = snapshot(layout.root);
      const outsideBefore = snapshot(layout.outside);
      const findings = await findingsOf(layout.root);
      const result = await fixProject({ root: layout.root, findings, config: defaultConfig(), rules: RULES, errorsOnly: false });
      if (result.fixesApplied > 0) fixedSomething++;
      const afterFixAll = snapshot(layout.root);
      assertSafe(`#${seed} fix-all`, before, afterFixAll, outsideBefore, layout);
      const again = await fixProject({ root: layout.root, findings: await findingsOf(layout.root), config: defaultConfig(), rules: RULES, errorsOnly: false });
      assert.equal(again.fixesApplied, 0, `#${seed}: a second fix-all still changed ${again.changedFiles.join(", ")}`);
      assert.deepEqual(snapshot(layout.root), afterFixAll, `#${seed}: a second fix-all changed files`);

      // Each remaining quick fix (unsafe ones included), one at a time on fresh findings.
      for (let round = 0; round < 8; round++) {
        const withFix = (await findingsOf(layout.root)).filter((finding) => finding.fixes.length > 0);
        if (withFix.length === 0) break;
        const current = snapshot(layout.root);
        const engine = new Engine({ root: layout.root, rules: RULES });
        const finding = withFix[(seed + round) % withFix.length];
        applyOne(layout.root, finding);
        quickFixes++;
        assertSafe(`#${seed} quick fix ${finding.ruleId}`, current, snapshot(layout.root), outsideBefore, layout);
        engine.invalidate(finding.file);
      }
    });
  }
  it("the generated projects exercised the fixes", () => {
    assert.ok(fixedSomething >= PROJECTS / 2, `fix-all changed only ${fixedSomething} of ${PROJECTS} projects`);
    assert.ok(quickFixes >= PROJECTS, `only ${quickFixes} quick fixes applied`);
  });
});
