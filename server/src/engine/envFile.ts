/** A parsed `.env`-style file: which keys it defines, in order, with their line offsets. */
export interface EnvFile {
  path: string;
  text: string;
  keys: Set<string>;
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/;

export function parseEnvFile(path: string, text: string): EnvFile {
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = ASSIGNMENT.exec(line);
    if (match) keys.add(match[1]);
  }
  return { path, text, keys };
}

/** The line ending a file already uses, so an appended line does not mix CRLF and LF. */
export function lineEndingOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
