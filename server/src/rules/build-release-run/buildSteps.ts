import path from "node:path";
import { programWords, simpleCommands, type ShellWord } from "../dependencies/shellWords";
import { BUILD_SCRIPT_NAME, BUILD_TOOLS, COMPILE_HOOKS, LAUNCHERS, NODE_PRELOAD_FLAGS, PACKAGE_MANAGERS, TS_RUNNERS } from "./data/buildCommands";

/** A build step found in a start command: the words that name it, with file offsets. */
export interface BuildStep {
  kind: "install" | "build" | "runner";
  first: ShellWord;
  last: ShellWord;
  /** The words as one would type them: `npm install`, `tsc`, `-r ts-node/register`. */
  what: string;
  /** When a script runs it: what that script runs (`tsc` behind `npm run prepare-dist`). */
  via?: string;
}

export interface StepContext {
  /** The package's scripts, to follow `npm run X` into what X does. */
  scripts: Readonly<Record<string, string>>;
  /** Scripts checked on their own (start scripts): never followed, so nothing is reported twice. */
  checkedScripts: ReadonlySet<string>;
  /** Re-reads a word as a command line (`sh -c "<word>"`), with file offsets where it can. */
  reparse(word: ShellWord): ShellWord[][];
}

/** Package-manager options that take a value (`npm --prefix api install`). */
const PM_VALUED = new Set(["--prefix", "-C", "--cwd", "--dir", "--filter", "-F", "--workspace", "-w"]);
const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ash"]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const MAX_SCRIPT_DEPTH = 4;

/** Index of the first word at or after `from` that is not an option (or its value). */
function firstOperand(words: readonly ShellWord[], from: number, valued: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && (words[i].text.startsWith("-") || ASSIGNMENT.test(words[i].text))) i += valued.has(words[i].text) ? 2 : 1;
  return i;
}

function joined(words: readonly ShellWord[], from: number, to: number): string {
  return words.slice(from, to + 1).map((word) => word.text).join(" ");
}

/** Drops launchers (`npx`, `pnpm exec`, `cross-env A=1`, `dotenv --`) in front of the program. */
function stripLaunchers(argv: readonly ShellWord[]): ShellWord[] {
  let words = programWords([...argv]);
  for (let round = 0; round < 4; round++) {
    const launcher = LAUNCHERS.find((row) => row.words.every((word, i) => words[i]?.text === word));
    if (!launcher) break;
    let i = firstOperand(words, launcher.words.length, launcher.valued);
    if (words[i]?.text === "--") i++;
    words = programWords(words.slice(i));
  }
  return words;
}

function programName(word: ShellWord): string {
  return path.posix.basename(word.text.replace(/\\/g, "/")).replace(/\.(cmd|exe)$/i, "");
}

function stepsOfScript(name: string, words: ShellWord[], to: number, context: StepContext, depth: number): BuildStep[] {
  const first = words[0];
  const last = words[to];
  if (BUILD_SCRIPT_NAME.test(name)) return [{ kind: "build", first, last, what: joined(words, 0, to) }];
  const script = context.scripts[name];
  if (script === undefined || context.checkedScripts.has(name) || depth >= MAX_SCRIPT_DEPTH) return [];
  const inner = stepsOfText(script, context, depth + 1)[0];
  return inner ? [{ kind: inner.kind, first, last, what: joined(words, 0, to), via: inner.via ?? inner.what }] : [];
}

function packageManagerSteps(words: ShellWord[], context: StepContext, depth: number): BuildStep[] | undefined {
  const manager = PACKAGE_MANAGERS.get(programName(words[0]));
  if (!manager) return undefined;
  const at = firstOperand(words, 1, PM_VALUED);
  const sub = words[at]?.text ?? "";
  if (manager.install.has(sub)) return [{ kind: "install", first: words[0], last: words[Math.min(at, words.length - 1)], what: joined(words, 0, at) }];
  if (manager.run.has(sub)) {
    const nameAt = firstOperand(words, at + 1, PM_VALUED);
    const name = words[nameAt]?.text;
    return name === undefined ? [] : stepsOfScript(name, words, nameAt, context, depth);
  }
  if (!manager.implicitRun || manager.builtins.has(sub) || at >= words.length) return undefined;
  // `yarn build` runs the script `build`, or else the package bin `build` (`yarn tsc`).
  if (context.scripts[sub] !== undefined || BUILD_SCRIPT_NAME.test(sub)) return stepsOfScript(sub, words, at, context, depth);
  return stepsOfArgv(words.slice(at), context, depth);
}

function nodePreloadSteps(words: ShellWord[]): BuildStep[] {
  for (let i = 1; i < words.length && words[i].text.startsWith("-"); i++) {
    const [flag, inline] = words[i].text.split(/=(.*)/s);
    const value = inline ?? words[i + 1]?.text;
    if (!NODE_PRELOAD_FLAGS.has(flag) || value === undefined) continue;
    const last = inline === undefined ? words[i + 1] : words[i];
    if (COMPILE_HOOKS.test(value)) return [{ kind: "runner", first: words[i], last, what: inline === undefined ? `${flag} ${value}` : words[i].text }];
    if (inline === undefined) i++;
  }
  return [];
}

/** The build steps of one simple command (its words with file offsets). */
export function stepsOfArgv(argv: readonly ShellWord[], context: StepContext, depth = 0): BuildStep[] {
  const words = stripLaunchers(argv);
  if (words.length === 0 || words[0].dynamic) return [];
  const program = programName(words[0]);
  if (SHELLS.has(program) && /^-[a-z]*c$/.test(words[1]?.text ?? "") && words[2]) {
    return context.reparse(words[2]).flatMap((command) => stepsOfArgv(command, context, depth));
  }
  const managed = packageManagerSteps(words, context, depth);
  if (managed && managed.length > 0) return managed;
  const tool = BUILD_TOOLS.get(program);
  if (tool) {
    if (!tool.subcommands) return [{ kind: "build", first: words[0], last: words[0], what: program }];
    const at = firstOperand(words, 1, PM_VALUED);
    const sub = words[at]?.text;
    if (sub !== undefined && tool.subcommands.has(sub)) return [{ kind: "build", first: words[0], last: words[at], what: `${program} ${sub}` }];
  }
  if (TS_RUNNERS.has(program)) return [{ kind: "runner", first: words[0], last: words[0], what: program }];
  if (program === "node") return nodePreloadSteps(words);
  return [];
}

/** The build steps of a command line whose offsets do not matter (a script followed by name). */
function stepsOfText(text: string, context: StepContext, depth: number): BuildStep[] {
  return simpleCommands(text).flatMap((command) => stepsOfArgv(command, context, depth));
}
