/**
 * `.twelve-factor.json` `secrets.allow`: exact values, or regular expressions written as
 * `/pattern/flags`. A malformed expression is taken as an exact value, never an error.
 */
export type AllowList = (value: string) => boolean;

const cache = new WeakMap<readonly string[], AllowList>();

function compile(entries: readonly string[]): AllowList {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of entries) {
    const literal = /^\/(.+)\/([dgimsuvy]*)$/s.exec(entry);
    if (literal) {
      try {
        // Without g/y, so `test` keeps no state between values.
        patterns.push(new RegExp(literal[1], literal[2].replace(/[gy]/g, "")));
        continue;
      } catch {
        // Fall through: treat it as an exact value.
      }
    }
    exact.add(entry);
  }
  if (exact.size === 0 && patterns.length === 0) return () => false;
  return (value) => exact.has(value) || patterns.some((pattern) => pattern.test(value));
}

/** The compiled allow-list, cached per configuration array. */
export function allowListOf(entries: readonly string[]): AllowList {
  let compiled = cache.get(entries);
  if (!compiled) {
    compiled = compile(entries);
    cache.set(entries, compiled);
  }
  return compiled;
}
