/**
 * What a name says about the value assigned to it. English compounds put the head last
 * (`dbPassword` is a password, `passwordLabel` is a label), so the verdict comes from the last
 * meaningful word: a secret head makes a secret slot, anything else does not.
 */

export type NameKind = "password" | "secret" | "none";

/** `clientSecret` → ["client", "secret"], `DB_PASSWORD` → ["db", "password"], `x-api-key` → ["x", "api", "key"]. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** Heads that name a password: a literal there is a password even when it is a plain word. */
export const PASSWORD_HEADS: ReadonlySet<string> = new Set(["password", "passwd", "pwd", "passphrase", "passcode", "pword"]);
/**
 * `pass` alone is too often "passed" (test results) or a predicate (`allPass`); after a word that
 * names something one logs in to (`dbPass`, `smtp_pass`) it is a password.
 */
export const QUALIFIED_PASSWORD_HEADS: ReadonlySet<string> = new Set(["pass", "pw"]);
const PASS_QUALIFIERS = new Set([
  "db", "database", "smtp", "mail", "email", "imap", "pop", "ftp", "sftp", "ssh", "redis", "mysql", "pg", "postgres", "mongo",
  "mongodb", "admin", "root", "user", "api", "proxy", "ldap", "rabbit", "rabbitmq", "amqp", "app", "auth", "login", "basic",
  "http", "wifi", "sql", "account", "service", "master", "default", "secret", "keystore", "truststore", "cert", "vault",
]);

/** Words before `pass` that make it a predicate or a count (`allPass`, `didPass`, `firstPass`), never a password. */
const PASS_PREDICATES = new Set(["all", "any", "none", "did", "does", "do", "can", "should", "will", "is", "has", "must", "first", "second", "last", "next", "prev", "single", "multi", "two", "one"]);

/** Heads that name a credential: flagged when the value looks random. */
export const SECRET_HEADS: ReadonlySet<string> = new Set([
  "secret", "secrets", "token", "tokens", "apikey", "apikeys", "credential", "credentials", "creds",
  "auth", "authorization", "bearer", "jwt", "pat", "privatekey", "secretkey", "accesskey", "clientsecret",
  "apitoken", "authtoken", "accesstoken", "sessionsecret", "signature",
]);

/** Words before `key` (or `keys`) that make it a credential rather than a lookup key. */
export const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  "api", "access", "private", "secret", "signing", "sign", "encryption", "encrypt", "decryption", "master",
  "auth", "app", "client", "license", "licence", "subscription", "service", "account", "admin", "session",
  "hmac", "jwt", "consumer", "shared", "root", "server", "write", "ingest", "management", "deploy", "webhook",
  "signature",
]);

/**
 * Words that say a value is meant to be seen (`publicKey`, `STRIPE_PUBLISHABLE_KEY`) or is a
 * per-session anti-forgery value (`csrfToken`, `X-XSRF-Token`): never a configured credential,
 * whatever the head.
 */
export const NOT_SECRET_WORDS: ReadonlySet<string> = new Set(["public", "publishable", "csrf", "xsrf"]);

/**
 * Trailing words that describe the value's encoding or environment, not what it is:
 * `apiKeyValue`, `secretB64`, `tokenProd`, `JWT_SECRET_DEV`, `password1`.
 */
export const TRAILING_FILLER: ReadonlySet<string> = new Set([
  "value", "val", "str", "string", "raw", "encoded", "b64", "base64", "hex", "bytes", "buf", "buffer", "plain",
  "plaintext", "prod", "production", "dev", "development", "staging", "stage", "test", "live", "local",
  "default", "fallback", "old", "new", "current", "primary", "secondary", "v1", "v2", "v3",
]);

export interface NameVerdict {
  kind: NameKind;
  words: string[];
}

/** Classifies an identifier, property, parameter, attribute or header name. */
export function classifyName(name: string | undefined): NameVerdict {
  if (!name) return { kind: "none", words: [] };
  const words = splitWords(name);
  let end = words.length;
  // Keep at least one word, so a name that is only "value" stays "value".
  while (end > 1 && (TRAILING_FILLER.has(words[end - 1]) || /^[0-9]+$/.test(words[end - 1]))) end--;
  // `secret2`, `apiKey1`: a number glued to the head does not change what it is.
  const head = words[end - 1]?.replace(/(?<=[a-z])[0-9]+$/, "");
  const before = end >= 2 ? words[end - 2] : undefined;
  if (head === undefined || words.some((word) => NOT_SECRET_WORDS.has(word))) return { kind: "none", words };
  if (PASSWORD_HEADS.has(head)) return { kind: "password", words };
  if (QUALIFIED_PASSWORD_HEADS.has(head) && before !== undefined && !PASS_PREDICATES.has(before)) {
    // After a service or login word a plain word is a password; after any other word (`ledgerPw`)
    // only a random-looking value is, since `pass` is also "a pass" (`firstPass`, `renderPass`).
    return { kind: PASS_QUALIFIERS.has(before) ? "password" : "secret", words };
  }
  if (SECRET_HEADS.has(head)) return { kind: "secret", words };
  if ((head === "key" || head === "keys") && before !== undefined && KEY_QUALIFIERS.has(before)) return { kind: "secret", words };
  return { kind: "none", words };
}

/**
 * Headers named like a credential (`-Key`) whose value is a per-request nonce or a client-chosen
 * id, random by design: `Sec-WebSocket-Key`, `Idempotency-Key`.
 */
const NONCE_KEY_HEADERS: ReadonlySet<string> = new Set(["sec-websocket-key", "idempotency-key", "x-idempotency-key", "x-request-key", "x-cache-key", "cache-key"]);

/** Header names whose value is a credential (`Authorization`, `X-API-Key`, `X-Auth-Token`, `X-Ledger-Key` ...). */
export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === "authorization" || lower === "proxy-authorization") return true;
  if (lower.split("-").some((word) => NOT_SECRET_WORDS.has(word))) return false;
  if (/^x-[a-z0-9-]*(?:api-?key|auth-?token|access-?token|token|secret|auth)$/.test(lower)) return true;
  // A hyphenated header ending in `-Key` (`X-Ledger-Key`, `Ocp-Apim-Subscription-Key`) carries a key.
  return /^[a-z0-9]+(?:-[a-z0-9]+)*-key$/.test(lower) && !NONCE_KEY_HEADERS.has(lower);
}

/**
 * Words that, anywhere in a provider-format name, say nothing about the provider: `apiKey`,
 * `accessToken`, `secret`. A name made only of these is replaced by the provider's conventional
 * variable (`OPENAI_API_KEY`), while `stripeKey` keeps its own (`STRIPE_KEY`).
 */
const GENERIC_NAME_WORDS = new Set([
  "api", "key", "keys", "token", "tokens", "secret", "secrets", "auth", "access", "private", "client", "my", "the",
  "default", "value", "bearer", "credentials", "credential", "creds", "password", "pass", "pwd", "authorization",
  "x", "header", "app", "personal", "user", "bot", "webhook", "url", "dsn", "s", "k", "t", "config", "options", "opts",
]);

export function isGenericName(words: readonly string[]): boolean {
  return words.every((word) => GENERIC_NAME_WORDS.has(word) || TRAILING_FILLER.has(word) || /^[0-9]+$/.test(word));
}

/**
 * Words that name a service one logs in to. A password name holding one (`dbPassword`,
 * `SMTP_PASS`, `MYSQL_ROOT_PASSWORD`) configures that service; `password`, `userPassword` or
 * `newPassword` may as well be a user's, which is data.
 */
const SERVICE_WORDS: ReadonlySet<string> = new Set([
  "db", "database", "sql", "mysql", "mariadb", "pg", "postgres", "postgresql", "psql", "mssql", "oracle", "mongo", "mongodb",
  "redis", "cache", "memcached", "smtp", "mail", "email", "imap", "pop", "ftp", "sftp", "ssh", "ldap", "amqp", "rabbit",
  "rabbitmq", "mq", "broker", "kafka", "nats", "proxy", "vault", "keystore", "truststore", "cert", "elastic",
  "elasticsearch", "es", "s3", "bind", "service", "api", "wifi",
]);

export function namesService(words: readonly string[]): boolean {
  return words.some((word) => SERVICE_WORDS.has(word));
}
