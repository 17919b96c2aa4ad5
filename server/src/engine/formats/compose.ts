import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";

/**
 * Position-exact reading of docker-compose / compose files, on `yaml`'s `parseDocument` (it keeps
 * each node's source range; offsets are UTF-16 indexes into the original text, CRLF included).
 * Broken YAML gives empty results: a half-parsed file would point rules at the wrong places.
 */

/** One variable of a service's `environment:`, in map form (`KEY: value`) or list form (`- KEY=value`). */
export interface ComposeEnvEntry {
  service: string;
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value as YAML reads it (numbers and booleans as written); null for `KEY:` / `- KEY` (passed through from the shell). */
  value: string | null;
  /**
   * Offsets of the value as written. Map form: the whole scalar, quotes included. List form: the
   * characters after `=` inside the item (inside its quotes when the item is quoted). Empty range
   * at the end of the entry when there is no value.
   */
  valueStart: number;
  valueEnd: number;
  style: "map" | "list";
  /** The value sits inside YAML quotes (map form: the scalar; list form: the whole `KEY=value` item). */
  quoted: boolean;
  /** False when escapes or line folding mean the value's characters are not the source's (ranges then cover the whole scalar). */
  exact: boolean;
}

/** A service's `command:` or `entrypoint:`, as one string or a list of strings. */
export interface ComposeCommand {
  service: string;
  key: "command" | "entrypoint";
  form: "string" | "list";
  /** The command line; a list is joined with spaces. */
  text: string;
  /** Offsets of the whole value node (string scalar or sequence). */
  start: number;
  end: number;
  /** The list items (one item for the string form), with the offsets of each scalar as written. */
  items: Array<{ value: string; start: number; end: number }>;
}

/** A service definition: its name and the key/value pairs of its map (merge keys resolved). */
interface ComposeService {
  name: string;
  pairs: Array<Pair<unknown, unknown>>;
}

function parse(text: string): Document.Parsed | null {
  try {
    const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    return document.errors.length > 0 ? null : document;
  } catch {
    return null;
  }
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

function deref(document: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** The map's own pairs first, then those brought in by `<<: *anchor` that it does not override. */
function pairsOf(document: Document.Parsed, map: YAMLMap<unknown, unknown>, depth = 0): Array<Pair<unknown, unknown>> {
  const own = map.items.filter((pair) => keyName(pair) !== "<<");
  if (depth > 8) return own;
  const names = new Set(own.map(keyName));
  const merged: Array<Pair<unknown, unknown>> = [];
  for (const pair of map.items) {
    if (keyName(pair) !== "<<") continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const target = deref(document, source);
      if (!isMap(target)) continue;
      for (const inherited of pairsOf(document, target, depth + 1)) {
        if (!names.has(keyName(inherited))) merged.push(inherited);
      }
    }
  }
  return [...own, ...merged];
}

/** `services:` entries; for the legacy format without `services:`, top-level maps with `image` or `build`. */
function services(document: Document.Parsed): ComposeService[] {
  const root = document.contents;
  if (!isMap(root)) return [];
  const servicesPair = root.items.find((pair) => keyName(pair) === "services");
  const entries = servicesPair ? deref(document, servicesPair.value) : root;
  if (!isMap(entries)) return [];
  const result: ComposeService[] = [];
  for (const pair of entries.items) {
    const name = keyName(pair);
    const body = deref(document, pair.value);
    if (name === undefined || name.startsWith("x-") || !isMap(body)) continue;
    const pairs = pairsOf(document, body);
    if (!servicesPair && !pairs.some((entry) => keyName(entry) === "image" || keyName(entry) === "build")) continue;
    result.push({ name, pairs });
  }
  return result;
}

function rangeOf(node: unknown): [number, number] | null {
  const range = (node as Node | null)?.range;
  return range ? [range[0], range[1]] : null;
}

function scalarText(node: Scalar): string {
  return node.value === null ? "" : typeof node.value === "string" ? node.value : String(node.source ?? node.value);
}

/** The scalar's characters sit verbatim between its quotes (no escapes, no folding). */
function verbatim(text: string, node: Scalar, value: string): boolean {
  const range = rangeOf(node);
  if (!range) return false;
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  const inner = text.slice(range[0] + (quoted ? 1 : 0), range[1] - (quoted ? 1 : 0));
  return (node.type === "PLAIN" || quoted) && inner === value;
}

function mapEntry(text: string, service: string, pair: Pair<unknown, unknown>): ComposeEnvEntry | null {
  const name = keyName(pair);
  const keyRange = rangeOf(pair.key);
  if (name === undefined || !keyRange) return null;
  const base = { service, name, nameStart: keyRange[0], nameEnd: keyRange[1], style: "map" as const };
  const valueRange = rangeOf(pair.value);
  if (!isScalar(pair.value) || pair.value.value === null || !valueRange) {
    return { ...base, value: null, valueStart: keyRange[1], valueEnd: keyRange[1], quoted: false, exact: true };
  }
  const value = scalarText(pair.value);
  const quoted = pair.value.type === "QUOTE_DOUBLE" || pair.value.type === "QUOTE_SINGLE";
  return { ...base, value, valueStart: valueRange[0], valueEnd: valueRange[1], quoted, exact: verbatim(text, pair.value, value) };
}

function listEntry(text: string, service: string, item: unknown): ComposeEnvEntry | null {
  const range = rangeOf(item);
  if (!isScalar(item) || typeof item.value !== "string" || !range) return null;
  const entry = item.value;
  const equals = entry.indexOf("=");
  const name = equals === -1 ? entry : entry.slice(0, equals);
  if (name === "") return null;
  const quoted = item.type === "QUOTE_DOUBLE" || item.type === "QUOTE_SINGLE";
  const exact = verbatim(text, item, entry);
  const inner = range[0] + (quoted ? 1 : 0);
  const base = { service, name, style: "list" as const, quoted, exact };
  if (!exact) {
    return { ...base, nameStart: range[0], nameEnd: range[1], value: equals === -1 ? null : entry.slice(equals + 1), valueStart: range[0], valueEnd: range[1] };
  }
  const nameEnd = inner + name.length;
  if (equals === -1) return { ...base, nameStart: inner, nameEnd, value: null, valueStart: nameEnd, valueEnd: nameEnd };
  return { ...base, nameStart: inner, nameEnd, value: entry.slice(equals + 1), valueStart: nameEnd + 1, valueEnd: inner + entry.length };
}

/** Every `environment:` variable of every service, with exact offsets; [] for broken YAML. */
export function serviceEnvironments(text: string): ComposeEnvEntry[] {
  const document = parse(text);
  if (!document) return [];
  const entries: ComposeEnvEntry[] = [];
  for (const service of services(document)) {
    const environment = deref(document, service.pairs.find((pair) => keyName(pair) === "environment")?.value);
    if (isMap(environment)) {
      for (const pair of pairsOf(document, environment)) {
        const entry = mapEntry(text, service.name, pair);
        if (entry) entries.push(entry);
      }
    } else if (isSeq(environment)) {
      for (const item of environment.items) {
        const entry = listEntry(text, service.name, deref(document, item));
        if (entry) entries.push(entry);
      }
    }
  }
  return entries;
}

/** Every service's `command:` and `entrypoint:` (string or list form), with offsets; [] for broken YAML. */
export function serviceCommands(text: string): ComposeCommand[] {
  const document = parse(text);
  if (!document) return [];
  const commands: ComposeCommand[] = [];
  for (const service of services(document)) {
    for (const pair of service.pairs) {
      const key = keyName(pair);
      if (key !== "command" && key !== "entrypoint") continue;
      const value = deref(document, pair.value);
      const range = rangeOf(value);
      if (!range) continue;
      if (isScalar(value) && value.value !== null) {
        const item = { value: scalarText(value), start: range[0], end: range[1] };
        commands.push({ service: service.name, key, form: "string", text: item.value, start: range[0], end: range[1], items: [item] });
      } else if (isSeq(value)) {
        const items = value.items.flatMap((node) => {
          const itemRange = rangeOf(node);
          return isScalar(node) && node.value !== null && itemRange ? [{ value: scalarText(node), start: itemRange[0], end: itemRange[1] }] : [];
        });
        // A block sequence's range runs on to the next key's indentation; end at its last character.
        const end = range[0] + text.slice(range[0], range[1]).trimEnd().length;
        commands.push({ service: service.name, key, form: "list", text: items.map((item) => item.value).join(" "), start: range[0], end, items });
      }
    }
  }
  return commands;
}
