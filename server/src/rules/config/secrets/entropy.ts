/**
 * How random a string looks. Secrets are drawn uniformly from an alphabet; words, identifiers,
 * sentences and placeholders are not. Thresholds depend on the alphabet, since a hex string
 * can carry at most 4 bits per character and base64 at most 6.
 */

export type Charset = "hex" | "base64" | "mixed";

/** Shannon entropy in bits per character, over UTF-16 code units (enough for ASCII secrets). */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const HEX = /^[0-9a-fA-F]+$/;
const BASE64ISH = /^[A-Za-z0-9+/=_.-]+$/;

export function charsetOf(value: string): Charset {
  if (HEX.test(value)) return "hex";
  if (BASE64ISH.test(value)) return "base64";
  return "mixed";
}

/** Minimum length and entropy for a value of each alphabet to count as random. */
export const RANDOMNESS_THRESHOLDS: Readonly<Record<Charset, { minLength: number; minEntropy: number }>> = {
  // 20+ hex chars: shorter hex strings are colours, ids, short hashes.
  hex: { minLength: 20, minEntropy: 3.0 },
  base64: { minLength: 16, minEntropy: 3.5 },
  // Printable passwords with symbols are shorter and denser.
  mixed: { minLength: 12, minEntropy: 3.3 },
};

/**
 * Letters only, or letters with a short number at the end, made of pronounceable chunks:
 * `keyboardcat`, `mySuperSecret`, `hunter2`, `auth.token.expired`. Random letter strings
 * (`qXfTrBnmLpOeKsAz`, `qxftrbnmlpwksdz`) break into short chunks or long consonant runs and do not pass.
 */
export function isWordLike(value: string): boolean {
  const stripped = value.replace(/[-_. ]?[0-9]{1,4}$/, "");
  if (!/^[A-Za-z]+(?:[-_. ][A-Za-z]+)*$/.test(stripped)) return false;
  const chunks = stripped.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  if (chunks.length === 0) return false;
  let letters = 0;
  for (const chunk of chunks) {
    const vowels = chunk.replace(/[^aeiouyAEIOUY]/g, "").length;
    if (chunk.length < 2 || vowels === 0) return false;
    // Five consonants in a row are rare in English and common in random letters.
    if (/[^aeiouyAEIOUY]{5}/.test(chunk)) return false;
    letters += chunk.length;
  }
  return letters / chunks.length >= 3;
}

/**
 * A camelCase or PascalCase identifier of whole words, acronyms allowed (`cryptoOptsSignJwt`,
 * `overEvery`, `InterpolationInJSX`): a name, not a secret. Random mixed-case letters break into
 * one-letter chunks and do not pass.
 */
export function isIdentifierLike(value: string): boolean {
  if (!/^[A-Za-z]+$/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) return false;
  const chunks = value.match(/[A-Z]{2,}(?![a-z])|[A-Z][a-z]+|[a-z]+|[A-Z]/g) ?? [];
  return chunks.length >= 2 && chunks.every((chunk) => chunk.length >= 2 && (chunk.length <= 5 || /[a-z]/.test(chunk))) && value.length / chunks.length >= 3.5;
}

/** An ascending run like `abcdef` or `123456`: typed by a person, never drawn at random. */
export function hasSequentialRun(value: string, run = 6): boolean {
  let length = 1;
  for (let i = 1; i < value.length; i++) {
    length = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? length + 1 : 1;
    if (length >= run) return true;
  }
  return false;
}

/** True when `value` looks drawn at random: long enough, dense enough, not words, not a typed sequence. */
export function looksRandom(value: string): boolean {
  const charset = charsetOf(value);
  const { minLength, minEntropy } = RANDOMNESS_THRESHOLDS[charset];
  if (value.length < minLength || value.length > 4096) return false;
  // `?NonExpressionParenEnd`, `--verbose-mode`: punctuation around words does not make them random.
  const core = value.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  if (isWordLike(core) || isIdentifierLike(core)) return false;
  // Random base64 of this length virtually always mixes letters with digits or case.
  if (charset !== "hex" && !/[0-9]/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  if (hasSequentialRun(value)) return false;
  return shannonEntropy(value) >= minEntropy;
}
