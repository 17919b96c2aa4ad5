import { findNodeAtLocation, parseTree, type Node as JsonNode } from "jsonc-parser";
import type { ProjectFileContext } from "../../../engine/rule";
import { classifyName, isCredentialHeader } from "../secrets/names";
import { checkValue, replaceFix } from "./site";

/** Source offset of each character of a JSON string's value (and one past the last), or undefined if it cannot be mapped. */
function sourceOffsets(text: string, node: JsonNode, value: string): number[] | undefined {
  const offsets: number[] = [];
  const end = node.offset + node.length - 1;
  for (let k = node.offset + 1; k < end; ) {
    offsets.push(k);
    k += text[k] !== "\\" ? 1 : text[k + 1] === "u" ? 6 : 2;
  }
  offsets.push(end);
  return offsets.length === value.length + 1 ? offsets : undefined;
}

/** `NAME=value` before a command (`API_KEY=… node server.js`, `cross-env TOKEN=… next start`). */
const ASSIGNMENT = /(?<=^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|()'"]*)/g;
/** `--password=…`, `--token …`: a flag whose name says secret. */
const FLAG = /(?<=^|\s)--?([A-Za-z][\w-]*)(?:=|\s+)("[^"]*"|'[^']*'|[^\s;&|()'"-][^\s;&|()'"]*)/g;
/** Any other word, for provider tokens and URLs with a password (`curl https://user:pass@…`). */
const WORD = /[^\s"'`;&|()=]+/g;

interface Hit {
  name: string | undefined;
  value: string;
  start: number;
  end: number;
  /** For an assignment: where it starts and where the next word starts, to remove it whole. */
  removal?: { start: number; end: number };
}

function hitsIn(script: string): Hit[] {
  const hits: Hit[] = [];
  const covered = (start: number): boolean => hits.some((hit) => hit.start <= start && start < hit.end);
  const push = (name: string | undefined, raw: string, start: number, removal?: Hit["removal"]): void => {
    const value = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    hits.push({ name, value, start, end: start + raw.length, removal });
  };
  for (const match of script.matchAll(ASSIGNMENT)) {
    const start = match.index + match[1].length + 1;
    const after = /^\s+(?=\S)/.exec(script.slice(start + match[2].length));
    push(match[1], match[2], start, after ? { start: match.index, end: start + match[2].length + after[0].length } : undefined);
  }
  for (const match of script.matchAll(FLAG)) {
    const name = match[1];
    if (classifyName(name).kind === "none" && !isCredentialHeader(name)) continue;
    const start = match.index + match[0].length - match[2].length;
    if (!covered(start)) push(name, match[2], start);
  }
  for (const match of script.matchAll(WORD)) {
    if (match[0].length >= 20 && !covered(match.index)) push(undefined, match[0], match.index);
  }
  return hits;
}

/**
 * Secrets in `package.json` `scripts`. An inline `NAME=value` before a command is removed by the
 * fix, so the command inherits NAME from the environment (also on shells without `$NAME`);
 * secrets passed as flags or words need a person to choose how to pass them.
 */
export function checkPackageScripts(context: ProjectFileContext): void {
  const tree = parseTree(context.text);
  const scripts = tree && findNodeAtLocation(tree, ["scripts"]);
  if (!scripts || scripts.type !== "object") return;
  for (const property of scripts.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || value?.type !== "string" || typeof value.value !== "string") continue;
    const offsets = sourceOffsets(context.text, value, value.value);
    if (!offsets) continue;
    for (const hit of hitsIn(value.value)) {
      const removal = hit.removal;
      checkValue(context, {
        value: hit.value,
        name: hit.name,
        start: offsets[hit.start],
        end: offsets[hit.end],
        where: `the \`${String(key.value)}\` script of package.json`,
        advice: hit.name && removal ? `Remove ${hit.name}=… from the script and set ${hit.name} in the environment.` : "Pass it from the environment instead.",
        fix: removal && hit.name ? () => replaceFix(context.file, offsets[removal.start], offsets[removal.end], "", `Remove the inline ${hit.name} from the script`) : undefined,
      });
    }
  }
}
