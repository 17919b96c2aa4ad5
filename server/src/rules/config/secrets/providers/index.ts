import { hasSequentialRun } from "../entropy";
import { isPlaceholder } from "../placeholders";
import { CLOUD_FORMATS } from "./cloud";
import { CODE_FORMATS } from "./code";
import { KEY_FORMATS } from "./keys";
import { NAMED_FORMATS } from "./named";
import { SERVICE_FORMATS } from "./services";
import type { ProviderFormat } from "./types";

export type { ProviderFormat } from "./types";

/** The reviewed provider table, in matching order (first match wins; generic key formats last). */
export const PROVIDER_FORMATS: readonly ProviderFormat[] = [...CODE_FORMATS, ...CLOUD_FORMATS, ...SERVICE_FORMATS, ...NAMED_FORMATS, ...KEY_FORMATS];

/** No provider token is shorter than this. */
export const MIN_TOKEN_LENGTH = 20;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const ANCHOR_SCAN = new RegExp(
  [...new Set(PROVIDER_FORMATS.flatMap((row) => row.anchors))].map(escapeRegExp).join("|"),
);

/** Placeholder wording anywhere in a value that holds a token-shaped string. */
const MARKERS = /example|sample|dummy|placeholder|changeme|redacted|fake|XXXX|xxxx|\.\.\.|…|<[A-Za-z][^<>\n]{0,60}>/i;

export interface ProviderContext {
  /** Lower-cased names around the value: its own, enclosing variables and properties, the callee. */
  names(): string;
  /** Lower-cased keys of the enclosing object literal's other properties. */
  siblings(): string;
}

export interface ProviderMatch {
  format: ProviderFormat;
  token: string;
  /** Offset of the token in the value. */
  index: number;
}

const TRUNCATED = /^(?:\.\.\.|…)/;

/**
 * Judged on the token and what touches it, never on the rest of the string: `<githubToken>` markup
 * or the word "example" elsewhere in a message does not make a real token in it fake.
 */
function isFakeToken(token: string, row: ProviderFormat, value: string, index: number): boolean {
  const anchor = row.anchors.find((candidate) => token.startsWith(candidate));
  const body = anchor ? token.slice(anchor.length) : token;
  if (isPlaceholder(body) || hasSequentialRun(body) || MARKERS.test(token)) return true;
  // `sk_live_abc…`, `ghp_…`: a truncated token shown in docs.
  return TRUNCATED.test(value.slice(index + token.length, index + token.length + 3));
}

/**
 * The first provider format found in `value`, skipping placeholders such as `sk_live_xxxx…`.
 * Context rows are only tried when `secretSlot` (the value sits under a name that says "secret").
 */
export function findProviderToken(value: string, secretSlot: boolean, context: ProviderContext): ProviderMatch | undefined {
  if (value.length < MIN_TOKEN_LENGTH) return undefined;
  const anyAnchor = ANCHOR_SCAN.test(value);
  const trimmed = value.trim();
  for (const row of PROVIDER_FORMATS) {
    const contextOnly = row.anchors.length === 0 && row.context !== undefined;
    if (row.anchors.length > 0 && (!anyAnchor || !row.anchors.some((anchor) => value.includes(anchor)))) continue;
    if (contextOnly && !secretSlot) continue;
    const match = row.pattern.exec(contextOnly ? trimmed : value);
    if (!match) continue;
    const token = match[0];
    if (row.check && !row.check(token)) continue;
    if (row.context && !row.context.test(context.names())) continue;
    if (row.siblings && !row.siblings.test(context.siblings())) continue;
    const index = contextOnly ? value.indexOf(token) : match.index;
    if (isFakeToken(token, row, value, index)) continue;
    return { format: row, token, index };
  }
  return undefined;
}
