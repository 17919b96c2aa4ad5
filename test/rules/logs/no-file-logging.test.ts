import assert from "node:assert/strict";
import { describe, it } from "node:test";
import rule from "../../../server/src/rules/logs/no-file-logging";
import { assertFixedCasesClean, runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

const WINSTON = (label: string, where: string): string => `${label} writes logs to ${where}; log to stdout (winston.transports.Console) and let the platform route the stream.`;
const FS_LOG = (callee: string, where: string): string => `${callee} writes logs to ${where}; write log lines to stdout (console.log or a logger) and let the platform route the stream.`;
const PINO_DEST = (where: string): string => `pino.destination writes logs to ${where}; log to stdout (pino.destination(1)) and let the platform route the stream.`;
const PINO_TARGET = (target: string, where: string): string => `pino transport "${target}" writes logs to ${where}; log to stdout (destination 1) and let the platform route the stream.`;
const LOG4JS = (type: string, where: string): string => `log4js "${type}" appender writes logs to ${where}; use a "stdout" appender and let the platform route the stream.`;
const BUNYAN = (label: string, where: string): string => `${label} writes logs to ${where}; log to process.stdout and let the platform route the stream.`;

function at(code: string, snippet: string, message: string, extra: { severity?: "warning" | "info"; nth?: number; signals?: string[] } = {}): InvalidCase["errors"][number] {
  return { message, ...spanOf(code, snippet, extra.nth ?? 0), severity: extra.severity ?? "warning", ...(extra.signals ? { signals: extra.signals } : {}) };
}

function invalid(name: string, code: string, errors: (code: string) => InvalidCase["errors"], rest: Partial<InvalidCase> = {}): InvalidCase {
  return { name, code, errors: errors(code), ...rest };
}

const valid: ValidCase[] = [
  // stdout and stderr destinations.
  { name: "pino.destination(1), (2) and ()", code: `import pino from "pino";\nconst a = pino(pino.destination(1));\nconst b = pino(pino.destination(2));\nconst c = pino(pino.destination());\nconst d = pino(pino.destination({ dest: 1, sync: false }));\nconst e = pino(pino.destination({ sync: false }));` },
  { name: "pino on process.stdout", code: `const pino = require("pino");\nconst logger = pino({ level: "info" }, process.stdout);`, filename: "src/log.js" },
  { name: "pino.destination with a descriptor parameter", code: `import pino from "pino";\nexport const make = (fd: number) => pino(pino.destination(fd));` },
  { name: "pino/file and pino-pretty to stdout", code: `import pino from "pino";\nconst t = pino.transport({ targets: [{ target: "pino/file", options: { destination: 1 } }, { target: "pino/file" }, { target: "pino-pretty", options: { colorize: true } }] });\nexport const logger = pino(t);` },
  { name: "winston Console transports", code: `import winston, { transports } from "winston";\nexport const logger = winston.createLogger({ transports: [new winston.transports.Console(), new transports.Console({ level: "debug" })] });` },
  { name: "a winston File transport on /dev/stdout", code: `import winston from "winston";\nexport const t = new winston.transports.File({ filename: "/dev/stdout" });` },
  { name: "log4js stdout, stderr and console appenders", code: `import log4js from "log4js";\nlog4js.configure({\n  appenders: { out: { type: "stdout" }, err: { type: "stderr" }, con: { type: "console" } },\n  categories: { default: { appenders: ["out"], level: "info" } },\n});` },
  { name: "bunyan on stdout and stderr", code: `import bunyan from "bunyan";\nexport const log = bunyan.createLogger({ name: "api", streams: [{ level: "info", stream: process.stdout }, { level: "error", stream: process.stderr }] });` },
  { name: "morgan to stdout or to a logger", code: `import morgan from "morgan";\napp.use(morgan("tiny"));\napp.use(morgan("combined", { stream: process.stdout }));\napp.use(morgan("dev", { stream: { write: (line: string) => logger.info(line) } }));` },
  { name: "console.Console on the process streams", code: `import { Console } from "node:console";\nexport const out = new Console(process.stdout, process.stderr);\nexport const other = new Console({ stdout: process.stdout, stderr: process.stderr });` },
  { name: "output functions replaced without a file", code: `const original = process.stdout.write.bind(process.stdout);\nprocess.stdout.write = (chunk: any) => original(chunk);\nconsole.log = (...args: unknown[]) => original(args.join(" ") + "\\n");` },
  { name: "writes to non-log files are processes/no-local-state's", code: `import fs from "fs";\nfs.writeFileSync("data/users.json", "[]");\nfs.appendFileSync("events.ndjson", "{}");` },
  { name: "an append to an unknown path", code: `import fs from "fs";\nexport const write = (file: string, line: string) => fs.appendFileSync(file, line);` },
  { name: "a stream to /dev/stdout", code: `import fs from "fs";\nexport const out = fs.createWriteStream("/dev/stdout");` },
  // Test folders are not reported.
  { name: "a test file", code: `import winston from "winston";\nexport const t = new winston.transports.File({ filename: "test.log" });`, filename: "test/logger.test.ts" },
  { name: "a fixtures folder", code: `import fs from "fs";\nfs.appendFileSync("run.log", "x");`, filename: "src/__tests__/setup.ts" },
  // A console.log mention is not a log file.
  { name: "plain console.log", code: `console.log("listening", { file: "app.log" });` },
];

const invalidCases: InvalidCase[] = [
  // winston
  invalid("winston File transport (default import), keeping level", `import winston from "winston";\nexport const logger = winston.createLogger({\n  transports: [new winston.transports.File({ filename: "logs/app.log", level: "error", maxsize: 5_000_000 })],\n});`, (code) => [
    at(code, `new winston.transports.File({ filename: "logs/app.log", level: "error", maxsize: 5_000_000 })`, `winston File transport writes logs to "logs/app.log"; log to stdout (winston.transports.Console) and let the platform route the stream.`, { signals: ["winston File transport", "relative path"] }),
  ], { output: `import winston from "winston";\nexport const logger = winston.createLogger({\n  transports: [new winston.transports.Console({ level: "error" })],\n});` }),
  invalid("new transports.File through a named import", `import { createLogger, transports } from "winston";\nexport const logger = createLogger({ transports: [new transports.File({ filename: "combined.log" })] });`, (code) => [
    at(code, `new transports.File({ filename: "combined.log" })`, WINSTON("winston File transport", `"combined.log"`)),
  ], { output: `import { createLogger, transports } from "winston";\nexport const logger = createLogger({ transports: [new transports.Console()] });` }),
  invalid("a destructured File class (CommonJS) is fixed through the winston binding", `const winston = require("winston");\nconst { File } = winston.transports;\nwinston.add(new File({ filename: "error.log", level: "error" }));`, (code) => [
    at(code, `new File({ filename: "error.log", level: "error" })`, WINSTON("winston File transport", `"error.log"`)),
  ], { filename: "src/logger.js", output: `const winston = require("winston");\nconst { File } = winston.transports;\nwinston.add(new winston.transports.Console({ level: "error" }));` }),
  invalid("File options from another file: their import, left unused, goes", `import winston from "winston";\nimport { fileOptions } from "./log-options";\nexport const t = new winston.transports.File(fileOptions);`, (code) => [
    at(code, "new winston.transports.File(fileOptions)", WINSTON("winston File transport", `"logs/api.log"`)),
  ], { files: { "src/log-options.ts": `export const fileOptions = { filename: "logs/api.log", level: "info" };` }, output: `import winston from "winston";\nexport const t = new winston.transports.Console();` }),
  invalid("a configured file name is reported lower", `import winston from "winston";\nexport const t = new winston.transports.File({ filename: process.env.LOG_FILE });`, (code) => [
    at(code, "new winston.transports.File({ filename: process.env.LOG_FILE })", WINSTON("winston File transport", "a configured file (process.env.LOG_FILE)"), { severity: "info", signals: ["winston File transport", "path from process.env.LOG_FILE"] }),
  ], { output: `import winston from "winston";\nexport const t = new winston.transports.Console();` }),
  invalid("DailyRotateFile with a winston binding in scope: its import, left unused, goes", `import winston from "winston";\nimport DailyRotateFile from "winston-daily-rotate-file";\nexport const logger = winston.createLogger({ transports: [new DailyRotateFile({ filename: "app-%DATE%.log", datePattern: "YYYY-MM-DD" })] });`, (code) => [
    at(code, `new DailyRotateFile({ filename: "app-%DATE%.log", datePattern: "YYYY-MM-DD" })`, WINSTON("winston DailyRotateFile transport", `"app-%DATE%.log"`)),
  ], { output: `import winston from "winston";\nexport const logger = winston.createLogger({ transports: [new winston.transports.Console()] });` }),
  invalid("DailyRotateFile without a winston binding: no fix", `import DailyRotateFile from "winston-daily-rotate-file";\nexport const transport = new DailyRotateFile({ filename: "app-%DATE%.log" });`, (code) => [
    at(code, `new DailyRotateFile({ filename: "app-%DATE%.log" })`, WINSTON("winston DailyRotateFile transport", `"app-%DATE%.log"`)),
  ]),
  invalid("winston.transports.DailyRotateFile registered by require (CommonJS)", `const winston = require("winston");\nrequire("winston-daily-rotate-file");\nconst transport = new winston.transports.DailyRotateFile({ filename: "logs/%DATE%.log" });`, (code) => [
    at(code, `new winston.transports.DailyRotateFile({ filename: "logs/%DATE%.log" })`, WINSTON("winston DailyRotateFile transport", `"logs/%DATE%.log"`)),
  ], { filename: "src/logger.cjs", output: `const winston = require("winston");\nrequire("winston-daily-rotate-file");\nconst transport = new winston.transports.Console();` }),
  // A logger that already has a Console transport: the file transport goes, never a second Console.
  invalid(
    "beside a Console transport the File transport is removed, with its comment and the import only it used",
    `import path from "node:path";\nimport winston from "winston";\n\nexport const logger = winston.createLogger({\n  level: process.env.LOG_LEVEL ?? "info",\n  format: winston.format.json(),\n  transports: [\n    new winston.transports.Console(),\n    // also write errors to logs/error.log\n    new winston.transports.File({ filename: path.join(__dirname, "logs", "error.log"), level: "error" }),\n  ],\n});\n`,
    (code) => [at(code, `new winston.transports.File({ filename: path.join(__dirname, "logs", "error.log"), level: "error" })`, WINSTON("winston File transport", `a file (path.join(__dirname, "logs", "error.log"))`))],
    { output: `import winston from "winston";\n\nexport const logger = winston.createLogger({\n  level: process.env.LOG_LEVEL ?? "info",\n  format: winston.format.json(),\n  transports: [\n    new winston.transports.Console(),\n  ],\n});\n` },
  ),
  invalid(
    "the last transport without a trailing comma (CommonJS): the comma before it goes too",
    `const path = require("path");\nconst { createLogger, format, transports } = require("winston");\n\nconst logger = createLogger({\n  format: format.combine(format.timestamp(), format.json()),\n  transports: [\n    new transports.Console({ format: format.simple() }),\n    // errors also go to a file for the on-call\n    new transports.File({ filename: path.resolve("logs/error.log"), level: "error" })\n  ]\n});\n\nmodule.exports = logger;\n`,
    (code) => [at(code, `new transports.File({ filename: path.resolve("logs/error.log"), level: "error" })`, WINSTON("winston File transport", `a file (path.resolve("logs/error.log"))`))],
    { filename: "src/logger.js", output: `const { createLogger, format, transports } = require("winston");\n\nconst logger = createLogger({\n  format: format.combine(format.timestamp(), format.json()),\n  transports: [\n    new transports.Console({ format: format.simple() })\n  ]\n});\n\nmodule.exports = logger;\n` },
  ),
  invalid(
    "transports in an array of their own, classes destructured from winston.transports, a block comment",
    `import winston from "winston";\n\nconst { Console, File } = winston.transports;\nconst transports = [\n  new Console({ level: "debug" }),\n  /* production copy */\n  new File({ filename: "logs/app.log" }),\n];\n\nexport const logger = winston.createLogger({ transports });\n`,
    (code) => [at(code, `new File({ filename: "logs/app.log" })`, WINSTON("winston File transport", `"logs/app.log"`))],
    { output: `import winston from "winston";\n\nconst { Console, File } = winston.transports;\nconst transports = [\n  new Console({ level: "debug" }),\n];\n\nexport const logger = winston.createLogger({ transports });\n` },
  ),
  invalid(
    "inline transports: the File transport and its separator go",
    `import winston from "winston";\nexport const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: "error.log", level: "error" }), new winston.transports.Console()] });\n`,
    (code) => [at(code, `new winston.transports.File({ filename: "error.log", level: "error" })`, WINSTON("winston File transport", `"error.log"`))],
    { output: `import winston from "winston";\nexport const logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n` },
  ),
  invalid(
    "an import still used elsewhere stays",
    `import path from "node:path";\nimport winston from "winston";\n\nconst LOG_DIR = path.join(__dirname, "logs");\n\nexport const logger = winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n    new winston.transports.File({ filename: path.join(LOG_DIR, "combined.log") }), // rotated by logrotate\n  ],\n});\n`,
    (code) => [at(code, `new winston.transports.File({ filename: path.join(LOG_DIR, "combined.log") })`, WINSTON("winston File transport", `a file (path.join(LOG_DIR, "combined.log"))`))],
    { output: `import path from "node:path";\nimport winston from "winston";\n\nconst LOG_DIR = path.join(__dirname, "logs");\n\nexport const logger = winston.createLogger({\n  transports: [\n    new winston.transports.Console(),\n  ],\n});\n` },
  ),
  invalid(
    "logger.add of a File transport to a logger created with a Console transport: the statement goes",
    `import winston from "winston";\n\nexport const logger = winston.createLogger({\n  transports: [new winston.transports.Console()],\n});\n\n// errors to a file as well\nlogger.add(new winston.transports.File({ filename: "error.log", level: "error" }));\n`,
    (code) => [at(code, `new winston.transports.File({ filename: "error.log", level: "error" })`, WINSTON("winston File transport", `"error.log"`))],
    { output: `import winston from "winston";\n\nexport const logger = winston.createLogger({\n  transports: [new winston.transports.Console()],\n});\n` },
  ),
  invalid(
    "winston.add to the default logger after winston.add of a Console; a side-effect import stays",
    `import "winston-daily-rotate-file";\nimport winston from "winston";\nimport { logDir } from "./settings";\n\nwinston.add(new winston.transports.Console());\nwinston.add(new winston.transports.DailyRotateFile({ dirname: logDir, filename: "app-%DATE%.log" }));\nwinston.info("ready");\n`,
    (code) => [at(code, `new winston.transports.DailyRotateFile({ dirname: logDir, filename: "app-%DATE%.log" })`, WINSTON("winston DailyRotateFile transport", `"app-%DATE%.log"`))],
    { files: { "src/settings.ts": `export const logDir = "logs";\n` }, output: `import "winston-daily-rotate-file";\nimport winston from "winston";\n\nwinston.add(new winston.transports.Console());\nwinston.info("ready");\n` },
  ),
  invalid(
    "logger.add to a logger without a Console: replaced, and the import only the file name used goes",
    `import path from "node:path";\nimport winston from "winston";\n\nexport const logger = winston.createLogger({ level: "info" });\n// one file per service\nlogger.add(new winston.transports.File({ filename: path.join("logs", "api.log"), level: "warn" }));\n`,
    (code) => [at(code, `new winston.transports.File({ filename: path.join("logs", "api.log"), level: "warn" })`, WINSTON("winston File transport", `a file (path.join("logs", "api.log"))`))],
    { output: `import winston from "winston";\n\nexport const logger = winston.createLogger({ level: "info" });\n// one file per service\nlogger.add(new winston.transports.Console({ level: "warn" }));\n` },
  ),
  invalid(
    "a Console in another logger does not count, and a parameter named like the import is another binding",
    `import path from "node:path";\nimport winston from "winston";\n\nexport const console = winston.createLogger({ transports: [new winston.transports.Console()] });\nexport const files = winston.createLogger({ transports: [new winston.transports.File({ filename: path.join("logs", "a.log") })] });\nexport const show = (path: string) => path.length;\n`,
    (code) => [at(code, `new winston.transports.File({ filename: path.join("logs", "a.log") })`, WINSTON("winston File transport", `a file (path.join("logs", "a.log"))`))],
    { output: `import winston from "winston";\n\nexport const console = winston.createLogger({ transports: [new winston.transports.Console()] });\nexport const files = winston.createLogger({ transports: [new winston.transports.Console()] });\nexport const show = (path: string) => path.length;\n` },
  ),
  // pino
  invalid("pino.destination on a file", `import pino from "pino";\nexport const logger = pino(pino.destination("app.log"));`, (code) => [
    at(code, `pino.destination("app.log")`, PINO_DEST(`"app.log"`), { signals: ["pino.destination", "relative path"] }),
  ], { output: `import pino from "pino";\nexport const logger = pino(pino.destination(1));` }),
  invalid("pino.destination({ dest })", `const pino = require("pino");\nconst logger = pino(pino.destination({ dest: "./logs/app.log", sync: false }));`, (code) => [
    at(code, `pino.destination({ dest: "./logs/app.log", sync: false })`, PINO_DEST(`"./logs/app.log"`)),
  ], { filename: "src/log.js", output: `const pino = require("pino");\nconst logger = pino(pino.destination({ dest: 1, sync: false }));` }),
  invalid("a named destination import on a path.join constant", `import path from "node:path";\nimport { pino, destination } from "pino";\nconst LOG_FILE = path.join(__dirname, "logs", "app.log");\nexport const logger = pino(destination(LOG_FILE));`, (code) => [
    at(code, "destination(LOG_FILE)", PINO_DEST(`a file (path.join(__dirname, "logs", "app.log"))`), { signals: ["pino.destination", "path under __dirname"] }),
  ], { output: `import path from "node:path";\nimport { pino, destination } from "pino";\nconst LOG_FILE = path.join(__dirname, "logs", "app.log");\nexport const logger = pino(destination(1));` }),
  invalid("pino.destination on a configured path is reported lower", `import pino from "pino";\nexport const logger = pino(pino.destination(process.env.LOG_PATH));`, (code) => [
    at(code, "pino.destination(process.env.LOG_PATH)", PINO_DEST("a configured file (process.env.LOG_PATH)"), { severity: "info" }),
  ], { output: `import pino from "pino";\nexport const logger = pino(pino.destination(1));` }),
  invalid("pino with a string destination", `import pino from "pino";\nexport const logger = pino({ level: "info" }, "./app.log");`, (code) => [
    at(code, `"./app.log"`, `pino writes logs to "./app.log"; log to stdout (pino's default destination) and let the platform route the stream.`),
  ], { output: `import pino from "pino";\nexport const logger = pino({ level: "info" });` }),
  invalid("pino.transport with the pino/file target", `import pino from "pino";\nconst transport = pino.transport({ target: "pino/file", options: { destination: "logs/app.log", mkdir: true } });\nexport const logger = pino(transport);`, (code) => [
    at(code, `{ target: "pino/file", options: { destination: "logs/app.log", mkdir: true } }`, PINO_TARGET("pino/file", `"logs/app.log"`)),
  ], { output: `import pino from "pino";\nconst transport = pino.transport({ target: "pino/file", options: { destination: 1, mkdir: true } });\nexport const logger = pino(transport);` }),
  invalid("pino({ transport: { targets } }) reports only the file target", `import pino from "pino";\nexport const logger = pino({\n  transport: {\n    targets: [\n      { target: "pino-pretty", options: { destination: 1 } },\n      { target: "pino/file", options: { destination: "/var/log/api.log" } },\n    ],\n  },\n});`, (code) => [
    at(code, `{ target: "pino/file", options: { destination: "/var/log/api.log" } }`, PINO_TARGET("pino/file", `"/var/log/api.log"`), { signals: [`pino transport "pino/file"`, "absolute path"] }),
  ], { output: `import pino from "pino";\nexport const logger = pino({\n  transport: {\n    targets: [\n      { target: "pino-pretty", options: { destination: 1 } },\n      { target: "pino/file", options: { destination: 1 } },\n    ],\n  },\n});` }),
  invalid("pino-roll has no stdout form: no fix", `import pino from "pino";\nexport const logger = pino(pino.transport({ target: "pino-roll", options: { file: "logs/app", frequency: "daily" } }));`, (code) => [
    at(code, `{ target: "pino-roll", options: { file: "logs/app", frequency: "daily" } }`, PINO_TARGET("pino-roll", `"logs/app"`)),
  ]),
  invalid("Fastify's logger with a file transport", `import Fastify from "fastify";\nconst app = Fastify({ logger: { transport: { target: "pino/file", options: { destination: "./server.log" } } } });`, (code) => [
    at(code, `{ target: "pino/file", options: { destination: "./server.log" } }`, PINO_TARGET("pino/file", `"./server.log"`)),
  ], { output: `import Fastify from "fastify";\nconst app = Fastify({ logger: { transport: { target: "pino/file", options: { destination: 1 } } } });` }),
  // log4js
  invalid("log4js file and dateFile appenders (CommonJS, single quotes)", `const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    out: { type: 'stdout' },\n    app: { type: 'file', filename: 'logs/app.log', maxLogSize: 10485760 },\n    daily: { type: 'dateFile', filename: 'logs/daily.log', layout: { type: 'basic' } },\n  },\n  categories: { default: { appenders: ['out', 'app', 'daily'], level: 'info' } },\n});`, (code) => [
    at(code, `{ type: 'file', filename: 'logs/app.log', maxLogSize: 10485760 }`, LOG4JS("file", `"logs/app.log"`)),
    at(code, `{ type: 'dateFile', filename: 'logs/daily.log', layout: { type: 'basic' } }`, LOG4JS("dateFile", `"logs/daily.log"`)),
  ], { filename: "src/logger.js", output: `const log4js = require('log4js');\nlog4js.configure({\n  appenders: {\n    out: { type: 'stdout' },\n    app: { type: 'stdout' },\n    daily: { type: 'stdout', layout: { type: 'basic' } },\n  },\n  categories: { default: { appenders: ['out', 'app', 'daily'], level: 'info' } },\n});` }),
  invalid("a log4js config from another file is fixed there", `import { configure } from "log4js";\nimport { logConfig } from "./log-config";\nconfigure(logConfig);`, (code) => [
    at(code, "logConfig", LOG4JS("fileSync", `"app.log"`), { nth: 1 }),
  ], {
    files: { "src/log-config.ts": `export const logConfig = {\n  appenders: { app: { type: "fileSync", filename: "app.log" } },\n  categories: { default: { appenders: ["app"], level: "info" } },\n};\n` },
    output: `import { configure } from "log4js";\nimport { logConfig } from "./log-config";\nconfigure(logConfig);`,
    outputFiles: { "src/log-config.ts": `export const logConfig = {\n  appenders: { app: { type: "stdout" } },\n  categories: { default: { appenders: ["app"], level: "info" } },\n};\n` },
  }),
  invalid("an appender imported from another file is reported at its property, once", `import log4js from "log4js";\nimport { fileAppender } from "./appenders";\nlog4js.configure({ appenders: { out: { type: "stdout" }, file: fileAppender }, categories: { default: { appenders: ["out", "file"], level: "info" } } });`, (code) => [
    at(code, "file: fileAppender", LOG4JS("file", `"logs/app.log"`)),
  ], {
    files: { "src/appenders.ts": `export const fileAppender = { type: "file", filename: "logs/app.log" };\n` },
    output: `import log4js from "log4js";\nimport { fileAppender } from "./appenders";\nlog4js.configure({ appenders: { out: { type: "stdout" }, file: fileAppender }, categories: { default: { appenders: ["out", "file"], level: "info" } } });`,
    outputFiles: { "src/appenders.ts": `export const fileAppender = { type: "stdout" };\n` },
  }),
  // bunyan
  invalid("bunyan path and rotating-file streams, keeping level", `import bunyan from "bunyan";\nexport const log = bunyan.createLogger({\n  name: "api",\n  streams: [\n    { level: "info", path: "/var/log/api.log" },\n    { type: "rotating-file", path: "logs/api.log", period: "1d", count: 3 },\n  ],\n});`, (code) => [
    at(code, `{ level: "info", path: "/var/log/api.log" }`, BUNYAN("bunyan file stream", `"/var/log/api.log"`)),
    at(code, `{ type: "rotating-file", path: "logs/api.log", period: "1d", count: 3 }`, BUNYAN(`bunyan "rotating-file" stream`, `"logs/api.log"`)),
  ], { output: `import bunyan from "bunyan";\nexport const log = bunyan.createLogger({\n  name: "api",\n  streams: [\n    { level: "info", stream: process.stdout },\n    { stream: process.stdout },\n  ],\n});` }),
  invalid("bunyan addStream on a created logger (CommonJS)", `const bunyan = require("bunyan");\nconst log = bunyan.createLogger({ name: "worker" });\nlog.addStream({ path: "worker.log", level: "warn" });`, (code) => [
    at(code, `{ path: "worker.log", level: "warn" }`, BUNYAN("bunyan file stream", `"worker.log"`)),
  ], { filename: "src/worker.js", output: `const bunyan = require("bunyan");\nconst log = bunyan.createLogger({ name: "worker" });\nlog.addStream({ level: "warn", stream: process.stdout });` }),
  // Streams and fs writes
  invalid("morgan with an inline .log file stream is reported once, at the stream", `import fs from "node:fs";\nimport path from "node:path";\nimport morgan from "morgan";\napp.use(morgan("combined", { stream: fs.createWriteStream(path.join(__dirname, "access.log"), { flags: "a" }) }));`, (code) => [
    at(code, `fs.createWriteStream(path.join(__dirname, "access.log"), { flags: "a" })`, FS_LOG("fs.createWriteStream", `a file (path.join(__dirname, "access.log"))`), { signals: ["fs.createWriteStream", "path under __dirname"] }),
  ]),
  invalid("morgan with a file stream from a const", `const fs = require("fs");\nconst morgan = require("morgan");\nconst accessLog = fs.createWriteStream("access.txt", { flags: "a" });\napp.use(morgan("combined", { stream: accessLog }));`, (code) => [
    at(code, "accessLog", `morgan writes logs to "access.txt"; drop the stream option so morgan writes to stdout and let the platform route the stream.`, { nth: 1 }),
  ], { filename: "src/app.js" }),
  invalid("fs.appendFileSync to a .log file", `import fs from "fs";\nexport function log(line: string) {\n  fs.appendFileSync("logs/app.log", line + "\\n");\n}`, (code) => [
    at(code, `fs.appendFileSync("logs/app.log", line + "\\n")`, FS_LOG("fs.appendFileSync", `"logs/app.log"`), { signals: ["fs.appendFileSync", "relative path"] }),
  ]),
  invalid("appendFile from fs/promises to a log file in a parameter folder", `import { appendFile } from "node:fs/promises";\nimport { join } from "node:path";\nexport const log = (dir: string, line: string) => appendFile(join(dir, "audit.log"), line);`, (code) => [
    at(code, `appendFile(join(dir, "audit.log"), line)`, FS_LOG("appendFile", "a file"), { signals: ["appendFile", "unknown path"] }),
  ]),
  invalid("console.Console on a .log stream is reported at the stream", `import fs from "fs";\nexport const logger = new console.Console(fs.createWriteStream("out.log"));`, (code) => [
    at(code, `fs.createWriteStream("out.log")`, FS_LOG("fs.createWriteStream", `"out.log"`)),
  ]),
  invalid("new Console({ stdout, stderr }) on file streams", `import { Console } from "node:console";\nimport { createWriteStream } from "node:fs";\nconst output = createWriteStream("./stdout.txt");\nconst errorOutput = createWriteStream("./stderr.txt");\nexport const logger = new Console({ stdout: output, stderr: errorOutput });`, (code) => [
    at(code, "output", `console.Console writes logs to "./stdout.txt"; log to process.stdout and process.stderr and let the platform route the stream.`, { nth: 1 }),
    at(code, "errorOutput", `console.Console writes logs to "./stderr.txt"; log to process.stdout and process.stderr and let the platform route the stream.`, { nth: 1 }),
  ]),
  invalid("process.stdout.write redirected to a file", `import fs from "fs";\nprocess.stdout.write = ((chunk: string) => {\n  fs.appendFileSync("stdout.txt", chunk);\n  return true;\n}) as typeof process.stdout.write;`, (code) => [
    at(code, "process.stdout.write", `process.stdout.write, reassigned here, writes logs to "stdout.txt"; keep the original output and let the platform route the stream.`, { signals: ["process.stdout.write reassigned", "relative path"] }),
  ]),
  invalid("console.log replaced by a file stream writer (ESM .mjs)", `import { createWriteStream } from "node:fs";\nconst debugFile = createWriteStream("debug.txt", { flags: "a" });\nconsole.log = (...args) => debugFile.write(args.join(" ") + "\\n");`, (code) => [
    at(code, "console.log", `console.log, reassigned here, writes logs to "debug.txt"; keep the original output and let the platform route the stream.`),
  ], { filename: "src/debug.mjs" }),
  invalid("rotating-file-stream", `import { createStream } from "rotating-file-stream";\nconst accessLogStream = createStream("access.log", { interval: "1d", path: "logs" });\napp.use(morgan("combined", { stream: accessLogStream }));`, (code) => [
    at(code, `createStream("access.log", { interval: "1d", path: "logs" })`, `rotating-file-stream writes logs to "access.log"; write logs to process.stdout and let the platform route the stream.`),
  ]),
  invalid("an import written below its use", `export function makeTransport() {\n  return new winston.transports.File({ filename: "late.log" });\n}\nimport winston from "winston";`, (code) => [
    at(code, `new winston.transports.File({ filename: "late.log" })`, WINSTON("winston File transport", `"late.log"`)),
  ], { output: `export function makeTransport() {\n  return new winston.transports.Console();\n}\nimport winston from "winston";` }),
  // More libraries and idioms, one row each.
  invalid("winston Stream transport on a file stream", `import fs from "fs";\nimport winston from "winston";\nconst file = fs.createWriteStream("winston-out.txt");\nexport const t = new winston.transports.Stream({ stream: file });`, (code) => [
    at(code, "file", `winston Stream transport writes logs to "winston-out.txt"; log to stdout (winston.transports.Console) and let the platform route the stream.`, { nth: 1 }),
  ]),
  invalid("pino.multistream with an inline file stream", `import fs from "fs";\nimport pino from "pino";\nexport const logger = pino({}, pino.multistream([{ stream: process.stdout }, { stream: fs.createWriteStream("events.out") }]));`, (code) => [
    at(code, `fs.createWriteStream("events.out")`, `pino.multistream writes logs to "events.out"; log to stdout (pino.destination(1)) and let the platform route the stream.`),
  ]),
  invalid("file-stream-rotator", `const FileStreamRotator = require("file-stream-rotator");\nconst stream = FileStreamRotator.getStream({ filename: "logs/access-%DATE%.log", frequency: "daily" });`, (code) => [
    at(code, `FileStreamRotator.getStream({ filename: "logs/access-%DATE%.log", frequency: "daily" })`, `file-stream-rotator writes logs to "logs/access-%DATE%.log"; write logs to process.stdout and let the platform route the stream.`),
  ], { filename: "src/log.js" }),
  invalid("SonicBoom on a file", `import SonicBoom from "sonic-boom";\nexport const out = new SonicBoom({ dest: "./out.log", sync: true });`, (code) => [
    at(code, `new SonicBoom({ dest: "./out.log", sync: true })`, `SonicBoom writes logs to "./out.log"; write to stdout (fd 1) and let the platform route the stream.`),
  ], { output: `import SonicBoom from "sonic-boom";\nexport const out = new SonicBoom({ dest: 1, sync: true });` }),
  invalid("pino-http and nestjs-pino transports", `import pinoHttp from "pino-http";\nimport { LoggerModule } from "nestjs-pino";\napp.use(pinoHttp({ transport: { target: "pino/file", options: { destination: "http.log" } } }));\nexport const logging = LoggerModule.forRoot({ pinoHttp: { transport: { target: "pino/file", options: { destination: "nest.log" } } } });`, (code) => [
    at(code, `{ target: "pino/file", options: { destination: "http.log" } }`, PINO_TARGET("pino/file", `"http.log"`)),
    at(code, `{ target: "pino/file", options: { destination: "nest.log" } }`, PINO_TARGET("pino/file", `"nest.log"`)),
  ], { output: `import pinoHttp from "pino-http";\nimport { LoggerModule } from "nestjs-pino";\napp.use(pinoHttp({ transport: { target: "pino/file", options: { destination: 1 } } }));\nexport const logging = LoggerModule.forRoot({ pinoHttp: { transport: { target: "pino/file", options: { destination: 1 } } } });` }),
  invalid("a pino transport and bunyan streams from another file", `import pino from "pino";\nimport bunyan from "bunyan";\nimport { transportOptions, streams } from "./log-setup";\nexport const logger = pino(pino.transport(transportOptions));\nexport const log = bunyan.createLogger({ name: "api", streams });`, (code) => [
    at(code, "transportOptions", PINO_TARGET("pino/file", `"logs/pino.log"`), { nth: 1 }),
    at(code, "streams", BUNYAN("bunyan file stream", `"logs/bunyan.log"`), { nth: 1 }),
  ], {
    files: { "src/log-setup.ts": `export const transportOptions = { target: "pino/file", options: { destination: "logs/pino.log" } };\nexport const streams = [{ level: "info", path: "logs/bunyan.log" }];\n` },
    output: `import pino from "pino";\nimport bunyan from "bunyan";\nimport { transportOptions, streams } from "./log-setup";\nexport const logger = pino(pino.transport(transportOptions));\nexport const log = bunyan.createLogger({ name: "api", streams });`,
    outputFiles: { "src/log-setup.ts": `export const transportOptions = { target: "pino/file", options: { destination: 1 } };\nexport const streams = [{ level: "info", stream: process.stdout }];\n` },
  }),
  invalid("a redirect to a log file is reported once, at the append", `import fs from "fs";\nprocess.stderr.write = ((chunk: string) => {\n  fs.appendFileSync("errors.log", chunk);\n  return true;\n}) as typeof process.stderr.write;`, (code) => [
    at(code, `fs.appendFileSync("errors.log", chunk)`, FS_LOG("fs.appendFileSync", `"errors.log"`)),
  ]),
];

runRuleTests(rule, { valid, invalid: invalidCases });

describe("logs/no-file-logging trigger", () => {
  it("leaves nothing to report once a case's fix is applied", () => assertFixedCasesClean(rule, invalidCases));
  it("does not match ordinary code that only calls console.log", () => {
    assert.equal(rule.trigger.test(`import express from "express";\nconst app = express();\napp.get("/", (req, res) => { console.log("hit"); res.send("ok"); });`), false);
  });
});
