/**
 * One alternation of many regex alternatives, with their literal prefixes merged into a trie
 * (`ghp_|gho_|glpat-` → `g(?:h(?:p_|o_)|lpat-)`). The regex engine tries every alternative at
 * every position of the text; merged prefixes fail on the first differing character instead of
 * once per alternative, which is most of the cost of scanning a large file that holds no secret.
 */

const META = new Set(["\\", "[", "]", "(", ")", "{", "}", "?", "*", "+", ".", "|", "^", "$"]);

/** Splits a regex source at its top-level `|` (not inside groups or classes). */
export function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** The literal characters an alternative starts with, and the regex that follows them. */
function splitLiteralPrefix(alternative: string): [string, string] {
  let i = 0;
  while (i < alternative.length && !META.has(alternative[i])) i++;
  // A quantifier applies to the character before it: keep that character in the rest.
  if (i > 0 && i < alternative.length && "?*+{".includes(alternative[i])) i--;
  return [alternative.slice(0, i), alternative.slice(i)];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Regex tails that end here (`""` when the literal prefix alone matches). */
  tails: string[];
}

/**
 * `embedded`: the alternation is followed by more pattern, so a literal that is a prefix of a
 * longer one (`pass`, `password`) keeps both (`pass(?:word|)`). Standalone, the shorter one
 * alone decides whether the text matches, and the longer ones are dropped.
 */
function toSource(node: TrieNode, embedded: boolean): string {
  const branches: string[] = [];
  if (node.tails.includes("") && !embedded) return "";
  for (const tail of node.tails) branches.push(tail);
  for (const [char, child] of node.children) branches.push(char + toSource(child, embedded));
  if (branches.length === 1) return branches[0];
  // The empty tail last: the engine tries the longer words first (the answer is the same).
  branches.sort((a, b) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0));
  return `(?:${branches.join("|")})`;
}

/** An equivalent alternation (for `test`) of `alternatives`, with literal prefixes shared. */
export function trieAlternation(alternatives: readonly string[], options: { embedded?: boolean } = {}): string {
  const root: TrieNode = { children: new Map(), tails: [] };
  const unprefixed: string[] = [];
  for (const alternative of alternatives.flatMap(topLevelAlternatives)) {
    const [prefix, tail] = splitLiteralPrefix(alternative);
    if (prefix === "") {
      unprefixed.push(alternative);
      continue;
    }
    let node = root;
    for (const char of prefix) {
      let child = node.children.get(char);
      if (!child) {
        child = { children: new Map(), tails: [] };
        node.children.set(char, child);
      }
      node = child;
    }
    node.tails.push(tail);
  }
  const merged = root.children.size > 0 ? [...root.children].map(([char, child]) => char + toSource(child, options.embedded === true)) : [];
  return [...merged, ...unprefixed].join("|");
}
