import { findNodeAtLocation, parseTree } from "jsonc-parser";
import { commandOf, parseDockerfile, type DockerfileWord } from "../../engine/formats/dockerfile";
import { serviceCommands } from "../../engine/formats/compose";
import { simpleCommands, type ShellWord } from "../dependencies/shellWords";
import { START_SCRIPTS } from "../port-binding/data/portSinks";

/** A command a project file runs when the app starts, split into simple commands with file offsets. */
export interface StartCommand {
  /** For messages: `The "start" script`, `The Dockerfile CMD`. */
  where: string;
  commands: ShellWord[][];
  /** The compose service, when the command is one. */
  service?: string;
}

/** Offsets in the file of each character of a value, or undefined where they are not known. */
type OffsetAt = (index: number) => number | undefined;

/** Words of a command line, with file offsets; a word whose characters are not where `at` says gets `whole`. */
export function commandsAt(text: string, at: OffsetAt, whole: { start: number; end: number }): ShellWord[][] {
  return simpleCommands(text).map((command) =>
    command.map((word) => {
      const start = at(word.start);
      const last = at(word.end - 1);
      const exact = start !== undefined && last !== undefined && last - start === word.end - 1 - word.start;
      return exact ? { ...word, start, end: last + 1 } : { ...word, ...whole };
    }),
  );
}

/** Offsets for a value written at `start..end` in `fileText`, plainly or between quotes; else none. */
export function verbatimOffsets(fileText: string, start: number, end: number, value: string): OffsetAt {
  if (fileText.slice(start, end) === value) return (i) => start + i;
  if (end - start >= 2 && /^["'`]/.test(fileText[start]) && fileText.slice(start + 1, end - 1) === value) return (i) => start + 1 + i;
  return () => undefined;
}

/** For each character of a JSON string's value, its index in the string as written (escapes decoded). */
function jsonStringOffsets(raw: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    offsets.push(i);
    if (raw[i] === "\\") i += raw[i + 1] === "u" ? 5 : 1;
  }
  return offsets;
}

/** Scripts npm runs when the app starts in production: start scripts and their `pre` hooks. */
export function productionScriptNames(): Set<string> {
  return new Set([...START_SCRIPTS].flatMap((name) => [name, `pre${name}`]));
}

export function packageJsonCommands(text: string): StartCommand[] {
  const tree = parseTree(text);
  const scripts = tree && findNodeAtLocation(tree, ["scripts"]);
  if (!scripts || scripts.type !== "object") return [];
  const names = productionScriptNames();
  const result: StartCommand[] = [];
  for (const property of scripts.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || value?.type !== "string" || !names.has(String(key.value))) continue;
    const map = jsonStringOffsets(text.slice(value.offset + 1, value.offset + value.length - 1));
    const at: OffsetAt = (i) => (map[i] === undefined ? undefined : value.offset + 1 + map[i]);
    result.push({ where: `The "${String(key.value)}" script`, commands: commandsAt(String(value.value), at, { start: value.offset, end: value.offset + value.length }) });
  }
  return result;
}

/** Every process type: a worker run through ts-node compiles at start just like `web`. */
export function procfileCommands(text: string): StartCommand[] {
  const result: StartCommand[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const match = /^([A-Za-z0-9_-]+)[ \t]*:(.*)$/.exec(line.replace(/\r$/, ""));
    if (match) {
      const start = offset + line.indexOf(":") + 1;
      result.push({ where: `The Procfile "${match[1]}" process`, commands: commandsAt(match[2], (i) => start + i, { start, end: start + match[2].length }) });
    }
    offset += line.length + 1;
  }
  return result;
}

/** A string written in an array (exec form, compose list): its range without the quotes when they wrap it verbatim. */
function arrayWord(fileText: string, value: string, start: number, end: number): ShellWord {
  const quoted = end - start >= 2 && /^["']/.test(fileText[start]) && fileText.slice(start + 1, end - 1) === value;
  return { text: value, start: quoted ? start + 1 : start, end: quoted ? end - 1 : end, dynamic: false };
}
const OPERATORS = new Set(["&&", "||", "|", ";", "&"]);

/** Shell-form words split into simple commands at `&&`, `;`, `|` written as words of their own. */
function splitAtOperators(words: ShellWord[]): ShellWord[][] {
  const commands: ShellWord[][] = [[]];
  for (const word of words) {
    if (OPERATORS.has(word.text)) commands.push([]);
    else commands[commands.length - 1].push(word);
  }
  return commands.filter((command) => command.length > 0);
}

export function dockerfileCommands(text: string): StartCommand[] {
  const result: StartCommand[] = [];
  for (const instruction of parseDockerfile(text).instructions) {
    if (instruction.keyword !== "CMD" && instruction.keyword !== "ENTRYPOINT") continue;
    const command = commandOf(instruction);
    if (!command) continue;
    if (command.form === "exec") {
      result.push({ where: `The Dockerfile ${instruction.keyword}`, commands: [command.argv.map((word) => arrayWord(text, word.value, word.start, word.end))] });
    } else {
      const words = command.argv.map((word: DockerfileWord): ShellWord => ({ text: word.value, start: word.start, end: word.end, dynamic: false }));
      result.push({ where: `The Dockerfile ${instruction.keyword}`, commands: splitAtOperators(words) });
    }
  }
  return result;
}

export function composeCommands(text: string): StartCommand[] {
  return serviceCommands(text).map((command) => {
    const where = `The ${command.key} of compose service "${command.service}"`;
    if (command.form === "list") return { where, service: command.service, commands: [command.items.map((item) => arrayWord(text, item.value, item.start, item.end))] };
    const item = command.items[0];
    return { where, service: command.service, commands: commandsAt(item.value, verbatimOffsets(text, item.start, item.end, item.value), item) };
  });
}
