import { applyFixes, type ApplyFixesResult } from "../engine/applyFixes";
import { Engine } from "../engine/analyzer";
import type { ProjectConfig } from "../engine/configTypes";
import { diskHost } from "../engine/host";
import type { RuleDefinition } from "../engine/rule";
import type { Finding } from "../engine/types";

/**
 * `--fix`: applies safe fixes over several passes, re-analysing changed files with one engine
 * whose caches are invalidated for every file a pass wrote (`.env.example` changes project
 * facts). With `--quiet` only errors are fixed, as ESLint does.
 */
export function fixProject(options: { root: string; findings: readonly Finding[]; config: ProjectConfig; rules: readonly RuleDefinition[]; errorsOnly: boolean }): Promise<ApplyFixesResult> {
  const engine = new Engine({ root: options.root, rules: options.rules, config: options.config, host: diskHost });
  const wanted = (finding: Finding) => !options.errorsOnly || finding.severity === "error";
  return applyFixes({
    root: options.root,
    findings: options.findings.filter(wanted),
    reanalyze(files) {
      for (const file of files) engine.invalidate(file);
      return files.flatMap((file) => engine.analyzeFile(file).findings).filter(wanted);
    },
  });
}

export function describeFixes(result: ApplyFixesResult): string {
  if (result.fixesApplied === 0) return "No safe fixes to apply.";
  const fixes = result.fixesApplied === 1 ? "1 fix" : `${result.fixesApplied} fixes`;
  const files = result.changedFiles.length === 1 ? "1 file" : `${result.changedFiles.length} files`;
  return `Applied ${fixes}, changing ${files}.`;
}
