import { noFixedPort } from "../../../server/src/rules/port-binding/no-fixed-port";
import { runRuleTests } from "../../helpers/ruleTester";

const msg = (port: number, sink: string, via = "", env = "PORT"): string =>
  `Port ${port} is hardcoded in ${sink}${via}; bind to the port the platform gives in process.env.${env}.`;

runRuleTests(noFixedPort, {
  valid: [
    // The platform's port, with or without a local default.
    { code: `app.listen(process.env.PORT);` },
    { code: `app.listen(process.env.PORT ?? 3000);` },
    { code: `app.listen(Number(process.env.PORT) || 3000);` },
    { code: `const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);` },
    { code: `const { PORT = 3000 } = process.env;\napp.listen(PORT);` },
    { code: `const port = parseInt(process.env.PORT || "8080", 10);\nserver.listen(port, () => {});` },
    // Ports read from config that reads the environment, in this file or another.
    { code: `const config = { port: process.env.PORT ?? 3000 };\napp.listen(config.port);` },
    { code: `import { config } from "./config";\napp.listen(config.port);`, files: { "src/config.ts": `export const config = { port: Number(process.env.PORT ?? 3000) };` } },
    { code: `await app.listen({ port: Number(process.env.PORT ?? 3000), host: "0.0.0.0" });` },
    // Port 0 asks the OS for a free port.
    { code: `server.listen(0);` },
    { code: `const PORT = 0;\nserver.listen(PORT);` },
    // Not ports: unix sockets, event names, unknown values (parameters).
    { code: `server.listen("/tmp/app.sock");` },
    { code: `emitter.listen("ready");` },
    { code: `export function start(port: number) { app.listen(port); }` },
    { code: `function start(port = 3000) { app.listen(port); }` },
    { code: `let port = 3000;\nport = Number(process.env.PORT);\napp.listen(port);` },
    // Test folders may pin ports.
    { code: `app.listen(3000);`, filename: "test/server.test.ts" },
    { code: `app.listen(4000);`, filename: "src/__tests__/app.ts" },
    // Bun.serve shadowed by a local is not Bun's.
    { code: `const Bun = { serve(_: unknown) {} };\nBun.serve({ port: 3000 });` },
    { code: `Bun.serve({ port: Number(process.env.PORT ?? 3000), fetch() { return new Response("ok"); } });` },
  ],
  invalid: [
    {
      name: "a literal in listen()",
      code: `app.listen(3000);`,
      errors: [{ message: msg(3000, "listen()"), line: 1, column: 12, endLine: 1, endColumn: 16, severity: "warning" }],
      output: `app.listen(Number(process.env.PORT ?? 3000));`,
    },
    {
      name: "a const in the same file: the fix keeps the name",
      code: `const PORT = 3000;\napp.listen(PORT, () => console.log("up"));`,
      errors: [{ message: msg(3000, "listen()", " (via `PORT`)"), line: 2, column: 12, endLine: 2, endColumn: 16 }],
      output: `const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT, () => console.log("up"));`,
    },
    {
      name: "a config object property",
      code: `const cfg = { port: 8080 };\nhttp.createServer(handler).listen(cfg.port);`,
      errors: [{ message: msg(8080, "listen()", " (via `cfg.port`)"), line: 2, column: 35, endLine: 2, endColumn: 43 }],
      output: `const cfg = { port: Number(process.env.PORT ?? 8080) };\nhttp.createServer(handler).listen(cfg.port);`,
    },
    {
      name: "across files: the fix edits the file that defines the constant",
      code: `import { PORT } from "./config";\napp.listen(PORT);`,
      files: { "src/config.ts": `export const PORT = 4000;\n` },
      errors: [{ message: msg(4000, "listen()", " (via `PORT` in src/config.ts)"), line: 2, column: 12, endLine: 2, endColumn: 16 }],
      output: `import { PORT } from "./config";\napp.listen(PORT);`,
      outputFiles: { "src/config.ts": `export const PORT = Number(process.env.PORT ?? 4000);\n` },
    },
    {
      name: "across files through a barrel",
      code: `import { settings } from "./config";\napp.listen(settings.http.port);`,
      files: { "src/config/index.ts": `export * from "./settings";\n`, "src/config/settings.ts": `export const settings = { http: { port: 8081 } };\n` },
      errors: [{ message: msg(8081, "listen()", " (via `settings.http.port` in src/config/settings.ts)"), line: 2, column: 12, endLine: 2, endColumn: 30 }],
      output: `import { settings } from "./config";\napp.listen(settings.http.port);`,
      outputFiles: { "src/config/settings.ts": `export const settings = { http: { port: Number(process.env.PORT ?? 8081) } };\n` },
    },
    {
      name: "Fastify options object",
      code: `await fastify.listen({ port: 3000, host: "0.0.0.0" });`,
      errors: [{ message: msg(3000, "listen()"), line: 1, column: 30, endLine: 1, endColumn: 34 }],
      output: `await fastify.listen({ port: Number(process.env.PORT ?? 3000), host: "0.0.0.0" });`,
    },
    {
      name: "a named options object is reported on the argument",
      code: `const opts = { port: 3001 };\nawait fastify.listen(opts);`,
      errors: [{ message: msg(3001, "listen()", " (via `opts`)"), line: 2, column: 22, endLine: 2, endColumn: 26 }],
      output: `const opts = { port: Number(process.env.PORT ?? 3001) };\nawait fastify.listen(opts);`,
    },
    {
      name: "Nest in CommonJS",
      filename: "src/main.js",
      code: `const { NestFactory } = require("@nestjs/core");\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}`,
      errors: [{ message: msg(3000, "listen()"), line: 4, column: 20, endLine: 4, endColumn: 24 }],
      output: `const { NestFactory } = require("@nestjs/core");\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(Number(process.env.PORT ?? 3000));\n}`,
    },
    {
      name: "a numeric string",
      code: `app.listen("8080");`,
      errors: [{ message: msg(8080, "listen()"), line: 1, column: 12, endLine: 1, endColumn: 18 }],
      output: `app.listen(Number(process.env.PORT ?? "8080"));`,
    },
    {
      name: "as const is replaced whole",
      code: `const PORT = 3000 as const;\napp.listen(PORT);`,
      errors: [{ message: msg(3000, "listen()", " (via `PORT`)"), line: 2, column: 12, endLine: 2, endColumn: 16 }],
      output: `const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);`,
    },
    {
      name: "a second, named port keeps its own variable",
      code: `const METRICS_PORT = 9090;\nmetrics.listen(METRICS_PORT);`,
      errors: [{ message: msg(9090, "listen()", " (via `METRICS_PORT`)", "METRICS_PORT"), line: 2, column: 16, endLine: 2, endColumn: 28 }],
      output: `const METRICS_PORT = Number(process.env.METRICS_PORT ?? 9090);\nmetrics.listen(METRICS_PORT);`,
    },
    {
      name: "Bun.serve",
      code: `Bun.serve({ port: 3000, fetch() { return new Response("ok"); } });`,
      errors: [{ message: msg(3000, "Bun.serve()"), line: 1, column: 19, endLine: 1, endColumn: 23 }],
      output: `Bun.serve({ port: Number(process.env.PORT ?? 3000), fetch() { return new Response("ok"); } });`,
    },
    {
      name: "Deno.serve",
      code: `Deno.serve({ port: 8000 }, (_req) => new Response("ok"));`,
      errors: [{ message: msg(8000, "Deno.serve()"), line: 1, column: 20, endLine: 1, endColumn: 24 }],
      output: `Deno.serve({ port: Number(process.env.PORT ?? 8000) }, (_req) => new Response("ok"));`,
    },
    {
      name: "ws WebSocketServer, ESM named import",
      code: `import { WebSocketServer } from "ws";\nconst wss = new WebSocketServer({ port: 8080 });`,
      errors: [{ message: msg(8080, "ws WebSocketServer"), line: 2, column: 41, endLine: 2, endColumn: 45 }],
      output: `import { WebSocketServer } from "ws";\nconst wss = new WebSocketServer({ port: Number(process.env.PORT ?? 8080) });`,
    },
    {
      name: "Hapi",
      filename: "src/server.mjs",
      code: `import Hapi from "@hapi/hapi";\nconst server = Hapi.server({ port: 3000, host: "localhost" });`,
      errors: [{ message: msg(3000, "Hapi server()"), line: 2, column: 36, endLine: 2, endColumn: 40 }],
      output: `import Hapi from "@hapi/hapi";\nconst server = Hapi.server({ port: Number(process.env.PORT ?? 3000), host: "localhost" });`,
    },
    {
      name: "Apollo standalone server",
      code: `import { startStandaloneServer } from "@apollo/server/standalone";\nawait startStandaloneServer(server, { listen: { port: 4000 } });`,
      errors: [{ message: msg(4000, "Apollo startStandaloneServer()"), line: 2, column: 55, endLine: 2, endColumn: 59 }],
      output: `import { startStandaloneServer } from "@apollo/server/standalone";\nawait startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 4000) } });`,
    },
    {
      name: "a constant declared below its use (the walk has not reached it yet)",
      code: `export function start() {\n  app.listen(PORT);\n}\nconst PORT = BASE_PORT + 0 || 3000;\nconst LATER = { port: 4010 };\nexport function other() { app.listen(LATER.port); }\nconst BASE_PORT = 1;`,
      errors: [{ message: msg(4010, "listen()", " (via `LATER.port`)"), line: 6, column: 38, endLine: 6, endColumn: 48 }],
      output: `export function start() {\n  app.listen(PORT);\n}\nconst PORT = BASE_PORT + 0 || 3000;\nconst LATER = { port: Number(process.env.PORT ?? 4010) };\nexport function other() { app.listen(LATER.port); }\nconst BASE_PORT = 1;`,
    },
    {
      name: "an import written below its use",
      code: `export function start() {\n  app.listen(PORT);\n}\nimport { PORT } from "./config";`,
      files: { "src/config.ts": `export const PORT = 4011;\n` },
      errors: [{ message: msg(4011, "listen()", " (via `PORT` in src/config.ts)"), line: 2, column: 14, endLine: 2, endColumn: 18 }],
      output: `export function start() {\n  app.listen(PORT);\n}\nimport { PORT } from "./config";`,
      outputFiles: { "src/config.ts": `export const PORT = Number(process.env.PORT ?? 4011);\n` },
    },
    {
      name: "TSX file",
      filename: "src/server.tsx",
      code: `const App = () => <div>hi</div>;\napp.listen(3000);`,
      errors: [{ message: msg(3000, "listen()"), line: 2, column: 12, endLine: 2, endColumn: 16 }],
      output: `const App = () => <div>hi</div>;\napp.listen(Number(process.env.PORT ?? 3000));`,
    },
    {
      name: "two listens of one constant share one edit",
      code: `const PORT = 3000;\napp.listen(PORT);\nother.listen(PORT);`,
      errors: [
        { message: msg(3000, "listen()", " (via `PORT`)"), line: 2, column: 12, endLine: 2, endColumn: 16 },
        { message: msg(3000, "listen()", " (via `PORT`)"), line: 3, column: 14, endLine: 3, endColumn: 18 },
      ],
      output: `const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);\nother.listen(PORT);`,
    },
  ],
});

runRuleTests(noFixedPort, {
  valid: [
    { name: "package.json: $PORT", filename: "package.json", code: JSON.stringify({ scripts: { start: "next start --port $PORT" } }, null, 2) },
    { name: "package.json: dev scripts may pin a port", filename: "package.json", code: JSON.stringify({ scripts: { dev: "next dev -p 3000", "start:dev": "nest start --port 3000" } }, null, 2) },
    { name: "package.json: tsc -p is not a port", filename: "package.json", code: JSON.stringify({ scripts: { start: "tsc -p tsconfig.json && node dist/main.js" } }, null, 2) },
    { name: "package.json: broken JSON is not a crash", filename: "package.json", code: `{{{ "scripts": [ "start", ` },
    { name: "package.json: scripts of the wrong shape", filename: "package.json", code: `{ "scripts": ["node x --port 3000"] }` },
    { name: "Procfile: $PORT", filename: "Procfile", code: `web: node server.js --port $PORT\n` },
    { name: "Procfile: other processes", filename: "Procfile", code: `worker: node worker.js --port 9000\n` },
  ],
  invalid: [
    {
      name: "package.json start script",
      filename: "package.json",
      code: `{\n  "scripts": {\n    "start": "next start --port 3000"\n  }\n}\n`,
      errors: [{ message: `Port 3000 is hardcoded in the "start" script; pass the platform's port instead (for example --port $PORT).`, line: 3, column: 33, endLine: 3, endColumn: 37 }],
    },
    {
      name: "package.json: a truncated file still reports what can be read",
      filename: "package.json",
      code: `{ "scripts": { "start": "node x --port 3000"`,
      errors: [{ message: `Port 3000 is hardcoded in the "start" script; pass the platform's port instead (for example --port $PORT).`, line: 1, column: 40, endLine: 1, endColumn: 44 }],
    },
    {
      name: "package.json PORT= prefix",
      filename: "package.json",
      code: `{ "scripts": { "start": "PORT=8080 node server.js" } }`,
      errors: [{ message: `Port 8080 is hardcoded in the "start" script; pass the platform's port instead (for example --port $PORT).`, line: 1, column: 31, endLine: 1, endColumn: 35 }],
    },
    {
      name: "Procfile web",
      filename: "Procfile",
      code: `release: npm run migrate\nweb: node server.js -p 5000\n`,
      errors: [{ message: `Port 5000 is hardcoded in the Procfile web process; pass the platform's port instead (for example --port $PORT).`, line: 2, column: 24, endLine: 2, endColumn: 28 }],
    },
  ],
});
