/**
 * A small POSIX-shell word scanner for command lines written in code, package.json scripts,
 * Procfiles and Dockerfiles. It knows quotes, backslash escapes, comments and the operators that
 * separate commands (`&&`, `||`, `|`, `;`, `&`, newlines, sub-shell parentheses); it does not
 * expand anything. Text the caller could not know (a `${...}` in a template) is marked with
 * `HOLE`, and a word containing one is `dynamic`.
 */
export const HOLE = "\u0000";

export interface ShellWord {
  /** The word with quotes and escapes removed. */
  text: string;
  /** Offsets in the scanned text: from the word's first character (a quote included) to its end. */
  start: number;
  end: number;
  dynamic: boolean;
}

/** The words of one simple command (`curl -s x` in `cd /tmp && curl -s x`). */
export type SimpleCommand = ShellWord[];

const OPERATOR_CHARS = new Set(["&", "|", ";", "\n", "\r"]);

export function simpleCommands(text: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let command: SimpleCommand = [];
  let word: { text: string; start: number } | undefined;
  let quote: '"' | "'" | undefined;

  const endWord = (end: number): void => {
    if (word) command.push({ text: word.text, start: word.start, end, dynamic: word.text.includes(HOLE) });
    word = undefined;
  };
  const endCommand = (end: number): void => {
    endWord(end);
    if (command.length > 0) commands.push(command);
    command = [];
  };
  const addChar = (char: string, at: number): void => {
    if (!word) word = { text: "", start: at };
    word.text += char;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else addChar(char, i);
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) addChar(text[++i], i - 1);
      else addChar(char, i);
      continue;
    }
    if (char === "'" || char === '"') {
      // An empty quoted word (`""`) is still a word.
      if (!word) word = { text: "", start: i };
      quote = char;
    } else if (char === "\\") {
      // A backslash-newline continues the line; any other escaped character is literal.
      if (text[i + 1] === "\n") i++;
      else if (i + 1 < text.length) addChar(text[++i], i - 1);
    } else if (char === " " || char === "\t") {
      endWord(i);
    } else if (char === "#" && !word) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
    } else if (OPERATOR_CHARS.has(char) || char === ")" || (char === "(" && !word)) {
      // A `(` inside a word (`$(…)`) is kept as text: a command substitution is not the program.
      endCommand(i);
    } else {
      addChar(char, i);
    }
  }
  endCommand(text.length);
  return commands;
}

/** Wrappers that run the command that follows them, with the options each one takes a value for. */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["sudo", new Set(["-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U"])],
  ["doas", new Set(["-u", "-C"])],
  ["env", new Set(["-u", "-C", "-S"])],
  ["nice", new Set(["-n"])],
  ["nohup", new Set<string>()],
  ["time", new Set<string>()],
  ["exec", new Set(["-a"])],
  ["command", new Set<string>()],
]);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The words from the program on: leading `VAR=value` assignments and wrappers such as
 * `sudo -u postgres`, `env X=1`, `nohup`, `nice -n 10` are skipped.
 */
export function programWords(command: SimpleCommand): ShellWord[] {
  let i = 0;
  while (i < command.length) {
    const word = command[i];
    if (ASSIGNMENT.test(word.text)) {
      i++;
      continue;
    }
    const valued = WRAPPERS.get(word.text);
    if (!valued) break;
    i++;
    while (i < command.length && (command[i].text.startsWith("-") || ASSIGNMENT.test(command[i].text))) {
      i += valued.has(command[i].text) ? 2 : 1;
    }
  }
  return command.slice(i);
}
