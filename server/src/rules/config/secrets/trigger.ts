import { KEY_QUALIFIERS, PASSWORD_HEADS, QUALIFIED_PASSWORD_HEADS, SECRET_HEADS, TRAILING_FILLER } from "./names";
import { PROVIDER_FORMATS } from "./providers";
import { trieAlternation } from "./regexTrie";
import { CREDENTIAL_SINK_MODULES } from "./credentialSinks";
import { SECRET_ARGUMENTS } from "./secretArguments";

/**
 * The file pre-scan of config/no-hardcoded-secret: a file the rule could report on must
 * match it, and most library code must not (files that do not match are never parsed).
 * Built from the same tables the detector uses, so the two cannot drift apart:
 * - a provider format's anchor (or its narrower `trigger`), e.g. `ghp_`, `AKIA` + 16 chars;
 * - a secret-like name followed by an assignment, property colon, argument comma or
 *   `??`/`||` and then a quote (`apiKey: "`, `password = '`, `"Authorization", "`,
 *   `private token: string = "`, `apiKey={"`, `DB_PASSWORD ?? "`);
 * - a call that takes a secret argument (`jwt.sign(`, `createHmac(`, `cookieParser(`);
 * - `scheme://user:password@` and a quoted `Bearer `/`Basic ` value;
 * - a credential sink's module (`"pg"`, `"express-session"`, `"stripe"`), where a weak literal or a
 *   name is a credential; a scheme followed by a substitution or `+` (`` `Bearer ${KEY}` ``); a
 *   secret-like key followed by a name (`apiKey: providerKey`).
 * Context-only provider rows (AWS secret keys, Datadog keys ...) need a secret-like name, so
 * the name part covers them.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Letters of `source` made case-blind (`token` → `[tT][oO][kK][eE][nN]`) outside character
 * classes and escapes. The scan itself is case-sensitive, so provider anchors such as `AKIA`
 * do not match `akia` inside base64 blobs.
 */
function caseless(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      out += char + (source[i + 1] ?? "");
      i++;
    } else if (inClass || !/[a-zA-Z]/.test(char)) {
      if (char === "[") inClass = true;
      if (char === "]") inClass = false;
      out += char;
    } else {
      out += `[${char.toLowerCase()}${char.toUpperCase()}]`;
    }
  }
  return out;
}

const providerParts = PROVIDER_FORMATS.filter((row) => row.anchors.length > 0 || row.context === undefined).map(
  (row) => row.trigger ?? row.anchors.map(escapeRegExp).join("|"),
);

/**
 * Names end with their head (`dbPassword`, `STRIPE_API_KEY`, `x-auth-token`), optionally followed
 * by filler words (`secretValue`, `TOKEN_PROD`): the same rule as names.ts, written as a regex.
 */
/**
 * The heads and fillers as tries of their literal prefixes (`pass(?:word|wd|phrase|…)?`), before
 * they are made case-blind: the engine then rules out most positions of a text on its first
 * letters instead of trying ~90 words one by one. The same language as the plain alternation.
 */
const qualifiedKeys = [...KEY_QUALIFIERS].map((qualifier) => `${qualifier}[_-]?keys?`);
const embedded = { embedded: true };
const heads = [trieAlternation([...PASSWORD_HEADS, ...QUALIFIED_PASSWORD_HEADS, ...SECRET_HEADS, ...qualifiedKeys], embedded), "[a-zA-Z0-9]-key"];
const fillers = `(?:[_-]?(?:${trieAlternation([...TRAILING_FILLER], embedded)}|[0-9]+))*`;
const QUOTE = "['\"`]";
const TYPE_ANNOTATION = "(?:\\??\\s*:\\s*[\\w$.<>\\[\\]| ]{1,60}?\\s*)?";
/** `name: "`, `name = "`, `name?: string = "`, `NAME ?? "`, `"name", "` (a setter's name argument). */
const afterName = `(?:${QUOTE}\\s*,|['"\`\\]]*\\s*${TYPE_ANNOTATION}(?:[:=]|\\?\\?|\\|\\|)=?)\\s*[({\\[]?\\s*${QUOTE}`;
/**
 * Text embedded in a string: `DB_PASSWORD=Xk29…` (no space around `=`: code puts spaces there or
 * follows with an expression: minified `t.onToken=function`), `<apiToken>Xk29…`, NuGet's `key="ClearTextPassword" value="`.
 */
const embeddedAfter = `=(?!function|this|true|false|null|new |void |typeof )[^\\s'"\`=(){};,.]{4}|>[^<\\s'"\`(){};,]{4}|['"]\\s+value\\s*=\\s*['"]`;
const namePart = caseless(`(?:${heads.join("|")})${fillers}`) + `(?:${afterName}|${embeddedAfter})`;

/** Files that can call a secret-taking function name its module (`jsonwebtoken`, `crypto-js` ...) or call it bare. */
const modules = [...new Set(SECRET_ARGUMENTS.map((row) => row.module))].filter((module) => module !== "crypto");
/** Credential sinks' modules only where imported or required: `type: "mssql"` in an ORM's own code is not a client. */
const sinkModules = CREDENTIAL_SINK_MODULES.filter((module) => !modules.includes(module));
const callPart = `${QUOTE}(?:${modules.map(escapeRegExp).join("|")})['"\`/]|(?:from|require\\s*\\(|import\\s*\\()\\s*${QUOTE}(?:${sinkModules.map(escapeRegExp).join("|")})${QUOTE}|createHmac\\s*\\(|jwt\\.(?:sign|verify)\\s*\\(`;
const urlPart = ":\\/\\/[^\\s\\/:@'\"`]*:[^\\s\\/@'\"`]+@";
const schemePart = `${QUOTE}\\s*${caseless("(?:Bearer|Basic|Token)")}\\s+(?:[A-Za-z0-9+/=._~-]{8}|\\$\\{|${QUOTE}\\s*\\+)`;
/**
 * A secret-like key whose value is a name (`apiKey: providerKey`, `"Authorization", AUTH`), not a
 * type (`token: string`). Heads that mostly hold objects or routes (`auth`, `jwt`, `credentials`)
 * are left out; a setter's name argument only for credential headers.
 */
const OBJECT_HEADS = new Set(["auth", "jwt", "credentials", "creds", "tokens", "secrets", "apikeys"]);
const namedHeads = [trieAlternation([...[...SECRET_HEADS].filter((head) => !OBJECT_HEADS.has(head)), ...qualifiedKeys], embedded)];
const setterHeaders = "(?:authorization|x-[a-z-]*(?:api-?key|token|secret))";
const namedValuePart = `(?:${caseless(`(?:${namedHeads.join("|")})${fillers}`)}['"]?\\s*:|${caseless(setterHeaders)}['"]\\s*,)\\s*(?!(?:string|number|boolean|any|unknown|never|void|null|undefined|process)\\b)[A-Za-z_$]`;

/** `curl -u user:pass` and `--user user:pass` in a command line. */
const curlUserPart = `\\s-(?:u|-user)\\s*['"]?[^\\s'":]+:[^\\s'"@]{4}`;
/** `-H "X-API-Key: …"` and other `X-` credential headers written in a string. */
const headerPart = `[Xx]-[\\w-]*${caseless("(?:key|token|secret|auth)")}:[ \\t]*[^\\s'"\`$]{4}`;

export const TRIGGER_PARTS = { providerParts, namePart, callPart, urlPart, schemePart, namedValuePart, curlUserPart, headerPart };
export const SECRET_TRIGGER = new RegExp([trieAlternation(providerParts), namePart, callPart, urlPart, schemePart, namedValuePart, curlUserPart, headerPart].join("|"));
