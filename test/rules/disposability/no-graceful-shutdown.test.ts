import { noGracefulShutdown } from "../../../server/src/rules/disposability/no-graceful-shutdown";
import { runRuleTests } from "../../helpers/ruleTester";

const message = (callee: string): string =>
  `${callee} binds a port, but no file of its package handles SIGTERM or SIGINT; on SIGTERM, close the server so in-flight requests finish, then exit.`;

const EXPRESS = `import express from "express";\nconst app = express();\n`;
const EXPRESS_LISTEN = `${EXPRESS}app.listen(3000);\n`;

/** One shutdown library imported from another file of the project. */
const libraryElsewhere = (module: string, use: string) => ({
  name: `${module} imported in another file`,
  code: EXPRESS_LISTEN,
  files: { "src/shutdown.ts": `import lib from "${module}";\n${use}\n` },
});

runRuleTests(noGracefulShutdown, {
  valid: [
    { name: "process.on SIGTERM in the same file", code: `${EXPRESS_LISTEN}process.on("SIGTERM", () => process.exit(0));\n` },
    { name: "process.once SIGINT", code: `${EXPRESS_LISTEN}process.once("SIGINT", () => process.exit(0));\n` },
    { name: "process.addListener SIGTERM", code: `${EXPRESS_LISTEN}process.addListener("SIGTERM", () => process.exit(0));\n` },
    { name: "the signal as a template literal, through globalThis", code: `${EXPRESS_LISTEN}globalThis.process.on(\`SIGTERM\`, () => process.exit(0));\n` },
    { name: "signals array forEach", code: `${EXPRESS_LISTEN}["SIGINT", "SIGTERM"].forEach((signal) => process.on(signal, () => process.exit(0)));\n` },
    { name: "for-of over the signals", code: `${EXPRESS_LISTEN}for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));\n` },
    { name: "node:process imported explicitly", code: `import process from "node:process";\n${EXPRESS_LISTEN}process.on("SIGTERM", () => process.exit(0));\n` },
    {
      name: "handler in another file",
      code: `import express from "express";\nimport "./shutdown";\nconst app = express();\nexport const server = app.listen(3000);\n`,
      files: { "src/shutdown.ts": `import { server } from "./index";\nprocess.on("SIGTERM", () => server.close());\n` },
    },
    { name: "handler in another file, in plain JavaScript", code: EXPRESS_LISTEN, files: { "lib/signals.cjs": `process.on('SIGINT', () => process.exit(0));\n` } },
    {
      name: "Nest enableShutdownHooks",
      code: `import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableShutdownHooks();\n  await app.listen(3000);\n}\n`,
    },
    { name: "Nest enableShutdownHooks in another file", code: `await app.listen(3000);\n`, files: { "src/hooks.ts": `export const enable = (app) => app.enableShutdownHooks();\n` } },
    libraryElsewhere("@fastify/close-with-grace", "lib({ delay: 500 }, async () => {});"),
    libraryElsewhere("close-with-grace", "lib({ delay: 500 }, async () => {});"),
    libraryElsewhere("http-terminator", "lib.createHttpTerminator({ server });"),
    libraryElsewhere("stoppable", "lib(server);"),
    libraryElsewhere("lightship", "lib.createLightship();"),
    libraryElsewhere("@godaddy/terminus", "lib.createTerminus(server, {});"),
    { name: "shutdown library in the same file, through require", code: `const { createTerminus } = require("@godaddy/terminus");\n${EXPRESS_LISTEN}createTerminus(server, {});\n` },
    { name: "process.prependOnceListener SIGTERM", code: `${EXPRESS_LISTEN}process.prependOnceListener("SIGTERM", () => process.exit(0));\n` },
    { name: "a Hapi server with a handler", code: `const Hapi = require("@hapi/hapi");\nconst server = new Hapi.Server({ port: 3000 });\nserver.start();\nprocess.on("SIGINT", () => server.stop());\n`, filename: "src/index.js" },
    { name: "test folder", code: EXPRESS_LISTEN, filename: "test/server.test.ts" },
    { name: "a spec file next to the code", code: EXPRESS_LISTEN, filename: "src/server.spec.ts" },
    { name: "scripts folder", code: EXPRESS_LISTEN, filename: "scripts/dev-server.ts" },
    { name: "bin/www of express-generator", code: `const http = require("http");\nconst server = http.createServer(app);\nserver.listen(3000);\n`, filename: "bin/www.js" },
    { name: "not the first binding file: reported in src/a.ts only", code: EXPRESS_LISTEN, filename: "src/b.ts", files: { "src/a.ts": EXPRESS_LISTEN } },
    { name: "'.listen(' only in a comment and a string", code: `// call app.listen(port) in main\nexport const hint = "use .listen(";\n` },
    { name: "Bun.serve shadowed by nothing, but a handler exists", code: `Bun.serve({ fetch: () => new Response("ok") });\nprocess.on("SIGTERM", () => process.exit(0));\n` },
    { name: "Hapi start without a Hapi import is not a server", code: `const server = makeServer();\nawait server.start();\n` },
  ],
  invalid: [
    {
      name: "Express, result not stored",
      code: `${EXPRESS}app.listen(3000, () => console.log("up"));\n`,
      errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11, severity: "info" }],
      output: `${EXPRESS}const server = app.listen(3000, () => console.log("up"));\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n`,
    },
    {
      name: "Express, result stored, multi-line callback, trailing comment",
      code: `${EXPRESS}const srv = app.listen(3000, () => {\n  console.log("up");\n}); // start\n`,
      errors: [{ message: message("app.listen()"), line: 3, column: 13, endLine: 3, endColumn: 23 }],
      output: `${EXPRESS}const srv = app.listen(3000, () => {\n  console.log("up");\n}); // start\nprocess.on("SIGTERM", () => { srv.close(() => process.exit(0)); });\n`,
    },
    {
      name: "http.createServer then listen: the server closes itself",
      code: `import http from "node:http";\nconst server = http.createServer(handler);\nserver.listen(8080);\n`,
      errors: [{ message: message("server.listen()"), line: 3, column: 1, endLine: 3, endColumn: 14 }],
      output: `import http from "node:http";\nconst server = http.createServer(handler);\nserver.listen(8080);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n`,
    },
    {
      name: "http.createServer(app).listen chained, a name already taken",
      code: `const http = require("http");\nconst server = "name in use";\nhttp.createServer(app).listen(8080);\n`,
      filename: "src/index.js",
      errors: [{ message: message("listen()"), line: 3, column: 1, endLine: 3, endColumn: 30 }],
      output: `const http = require("http");\nconst server = "name in use";\nconst httpServer = http.createServer(app).listen(8080);\nprocess.on("SIGTERM", () => { httpServer.close(() => process.exit(0)); });\n`,
    },
    {
      name: "Fastify: close the instance, listen resolves to an address",
      code: `import Fastify from "fastify";\nconst fastify = Fastify({ logger: true });\nconst address = await fastify.listen({ port: 3000 });\n`,
      errors: [{ message: message("fastify.listen()"), line: 3, column: 23, endLine: 3, endColumn: 37 }],
      output: `import Fastify from "fastify";\nconst fastify = Fastify({ logger: true });\nconst address = await fastify.listen({ port: 3000 });\nprocess.on("SIGTERM", () => { fastify.close().then(() => process.exit(0)); });\n`,
    },
    {
      name: "Fastify through require",
      code: `const app = require("fastify")();\napp.listen({ port: 3000 });\n`,
      filename: "server.cjs",
      errors: [{ message: message("app.listen()"), line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: `const app = require("fastify")();\napp.listen({ port: 3000 });\nprocess.on("SIGTERM", () => { app.close().then(() => process.exit(0)); });\n`,
    },
    {
      name: "Koa",
      code: `import Koa from "koa";\nconst app = new Koa();\napp.listen(3000);\n`,
      errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11 }],
      output: `import Koa from "koa";\nconst app = new Koa();\nconst server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n`,
    },
    {
      name: "Nest, indented inside bootstrap",
      code: `import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n`,
      errors: [{ message: message("app.listen()"), line: 4, column: 9, endLine: 4, endColumn: 19 }],
      output: `import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n  process.on("SIGTERM", () => { app.close().then(() => process.exit(0)); });\n}\nbootstrap();\n`,
    },
    {
      name: "CRLF line endings are kept",
      code: `import express from "express";\r\nconst app = express();\r\napp.listen(3000);\r\n`,
      errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11 }],
      output: `import express from "express";\r\nconst app = express();\r\nconst server = app.listen(3000);\r\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\r\n`,
    },
    {
      name: "Hapi server.start",
      code: `import Hapi from "@hapi/hapi";\nconst server = Hapi.server({ port: 3000 });\nawait server.start();\n`,
      errors: [{ message: message("server.start()"), line: 3, column: 7, endLine: 3, endColumn: 19 }],
      output: `import Hapi from "@hapi/hapi";\nconst server = Hapi.server({ port: 3000 });\nawait server.start();\nprocess.on("SIGTERM", () => { server.stop().then(() => process.exit(0)); });\n`,
    },
    {
      name: "Hapi new Server through require",
      code: `const Hapi = require("@hapi/hapi");\nconst server = new Hapi.Server({ port: 3000 });\nserver.start();\n`,
      filename: "src/index.js",
      errors: [{ message: message("server.start()"), line: 3, column: 1, endLine: 3, endColumn: 13 }],
      output: `const Hapi = require("@hapi/hapi");\nconst server = new Hapi.Server({ port: 3000 });\nserver.start();\nprocess.on("SIGTERM", () => { server.stop().then(() => process.exit(0)); });\n`,
    },
    {
      name: "a class that keeps the app on this",
      code: `import express from "express";\nexport class Api {\n  app = express();\n  start(): void {\n    this.app.listen(3000);\n  }\n}\n`,
      errors: [{ message: message("listen()"), line: 5, column: 5, endLine: 5, endColumn: 20 }],
      output: `import express from "express";\nexport class Api {\n  app = express();\n  start(): void {\n    const server = this.app.listen(3000);\n    process.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n  }\n}\n`,
    },
    {
      name: "a chain split over lines",
      code: `import express from "express";\nexpress()\n  .use(router)\n  .listen(3000);\n`,
      errors: [{ message: message("listen()"), line: 2, column: 1, endLine: 4, endColumn: 10 }],
      output: `import express from "express";\nconst server = express()\n  .use(router)\n  .listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n`,
    },
    {
      name: "Bun?.serve",
      code: `const server = Bun?.serve({ fetch: () => new Response("ok") });\n`,
      errors: [{ message: message("Bun.serve()"), line: 1, column: 16, endLine: 1, endColumn: 26 }],
    },
    {
      name: "Bun.serve: reported, no fix",
      code: `Bun.serve({ port: Number(process.env.PORT), fetch: () => new Response("ok") });\n`,
      errors: [{ message: message("Bun.serve()"), line: 1, column: 1, endLine: 1, endColumn: 10 }],
    },
    {
      name: "Deno.serve: reported, no fix",
      code: `Deno.serve((_req) => new Response("ok"));\n`,
      errors: [{ message: message("Deno.serve()"), line: 1, column: 1, endLine: 1, endColumn: 11 }],
    },
    {
      name: "several listen calls: reported once, on the first",
      code: `${EXPRESS}app.listen(3000);\nmetrics.listen(9090);\n`,
      errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11 }],
      output: `${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\nmetrics.listen(9090);\n`,
    },
    {
      name: "the first binding file in path order gets the finding",
      code: EXPRESS_LISTEN,
      filename: "src/a.ts",
      files: { "src/b.ts": EXPRESS_LISTEN, "scripts/dev.ts": EXPRESS_LISTEN },
      errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11 }],
      output: `${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n`,
    },
    {
      name: "listen inside a callback: reported, no statement to extend",
      code: `${EXPRESS}connect().then(() => app.listen(3000));\n`,
      errors: [{ message: message("app.listen()"), line: 3, column: 22, endLine: 3, endColumn: 32 }],
    },
    { name: "a handler only in a test file does not count", code: EXPRESS_LISTEN, files: { "test/setup.ts": `process.on("SIGTERM", () => {});\n` }, errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11 }], output: `${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n` },
    { name: "a handler in node_modules does not count", code: EXPRESS_LISTEN, files: { "node_modules/x/index.js": `process.on("SIGTERM", () => {});\n` }, errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11 }], output: `${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n` },
    { name: "a handler in a git-ignored file does not count", code: EXPRESS_LISTEN, files: { ".gitignore": "local/\n", "local/dev.ts": `process.on("SIGTERM", () => {});\n` }, errors: [{ message: message("app.listen()"), line: 3, column: 1, endLine: 3, endColumn: 11 }], output: `${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n` },
    { name: "other signals do not count", code: `${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGHUP", () => reload());\nprocess.on("exit", () => {});\n`, errors: [{ message: message("app.listen()"), line: 3, column: 16, endLine: 3, endColumn: 26 }], output: `${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\nprocess.on("SIGHUP", () => reload());\nprocess.on("exit", () => {});\n` },
    { name: "a type-only import of a shutdown library does not count", code: `import type { Lightship } from "lightship";\nexport let ship: Lightship;\n${EXPRESS_LISTEN}`, errors: [{ message: message("app.listen()"), line: 5, column: 1, endLine: 5, endColumn: 11 }], output: `import type { Lightship } from "lightship";\nexport let ship: Lightship;\n${EXPRESS}const server = app.listen(3000);\nprocess.on("SIGTERM", () => { server.close(() => process.exit(0)); });\n` },
  ],
});
