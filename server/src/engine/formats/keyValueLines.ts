/**
 * `key=value` line files with exact value offsets: `.npmrc` (ini: `key = value`, `;`/`#`
 * comment lines) and dotenv files (`export KEY=value`, quotes, ` # comment` after a value).
 */

export interface KeyValueLine {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Quotes removed (dotenv `\n` escapes in double quotes kept as written). */
  value: string;
  /** Offsets of the value as written, quotes included; an empty range after `=` for `KEY=`. */
  valueStart: number;
  valueEnd: number;
  quoted: boolean;
}

export interface KeyValueSyntax {
  /** dotenv: `export KEY=value`. */
  exportPrefix: boolean;
  /** dotenv: an unquoted value ends at ` #`. */
  inlineComments: boolean;
  /** Characters that start a comment line. */
  commentStarts: string;
}

export const NPMRC_SYNTAX: KeyValueSyntax = { exportPrefix: false, inlineComments: false, commentStarts: "#;" };
export const DOTENV_SYNTAX: KeyValueSyntax = { exportPrefix: true, inlineComments: true, commentStarts: "#" };

/** Every `key=value` line; other lines (comments, sections, garbage) are skipped. Never throws. */
export function keyValueLines(text: string, syntax: KeyValueSyntax): KeyValueLine[] {
  const result: KeyValueLine[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    const entry = parseLine(line, syntax);
    if (entry) {
      result.push({
        ...entry,
        keyStart: lineStart + entry.keyStart,
        keyEnd: lineStart + entry.keyEnd,
        valueStart: lineStart + entry.valueStart,
        valueEnd: lineStart + entry.valueEnd,
      });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return result;
}

function parseLine(line: string, syntax: KeyValueSyntax): KeyValueLine | undefined {
  const indent = line.length - line.trimStart().length;
  if (indent === line.length || syntax.commentStarts.includes(line[indent])) return undefined;
  const prefix = syntax.exportPrefix ? /^export\s+/.exec(line.slice(indent)) : null;
  const keyStart = indent + (prefix ? prefix[0].length : 0);
  const equals = line.indexOf("=", keyStart);
  if (equals <= keyStart) return undefined;
  const key = line.slice(keyStart, equals).trimEnd();
  if (key === "" || /\s/.test(key)) return undefined;
  let valueStart = equals + 1;
  while (valueStart < line.length && (line[valueStart] === " " || line[valueStart] === "\t")) valueStart += 1;
  const quote = line[valueStart];
  if (quote === '"' || quote === "'" || (quote === "`" && syntax.exportPrefix)) {
    const close = line.indexOf(quote, valueStart + 1);
    if (close !== -1) {
      return { key, keyStart, keyEnd: keyStart + key.length, value: line.slice(valueStart + 1, close), valueStart, valueEnd: close + 1, quoted: true };
    }
  }
  let valueEnd = line.length;
  if (syntax.inlineComments) {
    const comment = /[ \t]#/.exec(line.slice(valueStart));
    if (comment) valueEnd = valueStart + comment.index;
  }
  while (valueEnd > valueStart && (line[valueEnd - 1] === " " || line[valueEnd - 1] === "\t")) valueEnd -= 1;
  return { key, keyStart, keyEnd: keyStart + key.length, value: line.slice(valueStart, valueEnd), valueStart, valueEnd, quoted: false };
}
