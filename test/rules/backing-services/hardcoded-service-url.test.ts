import path from "node:path";
import { fixProject } from "../../../server/src/cli/fixStep";
import { Engine } from "../../../server/src/engine/analyzer";
import { envNameForScheme } from "../../../server/src/rules/config/secrets/urlCredentials";
import { SERVICE_SCHEMES } from "../../../server/src/rules/shared/backingServices";
import { writeProject } from "../../helpers/project";
import { hardcodedServiceUrl } from "../../../server/src/rules/backing-services/hardcoded-service-url";
import assert from "node:assert/strict";
import { it } from "node:test";
import { analyze, runRuleTests } from "../../helpers/ruleTester";

const url = (service: string, shown: string, env: string, via = ""): string =>
  `Hardcoded ${service} connection string ${shown}${via}; read it from process.env.${env} so each deploy can attach its own ${service}.`;
const fallback = (service: string, shown: string, env: string): string =>
  `Hardcoded ${service} connection string ${shown} as the fallback of process.env.${env}; remove the fallback and set ${env} in every environment.`;
const host = (service: string, value: string, sink: string, env: string, via = ""): string =>
  `Hardcoded ${service} host "${value}" in ${sink}${via}; read the connection from the environment (process.env.${env}) so each deploy can attach its own ${service}.`;

// Assembled at run time so the repository holds no credential-bearing URL.
const PASSWORD = ["s3cr", "etPa", "ss91"].join("");
const WITH_CREDENTIALS = `postgres://app:${PASSWORD}@db.internal:5432/app`;

runRuleTests(hardcodedServiceUrl, {
  valid: [
    // Built from the environment.
    { code: `const pool = new Pool({ connectionString: process.env.DATABASE_URL });` },
    { code: "const url = `postgres://${process.env.DB_USER}:${process.env.DB_PASSWORD}@${process.env.DB_HOST}/app`;\nconnect(url);" },
    { code: "const redisUrl = `redis://${host}:6379`;" },
    // A local default behind an env read is fine, as `process.env.PORT ?? 3000` is.
    { code: `const url = process.env.DATABASE_URL ?? "postgres://localhost:5432/dev";` },
    { code: `const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";` },
    { code: `const { MONGODB_URI = "mongodb://localhost:27017/app" } = process.env;` },
    { code: `const amqpUrl = process.env.AMQP_URL ?? "amqp://rabbitmq:5672";` },
    // Docs and comments are not literals.
    { code: `// connect with postgres://localhost:5432/app\n/* redis://localhost:6379 */\nexport {};` },
    { code: `/**\n * @example\n * const pool = new Pool({ connectionString: "postgres://localhost/db" });\n */\nexport function makePool() {}` },
    // Help texts, placeholders and probes.
    { code: `program.option("--db <url>", "database URL", undefined);\nconst opts = { description: "postgres://localhost:5432/app", example: "redis://localhost:6379" };` },
    { code: `const template = "postgres://user:password@host:port/database";` },
    { code: `const sample = "redis://<host>:6379";\nconst other = "amqp://your-broker.example.com";` },
    { code: `if (url.startsWith("postgres://localhost")) warn();\nif (url === "redis://localhost:6379") warn();` },
    { code: `throw new Error("DATABASE_URL must look like postgres://user@host/db");` },
    { code: `type Url = "postgres://localhost/app";\nconst x: Url = process.env.DATABASE_URL as Url;` },
    { code: `const input = <input placeholder="postgres://localhost:5432/app" title={"redis://cache.internal"} />;`, filename: "src/form.tsx" },
    { code: "const a = \"postgres://${DB_HOST}/app\";\nconst b = \"redis://{host}:6379\";\nconst c = \"redis://[::1\";\nconst d = \"mongodb://db.example.com/app\";" },
    // Not backing services.
    { code: `const api = "https://api.example.com/v1";\nconst page = "http://localhost:3000";\nfetch("https://db.internal/health");` },
    { code: `const file = "sqlite://./dev.db";\nconst s3 = "s3://bucket/key";` },
    // Options from the environment, unknown values, unknown clients.
    { code: `import { Pool } from "pg";\nconst pool = new Pool({ host: process.env.PGHOST, port: 5432 });` },
    { code: `import { Pool } from "pg";\nconst pool = new Pool({ host: process.env.PGHOST ?? "localhost" });` },
    { code: `import { Pool } from "pg";\nexport function make(host: string) { return new Pool({ host }); }` },
    { code: `const pool = new Pool({ host: "localhost" });` },
    { code: `import Redis from "ioredis";\nconst redis = new Redis(Number(process.env.REDIS_PORT), process.env.REDIS_HOST);` },
    { code: `import { Kafka } from "kafkajs";\nconst kafka = new Kafka({ brokers: (process.env.KAFKA_BROKERS ?? "").split(",") });` },
    // Templates: a part from a parameter or the environment makes the URL config.
    { code: "export const urlFor = (host: string) => `redis://${host}:6379`;\nconst PW = \"" + PASSWORD + "\";\nexport const db = `postgres://app:${PW}@${process.env.DB_HOST}/app`;" },
  ],
  invalid: [
    {
      name: "a postgres URL in a client option; the fix moves it to the environment",
      code: `import { Pool } from "pg";\nconst pool = new Pool({ connectionString: "postgres://localhost:5432/app" });`,
      errors: [{ message: url("PostgreSQL", `"postgres://localhost:5432/app"`, "DATABASE_URL"), line: 2, column: 43, endLine: 2, endColumn: 74, severity: "info" }],
      output: `import { Pool } from "pg";\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });`,
      outputFiles: { ".env.example": "DATABASE_URL=\n", ".env": null },
    },
    {
      name: "mongoose.connect with a mongodb+srv URL; .env is git-ignored so the value moves there",
      code: `import mongoose from "mongoose";\nawait mongoose.connect("mongodb+srv://cluster0.abcde.mongodb.net/shop");`,
      files: { ".gitignore": ".env\n", ".env.example": "PORT=\n" },
      errors: [{ message: url("MongoDB", `"mongodb+srv://cluster0.abcde.mongodb.net/shop"`, "MONGODB_URI"), line: 2, column: 24, endLine: 2, endColumn: 71 }],
      output: `import mongoose from "mongoose";\nawait mongoose.connect(process.env.MONGODB_URI);`,
      outputFiles: { ".env.example": "PORT=\nMONGODB_URI=\n", ".env": "MONGODB_URI=mongodb+srv://cluster0.abcde.mongodb.net/shop\n" },
    },
    {
      name: "credentials are redacted in the message",
      code: `export const DATABASE_URL = "${WITH_CREDENTIALS}";`,
      errors: [{ message: url("PostgreSQL", `"post…" (${WITH_CREDENTIALS.length} chars)`, "DATABASE_URL"), line: 1, column: 29, endLine: 1, endColumn: 31 + WITH_CREDENTIALS.length }],
      output: `export const DATABASE_URL = process.env.DATABASE_URL;`,
      outputFiles: { ".env.example": "DATABASE_URL=\n" },
    },
    {
      name: "an existing .env.example key is never duplicated, an existing .env value never overwritten",
      code: `const client = createClient({ url: "redis://cache.internal:6379" });`,
      files: { ".gitignore": ".env\n", ".env.example": "REDIS_URL=\n", ".env": "REDIS_URL=redis://localhost:6379\n" },
      errors: [{ message: url("Redis", `"redis://cache.internal:6379"`, "REDIS_URL"), line: 1, column: 36, endLine: 1, endColumn: 65 }],
      output: `const client = createClient({ url: process.env.REDIS_URL });`,
      outputFiles: { ".env.example": "REDIS_URL=\n", ".env": "REDIS_URL=redis://localhost:6379\n" },
    },
    {
      name: "a second database in the same file gets its own variable",
      code: `const primary = "postgres://db.internal/app";\nconst replicaUrl = "postgres://replica.internal/app";\nconst again = "postgres://db.internal/app";`,
      errors: [
        { message: url("PostgreSQL", `"postgres://db.internal/app"`, "DATABASE_URL"), line: 1, column: 17, endLine: 1, endColumn: 45 },
        { message: url("PostgreSQL", `"postgres://replica.internal/app"`, "REPLICA_URL"), line: 2, column: 20, endLine: 2, endColumn: 53 },
        { message: url("PostgreSQL", `"postgres://db.internal/app"`, "DATABASE_URL"), line: 3, column: 15, endLine: 3, endColumn: 43 },
      ],
      output: `const primary = process.env.DATABASE_URL;\nconst replicaUrl = process.env.REPLICA_URL;\nconst again = process.env.DATABASE_URL;`,
    },
    {
      name: "the conventional name already read in the file for another value",
      code: `const main = new Pool({ connectionString: process.env.DATABASE_URL });\nconst reports = new Pool({ connectionString: "postgres://reports.internal/app" });`,
      errors: [{ message: url("PostgreSQL", `"postgres://reports.internal/app"`, "DATABASE_URL_2"), line: 2, column: 46, endLine: 2, endColumn: 79 }],
      output: `const main = new Pool({ connectionString: process.env.DATABASE_URL });\nconst reports = new Pool({ connectionString: process.env.DATABASE_URL_2 });`,
      outputFiles: { ".env.example": "DATABASE_URL_2=\n" },
    },
    {
      name: "amqp, nats and smtp URLs",
      code: `amqp.connect("amqp://rabbit.internal");\nconnect({ servers: "nats://nats.internal:4222" });\nnodemailer.createTransport("smtp://smtp.mailgun.org:587");`,
      errors: [
        { message: url("AMQP", `"amqp://rabbit.internal"`, "AMQP_URL"), line: 1, column: 14, endLine: 1, endColumn: 38 },
        { message: url("NATS", `"nats://nats.internal:4222"`, "NATS_URL"), line: 2, column: 20, endLine: 2, endColumn: 47 },
        { message: url("SMTP", `"smtp://smtp.mailgun.org:587"`, "SMTP_URL"), line: 3, column: 28, endLine: 3, endColumn: 57 },
      ],
      output: `amqp.connect(process.env.AMQP_URL);\nconnect({ servers: process.env.NATS_URL });\nnodemailer.createTransport(process.env.SMTP_URL);`,
    },
    {
      name: "a template whose parts are all known literals is read as the URL it builds",
      code: "const PW = \"" + PASSWORD + "\";\nexport const databaseUrl = `postgres://app:${PW}@db.internal:5432/app`;",
      errors: [{ message: url("PostgreSQL", `"post…" (${WITH_CREDENTIALS.length} chars)`, "DATABASE_URL", " (built from `PW`)"), line: 2, column: 28, endLine: 2, endColumn: 71 }],
      output: "const PW = \"" + PASSWORD + "\";\nexport const databaseUrl = process.env.DATABASE_URL;",
      outputFiles: { ".env.example": "DATABASE_URL=\n" },
    },
    {
      name: "a template with a host from another file",
      code: `import { DB_HOST } from "./config";\nexport const redisUrl = \`redis://\${DB_HOST}:6379\`;`,
      files: { "src/config.ts": `export const DB_HOST = "cache.internal";\n` },
      errors: [{ message: url("Redis", `"redis://cache.internal:6379"`, "REDIS_URL", " (built from `DB_HOST` in src/config.ts)"), line: 2, column: 25, endLine: 2, endColumn: 50 }],
      output: `import { DB_HOST } from "./config";\nexport const redisUrl = process.env.REDIS_URL;`,
      outputFiles: { ".env.example": "REDIS_URL=\n" },
    },
    {
      name: "a non-local fallback is reported without a fix",
      code: `const url = process.env.DATABASE_URL ?? "postgres://prod-db.acme.io/app";`,
      errors: [{ message: fallback("PostgreSQL", `"postgres://prod-db.acme.io/app"`, "DATABASE_URL"), line: 1, column: 41, endLine: 1, endColumn: 73 }],
    },
    {
      name: "as const is replaced whole; a JSX attribute gets braces",
      filename: "src/admin.tsx",
      code: `const DEFAULT = "redis://cache.internal" as const;\nconst view = <Status target="mysql://db.internal/app" />;`,
      errors: [
        { message: url("Redis", `"redis://cache.internal"`, "REDIS_URL"), line: 1, column: 17, endLine: 1, endColumn: 41 },
        { message: url("MySQL", `"mysql://db.internal/app"`, "DATABASE_URL"), line: 2, column: 29, endLine: 2, endColumn: 54 },
      ],
      output: `const DEFAULT = process.env.REDIS_URL;\nconst view = <Status target={process.env.DATABASE_URL} />;`,
    },
    {
      name: "an IPv6 host; a one-letter name does not name the second variable",
      files: { ".env.example": "AMQP_URL=\n" },
      code: `const main = process.env.AMQP_URL;\nexport function connect(u = "amqp://[::1]:5672") { return u; }`,
      errors: [{ message: url("AMQP", `"amqp://[::1]:5672"`, "AMQP_URL_2"), line: 2, column: 29, endLine: 2, endColumn: 48 }],
      output: `const main = process.env.AMQP_URL;\nexport function connect(u = process.env.AMQP_URL_2) { return u; }`,
      outputFiles: { ".env.example": "AMQP_URL=\nAMQP_URL_2=\n" },
    },
    {
      name: "test folders are reported without a fix",
      filename: "test/db.test.ts",
      code: `const url = "postgres://localhost:5432/test";`,
      errors: [{ message: url("PostgreSQL", `"postgres://localhost:5432/test"`, "DATABASE_URL"), line: 1, column: 13, endLine: 1, endColumn: 45, severity: "info" }],
    },
    {
      name: "an enum member cannot hold an env read: no fix",
      code: `enum Urls { Cache = "redis://cache.internal:6379" }`,
      errors: [{ message: url("Redis", `"redis://cache.internal:6379"`, "REDIS_URL"), line: 1, column: 21, endLine: 1, endColumn: 50 }],
    },
    {
      name: "pg Pool host option",
      code: `import { Pool } from "pg";\nconst pool = new Pool({ host: "localhost", port: 5432, database: "app" });`,
      errors: [{ message: host("PostgreSQL", "localhost", "pg Pool()", "DATABASE_URL"), line: 2, column: 31, endLine: 2, endColumn: 42 }],
    },
    {
      name: "host options through a constant in another file",
      code: `import pg from "pg";\nimport { dbConfig } from "./config";\nconst client = new pg.Client(dbConfig);`,
      files: { "src/config.ts": `export const dbConfig = { host: "10.0.0.12", port: 5432 };\n` },
      errors: [{ message: host("PostgreSQL", "10.0.0.12", "pg Client()", "DATABASE_URL", " (via `dbConfig` in src/config.ts)"), line: 3, column: 30, endLine: 3, endColumn: 38 }],
    },
    {
      name: "mysql2, Sequelize (dialect from options), TypeORM and knex",
      filename: "src/db.js",
      code: [
        `const mysql = require("mysql2/promise");`,
        `const { Sequelize } = require("sequelize");`,
        `const { DataSource } = require("typeorm");`,
        `const knex = require("knex");`,
        `const HOST = "db.internal";`,
        `mysql.createPool({ host: HOST });`,
        `new Sequelize("app", "user", process.env.DB_PASSWORD, { host: "db.internal", dialect: "postgres" });`,
        `new DataSource({ type: "mysql", host: "127.0.0.1" });`,
        `knex({ client: "pg", connection: { host: "pg.internal", database: "app" } });`,
      ].join("\n"),
      errors: [
        { message: host("MySQL", "db.internal", "mysql2/promise createPool()", "DATABASE_URL", " (via `HOST`)"), line: 6, column: 26, endLine: 6, endColumn: 30 },
        { message: host("PostgreSQL", "db.internal", "Sequelize options", "DATABASE_URL"), line: 7, column: 63, endLine: 7, endColumn: 76 },
        { message: host("MySQL", "127.0.0.1", "TypeORM DataSource options", "DATABASE_URL"), line: 8, column: 39, endLine: 8, endColumn: 50 },
        { message: host("PostgreSQL", "pg.internal", "knex connection", "DATABASE_URL"), line: 9, column: 42, endLine: 9, endColumn: 55 },
      ],
    },
    {
      name: "ioredis positional host and options, node-redis socket host",
      code: `import Redis from "ioredis";\nimport { createClient } from "redis";\nnew Redis(6379, "cache.internal");\nnew Redis({ host: "localhost", port: 6379 });\ncreateClient({ socket: { host: "redis.internal", port: 6379 } });`,
      errors: [
        { message: host("Redis", "cache.internal", "ioredis Redis()", "REDIS_URL"), line: 3, column: 17, endLine: 3, endColumn: 33 },
        { message: host("Redis", "localhost", "ioredis Redis()", "REDIS_URL"), line: 4, column: 19, endLine: 4, endColumn: 30 },
        { message: host("Redis", "redis.internal", "redis createClient()", "REDIS_URL"), line: 5, column: 32, endLine: 5, endColumn: 48 },
      ],
    },
    {
      name: "nodemailer SMTP host and a non-local env fallback host",
      code: `import nodemailer from "nodemailer";\nnodemailer.createTransport({ host: "smtp.sendgrid.net", port: 587 });\nnodemailer.createTransport({ host: process.env.SMTP_HOST ?? "smtp.mailgun.org" });`,
      errors: [
        { message: host("SMTP", "smtp.sendgrid.net", "nodemailer createTransport()", "SMTP_URL"), line: 2, column: 36, endLine: 2, endColumn: 55 },
        { message: `Hardcoded SMTP host "smtp.mailgun.org" as the fallback of process.env.SMTP_HOST in nodemailer createTransport(); remove the fallback and set SMTP_HOST in every environment.`, line: 3, column: 36, endLine: 3, endColumn: 79 },
      ],
    },
    {
      name: "kafkajs brokers: the list moves to KAFKA_BROKERS",
      code: `import { Kafka } from "kafkajs";\nconst kafka = new Kafka({ clientId: "app", brokers: ["localhost:9092", "kafka2:9092"] });`,
      files: { ".gitignore": ".env\n" },
      errors: [{ message: `Hardcoded Kafka addresses "localhost:9092,kafka2:9092" in kafkajs Kafka(); read them from process.env.KAFKA_BROKERS so each deploy can attach its own Kafka.`, line: 2, column: 53, endLine: 2, endColumn: 86 }],
      output: `import { Kafka } from "kafkajs";\nconst kafka = new Kafka({ clientId: "app", brokers: (process.env.KAFKA_BROKERS ?? "").split(",") });`,
      outputFiles: { ".env.example": "KAFKA_BROKERS=\n", ".env": "KAFKA_BROKERS=localhost:9092,kafka2:9092\n" },
    },
    {
      name: "kafkajs brokers in another file: the fix edits that file",
      code: `import { Kafka } from "kafkajs";\nimport { BROKERS } from "./settings";\nnew Kafka({ brokers: BROKERS });`,
      files: { "src/settings.ts": `export const BROKERS = ["b1.internal:9092"];\n` },
      errors: [{ message: `Hardcoded Kafka addresses "b1.internal:9092" in kafkajs Kafka() (via \`BROKERS\` in src/settings.ts); read them from process.env.KAFKA_BROKERS so each deploy can attach its own Kafka.`, line: 3, column: 22, endLine: 3, endColumn: 29 }],
      output: `import { Kafka } from "kafkajs";\nimport { BROKERS } from "./settings";\nnew Kafka({ brokers: BROKERS });`,
      outputFiles: { "src/settings.ts": `export const BROKERS = (process.env.KAFKA_BROKERS ?? "").split(",");\n`, ".env.example": "KAFKA_BROKERS=\n" },
    },
    {
      name: "inside describe() in a source file: lower severity, no fix",
      code: `describe("db", () => {\n  const url = "postgres://localhost/test";\n});`,
      errors: [{ message: url("PostgreSQL", `"postgres://localhost/test"`, "DATABASE_URL"), line: 2, column: 15, endLine: 2, endColumn: 42 }],
    },
  ],
});

// Several URLs in one file: each fix adds its own key. (A fix-all applies one insertion per
// point of .env.example per pass, so the table above asserts the source text only.)
it("each URL's fix adds its own variable to .env.example", () => {
  const result = analyze(hardcodedServiceUrl, {
    code: `const primary = "postgres://db.internal/app";\nconst replicaUrl = "postgres://replica.internal/app";\nconst cache = "redis://cache.internal";`,
    files: { ".env.example": "PORT=\n" },
  });
  try {
    const added = result.findings.map((finding) => finding.fixes[0]?.edits.filter((edit) => edit.file.endsWith(".env.example")).map((edit) => edit.newText));
    assert.deepEqual(added, [["DATABASE_URL=\n"], ["REPLICA_URL=\n"], ["REDIS_URL=\n"]]);
    assert.deepEqual(result.findings.map((finding) => finding.fixes[0]?.safe), [false, false, false], "no .env to keep the values: review needed");
  } finally {
    result.cleanup();
  }
});

it("test code is reported one step lower than the configured severity", () => {
  const project = writeProject({ "test/db.test.ts": `const url = "postgres://localhost/test";`, "src/db.ts": `const url = "postgres://db.internal/app";` });
  try {
    const engine = new Engine({ root: project.root, rules: [hardcodedServiceUrl], config: { rules: { [hardcodedServiceUrl.id]: "warning" }, ignore: [], secrets: { allow: [] } } });
    const severity = (file: string): string[] => engine.analyzeFile(path.join(project.root, file)).findings.map((finding) => finding.severity);
    assert.deepEqual(severity("test/db.test.ts"), ["info"]);
    assert.deepEqual(severity("src/db.ts"), ["warning"]);
  } finally {
    project.cleanup();
  }
});

it("uses the same variable names as the secret rule's fix for URLs with passwords", () => {
  for (const [scheme, info] of Object.entries(SERVICE_SCHEMES)) {
    if (info.envName) assert.equal(info.envName, envNameForScheme(scheme), scheme);
  }
});

it("--fix moves every URL of a file, over several passes, with each key in .env.example and .env", async () => {
  const project = writeProject({
    ".gitignore": ".env\n",
    "src/db.ts": `const primary = "postgres://db.internal/app";\nconst replicaUrl = "postgres://replica.internal/app";\nconst cache = "redis://cache.internal";\n`,
  });
  try {
    const config = { rules: {}, ignore: [], secrets: { allow: [] } };
    const engine = new Engine({ root: project.root, rules: [hardcodedServiceUrl], config });
    const { findings } = engine.analyzeFile(path.join(project.root, "src/db.ts"));
    await fixProject({ root: project.root, findings, config, rules: [hardcodedServiceUrl], errorsOnly: false });
    assert.equal(project.read("src/db.ts"), `const primary = process.env.DATABASE_URL;\nconst replicaUrl = process.env.REPLICA_URL;\nconst cache = process.env.REDIS_URL;\n`);
    assert.equal(project.read(".env.example"), "DATABASE_URL=\nREPLICA_URL=\nREDIS_URL=\n");
    assert.equal(project.read(".env"), "DATABASE_URL=postgres://db.internal/app\nREPLICA_URL=postgres://replica.internal/app\nREDIS_URL=redis://cache.internal\n");
  } finally {
    project.cleanup();
  }
});

it("a fix is safe only when the value is kept in a git-ignored .env", () => {
  const code = `import { Kafka } from "kafkajs";\nnew Kafka({ brokers: ["k1.internal:9092"] });\nconst url = "redis://cache.internal";`;
  for (const [files, expected] of [[{ ".gitignore": ".env\n" }, [true, true]], [{}, [false, false]], [{ ".gitignore": ".env\n", ".env": "KAFKA_BROKERS=x:1\nREDIS_URL=redis://localhost\n" }, [false, false]]] as const) {
    const result = analyze(hardcodedServiceUrl, { code, files });
    try {
      assert.deepEqual(result.findings.map((finding) => finding.fixes[0]?.safe), expected, JSON.stringify(files));
    } finally {
      result.cleanup();
    }
  }
});

it("the pre-scan matches client names as written and service URLs in any case", () => {
  const { trigger } = hardcodedServiceUrl;
  assert.equal(trigger.test(`// caches the redis keys\nexport const dataSource = loadSettings();\n`), false);
  assert.equal(trigger.test(`export const client = new Redis(6379, "cache.internal");\n`), true);
  assert.equal(trigger.test(`export const url = "REDIS://cache.internal:6379";\n`), true);
  assert.equal(trigger.test(`import { Pool } from "pg";\n`), true);
});
