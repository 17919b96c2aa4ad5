import { parseArgs } from "node:util";
import { CACHE_STRATEGIES, type CacheStrategy } from "../engine/cache/fileState";
import { baselineConflict, takeWriteBaseline, type BaselineOptions } from "./baselineArgs";

export const FORMATS = ["text", "json", "sarif", "html", "markdown", "gitlab"] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CliOptions extends BaselineOptions {
  paths: string[];
  format: OutputFormat;
  output?: string;
  fix: boolean;
  /** `--fix-dry-run`: print what `--fix` would change, write nothing. */
  fixDryRun: boolean;
  /** Raw `--rule` values, checked against the registry by the caller. */
  rules: string[];
  maxWarnings?: number;
  quiet: boolean;
  /** `true`/`false` when forced by `--color`/`--no-color`, else decided from the terminal. */
  color?: boolean;
  help: boolean;
  version: boolean;
  /** `--changed-since REF`: report only what the changes since this git ref touch. */
  changedSince?: string;
  /** `--print-config FILE`: print the effective settings for FILE instead of linting. */
  printConfig?: string;
  /** `--list-rules`: print every rule instead of linting. */
  listRules?: boolean;
  /** `--cache`: reuse the results of files unchanged since the last run. */
  cache?: boolean;
  /** `--cache-location PATH`: the cache file, or a folder for it (default `.twelve-factor-cache`). */
  cacheLocation?: string;
  /** `--cache-strategy`: how a changed file is told from an unchanged one. */
  cacheStrategy?: CacheStrategy;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

export const USAGE = `Usage: twelve-factor-lint [paths...] [options]

Lints TypeScript and JavaScript services against the Twelve-Factor App.
Paths default to "."; the project root is the nearest folder at or above the first
path that holds a package.json or .git.

Options:
  -f, --format FORMAT            text, json, sarif, html, markdown or gitlab (default: text)
  -o, --output FILE              Write the report to FILE instead of stdout
      --fix                      Apply safe fixes, list the files changed, then report
                                 what remains
      --fix-dry-run              Print what --fix would change, file by file, without
                                 writing anything
      --rule ID=SEVERITY         Set a rule to off, info, warning or error (repeatable)
      --max-warnings N           Exit with 1 when there are more than N warnings
      --quiet                    Report errors only
      --color, --no-color        Force colors on or off
      --write-baseline [FILE]    Record the current findings as accepted, then exit 0
                                 (default FILE: .twelve-factor-baseline.json at the root)
      --baseline FILE            Hide the findings in this baseline (default: the root's
                                 .twelve-factor-baseline.json, when there is one)
      --no-baseline              Show every finding, baselined or not
      --changed-since REF        Report only the files changed since git REF (and the
                                 project-level findings those changes affect)
      --print-config FILE        Print the effective rules and settings for FILE as JSON
      --list-rules               List every rule: factor, default severity, fixable
      --cache                    Only check files that changed since the last --cache run
                                 (and the files that depend on them)
      --cache-location PATH      The cache file, or a folder to keep it in
                                 (default: .twelve-factor-cache in the current folder)
      --cache-strategy STRATEGY  metadata (size and time, the default) or content
  -h, --help                     Show this help
  -v, --version                  Show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many
warnings, 2 usage error or internal failure.
Docs: https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/cli.md
`;

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const name = /'([^']+)'/.exec(message)?.[1] ?? "";
    return `unknown option ${name}`;
  }
  // Node's own first line ("Option '--fix' does not take an argument"), without its period.
  return message.split("\n")[0].replace(/\.$/, "").replace(/^Option/, "option");
}

/** The CI flags that cannot go together, said in one line. */
function ciConflict(values: { "changed-since"?: string; "print-config"?: string; "list-rules"?: boolean; fix?: boolean }, baseline: BaselineOptions): string | undefined {
  const since = values["changed-since"];
  if (since !== undefined && (since.trim() === "" || since.startsWith("-"))) return `--changed-since needs a git ref such as origin/main (got "${since}")`;
  if (since !== undefined && baseline.writeBaseline) return "--changed-since cannot be used with --write-baseline: a baseline records the whole project";
  if (values["print-config"] !== undefined && values["print-config"].trim() === "") return "--print-config needs a file name";
  if (values["print-config"] !== undefined && values["list-rules"]) return "--print-config and --list-rules cannot be used together";
  return undefined;
}

/** Parses argv (without `node` and the script). Never throws: a usage error comes back as a message. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const taken = takeWriteBaseline(argv);
  if (taken.error) return { ok: false, message: taken.error };
  let parsed;
  try {
    parsed = parseArgs({
      args: taken.rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        output: { type: "string", short: "o" },
        fix: { type: "boolean" },
        "fix-dry-run": { type: "boolean" },
        rule: { type: "string", multiple: true },
        "max-warnings": { type: "string" },
        quiet: { type: "boolean" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        baseline: { type: "string" },
        "no-baseline": { type: "boolean" },
        "changed-since": { type: "string" },
        "print-config": { type: "string" },
        "list-rules": { type: "boolean" },
        cache: { type: "boolean" },
        "cache-location": { type: "string" },
        "cache-strategy": { type: "string" },
      },
    });
  } catch (error) {
    return { ok: false, message: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  const format = values.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { ok: false, message: `--format must be one of ${FORMATS.join(", ")} (got "${format}")` };
  }
  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    const text = values["max-warnings"].trim();
    if (!/^\d+$/.test(text)) return { ok: false, message: `--max-warnings must be a whole number of 0 or more (got "${values["max-warnings"]}")` };
    maxWarnings = Number(text);
  }
  if (values.fix && values["fix-dry-run"]) return { ok: false, message: "--fix and --fix-dry-run cannot be combined" };
  if (values.output !== undefined && values.output.trim() === "") return { ok: false, message: "--output needs a file name" };
  // Each baseline key only when its flag was given, so the options stay comparable as plain data.
  const baseline: BaselineOptions = {
    ...(taken.writeBaseline ? { writeBaseline: taken.writeBaseline } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values["no-baseline"] ? { noBaseline: true } : {}),
  };
  const conflict = baselineConflict(baseline) ?? ciConflict(values, baseline);
  if (conflict) return { ok: false, message: conflict };
  const strategy = values["cache-strategy"];
  if (strategy !== undefined && !(CACHE_STRATEGIES as readonly string[]).includes(strategy)) return { ok: false, message: `--cache-strategy must be one of ${CACHE_STRATEGIES.join(", ")} (got "${strategy}")` };
  if (values["cache-location"] !== undefined && values["cache-location"].trim() === "") return { ok: false, message: "--cache-location needs a file or folder name" };
  return {
    ok: true,
    options: {
      paths: positionals.length > 0 ? positionals : ["."],
      format: format as OutputFormat,
      output: values.output,
      fix: values.fix ?? false,
      fixDryRun: values["fix-dry-run"] ?? false,
      rules: values.rule ?? [],
      maxWarnings,
      quiet: values.quiet ?? false,
      color: values["no-color"] ? false : values.color ? true : undefined,
      help: values.help ?? false,
      version: values.version ?? false,
      ...(values["changed-since"] !== undefined ? { changedSince: values["changed-since"] } : {}),
      ...(values["print-config"] !== undefined ? { printConfig: values["print-config"] } : {}),
      ...(values["list-rules"] ? { listRules: true } : {}),
      ...(values.cache ? { cache: true } : {}),
      ...(values["cache-location"] !== undefined ? { cacheLocation: values["cache-location"] } : {}),
      ...(strategy !== undefined ? { cacheStrategy: strategy as CacheStrategy } : {}),
      ...baseline,
    },
  };
}
