import assert from "node:assert/strict";
import { describe, it } from "node:test";
import rule from "../../../server/src/rules/processes/no-local-state";
import { analyze, assertFixedCasesClean, runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

const ADVICE = "keep state in a backing service (database, cache or object storage) so any process can serve any request";
const local = (subject: string, action: string, display: string): string => `${subject} ${action} ${display} on the local disk; ${ADVICE}.`;
const configured = (subject: string, action: string, display: string): string =>
  `${subject} ${action} a configured path (${display}) on the local disk; make sure it points to a mounted volume, or keep the state in a backing service.`;
const MULTER = (display: string, subject = "multer"): string => `${subject} stores uploads in ${display} on the local disk; use multer.memoryStorage() and send the files to object storage.`;

/** One finding on `snippet` (its first occurrence unless `nth` is given). */
function at(code: string, snippet: string, message: string, extra: { severity?: "warning" | "info"; nth?: number; signals?: string[] } = {}): InvalidCase["errors"][number] {
  return { message, ...spanOf(code, snippet, extra.nth ?? 0), severity: extra.severity ?? "warning", ...(extra.signals ? { signals: extra.signals } : {}) };
}

function invalid(name: string, code: string, errors: (code: string) => InvalidCase["errors"], rest: Partial<InvalidCase> = {}): InvalidCase {
  return { name, code, errors: errors(code), ...rest };
}

const valid: ValidCase[] = [
  // concurrency/no-daemon-or-pidfile reports PID files; one problem, one finding.
  { name: "a PID file", code: `import { writeFileSync } from "node:fs";\nwriteFileSync("/var/run/app.pid", String(process.pid));` },
  // The OS temp folder is scratch space, not state.
  { name: "os.tmpdir() inside path.join", code: `import fs from "node:fs";\nimport os from "node:os";\nimport path from "node:path";\nfs.writeFileSync(path.join(os.tmpdir(), "upload.bin"), "x");` },
  { name: "named tmpdir import in a template", code: "import { writeFile } from 'fs/promises';\nimport { tmpdir } from 'os';\nawait writeFile(`${tmpdir()}/report.csv`, 'x');" },
  { name: "a /tmp literal", code: `const fs = require("fs");\nfs.writeFileSync("/tmp/scratch.json", "{}");`, filename: "src/index.js" },
  { name: "a mkdtemp folder", code: `import fs from "fs";\nimport os from "os";\nimport path from "path";\nconst dir = fs.mkdtempSync(path.join(os.tmpdir(), "job-"));\nfs.writeFileSync(path.join(dir, "input.txt"), "x");` },
  { name: "an awaited promises.mkdtemp folder", code: "import { mkdtemp, writeFile } from 'node:fs/promises';\nimport os from 'node:os';\nconst dir = await mkdtemp(os.tmpdir() + '/x-');\nawait writeFile(`${dir}/a.txt`, 'x');" },
  { name: "the tmp package", code: `import tmp from "tmp";\nimport fs from "fs";\nconst file = tmp.fileSync();\nfs.writeFileSync(file.name, "x");` },
  { name: "multer dest in the temp folder", code: `import multer from "multer";\nimport os from "os";\nexport const upload = multer({ dest: os.tmpdir() });` },
  // CLI, build and one-off scripts, and tool configuration.
  { name: "a script under scripts/", code: `import fs from "fs";\nfs.writeFileSync("data/seed.json", "[]");`, filename: "scripts/seed.ts" },
  { name: "a CLI under bin/", code: `#!/usr/bin/env node\nconst fs = require("fs");\nfs.mkdirSync("out", { recursive: true });`, filename: "bin/cli.js" },
  { name: "a *.config.* file", code: `import fs from "fs";\nfs.writeFileSync("dist/meta.json", "{}");\nexport default {};`, filename: "vite.config.ts" },
  // Test folders are not reported at all.
  { name: "a test file", code: `import fs from "fs";\nfs.writeFileSync("fixtures/out.json", "{}");`, filename: "src/store.test.ts" },
  { name: "a test folder", code: `import Database from "better-sqlite3";\nexport const db = new Database("test.db");`, filename: "test/helpers/db.ts" },
  // *.log files belong to logs/no-file-logging, as do streams handed straight to a logger.
  { name: "an append to a .log file", code: `import fs from "fs";\nfs.appendFileSync("logs/app.log", "line\\n");` },
  { name: "a stream to a .log file built with path.join", code: `import fs from "fs";\nimport path from "path";\nexport const access = fs.createWriteStream(path.join(__dirname, "access.log"), { flags: "a" });` },
  { name: "a file stream given straight to morgan", code: `import fs from "fs";\nimport morgan from "morgan";\napp.use(morgan("combined", { stream: fs.createWriteStream("access.txt") }));` },
  // Unknown paths: precision first.
  { name: "a parameter", code: `import fs from "fs";\nexport function save(file: string, data: string) {\n  fs.writeFileSync(file, data);\n}` },
  { name: "path.join on a parameter", code: `import fs from "fs";\nimport path from "path";\nexport function save(dir: string) {\n  fs.writeFileSync(path.join(dir, "state.json"), "{}");\n}` },
  { name: "path.resolve on a parameter", code: `import fs from "fs";\nimport path from "path";\nexport const save = (dir: string) => fs.mkdirSync(path.resolve(dir, "cache"));` },
  { name: "a file descriptor and a device", code: `import fs from "fs";\nfs.writeFileSync(1, "to stdout");\nfs.writeFileSync("/dev/null", "x");` },
  { name: "a read, not a write", code: `import fs from "fs";\nconst data = fs.readFileSync("data/users.json", "utf8");` },
  { name: "a shadowing parameter named fs", code: `export function f(fs: { writeFileSync(p: string, d: string): void }) {\n  fs.writeFileSync("state.json", "{}");\n}` },
  { name: "a project function named writeFile", code: `import { writeFile } from "./storage";\nwriteFile("users.json", "{}");`, files: { "src/storage.ts": `export function writeFile(key: string, value: string) { return [key, value]; }` } },
  // File-backed stores that stay in memory.
  { name: "better-sqlite3 in memory", code: `import Database from "better-sqlite3";\nconst a = new Database(":memory:");\nconst b = new Database();` },
  { name: "sqlite3 in memory", code: `const sqlite3 = require("sqlite3").verbose();\nconst db = new sqlite3.Database(":memory:");`, filename: "src/db.js" },
  { name: "knex on postgres", code: `import knex from "knex";\nexport const db = knex({ client: "pg", connection: { filename: "ignored", host: process.env.DB_HOST } });` },
  { name: "knex sqlite in memory", code: `import knex from "knex";\nexport const db = knex({ client: "sqlite3", connection: { filename: ":memory:" } });` },
  { name: "sequelize sqlite in memory", code: `import { Sequelize } from "sequelize";\nconst a = new Sequelize({ dialect: "sqlite", storage: ":memory:" });\nconst b = new Sequelize("sqlite::memory:");\nconst c = new Sequelize({ dialect: "sqlite" });` },
  { name: "sequelize on postgres", code: `import { Sequelize } from "sequelize";\nconst db = new Sequelize({ dialect: "postgres", storage: "x.sqlite", host: "db" });` },
  { name: "typeorm on postgres", code: `import { DataSource } from "typeorm";\nexport const ds = new DataSource({ type: "postgres", database: "app" });` },
  { name: "nedb in memory", code: `import Datastore from "@seald-io/nedb";\nconst a = new Datastore({ filename: "x.db", inMemoryOnly: true });\nconst b = new Datastore();` },
  { name: "multer in memory", code: `import multer from "multer";\nconst a = multer();\nconst b = multer({ storage: multer.memoryStorage() });\nconst c = multer({ storage: multer.memoryStorage(), dest: "ignored/" });` },
  { name: "multer.diskStorage without destination uses the temp folder", code: `import multer from "multer";\nconst storage = multer.diskStorage({ filename: (req, file, cb) => cb(null, file.originalname) });` },
  { name: "libsql on a remote URL", code: `import { createClient } from "@libsql/client";\nexport const db = createClient({ url: "libsql://db.example.turso.io" });` },
  { name: "a file stream given straight to pino.multistream", code: `import fs from "fs";\nimport pino from "pino";\nexport const logger = pino({}, pino.multistream([{ stream: fs.createWriteStream("events.out") }]));` },
  { name: "connect-sqlite3 in memory", code: `const session = require("express-session");\nconst SQLiteStore = require("connect-sqlite3")(session);\nconst store = new SQLiteStore({ db: ":memory:" });`, filename: "src/app.js" },
  { name: "node-persist with options we cannot read", code: `import storage from "node-persist";\nexport async function start(options: object) { await storage.init(options); }` },
];

const invalidCases: InvalidCase[] = [
  invalid("fs.writeFileSync on a relative literal (ESM, node: prefix)", `import fs from "node:fs";\nfs.writeFileSync("data/users.json", JSON.stringify([]));`, (code) => [
    at(code, `"data/users.json"`, `fs.writeFileSync writes to "data/users.json" on the local disk; keep state in a backing service (database, cache or object storage) so any process can serve any request.`, { signals: ["fs.writeFileSync", "relative path"] }),
  ]),
  invalid("fs.promises.writeFile under __dirname (namespace import)", `import * as fs from "fs";\nimport path from "node:path";\nawait fs.promises.writeFile(path.join(__dirname, "data", "cache.json"), "{}");`, (code) => [
    at(code, `path.join(__dirname, "data", "cache.json")`, local("fs.promises.writeFile", "writes to", `path.join(__dirname, "data", "cache.json")`), { signals: ["fs.promises.writeFile", "path under __dirname"] }),
  ]),
  invalid("an aliased appendFile from fs/promises", `import { appendFile as append } from "node:fs/promises";\nexport async function record(line: string) {\n  await append("./state/events.ndjson", line);\n}`, (code) => [
    at(code, `"./state/events.ndjson"`, local("append", "appends to", `"./state/events.ndjson"`)),
  ]),
  invalid("a destructured require of createWriteStream with path.resolve (CommonJS)", `const { createWriteStream } = require("fs");\nconst path = require("path");\nconst out = createWriteStream(path.resolve("exports", "report.csv"));`, (code) => [
    at(code, `path.resolve("exports", "report.csv")`, local("createWriteStream", "opens a write stream to", `path.resolve("exports", "report.csv")`), { signals: ["createWriteStream", "relative path"] }),
  ], { filename: "src/export.cjs" }),
  invalid("mkdirSync under process.cwd()", `import fs from "fs";\nimport path from "path";\nfs.mkdirSync(path.join(process.cwd(), "uploads"), { recursive: true });`, (code) => [
    at(code, `path.join(process.cwd(), "uploads")`, local("fs.mkdirSync", "creates a folder at", `path.join(process.cwd(), "uploads")`), { signals: ["fs.mkdirSync", "path under process.cwd()"] }),
  ]),
  invalid("fs-extra outputJson", `import fse from "fs-extra";\nexport const save = (db: object) => fse.outputJson("data/db.json", db);`, (code) => [
    at(code, `"data/db.json"`, local("fse.outputJson", "writes to", `"data/db.json"`)),
  ]),
  invalid("an absolute path", `import { writeFileSync } from "fs";\nwriteFileSync("/var/lib/app/state.json", "{}");`, (code) => [
    at(code, `"/var/lib/app/state.json"`, local("writeFileSync", "writes to", `"/var/lib/app/state.json"`), { signals: ["writeFileSync", "absolute path"] }),
  ]),
  invalid("a template under __dirname", "import fs from 'fs';\nexport function put(id: string, body: string) {\n  fs.writeFileSync(`${__dirname}/data/${id}.json`, body);\n}", (code) => [
    at(code, "`${__dirname}/data/${id}.json`", local("fs.writeFileSync", "writes to", "`${__dirname}/data/${id}.json`")),
  ]),
  invalid("a path constant from another file", `import fs from "fs";\nimport { DATA_FILE } from "./paths";\nfs.writeFileSync(DATA_FILE, "{}");`, (code) => [
    at(code, "DATA_FILE", local("fs.writeFileSync", "writes to", `path.join(__dirname, "..", "data", "db.json")`), { nth: 1 }),
  ], { files: { "src/paths.ts": `import path from "path";\nexport const DATA_FILE = path.join(__dirname, "..", "data", "db.json");` } }),
  invalid("a path from process.env is reported lower", `import fs from "fs";\nfs.writeFileSync(process.env.DATA_FILE!, "{}");`, (code) => [
    at(code, "process.env.DATA_FILE!", configured("fs.writeFileSync", "writes to", "process.env.DATA_FILE"), { severity: "info", signals: ["fs.writeFileSync", "path from process.env.DATA_FILE"] }),
  ]),
  invalid("a configured folder from a config module", `import fs from "fs";\nimport { config } from "./config";\nfs.mkdirSync(config.uploadDir, { recursive: true });`, (code) => [
    at(code, "config.uploadDir", configured("fs.mkdirSync", "creates a folder at", "process.env.UPLOAD_DIR"), { severity: "info" }),
  ], { files: { "src/config.ts": `export const config = { uploadDir: process.env.UPLOAD_DIR ?? "uploads" };` } }),
  invalid("path.join on a configured folder", `import fs from "fs";\nimport path from "path";\nfs.writeFileSync(path.join(process.env.DATA_DIR ?? ".", "state.json"), "{}");`, (code) => [
    at(code, `path.join(process.env.DATA_DIR ?? ".", "state.json")`, configured("fs.writeFileSync", "writes to", `path.join(process.env.DATA_DIR ?? ".", "state.json")`), { severity: "info" }),
  ]),
  invalid("new URL relative to import.meta.url (.mjs)", `import { writeFile } from "node:fs/promises";\nawait writeFile(new URL("./data/db.json", import.meta.url), "{}");`, (code) => [
    at(code, `new URL("./data/db.json", import.meta.url)`, local("writeFile", "writes to", `new URL("./data/db.json", import.meta.url)`), { signals: ["writeFile", "path under import.meta.url"] }),
  ], { filename: "src/db.mjs" }),
  invalid("copyFileSync reports the destination", `import fs from "fs";\nimport os from "os";\nexport const keep = (name: string) => fs.copyFileSync(os.tmpdir() + "/" + name, "public/avatars/" + name);`, (code) => [
    at(code, `"public/avatars/" + name`, local("fs.copyFileSync", "copies a file to", `"public/avatars/" + name`)),
  ]),
  invalid("a TSX server component", `import { writeFileSync } from "node:fs";\nexport default function Page() {\n  writeFileSync("data/visits.json", "1");\n  return <main>ok</main>;\n}`, (code) => [
    at(code, `"data/visits.json"`, local("writeFileSync", "writes to", `"data/visits.json"`)),
  ], { filename: "src/app/page.tsx" }),
  invalid("import fs = require()", `import fs = require("fs");\nfs.appendFileSync("audit.jsonl", "{}");`, (code) => [at(code, `"audit.jsonl"`, local("fs.appendFileSync", "appends to", `"audit.jsonl"`))]),
  invalid("a dynamic import", `export async function save() {\n  const { writeFile } = await import("node:fs/promises");\n  await writeFile("state.json", "{}");\n}`, (code) => [at(code, `"state.json"`, local("writeFile", "writes to", `"state.json"`))]),
  // multer
  invalid("multer({ dest }) with a fix to memoryStorage that keeps limits", `import multer from "multer";\nexport const upload = multer({ dest: "uploads/", limits: { fileSize: 1_000_000 } });`, (code) => [
    at(code, `dest: "uploads/"`, MULTER(`"uploads/"`), { signals: ["multer", "relative path"] }),
  ], { output: `import multer from "multer";\nexport const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1_000_000 } });` }),
  invalid("multer under another local name", `import upload from "multer";\nconst uploader = upload({ dest: "uploads/" });`, (code) => [at(code, `dest: "uploads/"`, MULTER(`"uploads/"`))], {
    output: `import upload from "multer";\nconst uploader = upload({ storage: upload.memoryStorage() });`,
  }),
  invalid("multer options in a const (CommonJS, shorthand dest)", `const multer = require("multer");\nconst path = require("path");\nconst dest = path.join(__dirname, "uploads");\nconst options = { dest };\nmodule.exports = multer(options);`, (code) => [
    at(code, "dest", MULTER(`path.join(__dirname, "uploads")`), { nth: 1 }),
  ], { filename: "src/upload.js", output: `const multer = require("multer");\nconst path = require("path");\nconst dest = path.join(__dirname, "uploads");\nconst options = { storage: multer.memoryStorage() };\nmodule.exports = multer(options);` }),
  invalid("multer options from another file: reported on the argument, no fix", `import multer from "multer";\nimport { uploadOptions } from "./upload-options";\nexport const upload = multer(uploadOptions);`, (code) => [
    at(code, "uploadOptions", MULTER(`"public/uploads"`), { nth: 1 }),
  ], { files: { "src/upload-options.ts": `export const uploadOptions = { dest: "public/uploads" };` } }),
  invalid("multer with a configured dest is reported lower", `import multer from "multer";\nexport const upload = multer({ dest: process.env.UPLOAD_DIR });`, (code) => [
    at(code, "dest: process.env.UPLOAD_DIR", configured("multer", "stores uploads in", "process.env.UPLOAD_DIR"), { severity: "info" }),
  ], { output: `import multer from "multer";\nexport const upload = multer({ storage: multer.memoryStorage() });` }),
  invalid("multer.diskStorage with a destination string", `import multer from "multer";\nconst storage = multer.diskStorage({\n  destination: "uploads/",\n  filename: (req, file, cb) => cb(null, file.originalname),\n});\nexport const upload = multer({ storage });`, (code) => [
    at(code, `multer.diskStorage({\n  destination: "uploads/",\n  filename: (req, file, cb) => cb(null, file.originalname),\n})`, MULTER(`"uploads/"`, "multer.diskStorage")),
  ], { output: `import multer from "multer";\nconst storage = multer.memoryStorage();\nexport const upload = multer({ storage });` }),
  invalid("multer.diskStorage with a destination callback", `const multer = require("multer");\nconst storage = multer.diskStorage({\n  destination(req, file, cb) {\n    cb(null, "public/uploads");\n  },\n});`, (code) => [
    at(code, `multer.diskStorage({\n  destination(req, file, cb) {\n    cb(null, "public/uploads");\n  },\n})`, MULTER(`"public/uploads"`, "multer.diskStorage")),
  ], { filename: "src/upload.js", output: `const multer = require("multer");\nconst storage = multer.memoryStorage();` }),
  invalid("a named diskStorage import is fixed through the multer binding", `import multer, { diskStorage } from "multer";\nconst storage = diskStorage({ destination: (req, file, cb) => cb(null, "uploads") });\nexport const upload = multer({ storage });`, (code) => [
    at(code, `diskStorage({ destination: (req, file, cb) => cb(null, "uploads") })`, MULTER(`"uploads"`, "multer.diskStorage")),
  ], { output: `import multer, { diskStorage } from "multer";\nconst storage = multer.memoryStorage();\nexport const upload = multer({ storage });` }),
  invalid(
    "multer({ dest }) in a realistic router: only the options change, the handler is the user's to move to req.file.buffer",
    `import express from "express";\nimport multer from "multer";\n\nconst router = express.Router();\n// avatars up to 5 MB\nconst upload = multer({ dest: "uploads/avatars", limits: { fileSize: 5 * 1024 * 1024 } });\n\nrouter.post("/avatar", upload.single("avatar"), (req, res) => {\n  res.json({ stored: req.file?.path });\n});\n\nexport default router;\n`,
    (code) => [at(code, `dest: "uploads/avatars"`, MULTER(`"uploads/avatars"`))],
    { filename: "src/routes/avatar.ts", output: `import express from "express";\nimport multer from "multer";\n\nconst router = express.Router();\n// avatars up to 5 MB\nconst upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024 } });\n\nrouter.post("/avatar", upload.single("avatar"), (req, res) => {\n  res.json({ stored: req.file?.path });\n});\n\nexport default router;\n` },
  ),
  // SQLite and other file-backed stores
  invalid("better-sqlite3", `import Database from "better-sqlite3";\nexport const db = new Database("app.db");`, (code) => [
    at(code, `"app.db"`, `better-sqlite3 opens a database file at "app.db" on the local disk; keep state in a backing service (database, cache or object storage) so any process can serve any request.`, { signals: ["better-sqlite3", "relative path"] }),
  ]),
  invalid("better-sqlite3 on a configured path is reported lower", `import Database from "better-sqlite3";\nexport const db = new Database(process.env.DB_PATH);`, (code) => [
    at(code, "process.env.DB_PATH", configured("better-sqlite3", "opens a database file at", "process.env.DB_PATH"), { severity: "info" }),
  ]),
  invalid("sqlite3 through verbose() (CommonJS)", `const sqlite3 = require("sqlite3").verbose();\nconst db = new sqlite3.Database("./var/app.sqlite");`, (code) => [
    at(code, `"./var/app.sqlite"`, local("sqlite3", "opens a database file at", `"./var/app.sqlite"`)),
  ], { filename: "src/db.js" }),
  invalid("the sqlite wrapper's open()", `import { open } from "sqlite";\nimport sqlite3 from "sqlite3";\nexport const db = await open({ filename: "data.sqlite", driver: sqlite3.Database });`, (code) => [
    at(code, `filename: "data.sqlite"`, local("sqlite", "opens a database file at", `"data.sqlite"`)),
  ]),
  invalid("node:sqlite DatabaseSync", `import { DatabaseSync } from "node:sqlite";\nconst db = new DatabaseSync("cache.db");`, (code) => [at(code, `"cache.db"`, local("node:sqlite", "opens a database file at", `"cache.db"`))]),
  invalid("libSQL with a file: URL", `import { createClient } from "@libsql/client";\nexport const db = createClient({ url: "file:local.db" });`, (code) => [
    at(code, `url: "file:local.db"`, local("@libsql/client", "opens a database file at", `"file:local.db"`)),
  ]),
  invalid("knex with sqlite3", `import knex from "knex";\nexport const db = knex({\n  client: "sqlite3",\n  connection: { filename: "./dev.sqlite3" },\n  useNullAsDefault: true,\n});`, (code) => [
    at(code, `filename: "./dev.sqlite3"`, local("knex (SQLite)", "opens a database file at", `"./dev.sqlite3"`)),
  ]),
  invalid("knex config from another file", `import knex from "knex";\nimport config from "./db-config";\nexport const db = knex(config);`, (code) => [
    at(code, "config", local("knex (SQLite)", "opens a database file at", `"data/app.sqlite"`), { nth: 2 }),
  ], { files: { "src/db-config.ts": `export default { client: "better-sqlite3", connection: { filename: "data/app.sqlite" } };` } }),
  invalid("Sequelize with sqlite storage", `import { Sequelize } from "sequelize";\nexport const sequelize = new Sequelize({ dialect: "sqlite", storage: "database.sqlite" });`, (code) => [
    at(code, `storage: "database.sqlite"`, local("Sequelize (SQLite)", "opens a database file at", `"database.sqlite"`)),
  ]),
  invalid("Sequelize with a sqlite URI (CommonJS default)", `const Sequelize = require("sequelize");\nconst sequelize = new Sequelize("sqlite:./db.sqlite");`, (code) => [
    at(code, `"sqlite:./db.sqlite"`, local("Sequelize (SQLite)", "opens a database file at", `"sqlite:./db.sqlite"`)),
  ], { filename: "src/db.js" }),
  invalid("TypeORM DataSource on better-sqlite3", `import { DataSource } from "typeorm";\nexport const AppDataSource = new DataSource({ type: "better-sqlite3", database: "data/app.db", entities: [] });`, (code) => [
    at(code, `database: "data/app.db"`, local("TypeORM (SQLite)", "opens a database file at", `"data/app.db"`)),
  ]),
  invalid("Nest TypeOrmModule.forRoot on sqlite", `import { TypeOrmModule } from "@nestjs/typeorm";\nexport const orm = TypeOrmModule.forRoot({ type: "sqlite", database: "db.sqlite" });`, (code) => [
    at(code, `database: "db.sqlite"`, local("TypeORM (SQLite)", "opens a database file at", `"db.sqlite"`)),
  ]),
  invalid("lowdb JSONFile and JSONFilePreset", `import { Low } from "lowdb";\nimport { JSONFile, JSONFilePreset } from "lowdb/node";\nconst db = new Low(new JSONFile("db.json"), {});\nconst db2 = await JSONFilePreset("db2.json", { posts: [] });`, (code) => [
    at(code, `"db.json"`, local("lowdb", "keeps its database in", `"db.json"`)),
    at(code, `"db2.json"`, local("lowdb", "keeps its database in", `"db2.json"`)),
  ]),
  invalid("NeDB with a filename option and with a string", `import Datastore from "nedb";\nconst users = new Datastore({ filename: "data/users.db", autoload: true });\nconst logs = new Datastore("data/events.db");`, (code) => [
    at(code, `filename: "data/users.db"`, local("NeDB", "keeps its database in", `"data/users.db"`)),
    at(code, `"data/events.db"`, local("NeDB", "keeps its database in", `"data/events.db"`)),
  ]),
  invalid("node-persist with a dir and with its default folder", `import storage from "node-persist";\nawait storage.init({ dir: "persist" });\nawait storage.init();`, (code) => [
    at(code, `dir: "persist"`, local("node-persist", "stores data in", `"persist"`)),
    at(code, "storage.init()", local("node-persist", "stores data in", `its default folder ".node-persist/storage"`), { signals: ["node-persist", "default location"] }),
  ]),
  invalid("session-file-store (CommonJS factory), default folder and explicit path", `const session = require("express-session");\nconst FileStore = require("session-file-store")(session);\napp.use(session({ store: new FileStore(), secret: process.env.SESSION_SECRET }));\nconst other = new FileStore({ path: "./var/sessions" });`, (code) => [
    at(code, "new FileStore()", `session-file-store stores sessions in its default folder "./sessions" on the local disk; keep sessions in a backing service (Redis, a database) so any process can serve any request.`),
    at(code, `path: "./var/sessions"`, `session-file-store stores sessions in "./var/sessions" on the local disk; keep sessions in a backing service (Redis, a database) so any process can serve any request.`),
  ], { filename: "src/app.js" }),
  invalid("session-file-store imported as ESM", `import session from "express-session";\nimport createFileStore from "session-file-store";\nconst FileStore = createFileStore(session);\nexport const store = new FileStore({ path: process.env.SESSION_DIR });`, (code) => [
    at(code, "path: process.env.SESSION_DIR", configured("session-file-store", "stores sessions in", "process.env.SESSION_DIR"), { severity: "info" }),
  ]),
  invalid("node-localstorage", `const { LocalStorage } = require("node-localstorage");\nconst localStorage = new LocalStorage("./scratch");`, (code) => [at(code, `"./scratch"`, local("node-localstorage", "stores data in", `"./scratch"`))], { filename: "src/store.js" }),
  invalid("a path constant declared below the function that uses it", `import fs from "fs";\nimport path from "path";\nexport function save(body: string) {\n  fs.writeFileSync(DATA_FILE, body);\n}\nconst DATA_FILE = path.join(__dirname, "data.json");`, (code) => [
    at(code, "DATA_FILE", local("fs.writeFileSync", "writes to", `path.join(__dirname, "data.json")`)),
  ]),
  // More libraries and idioms, one row each.
  invalid("fs functions reached by element access, inline require and a local barrel", `import { save } from "./util";\nimport fs from "fs";\nfs["writeFileSync"]("state-a.json", "{}");\nrequire("fs").writeFileSync("state-b.json", "{}");\nsave("state-c.json", "{}");`, (code) => [
    at(code, `"state-a.json"`, local(`fs["writeFileSync"]`, "writes to", `"state-a.json"`)),
    at(code, `"state-b.json"`, local(`require("fs").writeFileSync`, "writes to", `"state-b.json"`)),
    at(code, `"state-c.json"`, local("save", "writes to", `"state-c.json"`)),
  ], { files: { "src/util/index.ts": `export { writeFileSync as save } from "node:fs";` } }),
  invalid("graceful-fs, fs-extra folders and copies, jsonfile, write-file-atomic, mkdirp, make-dir", `import gfs from "graceful-fs";\nimport fse from "fs-extra";\nimport jsonfile from "jsonfile";\nimport writeFileAtomic from "write-file-atomic";\nimport { mkdirp } from "mkdirp";\nimport makeDir from "make-dir";\ngfs.writeFile("a.json", "{}", () => {});\nfse.ensureDirSync("cache");\nawait fse.copy("/tmp/x.png", "public/x.png");\njsonfile.writeFileSync("b.json", {});\nawait writeFileAtomic("c.json", "{}");\nawait mkdirp("var/data");\nawait makeDir("var/more");`, (code) => [
    at(code, `"a.json"`, local("gfs.writeFile", "writes to", `"a.json"`)),
    at(code, `"cache"`, local("fse.ensureDirSync", "creates a folder at", `"cache"`)),
    at(code, `"public/x.png"`, local("fse.copy", "copies a file to", `"public/x.png"`)),
    at(code, `"b.json"`, local("jsonfile.writeFileSync", "writes to", `"b.json"`)),
    at(code, `"c.json"`, local("writeFileAtomic", "writes to", `"c.json"`)),
    at(code, `"var/data"`, local("mkdirp", "creates a folder at", `"var/data"`)),
    at(code, `"var/more"`, local("makeDir", "creates a folder at", `"var/more"`)),
  ]),
  invalid("bun:sqlite and nedb-promises", `import { Database } from "bun:sqlite";\nimport Datastore from "nedb-promises";\nconst db = new Database("bun.sqlite");\nconst users = Datastore.create("data/users.db");`, (code) => [
    at(code, `"bun.sqlite"`, local("bun:sqlite", "opens a database file at", `"bun.sqlite"`)),
    at(code, `"data/users.db"`, local("nedb-promises", "keeps its database in", `"data/users.db"`)),
  ]),
  invalid("connect-sqlite3 in the working directory", `const session = require("express-session");\nconst SQLiteStore = require("connect-sqlite3")(session);\napp.use(session({ store: new SQLiteStore({ db: "sessions.sqlite" }) }));`, (code) => [
    at(code, `new SQLiteStore({ db: "sessions.sqlite" })`, `connect-sqlite3 stores sessions in the working directory on the local disk; keep sessions in a backing service (Redis, a database) so any process can serve any request.`),
  ], { filename: "src/app.js" }),
  invalid("LevelDB, LMDB and configstore", `import { Level } from "level";\nimport { open } from "lmdb";\nimport Configstore from "configstore";\nconst db = new Level("./db", { valueEncoding: "json" });\nconst kv = open({ path: "kv-store", compression: true });\nconst conf = new Configstore("my-service");`, (code) => [
    at(code, `"./db"`, local("level", "keeps its database in", `"./db"`)),
    at(code, `path: "kv-store"`, local("lmdb", "keeps its database in", `"kv-store"`)),
    at(code, `new Configstore("my-service")`, local("configstore", "stores data in", "the user's config folder")),
  ]),
];

runRuleTests(rule, { valid, invalid: invalidCases });

describe("processes/no-local-state trigger", () => {
  it("leaves nothing to report once a case's fix is applied", () => assertFixedCasesClean(rule, invalidCases));
  it("does not match a file with no file writes or stores", () => {
    assert.equal(rule.trigger.test(`import express from "express";\nconst app = express();\napp.get("/", (req, res) => res.send("ok"));`), false);
  });
});

describe("processes/no-local-state multer fix", () => {
  // Uploads no longer reach the disk: the fix says what the handler must do, and needs review.
  const TITLE = "Keep uploads in memory (multer.memoryStorage()): the handler must now send req.file.buffer to object storage";
  for (const [name, code] of [
    ["multer({ dest })", `import multer from "multer";\nexport const upload = multer({ dest: "uploads/" });`],
    ["multer.diskStorage(...)", `import multer from "multer";\nexport const storage = multer.diskStorage({ destination: "uploads/" });`],
  ]) {
    it(`${name}: one unsafe fix whose title names req.file.buffer and object storage`, () => {
      const result = analyze(rule, { code });
      try {
        assert.deepEqual(result.findings.map((finding) => finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe }))), [[{ title: TITLE, safe: false }]]);
      } finally {
        result.cleanup();
      }
    });
  }
});
