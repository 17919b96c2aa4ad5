import path from "node:path";
import { preferredSafeFix } from "../engine/applyFixes";
import type { Finding, Fix } from "../engine/types";
import type { ProjectRegistry } from "./projects";
import { simulateEditorFixes } from "./fixAll";
import type { EditTarget } from "./workspaceEdits";

/** One file that "fix all safe problems" would change or create, as the confirmation lists it. */
export interface SafeFixFile {
  /** Relative to its workspace folder, with forward slashes. */
  file: string;
  /** Absolute path, for the client to open or save the document afterwards. */
  path: string;
  /** Accepted fixes that edit or create this file. */
  fixes: number;
  created: boolean;
}

export interface SafeFixPlan {
  files: SafeFixFile[];
  /** Findings whose preferred safe fix is part of the plan. */
  fixes: number;
  /** Safe fixes still overlapping an accepted one after the last pass (a re-run picks them up). */
  deferred: number;
}

export interface PlannedFixes {
  plan: SafeFixPlan;
  /** The findings fixed, over every pass (later passes: re-analysed copies). */
  applied: Finding[];
  /** The whole change, one fix per file on its current text, ready for one WorkspaceEdit. */
  fixes: Fix[];
}

function filesOf(fix: Fix): string[] {
  return [...fix.edits.map((edit) => edit.file), ...fix.creates.map((creation) => creation.file)];
}

/**
 * The safe fixes across the audited workspace, over every pass `--fix` would make. Files are
 * analysed again first: the audit's offsets belong to the text it read, and an open buffer may
 * have moved on since. `fixes` counts the findings fixed, as the confirmation says.
 */
export function planSafeFixes(auditedFiles: readonly string[], registry: ProjectRegistry, target: EditTarget): PlannedFixes {
  const findings: Finding[] = [];
  for (const file of [...auditedFiles].sort()) {
    const project = registry.projectFor(file);
    if (project.isExcluded(file) || target.readText(file) === undefined) continue;
    // What the baseline hides is not shown in the report, so "fix all" leaves it alone too.
    const { fresh } = project.hideBaselined(project.engine.analyzeFile(file).findings);
    findings.push(...fresh.filter((finding) => preferredSafeFix(finding) !== undefined));
  }
  const audited = new Set(auditedFiles);
  const planned = simulateEditorFixes(findings, registry, target, (file) => audited.has(file));
  const perFile = new Map<string, number>();
  for (const fix of planned.applied.map((finding) => preferredSafeFix(finding) as Fix)) {
    for (const file of new Set(filesOf(fix))) perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  const files = [...perFile]
    .map(([file, count]) => ({
      file: path.relative(registry.rootFor(file), file).split(path.sep).join("/"),
      path: file,
      fixes: count,
      created: planned.created.has(file),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { plan: { files, fixes: planned.applied.length, deferred: planned.deferred }, fixes: planned.fixes, applied: planned.applied };
}

/** Whether a plan recomputed at apply time still changes exactly the files the user confirmed. */
export function sameFiles(plan: SafeFixPlan, confirmed: readonly string[]): boolean {
  const now = plan.files.map((entry) => entry.path).sort();
  const before = [...confirmed].sort();
  return now.length === before.length && now.every((file, index) => file === before[index]);
}
