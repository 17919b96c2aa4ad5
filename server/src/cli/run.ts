import fs from "node:fs";
import path from "node:path";
import { version } from "../../../package.json";
import { auditProject } from "../engine/audit";
import { loadProjectConfig, parseRuleOverride } from "../engine/config";
import { mergeConfig, type ProjectConfig } from "../engine/configTypes";
import { diskHost } from "../engine/host";
import type { RuleDefinition } from "../engine/rule";
import type { Finding, Note, SeveritySetting } from "../engine/types";
import { RULES } from "../rules/registry";
import { parseCliArgs, USAGE, type CliOptions } from "./args";
import { applyBaseline, writeBaselineFile, type BaselineApplied } from "./baselineStep";
import { describeDryRun } from "./dryRun";
import { describeFixes, fixableFindings, fixProject, simulateProjectFixes, type FixStepOptions } from "./fixStep";
import { wantsColor } from "./formatters/colors";
import { formatHtml } from "./formatters/html";
import { formatJson } from "./formatters/json";
import { formatMarkdown } from "./formatters/markdown";
import { formatSarif } from "./formatters/sarif";
import { formatText } from "./formatters/text";
import { createProgress } from "./progress";
import { findProjectRoot, isInsideOrSame } from "./projectRoot";
import { buildReport, countFindings, type Report } from "./reportModel";

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface CliStream {
  isTTY: boolean;
  write(text: string): void;
}

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: CliStream;
  stderr: CliStream;
}

/** A problem with how the tool was called: said in one line, exit code 2. */
export class UsageError extends Error {}

interface Target {
  root: string;
  /** `undefined` when the whole root is analysed. */
  paths?: string[];
}

function resolveTarget(cwd: string, paths: readonly string[]): Target {
  const absolute = paths.map((item) => path.resolve(cwd, item));
  for (const [index, file] of absolute.entries()) {
    if (!fs.existsSync(file)) throw new UsageError(`no such file or directory: ${paths[index]}`);
  }
  const root = findProjectRoot(absolute[0]);
  const outside = absolute.findIndex((file) => !isInsideOrSame(root, file));
  if (outside >= 0) throw new UsageError(`${paths[outside]} is outside the project root ${root}; run once per project`);
  return { root, paths: absolute.length === 1 && absolute[0] === root ? undefined : absolute };
}

function ruleOverrides(values: readonly string[], knownIds: ReadonlySet<string>): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const parsed = parseRuleOverride(value, knownIds);
    if (!parsed.ok) throw new UsageError(parsed.message);
    rules[parsed.id] = parsed.severity;
  }
  return rules;
}

/** `baselined`: findings a baseline hid, which every format but SARIF mentions. */
function render(report: Report, options: CliOptions, color: boolean, rules: readonly RuleDefinition[], cwd: string, baselined: number): string {
  if (options.format === "json") return formatJson(report, { baselined });
  if (options.format === "sarif") return formatSarif(report, { rules, version });
  if (options.format === "html") return formatHtml(report, { rules, baselined, outputFile: options.output === undefined ? undefined : path.resolve(cwd, options.output) });
  if (options.format === "markdown") return formatMarkdown(report, { rules, baselined });
  return formatText(report, { color, quiet: options.quiet, baselined });
}

function hideBaselined(target: Target, io: CliIO, options: CliOptions, findings: Finding[]): BaselineApplied {
  const applied = applyBaseline({ root: target.root, cwd: io.cwd, findings, options });
  if (!applied.ok) throw new UsageError(applied.message);
  return applied.value;
}

function writeReport(io: CliIO, file: string, text: string): void {
  const target = path.resolve(io.cwd, file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  } catch (error) {
    throw new UsageError(`could not write the report to ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function audit(target: Target, config: ProjectConfig, io: CliIO) {
  const progress = createProgress(io.stderr);
  try {
    return await auditProject({ root: target.root, paths: target.paths, config, rules: RULES, onProgress: progress.onProgress });
  } finally {
    progress.finish();
  }
}

/** The whole CLI run; returns the exit code. Usage errors throw `UsageError`, anything else is internal. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) throw new UsageError(parsed.message);
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }

  const knownIds = new Set(RULES.map((rule) => rule.id));
  const overrides = ruleOverrides(options.rules, knownIds);
  const target = resolveTarget(io.cwd, options.paths);
  const loaded = loadProjectConfig(target.root, diskHost, knownIds);
  // Lowest first: rule defaults (in each rule), .twelve-factor.json, then --rule flags.
  const config = mergeConfig(loaded.config, { rules: overrides });

  let result = await audit(target, config, io);
  // Baselined findings are accepted as they are: `--fix` leaves them alone too.
  let shown = hideBaselined(target, io, options, result.findings);
  const fixNotes: Note[] = [];
  let fixSummary: string | undefined;
  const fixStep = (findings: Finding[]): FixStepOptions => ({
    root: target.root,
    paths: target.paths,
    findings,
    config,
    rules: RULES,
    errorsOnly: options.quiet,
    hide: (found) => hideBaselined(target, io, options, found).fresh,
  });
  if (options.fix) {
    const outcome = await fixProject(fixStep(shown.fresh));
    fixNotes.push(...outcome.notes);
    fixSummary = describeFixes(outcome, shown.fresh, target.root);
    if (outcome.fixesApplied > 0) {
      result = await audit(target, config, io);
      shown = hideBaselined(target, io, options, result.findings);
    }
  } else if (options.fixDryRun) {
    fixSummary = describeDryRun(simulateProjectFixes(fixStep(shown.fresh)), shown.fresh, target.root, diskHost.readFile).replace(/\n$/, "");
  }

  if (options.writeBaseline) {
    for (const note of [...loaded.notes, ...result.notes, ...fixNotes]) io.stderr.write(`${note.level}: ${note.message}\n`);
    if (fixSummary) io.stderr.write(`${fixSummary}\n`);
    const written = writeBaselineFile({ root: target.root, cwd: io.cwd, findings: result.findings, file: options.writeBaseline.file, paths: target.paths });
    if (!written.ok) throw new UsageError(written.message);
    io.stdout.write(`${written.value}\n`);
    return EXIT_OK;
  }

  // "Fixable" is what one `--fix` would apply now, worked out the way `--fix` works.
  const fixable = fixableFindings(fixStep(shown.fresh));
  const all = buildReport({ root: target.root, stats: result.stats, findings: shown.fresh, notes: [...loaded.notes, ...shown.notes, ...result.notes, ...fixNotes], rules: RULES, fixable });
  const totals = countFindings(all.findings);
  const report: Report = options.quiet
    ? { ...all, findings: all.findings.filter((finding) => finding.severity === "error"), notes: all.notes.filter((note) => note.level !== "info") }
    : all;

  for (const note of report.notes) io.stderr.write(`${note.level}: ${note.message}\n`);
  if (fixSummary) io.stderr.write(`${fixSummary}\n`);

  const color = options.output === undefined && (options.color ?? wantsColor({ noColor: false, isTTY: io.stdout.isTTY, env: io.env }));
  const text = render(report, options, color, RULES, io.cwd, shown.baselined);
  if (options.output !== undefined) writeReport(io, options.output, text);
  else io.stdout.write(text);

  const tooManyWarnings = options.maxWarnings !== undefined && totals.warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`✖ Too many warnings: ${totals.warnings} (maximum: ${options.maxWarnings}).\n`);
  return totals.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}
