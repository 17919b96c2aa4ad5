import type { ExpectedFinding } from "../../../../helpers/ruleTester";

/** Where `needle` sits in `code` (its `occurrence`-th appearance), as 1-based ESLint-style positions. */
export function at(code: string, needle: string, occurrence = 0): Pick<ExpectedFinding, "line" | "column" | "endLine" | "endColumn"> {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = code.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in ${code}`);
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    return { line: before.split("\n").length, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** How a message shows a secret: at most its first 4 characters (fewer when short) and its length. */
export function shown(secret: string): string {
  const chars = [...secret];
  return `"${chars.slice(0, Math.min(4, Math.floor(chars.length / 4))).join("")}…" (${chars.length} chars)`;
}

export function readFrom(secret: string, signal: string, envName: string): string {
  return `Hardcoded secret ${shown(secret)}: ${signal}. Read it from process.env.${envName} instead.`;
}

export function fallbackMessage(secret: string, signal: string, envName: string): string {
  return `Hardcoded secret ${shown(secret)}: ${signal}. Remove the hardcoded fallback and set ${envName} in the environment.`;
}
