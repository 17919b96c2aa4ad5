/** What `--write-baseline`, `--baseline` and `--no-baseline` asked for; each key only when given. */
export interface BaselineOptions {
  /** `--write-baseline [FILE]`: `file` absent means the default file at the project root. */
  writeBaseline?: { file?: string };
  /** `--baseline FILE`: read this baseline instead of the default one. */
  baseline?: string;
  /** `--no-baseline`: show every finding. */
  noBaseline?: boolean;
}

const FLAG = "--write-baseline";

/**
 * Takes `--write-baseline` out of argv before `parseArgs` sees it: its file is optional, which
 * `parseArgs` cannot express. `--write-baseline=FILE` names a file; so does a following word
 * ending in `.json` (a path to lint never does in practice); anything else means the default file.
 */
export function takeWriteBaseline(argv: readonly string[]): { rest: string[]; writeBaseline?: { file?: string }; error?: string } {
  const rest: string[] = [];
  let writeBaseline: { file?: string } | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--") {
      rest.push(...argv.slice(index));
      break;
    }
    if (arg.startsWith(`${FLAG}=`)) {
      const file = arg.slice(FLAG.length + 1);
      if (file.trim() === "") return { rest, error: `${FLAG}= needs a file name` };
      writeBaseline = { file };
    } else if (arg === FLAG) {
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith("-") && next.toLowerCase().endsWith(".json")) {
        writeBaseline = { file: next };
        index++;
      } else {
        writeBaseline = {};
      }
    } else {
      rest.push(arg);
    }
  }
  return { rest, writeBaseline };
}

/** One line for a contradictory combination, else `undefined`. */
export function baselineConflict(options: BaselineOptions): string | undefined {
  if (options.baseline !== undefined && options.baseline.trim() === "") return "--baseline needs a file name";
  if (options.baseline !== undefined && options.noBaseline) return "--baseline and --no-baseline cannot be used together";
  if (options.writeBaseline && (options.baseline !== undefined || options.noBaseline)) {
    return `${FLAG} cannot be combined with --baseline or --no-baseline (write to another file with ${FLAG}=FILE)`;
  }
  return undefined;
}
