/**
 * The only way a secret-like value may appear in any output: its first 4 characters and its
 * length. Redacting at the source means no adapter can leak what it never received.
 */
export function redact(value: string): string {
  const chars = [...value];
  // Short values show less, so a 6-character password is not two-thirds printed.
  const shown = chars.slice(0, Math.min(4, Math.floor(chars.length / 4))).join("");
  return `"${shown}…" (${chars.length} chars)`;
}
