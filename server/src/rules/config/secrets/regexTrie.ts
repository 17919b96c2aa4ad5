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

function toSource(node: TrieNode): string {
  const branches: string[] = [];
  if (node.tails.includes("")) return "";
  for (const tail of node.tails) branches.push(tail);
  for (const [char, child] of node.children) branches.push(char + toSource(child));
  if (branches.length === 1) return branches[0];
  return `(?:${branches.join("|")})`;
}

/** An equivalent alternation (for `test`) of `alternatives`, with literal prefixes shared. */
export function trieAlternation(alternatives: readonly string[]): string {
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
  const merged = root.children.size > 0 ? [...root.children].map(([char, child]) => char + toSource(child)) : [];
  return [...merged, ...unprefixed].join("|");
}
