import path from "node:path";
import { applyFixes, writableTarget, type ApplyFixesResult } from "../engine/applyFixes";
import { Engine } from "../engine/analyzer";
import type { ProjectConfig } from "../engine/configTypes";
import { discoverFiles } from "../engine/discovery";
import { fixedOriginals, simulateFixes, type SimulatedFixes } from "../engine/fixPasses";
import { isProjectFactFile } from "../engine/projectFiles";
import { diskHost, type DocumentHost } from "../engine/host";
import type { RuleDefinition } from "../engine/rule";
import type { Finding } from "../engine/types";

export interface FixStepOptions {
  root: string;
  /** The run's paths (default: the whole root), for the re-analysis after a project fact changed. */
  paths?: string[];
  findings: readonly Finding[];
  config: ProjectConfig;
  rules: readonly RuleDefinition[];
  errorsOnly: boolean;
  /** Drops findings that must stay as they are (baselined ones) from each re-analysis. */
  hide?: (findings: Finding[]) => Finding[];
}

const wantedBy = (options: FixStepOptions) => (finding: Finding) => !options.errorsOnly || finding.severity === "error";

/**
 * What a pass re-analyses: the files it changed (or whose fixes waited), and after a pass that
 * wrote a project fact (`.env.example`, `package.json`, ...) every file of the run, since any of
 * them may now have new fixable findings: one `--fix` reaches what a second would. With `--quiet`
 * only errors are fixed, as ESLint does. `--fix` and `--fix-dry-run` re-analyse this way, so they
 * agree; the "fixable" count (`reportedOnly`) follows only the reported findings' files.
 */
function reanalysis(options: FixStepOptions, host: DocumentHost, reportedOnly = false): { reanalyze: (changed: readonly string[]) => Finding[]; inScope: (file: string) => boolean } {
  const engine = new Engine({ root: options.root, rules: options.rules, config: options.config, host });
  const wanted = wantedBy(options);
  const found = (files: readonly string[]): Finding[] => {
    const all = files.flatMap((file) => engine.analyzeFile(file).findings).filter(wanted);
    return options.hide ? options.hide(all) : all;
  };
  if (reportedOnly) {
    // Counting what gets fixed among the reported findings needs only their files: a new finding
    // elsewhere is fixed too, but it was never reported, so it never counts. No walk of the tree,
    // no re-analysis of a whole monorepo after each `.env.example` append.
    const reportedFiles = new Set(options.findings.map((finding) => finding.file));
    return {
      inScope: (file) => reportedFiles.has(file),
      reanalyze: (changed) => {
        for (const file of changed) engine.invalidate(file);
        // `changed` holds the files of the fixes a pass deferred: the only reported findings a
        // later pass can still fix. Whatever else a project fact change alters is not counted.
        return found(changed.filter((file) => reportedFiles.has(file)));
      },
    };
  }
  // The run's files: a fix may write to a file outside them (an ignored `.env`), but findings
  // there are never reported, so they are never analysed or fixed either.
  const discover = () => new Set(discoverFiles(options.root, { paths: options.paths, ignore: options.config.ignore }).files);
  let scope = discover();
  return {
    inScope: (file) => scope.has(file),
    reanalyze(changed) {
      for (const file of changed) engine.invalidate(file);
      const factsChanged = changed.some(isProjectFactFile);
      // A created `.env.example` joins the run; a written, git-ignored one never does.
      if (factsChanged) scope = discover();
      return found(factsChanged ? [...scope] : changed.filter((file) => scope.has(file)));
    },
  };
}

/** `--fix`: applies the safe fixes over several passes, writing each pass. */
export function fixProject(options: FixStepOptions): Promise<ApplyFixesResult> {
  const { reanalyze, inScope } = reanalysis(options, diskHost);
  return applyFixes({ root: options.root, findings: options.findings.filter(wantedBy(options)), inScope, reanalyze });
}

/**
 * Every pass of `--fix`, in memory: what `--fix-dry-run` prints and what "fixable" counts. Fixes
 * that would write outside the project are left out, as `--fix` leaves them.
 */
export function simulateProjectFixes(options: FixStepOptions, reportedOnly = false): SimulatedFixes {
  let current: (file: string) => string | undefined = diskHost.readFile;
  const host: DocumentHost = { readFile: (file) => current(file), fileExists: (file) => current(file) !== undefined };
  const { reanalyze, inScope } = reanalysis(options, host, reportedOnly);
  const writable = new Map<string, boolean>();
  const inside = (file: string): boolean => {
    if (!writable.has(file)) writable.set(file, writableTarget(options.root, file) !== undefined);
    return writable.get(file) as boolean;
  };
  return simulateFixes({
    untilNothingDeferred: reportedOnly,
    findings: options.findings.filter(wantedBy(options)),
    readFile: diskHost.readFile,
    eligible: (finding) => inScope(finding.file) && [...finding.fixes[0].edits.map((edit) => edit.file), ...finding.fixes[0].creates.map((creation) => creation.file)].every(inside),
    reanalyze(files, read) {
      current = read;
      return reanalyze(files);
    },
  });
}

/** The findings of the report that one `--fix` will fix. */
export function fixableFindings(options: FixStepOptions): Set<Finding> {
  if (!options.findings.some((finding) => finding.fixes[0]?.safe)) return new Set();
  return fixedOriginals(options.findings, simulateProjectFixes(options, true).applied);
}

const shown = (root: string, file: string): string => path.relative(root, file).split(path.sep).join("/");

/** What `--fix` did: how many of the reported problems it fixed, and every file it changed. */
export function describeFixes(result: ApplyFixesResult, reported: readonly Finding[], root: string): string {
  if (result.fixesApplied === 0) return "No safe fixes to apply.";
  const fixed = fixedOriginals(reported, result.applied).size;
  const more = result.fixesApplied - fixed;
  const problems = fixed === 1 ? "1 problem" : `${fixed} problems`;
  const uncovered = more > 0 ? ` (and ${more} found while fixing)` : "";
  const files = result.changedFiles.length === 1 ? "1 file" : `${result.changedFiles.length} files`;
  return [`Fixed ${problems}${uncovered}, changing ${files}:`, ...result.changedFiles.map((file) => `  ${shown(root, file)}`)].join("\n");
}
