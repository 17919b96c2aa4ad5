import fs from "node:fs";
import path from "node:path";
import { version } from "../../../package.json";
import { auditProject } from "../engine/audit";
import type { CacheOptions } from "../engine/cache/auditCache";
import { DEFAULT_CACHE_NAME } from "../engine/cache/cacheFile";
import { loadProjectConfig, parseRuleOverride } from "../engine/config";
import { mergeConfig, type ProjectConfig } from "../engine/configTypes";
import { discoverFiles } from "../engine/discovery";
import { diskHost } from "../engine/host";
import type { RuleDefinition } from "../engine/rule";
import type { Finding, Note, SeveritySetting } from "../engine/types";
import { RULES } from "../rules/registry";
import { parseCliArgs, USAGE, type CliOptions } from "./args";
import { applyBaseline, writeBaselineFile, type BaselineApplied } from "./baselineStep";
import { changedSince, changedToAudit, keepChanged, type ChangedFiles } from "./changedSince";
import { fingerprintSalt, reportFingerprints } from "./fingerprints";
import { describeDryRun } from "./dryRun";
import { describeFixes, fixableFindings, fixProject, simulateProjectFixes, type FixStepOptions } from "./fixStep";
import { wantsColor } from "./formatters/colors";
import { formatGitlab } from "./formatters/gitlab";
import { formatHtml } from "./formatters/html";
import { formatJson } from "./formatters/json";
import { formatMarkdown } from "./formatters/markdown";
import { formatSarif } from "./formatters/sarif";
import { formatText } from "./formatters/text";
import { formatRuleList, formatRuleListJson } from "./listRules";
import { formatPrintedConfig, printConfig } from "./printConfig";
import { createProgress } from "./progress";
import { findProjectRoot, isInsideOrSame } from "./projectRoot";
import { buildReport, countFindings, type Report, type ReportFinding } from "./reportModel";

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
  /** `--changed-since`: only what these changes touch is reported. */
  changed?: ChangedFiles;
}

function resolveTarget(cwd: string, paths: readonly string[]): Target {
  const absolute = paths.map((item) => path.resolve(cwd, item));
  for (const [index, file] of absolute.entries()) {
    if (!fs.existsSync(file)) throw new UsageError(`no such file or directory: ${paths[index]}`);
  }
  const root = findProjectRoot(absolute[0], cwd);
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

/**
 * `baselined`: findings a baseline hid, which every format but SARIF mentions. `hidden`: what
 * `--quiet` left out, which the text, HTML and Markdown reports say, so no status or count
 * claims more than the findings allow.
 */
function render(report: Report, options: CliOptions, color: boolean, rules: readonly RuleDefinition[], cwd: string, baselined: number, hiddenFindings: readonly ReportFinding[], fingerprints: () => Map<ReportFinding, string>): string {
  const hidden = hiddenFindings.length > 0 ? { findings: hiddenFindings, by: "--quiet" } : undefined;
  if (options.format === "gitlab") return formatGitlab(report, fingerprints());
  if (options.format === "json") return formatJson(report, { baselined });
  if (options.format === "sarif") return formatSarif(report, { rules, version });
  if (options.format === "html") return formatHtml(report, { rules, baselined, hidden, outputFile: options.output === undefined ? undefined : path.resolve(cwd, options.output) });
  if (options.format === "markdown") return formatMarkdown(report, { rules, baselined, hidden });
  return formatText(report, { color, quiet: options.quiet, baselined, hidden: hidden && countFindings(hidden.findings) });
}

function hideBaselined(target: Target, io: CliIO, options: CliOptions, findings: Finding[]): BaselineApplied {
  const scoped = target.changed ? keepChanged(findings, target.changed) : findings;
  const applied = applyBaseline({ root: target.root, cwd: io.cwd, findings: scoped, options });
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

/** `--cache`: where and how; `--cache-location`/`--cache-strategy` alone do not turn it on (as in ESLint). */
function cacheOptions(options: CliOptions, cwd: string): CacheOptions | undefined {
  if (!options.cache) return undefined;
  const location = path.resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_NAME);
  // A trailing slash says "a folder", even before it exists.
  return { location: options.cacheLocation !== undefined && /[\\/]$/.test(options.cacheLocation) ? location + path.sep : location, strategy: options.cacheStrategy };
}

async function audit(target: Target, config: ProjectConfig, io: CliIO, cache?: CacheOptions) {
  if (target.paths?.length === 0) return nothingChanged(target.root);
  const progress = createProgress(io.stderr);
  try {
    return await auditProject({ root: target.root, paths: target.paths, config, rules: RULES, onProgress: progress.onProgress, cache });
  } finally {
    progress.finish();
  }
}

/** `--changed-since` with no changed file to analyse: an empty audit, not the whole root. */
function nothingChanged(root: string): Awaited<ReturnType<typeof auditProject>> {
  return { root, findings: [], notes: [], stats: { files: 0, parsed: 0, skipped: 0, bytes: 0, durationMs: 0, threads: 1 } };
}

/** Narrows the target to what changed since `--changed-since REF`, with a note saying what that was. */
function narrowToChanges(target: Target, config: ProjectConfig, ref: string): { target: Target; note: Note } {
  const changed = changedSince(target.root, ref);
  if (!changed.ok) throw new UsageError(changed.message);
  const discovered = discoverFiles(target.root, { paths: target.paths, ignore: config.ignore }).files;
  const paths = changedToAudit(changed.value, discovered);
  const count = discovered.filter((file) => changed.value.files.has(file)).length;
  const scope = paths === undefined ? "; a project file changed, so its project-level findings are re-checked" : "";
  const message = `--changed-since ${ref}: ${count} changed file${count === 1 ? "" : "s"} to check since ${changed.value.base.slice(0, 12)}${scope}.`;
  return { target: { ...target, paths: paths ?? target.paths, changed: changed.value }, note: { level: "info", message } };
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

  if (options.listRules) {
    if (options.format !== "text" && options.format !== "json") throw new UsageError("--list-rules prints text or json");
    io.stdout.write(options.format === "json" ? formatRuleListJson(RULES) : formatRuleList(RULES));
    return EXIT_OK;
  }

  const knownIds = new Set(RULES.map((rule) => rule.id));
  const overrides = ruleOverrides(options.rules, knownIds);
  if (options.printConfig !== undefined) {
    const file = path.resolve(io.cwd, options.printConfig);
    const root = findProjectRoot(file);
    const loaded = loadProjectConfig(root, diskHost, knownIds);
    for (const note of loaded.notes) io.stderr.write(`${note.level}: ${note.message}\n`);
    io.stdout.write(formatPrintedConfig(printConfig({ root, file, config: mergeConfig(loaded.config, { rules: overrides }), rules: RULES })));
    return EXIT_OK;
  }
  let target = resolveTarget(io.cwd, options.paths);
  const loaded = loadProjectConfig(target.root, diskHost, knownIds);
  // Lowest first: rule defaults (in each rule), .twelve-factor.json, then --rule flags.
  const config = mergeConfig(loaded.config, { rules: overrides });
  if (options.changedSince !== undefined) {
    const narrowed = narrowToChanges(target, config, options.changedSince);
    target = narrowed.target;
    loaded.notes.push(narrowed.note);
  }

  const cache = cacheOptions(options, io.cwd);
  let result = await audit(target, config, io, cache);
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
      result = await audit(target, config, io, cache);
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
  // Report findings are built one for one from `shown.fresh`, which the fingerprints need.
  const fingerprints = () => reportFingerprints(shown.fresh, all.findings, fingerprintSalt(target.root, io.cwd, options), target.root);
  const hidden = options.quiet ? all.findings.filter((finding) => finding.severity !== "error") : [];
  const text = render(report, options, color, RULES, io.cwd, shown.baselined, hidden, fingerprints);
  if (options.output !== undefined) writeReport(io, options.output, text);
  else io.stdout.write(text);

  const tooManyWarnings = options.maxWarnings !== undefined && totals.warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`✖ Too many warnings: ${totals.warnings} (maximum: ${options.maxWarnings}).\n`);
  return totals.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}
