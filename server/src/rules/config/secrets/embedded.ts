/**
 * Name/value pairs written inside a longer text that a string holds: an `.env`, ini, properties
 * or YAML file (`KEY=value`, `key: value` lines), XML or HTML (`<apiToken>…</apiToken>`,
 * `<add key="ClearTextPassword" value="…"/>`), or a command line (`curl -u user:pass`,
 * `-H "Authorization: Bearer …"`, `--password=…`). The embedded name then plays the part the
 * variable name plays in code.
 */

export interface EmbeddedValue {
  name: string;
  value: string;
  /** Offsets of the value in the text. */
  start: number;
  end: number;
  /** A `-H "Name: value"` header of a command line. */
  header: boolean;
  /** A `KEY=value` / `key: value` line (not XML, not a command option). */
  line: boolean;
}

/** Texts shorter than this hold no `name=value` with a secret worth reading. */
const MIN_TEXT = 10;
const MAX_TEXT = 64 * 1024;

/** `KEY=value`, `export KEY="value"`, `key: value`, `"key": "value",` on one line. */
const LINE = /^[ \t]*(?:export[ \t]+)?(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,80})\1[ \t]*(?:=|:(?=[ \t]|$))[ \t]*(.*?)[ \t]*,?[ \t]*$/gm;
/** `<name attr="…">value</name>`. */
const ELEMENT = /<([A-Za-z][\w.:-]{0,60})(?:\s[^<>]*)?>([^<>]{1,4096})<\/\1\s*>/g;
/** `key="ClearTextPassword" value="…"` (NuGet, .NET appSettings). */
const KEY_VALUE_ATTRIBUTES = /\bkey\s*=\s*"([^"]{1,80})"\s+value\s*=\s*"([^"]*)"/gi;
/** `curl -u user:password`, `--user "user:password"`. */
const CURL_USER = /(?:^|\s)(?:-u|--user)\s*(["']?)([^\s"':]{1,100}):([^\s"']+)\1/g;
/** `-H "Authorization: Bearer …"`, `--header 'X-API-Key: …'`. */
const HEADER = /(?:^|\s)(?:-H|--header)\s*(["'])([A-Za-z][\w-]{0,60}):\s*([^"'\n]+?)\s*\1/g;
/** `--password=…`, `--token "…"`, `-p=…`. */
const FLAG = /(?:^|\s)--?([A-Za-z][\w-]{0,60})(?:=|\s+)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'-][^\s"']*))/g;

/** Options read above with their own shape. */
const COMMAND_OPTIONS = new Set(["H", "header", "u", "user"]);

/** Whether `text` can hold an embedded pair: cheap checks before any regex runs. */
function mayEmbed(text: string): boolean {
  return text.length >= MIN_TEXT && text.length <= MAX_TEXT && /[=:<]|\s-/.test(text);
}

function unquote(raw: string, start: number): { value: string; start: number } {
  const quoted = /^(["'`])(.*)\1$/s.exec(raw);
  return quoted ? { value: quoted[2], start: start + 1 } : { value: raw.replace(/[ \t]+#.*$/, ""), start };
}

/** Every embedded name/value pair, in text order; nothing when the text is not shaped like one. */
export function embeddedValues(text: string): EmbeddedValue[] {
  if (!mayEmbed(text)) return [];
  const found: EmbeddedValue[] = [];
  const push = (name: string, value: string, start: number, header = false, line = false): void => {
    if (value.length > 0 && !found.some((hit) => hit.start === start)) found.push({ name, value, start, end: start + value.length, header, line });
  };
  // Each value ends its match (before a closing quote at most), so its last occurrence is the value.
  const at = (match: RegExpMatchArray, value: string): number => (match.index ?? 0) + match[0].lastIndexOf(value);
  for (const match of text.matchAll(CURL_USER)) push("password", match[3], at(match, match[3]));
  for (const match of text.matchAll(HEADER)) push(match[2], match[3], at(match, match[3]), true);
  for (const match of text.matchAll(FLAG)) {
    const value = match[2] ?? match[3] ?? match[4];
    if (!COMMAND_OPTIONS.has(match[1])) push(match[1], value, at(match, value));
  }
  for (const match of text.matchAll(KEY_VALUE_ATTRIBUTES)) push(match[1], match[2], at(match, match[2]));
  for (const match of text.matchAll(ELEMENT)) {
    const inner = match[2];
    const lead = inner.length - inner.trimStart().length;
    push(match[1], inner.trim(), match.index + match[0].indexOf(">") + 1 + lead);
  }
  for (const match of text.matchAll(LINE)) {
    const raw = match[3];
    if (raw.length === 0 || raw.startsWith("<")) continue;
    const { value, start } = unquote(raw, match.index + match[0].lastIndexOf(raw));
    push(match[2], value, start, false, true);
  }
  return found.sort((a, b) => a.start - b.start);
}
