import { parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";

/**
 * The string values of a JSON (JSONC) or YAML config file, each with the key it sits under and
 * its exact offsets. Broken files give nothing: a guess at their structure could blame the
 * wrong value.
 */
export interface ConfigStringValue {
  /** Keys from the root; array items add no key, so `{"keys": ["a"]}` gives ["keys"]. */
  path: string[];
  /** The nearest key: the property the string (or its array) is assigned to. */
  key: string | undefined;
  value: string;
  /** Offsets of the value as written, quotes included. */
  start: number;
  end: number;
}

const MAX_DEPTH = 64;

function jsonValues(node: JsonNode, path: string[], out: ConfigStringValue[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (node.type === "string" && typeof node.value === "string") {
    out.push({ path, key: path[path.length - 1], value: node.value, start: node.offset, end: node.offset + node.length });
  } else if (node.type === "object") {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key?.type === "string" && value) jsonValues(value, [...path, String(key.value)], out, depth + 1);
    }
  } else if (node.type === "array") {
    for (const item of node.children ?? []) jsonValues(item, path, out, depth + 1);
  }
}

function yamlValues(node: unknown, path: string[], out: ConfigStringValue[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (isScalar(node) && typeof node.value === "string" && node.range) {
    out.push({ path, key: path[path.length - 1], value: node.value, start: node.range[0], end: node.range[1] });
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value !== null) yamlValues(pair.value, [...path, String(pair.key.value)], out, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) yamlValues(item, path, out, depth + 1);
  }
}

/** String values of a config file; `format` from its extension. */
export function configStringValues(text: string, format: "json" | "yaml"): ConfigStringValue[] {
  const out: ConfigStringValue[] = [];
  try {
    if (format === "json") {
      const errors: ParseError[] = [];
      const tree = parseTree(text, errors, { allowTrailingComma: true });
      if (tree && errors.length === 0) jsonValues(tree, [], out, 0);
    } else {
      const document = parseDocument(text);
      // Aliases are not followed: the anchored value is reported where it is written.
      if (document.errors.length === 0) yamlValues(document.contents, [], out, 0);
    }
  } catch {
    return [];
  }
  return out;
}
