import { applyFixes, type ApplyFixesResult } from "../engine/applyFixes";
import { Engine } from "../engine/analyzer";
import type { ProjectConfig } from "../engine/configTypes";
import { discoverFiles } from "../engine/discovery";
import { isProjectFactFile } from "../engine/projectFiles";
import { diskHost } from "../engine/host";
import type { RuleDefinition } from "../engine/rule";
import type { Finding } from "../engine/types";


/**
 * `--fix`: applies safe fixes over several passes, re-analysing changed files with one engine
 * whose caches are invalidated for every file a pass wrote. A pass that wrote a project fact
 * (`.env.example`, `package.json`, ...) re-analyses every file of the run, since any of them may
 * now have new fixable findings: one `--fix` reaches what a second would. With `--quiet` only
 * errors are fixed, as ESLint does.
 */
export function fixProject(options: {
  root: string;
  /** The run's paths (default: the whole root), for the re-analysis after a project fact changed. */
  paths?: string[];
  findings: readonly Finding[];
  config: ProjectConfig;
  rules: readonly RuleDefinition[];
  errorsOnly: boolean;
  /** Drops findings that must stay as they are (baselined ones) from each re-analysis. */
  hide?: (findings: Finding[]) => Finding[];
}): Promise<ApplyFixesResult> {
  const engine = new Engine({ root: options.root, rules: options.rules, config: options.config, host: diskHost });
  const wanted = (finding: Finding) => !options.errorsOnly || finding.severity === "error";
  // The run's files: a fix may write to a file outside them (an ignored `.env`), but findings
  // there are never reported, so they are never analysed or fixed either.
  const discover = () => new Set(discoverFiles(options.root, { paths: options.paths, ignore: options.config.ignore }).files);
  let scope = discover();
  return applyFixes({
    root: options.root,
    findings: options.findings.filter(wanted),
    inScope: (file) => scope.has(file),
    reanalyze(changed) {
      for (const file of changed) engine.invalidate(file);
      const factsChanged = changed.some(isProjectFactFile);
      // A created `.env.example` joins the run; a written, git-ignored one never does.
      if (factsChanged) scope = discover();
      const files = factsChanged ? [...scope] : changed.filter((file) => scope.has(file));
      const found = files.flatMap((file) => engine.analyzeFile(file).findings).filter(wanted);
      return options.hide ? options.hide(found) : found;
    },
  });
}

export function describeFixes(result: ApplyFixesResult): string {
  if (result.fixesApplied === 0) return "No safe fixes to apply.";
  const fixes = result.fixesApplied === 1 ? "1 fix" : `${result.fixesApplied} fixes`;
  const files = result.changedFiles.length === 1 ? "1 file" : `${result.changedFiles.length} files`;
  return `Applied ${fixes}, changing ${files}.`;
}
