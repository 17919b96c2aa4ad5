/**
 * Library knowledge about backing services, shared by `backing-services/hardcoded-service-url`
 * and `dev-prod-parity/environment-specific-backing-service`: which URL schemes, client modules
 * and dialect names stand for which kind of service. A new service or client is a new row.
 */

/** What a backing service is used for; two services are comparable when they share a role. */
export type ServiceRole = "database" | "cache" | "session" | "queue" | "mail";

export type ServiceKind =
  | "postgres"
  | "mysql"
  | "mssql"
  | "sqlite"
  | "mongodb"
  | "redis"
  | "memcached"
  | "memory"
  | "amqp"
  | "kafka"
  | "nats"
  | "smtp"
  | "mail-api"
  | "console-mail";

export interface KindInfo {
  /** Short name for messages: "PostgreSQL", "SMTP". */
  name: string;
  /** As a phrase in a sentence: "PostgreSQL", "an in-process memory store". */
  phrase: string;
  roles: readonly ServiceRole[];
}

export const SERVICE_KINDS: Readonly<Record<ServiceKind, KindInfo>> = {
  postgres: { name: "PostgreSQL", phrase: "PostgreSQL", roles: ["database"] },
  mysql: { name: "MySQL", phrase: "MySQL", roles: ["database"] },
  mssql: { name: "SQL Server", phrase: "SQL Server", roles: ["database"] },
  sqlite: { name: "SQLite", phrase: "SQLite", roles: ["database"] },
  mongodb: { name: "MongoDB", phrase: "MongoDB", roles: ["database"] },
  redis: { name: "Redis", phrase: "Redis", roles: ["cache", "session", "queue"] },
  memcached: { name: "Memcached", phrase: "Memcached", roles: ["cache", "session"] },
  memory: { name: "in-memory store", phrase: "an in-process memory store", roles: ["cache", "session"] },
  amqp: { name: "AMQP", phrase: "an AMQP broker", roles: ["queue"] },
  kafka: { name: "Kafka", phrase: "Kafka", roles: ["queue"] },
  nats: { name: "NATS", phrase: "NATS", roles: ["queue"] },
  smtp: { name: "SMTP", phrase: "an SMTP mailer", roles: ["mail"] },
  // SendGrid, SES, Postmark ...: real delivery like SMTP. Telling them apart from SMTP would flag
  // a dev SMTP catcher against a prod mail API, which is a transport choice, not a parity gap.
  "mail-api": { name: "mail API", phrase: "a mail delivery API", roles: ["mail"] },
  "console-mail": { name: "console mailer", phrase: "a console mailer that sends nothing", roles: ["mail"] },
};

/** Kinds that deliver mail for real are one kind for parity: only "console vs real" matters. */
export function parityClass(kind: ServiceKind): string {
  return kind === "smtp" || kind === "mail-api" ? "mail-delivery" : kind;
}

export interface SchemeInfo {
  kind: ServiceKind;
  /**
   * The conventional variable for a URL of this scheme, the same names the secret rule's fix
   * uses (MongoDB: `MONGODB_URI`, the name MongoDB's own docs and Atlas use). Absent for
   * schemes that name no attached resource (SQLite files).
   */
  envName?: string;
}

/** URL schemes of backing services, lower-case, without `://`. */
export const SERVICE_SCHEMES: Readonly<Record<string, SchemeInfo>> = {
  postgres: { kind: "postgres", envName: "DATABASE_URL" },
  postgresql: { kind: "postgres", envName: "DATABASE_URL" },
  mysql: { kind: "mysql", envName: "DATABASE_URL" },
  mariadb: { kind: "mysql", envName: "DATABASE_URL" },
  mssql: { kind: "mssql", envName: "DATABASE_URL" },
  sqlserver: { kind: "mssql", envName: "DATABASE_URL" },
  mongodb: { kind: "mongodb", envName: "MONGODB_URI" },
  "mongodb+srv": { kind: "mongodb", envName: "MONGODB_URI" },
  redis: { kind: "redis", envName: "REDIS_URL" },
  rediss: { kind: "redis", envName: "REDIS_URL" },
  memcached: { kind: "memcached", envName: "MEMCACHED_URL" },
  amqp: { kind: "amqp", envName: "AMQP_URL" },
  amqps: { kind: "amqp", envName: "AMQP_URL" },
  nats: { kind: "nats", envName: "NATS_URL" },
  smtp: { kind: "smtp", envName: "SMTP_URL" },
  smtps: { kind: "smtp", envName: "SMTP_URL" },
  sqlite: { kind: "sqlite" },
};

/** The scheme of a whole-string URL (`sqlite::memory:` and `sqlite:dev.db` included), lower-case. */
export function schemeOf(text: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(text.trim());
  const scheme = match?.[1].toLowerCase();
  return scheme !== undefined && Object.hasOwn(SERVICE_SCHEMES, scheme) ? scheme : undefined;
}

/** Client modules whose use alone says which service it is. */
export const CLIENT_MODULES: Readonly<Record<string, ServiceKind>> = {
  pg: "postgres",
  "pg-pool": "postgres",
  postgres: "postgres",
  "@neondatabase/serverless": "postgres",
  "@vercel/postgres": "postgres",
  mysql: "mysql",
  mysql2: "mysql",
  "mysql2/promise": "mysql",
  mariadb: "mysql",
  mssql: "mssql",
  tedious: "mssql",
  sqlite3: "sqlite",
  "better-sqlite3": "sqlite",
  sqlite: "sqlite",
  "bun:sqlite": "sqlite",
  "sql.js": "sqlite",
  mongodb: "mongodb",
  mongoose: "mongodb",
  ioredis: "redis",
  redis: "redis",
  "connect-redis": "redis",
  "@upstash/redis": "redis",
  bull: "redis",
  bullmq: "redis",
  "rate-limit-redis": "redis",
  memjs: "memcached",
  memcached: "memcached",
  "node-cache": "memory",
  "lru-cache": "memory",
  "memory-cache": "memory",
  memorystore: "memory",
  amqplib: "amqp",
  "amqplib/callback_api": "amqp",
  "amqp-connection-manager": "amqp",
  kafkajs: "kafka",
  nats: "nats",
  "@sendgrid/mail": "mail-api",
  postmark: "mail-api",
  resend: "mail-api",
  "mailgun.js": "mail-api",
  "@aws-sdk/client-ses": "mail-api",
  "@aws-sdk/client-sesv2": "mail-api",
};

/** Members of a client module that are a different kind than the module (express-session's MemoryStore). */
export const CLIENT_MEMBERS: ReadonlyArray<{ module: string; path: readonly string[]; kind: ServiceKind }> = [
  { module: "express-session", path: ["MemoryStore"], kind: "memory" },
  { module: "express-rate-limit", path: ["MemoryStore"], kind: "memory" },
];

/**
 * Values of the options that pick a database engine in ORMs and query builders: Sequelize
 * `dialect`, TypeORM `type`, knex `client`, MikroORM `driver`/`type`.
 */
export const ENGINE_OPTIONS: readonly string[] = ["dialect", "type", "client", "driver"];

export const ENGINE_NAMES: Readonly<Record<string, ServiceKind>> = {
  sqlite: "sqlite",
  sqlite3: "sqlite",
  "better-sqlite3": "sqlite",
  sqljs: "sqlite",
  postgres: "postgres",
  postgresql: "postgres",
  pg: "postgres",
  cockroachdb: "postgres",
  mysql: "mysql",
  mysql2: "mysql",
  mariadb: "mysql",
  mssql: "mssql",
  mongodb: "mongodb",
};

/** nodemailer `createTransport` options that keep mail in the process (printed or buffered, never sent). */
export const CONSOLE_MAIL_OPTIONS: readonly string[] = ["jsonTransport", "streamTransport"];

/** The conventional variable for a service of this kind (`redis` → REDIS_URL); databases default to DATABASE_URL. */
export function envNameOfKind(kind: ServiceKind | undefined): string {
  const scheme = Object.values(SERVICE_SCHEMES).find((info) => info.kind === kind && info.envName);
  return scheme?.envName ?? "DATABASE_URL";
}
