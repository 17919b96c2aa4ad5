import type { InvalidCase, ValidCase } from "../../../../helpers/ruleTester";
import { PROVIDER_SAMPLES, random } from "../samples";
import { at, shown } from "./support";

const R1 = random("alnum", 24);
const STRIPE = PROVIDER_SAMPLES["stripe-live-secret-key"].value;
/** Assembled at run time so that this file holds no URL with a password. */
const PW = ["s3cret", "Pw"].join("");
const BASIC_SECRET = Buffer.from("deploy:hunter22").toString("base64");

function sinkMessage(secret: string, signal: string, envName: string, via = ""): string {
  return `Hardcoded secret ${shown(secret)}: ${signal}${via}. Read it from process.env.${envName} instead.`;
}

interface SinkCase {
  name: string;
  code: string;
  needle: string;
  occurrence?: number;
  /** The needle is the first one after this text. */
  after?: string;
  secret: string;
  signal: string;
  envName: string;
  via?: string;
  severity?: "warning" | "info";
  output?: string;
  files?: Record<string, string>;
  outputFiles?: Record<string, string | null>;
}

function sink(c: SinkCase): InvalidCase {
  return {
    name: c.name,
    code: c.code,
    files: c.files,
    errors: [{ ...(c.after === undefined ? at(c.code, c.needle, c.occurrence) : after(c.code, c.after, c.needle)), message: sinkMessage(c.secret, c.signal, c.envName, c.via), signals: [c.signal], severity: c.severity ?? "warning" }],
    ...(c.output === undefined ? {} : { output: c.output, outputFiles: c.outputFiles ?? { ".env.example": `${c.envName}=\n` } }),
  };
}

/** The range of `needle` where it first follows `context`. */
function after(code: string, context: string, needle: string) {
  const from = code.indexOf(context) + context.length;
  const occurrence = code.slice(0, code.indexOf(needle, from)).split(needle).length - 1;
  return at(code, needle, occurrence);
}

const pool = (options: string) => `import { Pool } from "pg";\nexport const pool = new Pool(${options});\n`;

/** A weak credential is config where it configures a client, a session or a token signer; names are followed into those places. */
export const SINK_CASES: InvalidCase[] = [
  // Client options: any real value is a credential there, however weak.
  sink({ name: "pg Pool password option", code: pool(`{ host: process.env.PGHOST, password: "hunter2" }`), needle: `"hunter2"`, secret: "hunter2", signal: "`password` option of pg Pool()", envName: "DB_PASSWORD", output: pool(`{ host: process.env.PGHOST, password: process.env.DB_PASSWORD }`) }),
  sink({ name: "a product default is reported one step lower", code: pool(`{ user: "root", password: "root" }`), needle: `"root"`, occurrence: 1, secret: "root", signal: "`password` option of pg Pool()", envName: "DB_PASSWORD", severity: "info", output: pool(`{ user: "root", password: process.env.DB_PASSWORD }`) }),
  sink({ name: "mysql2 createConnection in CommonJS", code: `const mysql = require("mysql2");\nconst db = mysql.createConnection({ host: "db", user: "app", password: "s3cret!" });\n`, needle: `"s3cret!"`, secret: "s3cret!", signal: "`password` option of mysql2 createConnection()", envName: "DB_PASSWORD", output: `const mysql = require("mysql2");\nconst db = mysql.createConnection({ host: "db", user: "app", password: process.env.DB_PASSWORD });\n` }),
  sink({ name: "Sequelize's password argument", code: `import { Sequelize } from "sequelize";\nexport const db = new Sequelize("app", "app", "hunter2", { dialect: "postgres" });\n`, needle: `"hunter2"`, secret: "hunter2", signal: "argument 3 of Sequelize()", envName: "DB_PASSWORD", output: `import { Sequelize } from "sequelize";\nexport const db = new Sequelize("app", "app", process.env.DB_PASSWORD, { dialect: "postgres" });\n` }),
  sink({ name: "ioredis options after host and port", code: `import Redis from "ioredis";\nexport const redis = new Redis(6379, "cache", { password: "hunter2" });\n`, needle: `"hunter2"`, secret: "hunter2", signal: "`password` option of ioredis Redis()", envName: "REDIS_PASSWORD", output: `import Redis from "ioredis";\nexport const redis = new Redis(6379, "cache", { password: process.env.REDIS_PASSWORD });\n` }),
  sink({ name: "nodemailer auth.pass", code: `import nodemailer from "nodemailer";\nexport const mailer = nodemailer.createTransport({ host: "smtp", auth: { user: "app", pass: "hunter2" } });\n`, needle: `"hunter2"`, secret: "hunter2", signal: "`auth.pass` option of nodemailer createTransport()", envName: "SMTP_PASSWORD", output: `import nodemailer from "nodemailer";\nexport const mailer = nodemailer.createTransport({ host: "smtp", auth: { user: "app", pass: process.env.SMTP_PASSWORD } });\n` }),
  sink({ name: "mongoose connect pass", code: `import mongoose from "mongoose";\nawait mongoose.connect(process.env.MONGODB_URI, { user: "app", pass: "hunter2" });\n`, needle: `"hunter2"`, secret: "hunter2", signal: "`pass` option of mongoose connect()", envName: "MONGODB_PASSWORD", output: `import mongoose from "mongoose";\nawait mongoose.connect(process.env.MONGODB_URI, { user: "app", pass: process.env.MONGODB_PASSWORD });\n` }),
  sink({ name: "express-session secret (its README's value: lower)", code: `import session from "express-session";\napp.use(session({ secret: "keyboard cat", resave: false }));\n`, needle: `"keyboard cat"`, secret: "keyboard cat", signal: "`secret` option of express-session", envName: "SESSION_SECRET", severity: "info", output: `import session from "express-session";\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\n` }),
  sink({ name: "cookie-session keys", code: `const cookieSession = require("cookie-session");\napp.use(cookieSession({ keys: ["first-signing"] }));\n`, needle: `"first-signing"`, secret: "first-signing", signal: "`keys` option of cookie-session", envName: "SESSION_SECRET", output: `const cookieSession = require("cookie-session");\napp.use(cookieSession({ keys: [process.env.SESSION_SECRET] }));\n` }),
  sink({ name: "passport-jwt secretOrKey", code: `import { Strategy } from "passport-jwt";\npassport.use(new Strategy({ jwtFromRequest, secretOrKey: "jwt-signing" }, verify));\n`, needle: `"jwt-signing"`, secret: "jwt-signing", signal: "`secretOrKey` option of passport-jwt Strategy", envName: "JWT_SECRET", output: `import { Strategy } from "passport-jwt";\npassport.use(new Strategy({ jwtFromRequest, secretOrKey: process.env.JWT_SECRET }, verify));\n` }),
  // Names followed into sinks: reported at the sink, fixed where the literal is written.
  sink({ name: "a constant passed to jwt.sign", code: `import jwt from "jsonwebtoken";\nconst k = "shhhhh";\nexport const sign = (p: object) => jwt.sign(p, k);\n`, needle: "k", after: "sign(p, ", secret: "shhhhh", signal: "argument of jwt.sign", envName: "JWT_SECRET", via: " (via `k`)", output: `import jwt from "jsonwebtoken";\nconst k = process.env.JWT_SECRET;\nexport const sign = (p: object) => jwt.sign(p, k);\n` }),
  sink({
    name: "a secret imported from another file into jwt.verify",
    code: `import jwt from "jsonwebtoken";\nimport { JWT_SECRET } from "./config";\nexport const check = (t: string) => jwt.verify(t, JWT_SECRET);\n`,
    files: { "src/config.ts": `export const JWT_SECRET = "shhhhh";\n` },
    needle: "JWT_SECRET",
    occurrence: 1,
    secret: "shhhhh",
    signal: "argument of jwt.verify",
    envName: "JWT_SECRET",
    via: " (via `JWT_SECRET` in src/config.ts)",
    output: `import jwt from "jsonwebtoken";\nimport { JWT_SECRET } from "./config";\nexport const check = (t: string) => jwt.verify(t, JWT_SECRET);\n`,
    outputFiles: { "src/config.ts": `export const JWT_SECRET = process.env.JWT_SECRET;\n`, ".env.example": "JWT_SECRET=\n" },
  }),
  {
    ...sink({
      name: "a CommonJS config module's secret into jwt.sign: words that name a secret are a secret there",
      code: `const jwt = require("jsonwebtoken");\nconst config = require("./config/auth.config");\nexports.sign = (id) => jwt.sign({ id }, config.secret, { expiresIn: 86400 });\n`,
      files: { "src/config/auth.config.js": `module.exports = {\n  secret: "acme-secret-key",\n};\n` },
      needle: "config.secret",
      secret: "acme-secret-key",
      signal: "argument of jwt.sign",
      envName: "JWT_SECRET",
      via: " (via `config.secret` in src/config/auth.config.js)",
      output: `const jwt = require("jsonwebtoken");\nconst config = require("./config/auth.config");\nexports.sign = (id) => jwt.sign({ id }, config.secret, { expiresIn: 86400 });\n`,
      outputFiles: { "src/config/auth.config.js": `module.exports = {\n  secret: process.env.JWT_SECRET,\n};\n`, ".env.example": "JWT_SECRET=\n" },
    }),
    filename: "src/auth.js",
  },
  sink({ name: "a constant in Pool options: its own name stays", code: `import { Pool } from "pg";\nconst REPORTS_PW = "hunter2";\nexport const pool = new Pool({ password: REPORTS_PW });\n`, needle: "REPORTS_PW", occurrence: 1, secret: "hunter2", signal: "`password` option of pg Pool()", envName: "REPORTS_PW", via: " (via `REPORTS_PW`)", output: `import { Pool } from "pg";\nconst REPORTS_PW = process.env.REPORTS_PW;\nexport const pool = new Pool({ password: REPORTS_PW });\n` }),
  sink({
    name: "an options object from another file",
    code: `import { Pool } from "pg";\nimport { poolOptions } from "./config";\nexport const pool = new Pool(poolOptions);\n`,
    files: { "src/config.ts": `export const poolOptions = { host: "db", password: "hunter2" };\n` },
    needle: "poolOptions",
    occurrence: 1,
    secret: "hunter2",
    signal: "`password` option of pg Pool()",
    envName: "DB_PASSWORD",
    via: " (via `poolOptions` in src/config.ts)",
    output: `import { Pool } from "pg";\nimport { poolOptions } from "./config";\nexport const pool = new Pool(poolOptions);\n`,
    outputFiles: { "src/config.ts": `export const poolOptions = { host: "db", password: process.env.DB_PASSWORD };\n`, ".env.example": "DB_PASSWORD=\n" },
  }),
  sink({
    name: "a password substituted into a Redis URL template",
    code: "import Redis from \"ioredis\";\nimport { CACHE_PASS } from \"./secrets\";\nexport const redis = new Redis(`redis://:${CACHE_PASS}@cache:6379`);\n",
    files: { "src/secrets.ts": `export const CACHE_PASS = "${PW}";\n` },
    needle: "`redis://:${CACHE_PASS}@cache:6379`",
    secret: PW,
    signal: "password in a redis:// URL",
    envName: "CACHE_PASS",
    via: " (via `CACHE_PASS` in src/secrets.ts)",
    output: "import Redis from \"ioredis\";\nimport { CACHE_PASS } from \"./secrets\";\nexport const redis = new Redis(`redis://:${CACHE_PASS}@cache:6379`);\n",
    outputFiles: { "src/secrets.ts": `export const CACHE_PASS = process.env.CACHE_PASS;\n`, ".env.example": "CACHE_PASS=\n" },
  }),
  sink({
    name: "a key under an unremarkable name, passed as apiKey",
    code: `import { providerKey } from "./keys";\nexport const client = new Client({ apiKey: providerKey });\n`,
    files: { "src/keys.ts": `export const providerKey = "${R1}";\n` },
    needle: "providerKey",
    occurrence: 1,
    secret: R1,
    signal: "high-entropy value assigned to `apiKey`",
    envName: "PROVIDER_KEY",
    via: " (via `providerKey` in src/keys.ts)",
    output: `import { providerKey } from "./keys";\nexport const client = new Client({ apiKey: providerKey });\n`,
    outputFiles: { "src/keys.ts": `export const providerKey = process.env.PROVIDER_KEY;\n`, ".env.example": "PROVIDER_KEY=\n" },
  }),
  sink({ name: "a Bearer template with a known token", code: `const LEDGER = "${R1}";\nawait fetch(url, { headers: { Authorization: \`Bearer \${LEDGER}\` } });\n`, needle: "`Bearer ${LEDGER}`", secret: R1, signal: "Authorization header value", envName: "API_TOKEN", via: " (via `LEDGER`)", output: `const LEDGER = process.env.API_TOKEN;\nawait fetch(url, { headers: { Authorization: \`Bearer \${LEDGER}\` } });\n` }),
  sink({ name: "\"Bearer \" + KEY", code: `const KEY = "${R1}";\nconst headers = { Authorization: "Bearer " + KEY };\n`, needle: `"Bearer " + KEY`, secret: R1, signal: "Authorization header value", envName: "API_TOKEN", via: " (via `KEY`)", output: `const KEY = process.env.API_TOKEN;\nconst headers = { Authorization: "Bearer " + KEY };\n` }),
  sink({ name: "Basic credentials built with Buffer.from: reported, no fix", code: "const user = \"deploy\";\nconst pass = \"hunter22\";\nconst headers = { Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString(\"base64\")}` };\n", needle: "`Basic ${Buffer.from(`${user}:${pass}`).toString(\"base64\")}`", secret: BASIC_SECRET, signal: "Authorization header value", envName: "API_TOKEN", via: " (via `user`, `pass`)" }),
  sink({ name: "headers.set with a constant", code: `const LEDGER = "${R1}";\nheaders.set("Authorization", LEDGER);\n`, needle: "LEDGER", occurrence: 1, secret: R1, signal: "Authorization header value", envName: "API_TOKEN", via: " (via `LEDGER`)", output: `const LEDGER = process.env.API_TOKEN;\nheaders.set("Authorization", LEDGER);\n` }),
  sink({ name: "a password in a config object's db section configures the database", code: `module.exports = {\n  db: { host: "db.internal", password: "hunter2" },\n};\n`, needle: `"hunter2"`, secret: "hunter2", signal: "password literal assigned to `password`", envName: "PASSWORD", output: `module.exports = {\n  db: { host: "db.internal", password: process.env.PASSWORD },\n};\n` }),
  // The pair the contract asks for: the same weak value is config in the client, data in the model.
  {
    name: "a DB password in client options next to the same value in a domain object",
    code: `import { Pool } from "pg";\nimport { User } from "./models";\nexport const pool = new Pool({ password: "hunter2" });\nexport const admin = new User({ email: "a@b.c", password: "hunter2" });\n`,
    errors: [{ ...at(`import { Pool } from "pg";\nimport { User } from "./models";\nexport const pool = new Pool({ password: "hunter2" });\n`, `"hunter2"`), message: sinkMessage("hunter2", "`password` option of pg Pool()", "DB_PASSWORD"), severity: "warning" }],
    output: `import { Pool } from "pg";\nimport { User } from "./models";\nexport const pool = new Pool({ password: process.env.DB_PASSWORD });\nexport const admin = new User({ email: "a@b.c", password: "hunter2" });\n`,
    outputFiles: { ".env.example": "DB_PASSWORD=\n" },
  },
];

const v = (name: string, code: string, extra: Partial<ValidCase> = {}): ValidCase => ({ name, code, ...extra });

/** Values that reach no sink, come from the environment or are placeholders: never reported. */
export const SINK_VALID_CASES: ValidCase[] = [
  v("user passwords as data", `import { User } from "./models";\nexport const admin = new User({ email: "a@b.c", password: "root" });\nawait User.create({ email: "b@b.c", password: "Password123$" });\n`),
  v("a login request body", `await request(app).post("/login").send({ email: "a@b.c", password: "Password123$" });\nreq.body.password = "short";\n`),
  v("a weak password as a parameter default, reaching no sink", `export function open({ password = "hunter2" } = {}) {\n  return password;\n}\n`),
  v("a weak password constant reaching no sink", `const password = "hunter2";\nconsole.log(hash(password));\n`),
  v("a random key passed to a function that is not a sink", `const KEY = "${R1}";\ntrack(KEY);\nconsole.log({ value: KEY });\n`),
  v("env reads into sinks", `import { Pool } from "pg";\nconst PW = process.env.DB_PASSWORD;\nexport const a = new Pool({ password: PW });\nexport const b = new Pool({ password: process.env.DB_PASSWORD ?? "" });\n`),
  v("a config library into sinks", `import config from "config";\nimport jwt from "jsonwebtoken";\nimport { Pool } from "pg";\nexport const pool = new Pool({ password: config.get("db.password") });\nexport const sign = (p: object) => jwt.sign(p, config.get("jwt.secret"));\n`),
  v("a parameter with no literal into a sink", `import { Pool } from "pg";\nexport function connect(password: string) {\n  return new Pool({ password });\n}\n`),
  v("Bearer with a runtime token", "export const call = (token: string) => fetch(url, { headers: { Authorization: `Bearer ${token}` } });\nconst auth = \"Bearer \" + session.token;\n"),
  v("placeholders in sinks", `import { Pool } from "pg";\nconst PW = "changeme";\nexport const a = new Pool({ password: "<password>" });\nexport const b = new Pool({ password: "" });\nexport const c = new Pool({ password: PW });\n`),
  v("an unresolved session() call is not known to be express-session", `app.use(session({ secret: "keyboard cat" }));\n`),
  v("a provider token is reported where it is written, not again at the sink", `import Stripe from "stripe";\nimport { STRIPE_KEY } from "./config";\nexport const stripe = new Stripe(STRIPE_KEY);\n`, {
    files: { "src/config.ts": `export const STRIPE_KEY = "${STRIPE}";\n` },
  }),
  v("Sequelize with a URL and options has no password argument", `import { Sequelize } from "sequelize";\nexport const db = new Sequelize(process.env.DATABASE_URL, { logging: false });\n`),
  v("a weak token in a Bearer header is not a credential pattern", `const T = "letmein";\nconst headers = { Authorization: \`Bearer \${T}\` };\n`),
];
