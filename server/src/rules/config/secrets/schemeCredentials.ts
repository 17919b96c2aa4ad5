import { looksRandom } from "./entropy";
import { isPlaceholder } from "./placeholders";

/**
 * Authorization header values: `Bearer <token>`, `Basic <base64 user:password>`, `Token <x>`.
 * Outside a header slot only `Bearer` and `Basic` are read, since their form alone says
 * "credential"; `Token`/`Bot`/`ApiKey` words are too common in prose.
 */
const HEADER_SCHEME = /^\s*(Bearer|Basic|Token|Bot|ApiKey|Api-Key|Key|Digest)\s+(\S+)\s*$/i;
const VALUE_SCHEME = /^\s*(Bearer|Basic)\s+(\S+)\s*$/;

export interface SchemeCredential {
  scheme: string;
  credential: string;
  /** Offset of the credential in the value. */
  index: number;
}

/** The scheme and credential of an Authorization-style value; `inHeader` widens the schemes read. */
export function parseScheme(value: string, inHeader: boolean): SchemeCredential | undefined {
  const match = (inHeader ? HEADER_SCHEME : VALUE_SCHEME).exec(value);
  if (!match) return undefined;
  return { scheme: match[1], credential: match[2], index: value.lastIndexOf(match[2]) };
}

/** `user:password` decoded from Basic credentials, when it decodes to printable text. */
function basicPassword(credential: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credential)) return undefined;
  const decoded = Buffer.from(credential, "base64").toString("utf8");
  if (!/^[\x20-\x7e]+$/.test(decoded)) return undefined;
  const colon = decoded.indexOf(":");
  return colon > 0 ? decoded.slice(colon + 1) : undefined;
}

/** True when the credential part is a real value rather than a placeholder or a variable. */
export function isRealCredential({ scheme, credential }: SchemeCredential): boolean {
  if (isPlaceholder(credential)) return false;
  if (scheme.toLowerCase() === "basic") {
    const password = basicPassword(credential);
    if (password !== undefined) return password.length > 0 && !isPlaceholder(password);
  }
  return looksRandom(credential);
}
