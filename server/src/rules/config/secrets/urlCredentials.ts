import { isPlaceholder } from "./placeholders";

/**
 * `scheme://user:password@host` inside a string. The password must be a real value: not empty
 * (`user:@host`), not a placeholder (`password`, `changeme`, `<password>`, `${DB_PASSWORD}`,
 * `$PGPASSWORD`, `*****`), not the user name repeated (`guest:guest`).
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:@/?#'"`]*):([^\s@/?#'"`]+)@([^\s/?#'"`]+)/i;

export interface UrlCredentials {
  /** The URL has a password, and it is not a real one. */
  rejected?: false;
  scheme: string;
  password: string;
  /** Offsets of the whole URL match in the value. */
  start: number;
  end: number;
}

/** A URL password shorter than this is a stand-in (`u:p@`, `app:pw@`), not a credential. */
export const MIN_URL_PASSWORD = 4;
/**
 * Words that stand for a password inside a URL only: a variable's name left in the template
 * (`DB_PASSWORD`, `redis_pass`), `user`/`username` copied from a docs line.
 */
const URL_PASSWORD_STAND_IN = /^(?:[a-z0-9]+[_-])*(?:password|passwd|pass|pwd|pw|secret|user|username|login)(?:[_-][a-z0-9]+)*$/i;

export type UrlVerdict = UrlCredentials | { rejected: true };

/** `scheme://user:password@host` in `value`: its real password, `{ rejected }` when it has only a stand-in, or undefined. */
export function judgeUrlCredentials(value: string): UrlVerdict | undefined {
  if (!value.includes("://") || !value.includes("@")) return undefined;
  const match = URL_USERINFO.exec(value);
  if (!match) return undefined;
  const found = realPassword(value, match);
  return found ?? { rejected: true };
}

export function findUrlCredentials(value: string): UrlCredentials | undefined {
  const verdict = judgeUrlCredentials(value);
  return verdict?.rejected ? undefined : verdict;
}

function realPassword(value: string, match: RegExpExecArray): UrlCredentials | undefined {
  const password = match[3];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape is still a password as written.
  }
  if (isPlaceholder(decoded) || decoded.includes("${") || decoded.startsWith("$")) return undefined;
  if (decoded.length < MIN_URL_PASSWORD || URL_PASSWORD_STAND_IN.test(decoded)) return undefined;
  // `guest:guest`, `postgres:postgres`: a product's well-known default, not a secret.
  if (decoded === match[2]) return undefined;
  // The end of the URL: up to whitespace, a quote or markup, so a URL inside a longer message or an XML element is bounded.
  let end = match.index + match[0].length;
  while (end < value.length && !/[\s'"`<>]/.test(value[end])) end++;
  return { scheme: match[1].toLowerCase(), password: decoded, start: match.index, end };
}

const SCHEME_ENV: Readonly<Record<string, string>> = {
  postgres: "DATABASE_URL",
  postgresql: "DATABASE_URL",
  mysql: "DATABASE_URL",
  mariadb: "DATABASE_URL",
  mssql: "DATABASE_URL",
  sqlserver: "DATABASE_URL",
  mongodb: "MONGODB_URI",
  "mongodb+srv": "MONGODB_URI",
  redis: "REDIS_URL",
  rediss: "REDIS_URL",
  amqp: "AMQP_URL",
  amqps: "AMQP_URL",
  smtp: "SMTP_URL",
  smtps: "SMTP_URL",
  nats: "NATS_URL",
  ftp: "FTP_URL",
  sftp: "SFTP_URL",
};

/** The conventional variable for a URL of this scheme (`postgres` → DATABASE_URL). */
export function envNameForScheme(scheme: string): string {
  return SCHEME_ENV[scheme] ?? `${scheme.replace(/[^a-z0-9]+/gi, "_").toUpperCase()}_URL`;
}
