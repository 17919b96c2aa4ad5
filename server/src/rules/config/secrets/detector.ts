import { toEnvName } from "../../../engine/fixes/envConfig";
import type { AllowList } from "./allowList";
import { embeddedValues } from "./embedded";
import { isIdentifierLike, isWordLike, looksRandom } from "./entropy";
import { PRODUCT_DEFAULTS } from "./credentialSinks";
import { classifyName, isCredentialHeader, isGenericName, namesService, splitWords, type NameVerdict } from "./names";
import { isPublishedExample, notSecretFormatOf } from "./notSecrets";
import { isPlaceholder } from "./placeholders";
import { MIN_TOKEN_LENGTH, findProviderToken } from "./providers";
import { isRealCredential, parseScheme } from "./schemeCredentials";
import { envNameForScheme, judgeUrlCredentials } from "./urlCredentials";

/**
 * Where a string value sits, reduced to what the detector weighs: the name it is assigned to,
 * and whether that place is a header, a known secret argument or an env-var fallback.
 */
export interface SlotInfo {
  /** Variable, property, parameter, class field, JSX attribute or header name; for a fallback, the env var. */
  name?: string;
  /** `sink`: a credential option or argument of a known client (`new Pool({ password })`, `session({ secret })`). */
  role: "value" | "header" | "argument" | "sink" | "fallback";
  /**
   * For `argument`: the call (`jwt.sign`) and the variable its secret conventionally lives in;
   * for `sink`: the place as the message names it (`` `password` option of pg Pool() ``).
   */
  call?: { label: string; envName: string };
  /** Lower-cased names around the value (enclosing objects and variables, callee), computed on demand. */
  names(): string;
  siblings(): string;
  /**
   * Names of the objects and variables that hold the value, up to the call it is passed to
   * (`db` and `config` for `const config = { db: { password } }`). Absent: none known.
   */
  owners?(): string;
  /** The place is config by nature (a compose `environment:`, a `config/*.json` file): any password there configures something. */
  configures?: boolean;
}

export interface Detection {
  /** Provider formats carry their own severity; heuristics use the rule's default; product defaults are info. */
  severity?: "error" | "warning" | "info";
  signals: string[];
  /** The secret as shown (redacted) and checked against the allow-list: a token, a URL's password, or the value. */
  secret: string;
  /** Offsets, in the value, of the part a fix moves to the environment (a whole connection string, a token ...). */
  start: number;
  end: number;
  envName: string;
  /** Whether a fix may move just this part when the value holds more text (not for URLs: they move whole). */
  partialFix: boolean;
  /**
   * A secret whatever its name: a provider format (private keys and JWTs included) or a URL whose
   * password looks random. Test and fixture code reports only these.
   */
  selfIdentifying: boolean;
  /** Read out of text embedded in the value (`KEY=…` lines, XML, a command line): report `start`–`end`, not the whole string. */
  embedded?: boolean;
}

/** Words that make a value a field name rather than a password (`"new-password"`, `"userPassword"`). */
const NAME_WORDS = new Set(["password", "passwd", "pwd", "pass", "secret", "token", "key", "apikey", "auth", "credentials"]);
const DOTTED_KEY = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/;

/**
 * The variable for a provider token or a URL: the code's own name when it says more than the
 * format does (`stripeKey`, `databaseUrl`), else the conventional one (`apiKey`, `stripe`, `url`
 * → `STRIPE_SECRET_KEY`, `DATABASE_URL`).
 */
function nameFor(slot: SlotInfo, conventional: string): string {
  if (slot.role === "fallback" && slot.name) return slot.name;
  return slot.role === "header" ? conventional : ownEnvName(slot.name, conventional);
}

/** A name's own variable when it says more than the conventional one (`stripeKey`, `LEDGER_TOKEN`, but not `key` or `apiKey`). */
export function ownEnvName(name: string | undefined, conventional: string): string {
  if (!name) return conventional;
  const words = splitWords(name);
  return words.length < 2 || isGenericName(words) ? conventional : toEnvName(name);
}

function genericEnvName(slot: SlotInfo, header: boolean): string {
  if ((slot.role === "argument" || slot.role === "sink") && slot.call) return slot.call.envName;
  if (header && slot.name) {
    return slot.name.toLowerCase().endsWith("authorization") ? "API_TOKEN" : toEnvName(slot.name.replace(/^x-/i, ""));
  }
  return slot.name ? toEnvName(slot.name) : "API_TOKEN";
}

/** `X_AWS_TOKEN = "x-aws-token"`, `{ CryptoOptsSignJwt: "cryptoOptsSignJwt" }`: a value that spells its own name is a key. */
function sameAsName(value: string, name: string | undefined): boolean {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  return name !== undefined && squash(value) === squash(name);
}

/**
 * A value that can be a password: not a dotted i18n key, not an identifier (`"overEvery"`), not a
 * field name (`"new-password"`). Where only a credential can go (`jwt.sign`'s key, a session
 * secret) names are not expected, so `"my-secret-key"` and `"mySecretKey"` are secrets there.
 */
function passwordSlotValue(value: string, credentialPlace: boolean): boolean {
  if (value.length < 4 || DOTTED_KEY.test(value)) return false;
  if (credentialPlace) return true;
  return !isIdentifierLike(value) && !splitWords(value).some((word) => NAME_WORDS.has(word));
}

/** Decides whether `value`, sitting in `slot`, is a hardcoded secret, and why. */
export function detectSecret(value: string, slot: SlotInfo, allowed: AllowList): Detection | undefined {
  if (value.length < 4) return undefined;
  const verdict: NameVerdict = slot.role === "header" ? { kind: "secret", words: [] } : classifyName(slot.name);
  const header = slot.role === "header" || (slot.name !== undefined && isCredentialHeader(slot.name));
  const found = find(value, slot, verdict, header);
  // A token anywhere in the text is the strongest reading; embedded names come next.
  const best = found?.severity !== undefined ? pointInside(found, value) : (embeddedSecret(value, slot, allowed) ?? (found && pointInside(found, value)));
  if (!best || allowed(best.secret) || (!best.embedded && allowed(value))) return undefined;
  return best;
}

/** A token or URL that is the value of an embedded pair (`GITHUB_TOKEN=ghp_…` in a string) is pointed at as that value. */
function pointInside(found: Detection, value: string): Detection {
  // Whole-value formats (a webhook URL, a key block) cover the string: place them by their token.
  const whole = found.start === 0 && found.end === value.length;
  const start = whole ? value.indexOf(found.secret) : found.start;
  const end = start + (whole ? found.secret.length : found.end - found.start);
  // A single `a=b;c=d` line is a connection string, not a file: only multi-line text is read as lines.
  const lines = value.includes("\n");
  const hit = start < 0 ? undefined : embeddedValues(value).find((pair) => pair.start <= start && end <= pair.end && (lines || !pair.line));
  if (!hit) return found;
  // A header value keeps its scheme word out (`Bearer https://hooks…`); a line's value is the whole credential.
  return whole && !hit.header ? { ...found, start: hit.start, end: hit.end, embedded: true } : { ...found, start, end, embedded: true };
}

/**
 * The first secret among the name/value pairs embedded in `value`, each judged as if the
 * embedded name were the variable's. A plain word under an embedded password name is left
 * alone: the text around it may be documentation or a translation.
 */
function embeddedSecret(value: string, slot: SlotInfo, allowed: AllowList): Detection | undefined {
  for (const hit of embeddedValues(value)) {
    const innerVerdict = classifyName(hit.name);
    const kind = innerVerdict.kind;
    const header = hit.header && isCredentialHeader(hit.name);
    if (kind === "none" && !header) continue;
    if (kind === "password" && isWordLike(hit.value)) continue;
    // Env lines, tool config and command lines configure something: a password there is no user's.
    const inner: SlotInfo = { name: hit.name, role: header ? "header" : "value", names: () => `${hit.name.toLowerCase()} ${slot.names()}`, siblings: () => "", configures: true };
    const found = find(hit.value, inner, header ? { kind: "secret", words: [] } : innerVerdict, header);
    if (!found || allowed(found.secret)) continue;
    return { ...found, start: hit.start + found.start, end: hit.start + found.end, embedded: true, partialFix: true };
  }
  return undefined;
}

/** `dbPassword`, `{ db: { password } }`, a password in a project file: a service's password, not a user's. */
function configuresService(slot: SlotInfo, verdict: NameVerdict): boolean {
  return slot.configures === true || namesService(verdict.words) || namesService(splitWords(slot.owners?.() ?? ""));
}

/** A weak value where it configures something: reported, one step lower when it is a product's default. */
function weakCredential(all: Omit<Detection, "signals">, value: string, signal: string, credentialPlace: boolean): Detection | undefined {
  if (!passwordSlotValue(value, credentialPlace)) return undefined;
  return { ...all, signals: [signal], ...(PRODUCT_DEFAULTS.has(value.toLowerCase()) ? { severity: "info" as const } : {}) };
}

function find(value: string, slot: SlotInfo, verdict: NameVerdict, header: boolean): Detection | undefined {
  const kind = verdict.kind;
  const secretSlot = kind !== "none" || header || slot.role === "argument" || slot.role === "sink";
  // Most strings in a file are short and unnamed: only a URL or a `Bearer`/`Basic` value could still be a secret.
  if (!secretSlot && value.length < MIN_TOKEN_LENGTH && !value.includes("://") && !/^\s*B(?:earer|asic)\s/.test(value)) return undefined;
  const token = findProviderToken(value, secretSlot, slot);
  if (token) {
    if (isPublishedExample(token.token)) return undefined;
    const whole = token.format.whole === true;
    return {
      severity: token.format.severity,
      signals: [`${token.format.label} format`],
      secret: token.token,
      // A connection string, webhook URL or key file moves as a whole.
      start: whole ? 0 : token.index,
      end: whole ? value.length : token.index + token.token.length,
      envName: nameFor(slot, token.format.envName),
      partialFix: true,
      selfIdentifying: true,
    };
  }
  if (isPublishedExample(value.trim())) return undefined;

  const url = judgeUrlCredentials(value);
  // Judged once: a URL whose password was rejected (`guest:guest`, `<password>`) is not judged again as a random string.
  if (url?.rejected) return undefined;
  if (url) {
    return {
      signals: [`password in a ${url.scheme}:// URL`],
      secret: url.password,
      start: url.start,
      end: url.end,
      envName: nameFor(slot, envNameForScheme(url.scheme)),
      partialFix: false,
      selfIdentifying: looksRandom(url.password),
    };
  }

  const scheme = parseScheme(value, header);
  if (scheme) {
    if (!isRealCredential(scheme)) return undefined;
    const signal = header && slot.name && !/authorization$/i.test(slot.name) ? `\`${slot.name}\` header value` : "Authorization header value";
    return { signals: [signal], secret: scheme.credential, start: scheme.index, end: scheme.index + scheme.credential.length, envName: genericEnvName(slot, header), partialFix: true, selfIdentifying: false };
  }

  // Where the value can only be a credential, words with spaces are a passphrase (`"keyboard cat"`), not a message.
  const format = notSecretFormatOf(value);
  const credentialPlace = slot.role === "argument" || slot.role === "sink";
  if ((format && !(credentialPlace && format.id === "sentence")) || isPlaceholder(value) || sameAsName(value, slot.name)) return undefined;
  const all = { secret: value, start: 0, end: value.length, envName: genericEnvName(slot, header), partialFix: true, selfIdentifying: false };

  if (slot.role === "argument" && slot.call) return weakCredential(all, value, `argument of ${slot.call.label}`, true);
  if (slot.role === "sink" && slot.call) return weakCredential(all, value, slot.call.label, true);
  // A name that says which service it logs in to (`dbPassword`, `SMTP_PASS`) is config by itself;
  // a bare `password` may be a user's (`new User({ password })`): only a sink or a random value tells.
  if (kind === "password" && slot.role !== "fallback" && configuresService(slot, verdict)) {
    return weakCredential(all, value, `password literal assigned to \`${slot.name}\``, false);
  }
  if ((kind !== "none" || header) && looksRandom(value)) {
    if (slot.role === "fallback") return { ...all, signals: [`high-entropy fallback for process.env.${slot.name}`] };
    if (header) return { ...all, signals: [/authorization$/i.test(slot.name ?? "") ? "Authorization header value" : `high-entropy \`${slot.name}\` header value`] };
    return { ...all, signals: [`high-entropy value assigned to \`${slot.name}\``] };
  }
  return undefined;
}
