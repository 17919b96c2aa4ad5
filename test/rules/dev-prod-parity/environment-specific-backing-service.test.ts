import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { environmentSpecificBackingService } from "../../../server/src/rules/dev-prod-parity/environment-specific-backing-service";
import { runRuleTests } from "../../helpers/ruleTester";

const msg = (variable: string, development: string, production: string): string =>
  `This ${variable} branch uses ${development} in development but ${production} in production; run the same kind of backing service in every environment and vary only its configuration.`;

const SQL = msg("NODE_ENV", "SQLite", "PostgreSQL");

runRuleTests(environmentSpecificBackingService, {
  valid: [
    // Log level, minification, error detail.
    { code: `const logger = pino({ level: process.env.NODE_ENV === "production" ? "info" : "debug" });` },
    { code: `export default { mode: process.env.NODE_ENV === "production" ? "production" : "development", optimization: { minimize: process.env.NODE_ENV === "production" } };`, filename: "webpack.config.js" },
    { code: `app.use((err, req, res, next) => {\n  if (process.env.NODE_ENV !== "production") return res.status(500).json({ error: err.message, stack: err.stack });\n  res.status(500).json({ error: "Internal error" });\n});` },
    // The same kind of service on both sides: only its URL differs.
    { code: `import { Pool } from "pg";\nconst pool = new Pool({ connectionString: process.env.NODE_ENV === "production" ? process.env.DATABASE_URL : "postgres://localhost:5432/dev" });` },
    { code: `import Redis from "ioredis";\nconst redis = process.env.NODE_ENV === "production" ? new Redis(process.env.REDIS_URL!) : new Redis();` },
    { code: `const sequelize = new Sequelize({ dialect: process.env.NODE_ENV === "production" ? "postgres" : "postgresql" });` },
    // Feature flags are not environments.
    { code: `import Redis from "ioredis";\nconst cache = process.env.FEATURE_REDIS_CACHE === "true" ? new Redis() : new Map();` },
    { code: `import Redis from "ioredis";\nconst cache = useRedis ? new Redis() : new Map();` },
    // Tests against development and production alike: not a dev/prod difference.
    { code: `import Redis from "ioredis";\nconst cache = process.env.NODE_ENV === "test" ? new Map() : new Redis();` },
    // A service on one side only.
    { code: `import Redis from "ioredis";\nif (process.env.NODE_ENV === "production") {\n  app.use(rateLimit({ store: new Redis() }));\n}` },
    // An ordinary Map used inside a branch is data, not a cache.
    { code: `import Redis from "ioredis";\nif (process.env.NODE_ENV === "production") {\n  const redis = new Redis();\n} else {\n  seen.set("x", new Map());\n}` },
    // Logging to the console in development is not a mailer.
    { code: `import nodemailer from "nodemailer";\nconst log = process.env.NODE_ENV === "production" ? logger.info : console.log;` },
    // MySQL in both: a default overridden by the same kind.
    { code: `import mysql from "mysql2";\nlet pool = mysql.createPool({ host: "localhost" });\nif (process.env.NODE_ENV === "production") pool = mysql.createPool({ uri: process.env.DATABASE_URL });` },
    // Environment-keyed configs with the same client, or without services.
    { code: `module.exports = {\n  development: { client: "pg", connection: "postgres://localhost/dev" },\n  test: { client: "sqlite3", connection: { filename: ":memory:" } },\n  production: { client: "pg", connection: process.env.DATABASE_URL },\n};`, filename: "knexfile.js" },
    { code: `export const logging = { development: { level: "debug" }, production: { level: "info" } };` },
    // A condition that depends on something besides the environment.
    { code: `import Database from "better-sqlite3";\nimport { Pool } from "pg";\nconst db = process.env.NODE_ENV === "production" && process.env.USE_PG ? new Pool() : new Database("dev.db");` },
  ],
  invalid: [
    {
      name: "SQLite in development, PostgreSQL in production (ternary)",
      code: `import Database from "better-sqlite3";\nimport { Pool } from "pg";\nexport const db = process.env.NODE_ENV === "production" ? new Pool() : new Database("dev.db");`,
      errors: [{ message: SQL, line: 3, column: 19, endLine: 3, endColumn: 56, severity: "info" }],
    },
    {
      name: "the dialect chosen inline",
      code: `import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize({ dialect: process.env.NODE_ENV === "production" ? "postgres" : "sqlite", storage: "dev.sqlite" });`,
      errors: [{ message: SQL, line: 2, column: 44, endLine: 2, endColumn: 81 }],
    },
    {
      name: "TypeORM options by `type`, negated condition, if/else",
      code: `const isDev = process.env.NODE_ENV !== "production";\nlet options;\nif (isDev) {\n  options = { type: "sqlite", database: "dev.db" };\n} else {\n  options = { type: "postgres", url: process.env.DATABASE_URL };\n}`,
      errors: [{ message: SQL, line: 3, column: 5, endLine: 3, endColumn: 10 }],
    },
    {
      name: "memory vs Redis cache through an imported helper",
      code: `import Redis from "ioredis";\nimport NodeCache from "node-cache";\nimport { isProduction } from "./env";\nexport const cache = isProduction() ? new Redis(process.env.REDIS_URL!) : new NodeCache();`,
      files: { "src/env.ts": `export const isProduction = () => process.env.NODE_ENV === "production";\n` },
      errors: [{ message: msg("NODE_ENV", "an in-process memory store", "Redis"), line: 4, column: 22, endLine: 4, endColumn: 36 }],
    },
    {
      name: "new Map() as the development cache, APP_ENV",
      code: `import { createClient } from "redis";\nconst cache = process.env.APP_ENV === "prod" ? createClient({ url: process.env.REDIS_URL }) : new Map();`,
      errors: [{ message: msg("APP_ENV", "an in-process memory store", "Redis"), line: 2, column: 15, endLine: 2, endColumn: 45 }],
    },
    {
      name: "console mailer in development, SMTP in production",
      code: `import nodemailer from "nodemailer";\nconst transport = nodemailer.createTransport(\n  process.env.NODE_ENV === "production" ? { host: process.env.SMTP_HOST, port: 587 } : { jsonTransport: true },\n);`,
      errors: [{ message: `This NODE_ENV branch uses a console mailer that sends nothing in development but an SMTP mailer in production; run the same kind of backing service in every environment and vary only its configuration.`, line: 3, column: 3, endLine: 3, endColumn: 40 }],
    },
    {
      name: "a printing function against SendGrid",
      code: `import sgMail from "@sendgrid/mail";\nexport const sendMail = process.env.NODE_ENV === "development" ? (msg: unknown) => console.log(msg) : (msg: any) => sgMail.send(msg);`,
      errors: [{ message: `This NODE_ENV branch uses a console mailer that sends nothing in development but a mail delivery API in production; run the same kind of backing service in every environment and vary only its configuration.`, line: 2, column: 25, endLine: 2, endColumn: 63 }],
    },
    {
      name: "switch on NODE_ENV with fall-through to default",
      code: [
        `import knex from "knex";`,
        `let db;`,
        `switch (process.env.NODE_ENV) {`,
        `  case "production":`,
        `  case "staging":`,
        `    db = knex({ client: "pg", connection: process.env.DATABASE_URL });`,
        `    break;`,
        `  default:`,
        `    db = knex({ client: "better-sqlite3", connection: { filename: "./dev.sqlite3" } });`,
        `}`,
      ].join("\n"),
      errors: [{ message: SQL, line: 3, column: 9, endLine: 3, endColumn: 29 }],
    },
    {
      name: "early return instead of else",
      code: `import { Pool } from "pg";\nimport sqlite3 from "sqlite3";\nexport function openDb() {\n  if (process.env.NODE_ENV === "production") {\n    return new Pool({ connectionString: process.env.DATABASE_URL });\n  }\n  return new sqlite3.Database("dev.db");\n}`,
      errors: [{ message: SQL, line: 4, column: 7, endLine: 4, endColumn: 44 }],
    },
    {
      name: "a development default overridden in production",
      code: `import Database from "better-sqlite3";\nimport { Pool } from "pg";\nlet db = new Database("dev.db");\nif (process.env.NODE_ENV === "production") db = new Pool();`,
      errors: [{ message: SQL, line: 4, column: 5, endLine: 4, endColumn: 42 }],
    },
    {
      name: "an else-if chain: the test arm is not development",
      code: `import Redis from "ioredis";\nimport { Pool } from "pg";\nimport Database from "better-sqlite3";\nconst isProd = process.env.NODE_ENV === "production";\nlet db;\nif (isProd) {\n  db = new Pool();\n} else if (process.env.NODE_ENV === "test") {\n  db = new Pool({ database: "test" });\n} else {\n  db = new Database("dev.db");\n}`,
      errors: [{ message: SQL, line: 6, column: 5, endLine: 6, endColumn: 11 }],
    },
    {
      name: "an includes() list and a session store written with && and ||",
      code: `import session from "express-session";\nimport RedisStore from "connect-redis";\nconst store = (["production", "staging"].includes(process.env.NODE_ENV!) && new RedisStore({ client })) || new session.MemoryStore();`,
      errors: [{ message: msg("NODE_ENV", "an in-process memory store", "Redis"), line: 3, column: 16, endLine: 3, endColumn: 73 }],
    },
    {
      name: "names resolved to clients; connection URLs by scheme",
      code: `import { MongoClient } from "mongodb";\nconst prodDb = new MongoClient(process.env.MONGODB_URI!);\nconst devUrl = "postgres://localhost/dev";\nexport const db = process.env.NODE_ENV === "production" ? prodDb : devUrl;`,
      errors: [{ message: msg("NODE_ENV", "PostgreSQL", "MongoDB"), line: 4, column: 19, endLine: 4, endColumn: 56 }],
    },
    {
      name: "a knexfile keyed by environment (as knex init writes it) is reported on the development key",
      filename: "knexfile.js",
      code: `module.exports = {\n  development: {\n    client: "sqlite3",\n    connection: { filename: "./dev.sqlite3" },\n  },\n  production: {\n    client: "postgresql",\n    connection: process.env.DATABASE_URL,\n  },\n};`,
      errors: [{ message: `This config keyed by environment uses SQLite in development but PostgreSQL in production; run the same kind of backing service in every environment and vary only its configuration.`, line: 2, column: 3, endLine: 2, endColumn: 14 }],
    },
    {
      name: "a config flag defined in another file",
      code: `import { config } from "./config";\nimport { DataSource } from "typeorm";\nexport const source = new DataSource(config.isProduction ? { type: "postgres", url: process.env.DATABASE_URL } : { type: "sqlite", database: "dev.sqlite" });`,
      files: { "src/config.ts": `export const config = { isProduction: process.env.NODE_ENV === "production" };\n` },
      errors: [{ message: SQL, line: 3, column: 38, endLine: 3, endColumn: 57 }],
    },
  ],
});

describe("the pre-scan of environment-specific-backing-service", () => {
  const { trigger } = environmentSpecificBackingService;
  it("skips files that name no stage, or no backing service", () => {
    assert.equal(trigger.test(`export const productName = "x";\nexport const device = { dev: 1 };\nconst db = connect();\n`), false);
    assert.equal(trigger.test(`if (process.env.NODE_ENV === "production") console.log("hi");\n`), false);
    assert.equal(trigger.test(`const devDependencies = ["redis"];\n`), false);
  });
  it("takes files that name both", () => {
    assert.equal(trigger.test(`const cache = process.env.NODE_ENV === "production" ? new Redis() : new Map();\n`), true);
    assert.equal(trigger.test(`import { isProd } from "./env";\nexport const store = isProd ? redisStore : memoryStore;\n`), true);
    assert.equal(trigger.test(`module.exports = { development: { client: "sqlite3" }, production: { client: "pg" } };\n`), true);
  });
});
