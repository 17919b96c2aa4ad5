import rule from "../../../server/src/rules/processes/no-in-memory-session";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

const ADVICE = "sessions are lost on restart and invisible to the other processes; pass a `store` backed by a backing service (Redis, a database).";
const noStore = (module: string): string => `${module} without a \`store\` option keeps sessions in this process's memory: ${ADVICE}`;
const memory = (label: string): string => `${label} keeps sessions in this process's memory: ${ADVICE}`;

function at(code: string, snippet: string, message: string): InvalidCase["errors"][number] {
  return { message, ...spanOf(code, snippet), severity: "info" };
}

const valid: ValidCase[] = [
  { name: "express-session with a Redis store", code: `import session from "express-session";\nimport { RedisStore } from "connect-redis";\napp.use(session({ secret: process.env.SECRET!, store: new RedisStore({ client }) }));` },
  { name: "express-session with MongoStore.create", code: `const session = require("express-session");\nconst MongoStore = require("connect-mongo");\napp.use(session({ secret: "s", store: MongoStore.create({ mongoUrl: process.env.MONGO_URL }) }));`, filename: "src/app.js" },
  { name: "options with a store from a const", code: `import session from "express-session";\nconst options = { secret: "s", store: redisStore };\napp.use(session(options));` },
  { name: "options with a store from another file", code: `import session from "express-session";\nimport { sessionOptions } from "./config";\napp.use(session(sessionOptions));`, files: { "src/config.ts": `import { RedisStore } from "connect-redis";\nexport const sessionOptions = { secret: "s", store: new RedisStore({ client: undefined as never }) };` } },
  { name: "a store through a spread", code: `import session from "express-session";\nconst base = { store: redisStore };\napp.use(session({ ...base, secret: "s" }));` },
  { name: "options we cannot read (a parameter)", code: `import session from "express-session";\nexport const sessions = (options: session.SessionOptions) => session(options);` },
  { name: "a spread we cannot read", code: `import session from "express-session";\nexport const sessions = (extra: object) => session({ secret: "s", ...extra });` },
  { name: "cookie-session keeps the data in the cookie", code: `import cookieSession from "cookie-session";\napp.use(cookieSession({ name: "session", keys: [process.env.KEY!] }));` },
  { name: "koa-session keeps the data in the cookie by default", code: `import session from "koa-session";\napp.use(session({ key: "koa.sess" }, app));` },
  { name: "@fastify/session with a store", code: `import fastifySession from "@fastify/session";\nawait app.register(fastifySession, { secret: "a".repeat(32), store: new RedisStore({ client }) });` },
  { name: "a project function named session", code: `import { session } from "./session";\napp.use(session({ secret: "s" }));`, files: { "src/session.ts": `export function session(options: object) { return options; }` } },
  { name: "a test file", code: `import session from "express-session";\napp.use(session({ secret: "test" }));`, filename: "test/app.test.ts" },
];

const invalid: InvalidCase[] = [
  (() => {
    const code = `import session from "express-session";\napp.use(session({ secret: process.env.SESSION_SECRET!, resave: false }));`;
    return { name: "express-session without store (ESM)", code, errors: [at(code, `session({ secret: process.env.SESSION_SECRET!, resave: false })`, noStore("express-session"))] };
  })(),
  (() => {
    const code = `const session = require("express-session");\napp.use(session());`;
    return { name: "express-session with no options (CommonJS)", code, filename: "src/app.js", errors: [at(code, `session()`, noStore("express-session"))] };
  })(),
  (() => {
    const code = `import session from "express-session";\nimport { sessionOptions } from "./config";\napp.use(session(sessionOptions));`;
    return { name: "options without store from another file", code, files: { "src/config.ts": `export const sessionOptions = { secret: "s", cookie: { secure: true } };` }, errors: [at(code, `session(sessionOptions)`, noStore("express-session"))] };
  })(),
  (() => {
    const code = `import session from "express-session";\nconst opts = { secret: "s", store: undefined };\napp.use(session(opts));`;
    return { name: "store: undefined keeps the memory store", code, errors: [at(code, `session(opts)`, noStore("express-session"))] };
  })(),
  (() => {
    const code = `import session from "express-session";\napp.use(session({ secret: "s", store: new session.MemoryStore() }));`;
    return { name: "new session.MemoryStore()", code, errors: [at(code, `new session.MemoryStore()`, memory("express-session's MemoryStore"))] };
  })(),
  (() => {
    const code = `const session = require("express-session");\nconst MemoryStore = require("memorystore")(session);\napp.use(session({ secret: "s", store: new MemoryStore({ checkPeriod: 86400000 }) }));`;
    return { name: "the memorystore package", code, filename: "src/app.js", errors: [at(code, `require("memorystore")(session)`, memory("memorystore"))] };
  })(),
  (() => {
    const code = `import fastifySession from "@fastify/session";\nawait app.register(fastifySession, { secret: "a".repeat(32) });`;
    return { name: "@fastify/session without store", code, errors: [at(code, `app.register(fastifySession, { secret: "a".repeat(32) })`, noStore("@fastify/session"))] };
  })(),
  (() => {
    const code = `fastify.register(require("fastify-session"), { secret: process.env.SECRET });`;
    return { name: "fastify-session required inline (CommonJS)", code, filename: "src/server.js", errors: [at(code, code.slice(0, -1), noStore("fastify-session"))] };
  })(),
  (() => {
    const code = `import session from "koa-generic-session";\napp.use(session());`;
    return { name: "koa-generic-session without store", code, errors: [at(code, `session()`, noStore("koa-generic-session"))] };
  })(),
];

runRuleTests(rule, { valid, invalid });
