/**
 * A small, position-exact Dockerfile reader: instructions with their words and offsets in the
 * original text (UTF-16, like every engine offset), so rules can point at exactly one value.
 *
 * Hand-written rather than `dockerfile-ast`: that library reports line/character ranges (an
 * extra document layer) and, in 0.7.1, drops the space inside exec-form strings
 * (`["a b.js"]` → `ab.js`) and mis-splits escaped spaces (`ENV E=a\ b`), both of which would
 * put our ranges and fixes in the wrong place. The grammar we need is small: the instruction
 * line with `\` continuations (comment and blank lines inside them skipped), the `# escape=`
 * directive, shell words with quotes and escapes, JSON exec form, and heredoc bodies skipped.
 */

/** A shell word of an instruction's arguments, or one string of an exec-form array. */
export interface DockerfileWord {
  /** Quotes removed and escapes resolved; `$VAR` / `${VAR}` are kept as written. */
  value: string;
  /** The word as written, continuations removed. */
  raw: string;
  /** Offsets of the word as written (quotes included) in the original text. */
  start: number;
  end: number;
}

export interface DockerfileInstruction {
  /** Upper-cased: `env` and `ENV` are the same instruction. */
  keyword: string;
  keywordStart: number;
  /** The whole instruction: keyword, continuation lines and heredoc bodies (no final line break). */
  start: number;
  end: number;
  /** Arguments as Docker sees them: continuations, inner comment lines and outer blanks removed. */
  args: string;
  /** Offsets of the arguments in the original text (`argsStart === argsEnd` when there are none). */
  argsStart: number;
  argsEnd: number;
  /** `RUN`/`CMD`/`ENTRYPOINT`/`SHELL`: exec form (a JSON string array) or shell form; else null. */
  form: "exec" | "shell" | null;
  /** Shell words of the arguments, or the array's strings in exec form. */
  words: DockerfileWord[];
  /** Heredoc bodies (`RUN <<EOF … EOF`), left unparsed; offsets of each body with its delimiter line. */
  heredocs: Array<{ start: number; end: number }>;
}

export interface ParsedDockerfile {
  /** `\` unless a `# escape=` directive says `` ` ``. */
  escapeChar: string;
  instructions: DockerfileInstruction[];
}

/**
 * The arguments with continuations removed. Each piece taken from one physical line is a
 * segment `[logical start, original start]`, so positions map back without a table per character.
 */
interface LogicalLine {
  text: string;
  segments: Array<[number, number]>;
  escapeChar: string;
}

/** The segment holding a position: the last one starting at or before it (`column` 0 for logical, 1 for original). */
function segmentAt(logical: LogicalLine, position: number, column: 0 | 1): [number, number] {
  let low = 0;
  let high = logical.segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (logical.segments[mid][column] <= position) low = mid;
    else high = mid - 1;
  }
  return logical.segments[low];
}

/** Original offset of the logical character at `index`. */
function toOriginal(logical: LogicalLine, index: number): number {
  const [logicalStart, originalStart] = segmentAt(logical, index, 0);
  return originalStart + (index - logicalStart);
}

/** Logical index of the character at original `offset` (which must be part of the arguments). */
function toLogical(logical: LogicalLine, offset: number): number {
  const [logicalStart, originalStart] = segmentAt(logical, offset, 1);
  return logicalStart + (offset - originalStart);
}

const logicalLines = new WeakMap<DockerfileInstruction, LogicalLine>();
const EXEC_CAPABLE = new Set(["RUN", "CMD", "ENTRYPOINT", "SHELL"]);
const HEREDOC_CAPABLE = new Set(["RUN", "COPY", "ADD"]);

interface PhysicalLine {
  start: number;
  /** End of the content, line break (`\n` or `\r\n`) excluded. */
  end: number;
}

function physicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const next = newline === -1 ? text.length : newline;
    const end = next > start && text[next - 1] === "\r" ? next - 1 : next;
    lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\r" || c === "\n";

/** Parser directives are only honoured in the leading `# name=value` lines of the file. */
function escapeDirective(text: string, lines: PhysicalLine[]): string {
  for (const line of lines) {
    const match = /^#\s*([A-Za-z][\w-]*)\s*=\s*(\S+)\s*$/.exec(text.slice(line.start, line.end));
    if (!match) break;
    if (match[1].toLowerCase() === "escape" && (match[2] === "`" || match[2] === "\\")) return match[2];
  }
  return "\\";
}

/** Parses a whole Dockerfile; never throws, unknown lines are skipped. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = physicalLines(text);
  const escapeChar = escapeDirective(text, lines);
  const instructions: DockerfileInstruction[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    const content = text.slice(line.start, line.end);
    const head = /^([ \t]*)([A-Za-z]+)(?=[ \t]|$)/.exec(content);
    if (!head || /^\s*#/.test(content)) {
      index += 1;
      continue;
    }
    const keywordStart = line.start + head[1].length;
    const keywordEnd = keywordStart + head[2].length;
    const logical: LogicalLine = { text: "", segments: [], escapeChar };
    const append = (from: number, to: number): void => {
      if (to <= from) return;
      logical.segments.push([logical.text.length, from]);
      logical.text += text.slice(from, to);
    };
    let from = keywordEnd;
    let current = line;
    let end: number;
    index += 1;
    for (;;) {
      let trimmed = current.end;
      while (trimmed > from && (text[trimmed - 1] === " " || text[trimmed - 1] === "\t")) trimmed -= 1;
      const continued = trimmed > from && text[trimmed - 1] === escapeChar;
      append(from, continued ? trimmed - 1 : current.end);
      end = trimmed;
      if (!continued) break;
      // Docker drops comment and blank lines inside a continued instruction.
      while (index < lines.length && /^\s*(#.*)?$/.test(text.slice(lines[index].start, lines[index].end))) index += 1;
      if (index >= lines.length) break;
      current = lines[index];
      from = current.start;
      index += 1;
    }
    const keyword = head[2].toUpperCase();
    const instruction = buildInstruction(keyword, keywordStart, end, logical, escapeChar);
    if (HEREDOC_CAPABLE.has(keyword)) index = skipHeredocs(instruction, text, lines, index);
    logicalLines.set(instruction, logical);
    instructions.push(instruction);
  }
  return { escapeChar, instructions };
}

function buildInstruction(keyword: string, keywordStart: number, end: number, logical: LogicalLine, escapeChar: string): DockerfileInstruction {
  let first = 0;
  while (first < logical.text.length && isBlank(logical.text[first])) first += 1;
  let last = logical.text.length;
  while (last > first && isBlank(logical.text[last - 1])) last -= 1;
  const keywordEnd = keywordStart + keyword.length;
  const argsStart = first < last ? toOriginal(logical, first) : keywordEnd;
  const argsEnd = first < last ? toOriginal(logical, last - 1) + 1 : keywordEnd;
  const exec = EXEC_CAPABLE.has(keyword) ? execWords(logical, first, last) : null;
  return {
    keyword,
    keywordStart,
    start: keywordStart,
    end,
    args: logical.text.slice(first, last),
    argsStart,
    argsEnd,
    form: EXEC_CAPABLE.has(keyword) ? (exec ? "exec" : "shell") : null,
    words: exec ?? shellWords(logical, first, last, escapeChar),
    heredocs: [],
  };
}

/** Consumes the bodies of `<<EOF` / `<<-"EOF"` heredocs that follow the instruction line. */
function skipHeredocs(instruction: DockerfileInstruction, text: string, lines: PhysicalLine[], index: number): number {
  for (const marker of instruction.args.matchAll(/(?<!<)<<(-?)(["']?)([A-Za-z_][\w.-]*)\2/g)) {
    if (index >= lines.length) break;
    const bodyStart = lines[index].start;
    let bodyEnd = text.length;
    while (index < lines.length) {
      const content = text.slice(lines[index].start, lines[index].end);
      const candidate = marker[1] ? content.replace(/^\t+/, "") : content;
      bodyEnd = lines[index].end;
      index += 1;
      if (candidate === marker[3]) break;
    }
    instruction.heredocs.push({ start: bodyStart, end: bodyEnd });
    instruction.end = bodyEnd;
  }
  return index;
}

/** Resolves quotes and escapes of one word (or a legacy `ENV` value) the way Docker's lexer does. */
export function unquoteDockerWord(raw: string, escapeChar = "\\"): string {
  if (!raw.includes(escapeChar) && !raw.includes('"') && !raw.includes("'")) return raw;
  let value = "";
  let k = 0;
  while (k < raw.length) {
    const c = raw[k];
    if (c === escapeChar && k + 1 < raw.length) {
      value += raw[k + 1];
      k += 2;
    } else if (c === "'") {
      const close = raw.indexOf("'", k + 1);
      value += raw.slice(k + 1, close === -1 ? raw.length : close);
      k = close === -1 ? raw.length : close + 1;
    } else if (c === '"') {
      k += 1;
      while (k < raw.length && raw[k] !== '"') {
        if (raw[k] === escapeChar && k + 1 < raw.length && (raw[k + 1] === '"' || raw[k + 1] === escapeChar || raw[k + 1] === "$")) k += 1;
        value += raw[k];
        k += 1;
      }
      k += 1;
    } else {
      value += c;
      k += 1;
    }
  }
  return value;
}

/** Splits at unquoted, unescaped blanks; a quote left open runs to the end of the arguments. */
function shellWords(logical: LogicalLine, from: number, to: number, escapeChar: string): DockerfileWord[] {
  const words: DockerfileWord[] = [];
  const s = logical.text;
  let k = from;
  while (k < to) {
    while (k < to && isBlank(s[k])) k += 1;
    if (k >= to) break;
    const start = k;
    while (k < to && !isBlank(s[k])) {
      if (s[k] === escapeChar) k += 2;
      else if (s[k] === "'" || s[k] === '"') {
        const quote = s[k];
        k += 1;
        while (k < to && s[k] !== quote) k += quote === '"' && s[k] === escapeChar ? 2 : 1;
        k += 1;
      } else k += 1;
    }
    k = Math.min(k, to);
    const raw = s.slice(start, k);
    words.push({ value: unquoteDockerWord(raw, escapeChar), raw, start: toOriginal(logical, start), end: toOriginal(logical, k - 1) + 1 });
  }
  return words;
}

/** The strings of a JSON array of strings, or null when the arguments are not one (shell form). */
function execWords(logical: LogicalLine, from: number, to: number): DockerfileWord[] | null {
  const s = logical.text;
  const skip = (k: number): number => {
    while (k < to && isBlank(s[k])) k += 1;
    return k;
  };
  if (s[from] !== "[") return null;
  const words: DockerfileWord[] = [];
  let k = skip(from + 1);
  if (s[k] === "]") return skip(k + 1) === to ? words : null;
  for (;;) {
    if (s[k] !== '"') return null;
    const start = k;
    k += 1;
    while (k < to && s[k] !== '"') k += s[k] === "\\" ? 2 : 1;
    if (k >= to) return null;
    k += 1;
    const raw = s.slice(start, k);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
    if (typeof value !== "string") return null;
    words.push({ value, raw, start: toOriginal(logical, start), end: toOriginal(logical, k - 1) + 1 });
    k = skip(k);
    if (s[k] === "]") return skip(k + 1) === to ? words : null;
    if (s[k] !== ",") return null;
    k = skip(k + 1);
  }
}

/** One `name=value` of `ENV`/`ARG` (or the legacy `ENV name value`). */
export interface DockerfileAssignment {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Quotes removed; null for an `ARG name` without default. */
  value: string | null;
  /** The value as written (quotes included, continuations removed). */
  raw: string;
  /** Offsets of the value as written, quotes included; empty range right after `=` (or the name) when there is none. */
  valueStart: number;
  valueEnd: number;
  quoted: boolean;
  form: "key=value" | "legacy" | "name-only";
}

function offsetAfter(logical: LogicalLine, word: DockerfileWord, rawIndex: number): number {
  if (rawIndex >= word.raw.length) return word.end;
  return toOriginal(logical, toLogical(logical, word.start) + rawIndex);
}

/** The variables an `ENV` or `ARG` instruction sets, with exact value offsets; [] for other instructions. */
export function envAssignments(instruction: DockerfileInstruction): DockerfileAssignment[] {
  const logical = logicalLines.get(instruction);
  const { keyword, words } = instruction;
  if (!logical || (keyword !== "ENV" && keyword !== "ARG") || words.length === 0) return [];
  if (keyword === "ENV" && !words[0].raw.includes("=")) {
    if (words.length < 2) return [];
    // Legacy form: the value is the rest of the arguments, inner blanks included.
    const raw = logical.text.slice(toLogical(logical, words[1].start), toLogical(logical, instruction.argsEnd - 1) + 1);
    const value = unquoteDockerWord(raw, logical.escapeChar);
    return [{ name: words[0].raw, nameStart: words[0].start, nameEnd: words[0].end, value, raw, valueStart: words[1].start, valueEnd: instruction.argsEnd, quoted: /^["']/.test(raw), form: "legacy" }];
  }
  const assignments: DockerfileAssignment[] = [];
  for (const word of words) {
    const equals = word.raw.indexOf("=");
    if (equals === 0 || (equals === -1 && keyword === "ENV")) continue;
    if (equals === -1) {
      assignments.push({ name: word.raw, nameStart: word.start, nameEnd: word.end, value: null, raw: "", valueStart: word.end, valueEnd: word.end, quoted: false, form: "name-only" });
      continue;
    }
    const raw = word.raw.slice(equals + 1);
    assignments.push({
      name: word.raw.slice(0, equals),
      nameStart: word.start,
      nameEnd: offsetAfter(logical, word, equals),
      value: unquoteDockerWord(raw, logical.escapeChar),
      raw,
      valueStart: offsetAfter(logical, word, equals + 1),
      valueEnd: word.end,
      quoted: /^["']/.test(raw),
      form: "key=value",
    });
  }
  return assignments;
}

/** The command of a `RUN`/`CMD`/`ENTRYPOINT`/`SHELL`: its text (exec form: the strings joined by spaces) and argument offsets. */
export interface DockerfileCommand {
  text: string;
  start: number;
  end: number;
  form: "exec" | "shell";
  argv: DockerfileWord[];
}

/** The command an instruction runs, or null for other instructions and empty arguments. */
export function commandOf(instruction: DockerfileInstruction): DockerfileCommand | null {
  if (instruction.form === null || instruction.argsStart === instruction.argsEnd) return null;
  const text = instruction.form === "exec" ? instruction.words.map((word) => word.value).join(" ") : instruction.args;
  return { text, start: instruction.argsStart, end: instruction.argsEnd, form: instruction.form, argv: instruction.words };
}
