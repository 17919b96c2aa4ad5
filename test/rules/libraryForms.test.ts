import { schemaSyncOnBoot } from "../../server/src/rules/admin-processes/schema-sync-on-boot";
import { hardcodedServiceUrl } from "../../server/src/rules/backing-services/hardcoded-service-url";
import { noFileLogging } from "../../server/src/rules/logs/no-file-logging";
import { noFixedPort } from "../../server/src/rules/port-binding/no-fixed-port";
import { runRuleTests, type InvalidCase } from "../helpers/ruleTester";
import { spanOf } from "./snippetRange";

// Library forms of issue 11 (part 6), one table per rule: hits and the traps next to them.
const port = (value: number, sink: string): string => `Port ${value} is hardcoded in ${sink}; bind to the port the platform gives in process.env.PORT.`;

function invalid(name: string, code: string, snippet: string, message: string, rest: Partial<InvalidCase> = {}): InvalidCase {
  return { name, code, errors: [{ message, ...spanOf(code, snippet), severity: rest.errors?.[0]?.severity ?? "warning" }], ...rest, ...(rest.errors ? {} : {}) };
}

runRuleTests(noFixedPort, {
  valid: [
    { name: "Hono serve() with the platform's port", code: `import { serve } from "@hono/node-server";\nserve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8787) });` },
    { name: "Bun default export with the platform's port", code: `export default {\n  port: Number(process.env.PORT ?? 3000),\n  fetch(req: Request) { return new Response("ok"); },\n};` },
    { name: "a default export with a port but no fetch is not a server", code: `export default {\n  port: 5432,\n  database: "app",\n};` },
    { name: "a Cloudflare-style worker without a port", code: `export default {\n  fetch(req: Request) { return new Response("ok"); },\n};` },
  ],
  invalid: [
    invalid("@hono/node-server serve({ fetch, port })", `import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\nconst app = new Hono();\nserve({ fetch: app.fetch, port: 8787 });`, "8787", port(8787, "@hono/node-server serve()"), {
      output: `import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\nconst app = new Hono();\nserve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8787) });`,
    }),
    invalid("Bun's export default { port, fetch }", `export default {\n  port: 3000,\n  fetch(req: Request) { return new Response("ok"); },\n};`, "3000", port(3000, "the default export's `port` (Bun)"), {
      output: `export default {\n  port: Number(process.env.PORT ?? 3000),\n  fetch(req: Request) { return new Response("ok"); },\n};`,
    }),
  ],
});

runRuleTests(hardcodedServiceUrl, {
  valid: [
    { name: "Nest TypeOrmModule.forRoot() from the environment", code: `import { TypeOrmModule } from "@nestjs/typeorm";\nexport const db = TypeOrmModule.forRoot({ type: "postgres", host: process.env.DB_HOST, port: Number(process.env.DB_PORT) });` },
    { name: "a TypeOrmModule.forRoot() of another package is not Nest's", code: `import { TypeOrmModule } from "./typeorm-stub";\nexport const db = TypeOrmModule.forRoot({ type: "postgres", host: "db.internal" });`, files: { "src/typeorm-stub.ts": `export const TypeOrmModule = { forRoot: (o: object) => o };\n` } },
  ],
  invalid: [
    {
      name: "Nest TypeOrmModule.forRoot({ host })",
      code: `import { TypeOrmModule } from "@nestjs/typeorm";\nexport const db = TypeOrmModule.forRoot({ type: "postgres", host: "db.internal", port: 5432, database: "app" });`,
      errors: [{ message: `Hardcoded PostgreSQL host "db.internal" in Nest TypeOrmModule.forRoot() options; read the connection from the environment (process.env.DATABASE_URL) so each deploy can attach its own PostgreSQL.`, ...spanOf(`import { TypeOrmModule } from "@nestjs/typeorm";\nexport const db = TypeOrmModule.forRoot({ type: "postgres", host: "db.internal", port: 5432, database: "app" });`, `"db.internal"`), severity: "info" }],
    },
  ],
});

const mongooseOption = (option: string, effect: string, instead: string): string =>
  `mongoose \`${option}: true\` ${effect} every time the app starts; set it to false and ${instead} in a migration script run as a one-off admin process (e.g. \`npm run migrate\` in the release phase).`;
const MODEL = `import mongoose from "mongoose";\nconst schema = new mongoose.Schema({ email: String });\nexport const User = mongoose.model("User", schema);\n`;

runRuleTests(schemaSyncOnBoot, {
  valid: [
    { name: "autoIndex and autoCreate off", code: `import { Schema } from "mongoose";\nexport const schema = new Schema({ email: String }, { autoIndex: false, autoCreate: false });` },
    { name: "autoIndex from the environment is the operator's choice", code: `import mongoose from "mongoose";\nawait mongoose.connect(process.env.MONGO_URL!, { autoIndex: process.env.NODE_ENV !== "production" });` },
    { name: "syncIndexes() on a model in a migration script", code: `import { User } from "../src/models/user";\nawait User.syncIndexes();`, filename: "scripts/sync-indexes.ts", files: { "src/models/user.ts": MODEL } },
  ],
  invalid: [
    (() => {
      const code = `import { Schema } from "mongoose";\nexport const schema = new Schema({ email: String }, { autoIndex: true, autoCreate: true });`;
      return {
        name: "schema options autoIndex and autoCreate",
        code,
        errors: [
          { message: mongooseOption("autoIndex", "builds the schema's indexes", "build them"), ...spanOf(code, "autoIndex: true"), severity: "info" as const },
          { message: mongooseOption("autoCreate", "creates the collections", "create them"), ...spanOf(code, "autoCreate: true"), severity: "info" as const },
        ],
      };
    })(),
    (() => {
      const code = `import mongoose from "mongoose";\nawait mongoose.connect(process.env.MONGO_URL!, { autoCreate: true });`;
      return { name: "connection option autoCreate", code, errors: [{ message: mongooseOption("autoCreate", "creates the collections", "create them"), ...spanOf(code, "autoCreate: true"), severity: "info" as const }] };
    })(),
    (() => {
      const code = `import { User } from "./models/user";\nawait User.syncIndexes();`;
      return {
        name: "syncIndexes() on a model from another module",
        code,
        files: { "src/models/user.ts": MODEL },
        errors: [{ message: "User.syncIndexes drops and rebuilds MongoDB indexes every time the app starts; move it to a migration script run as a one-off admin process (e.g. `npm run migrate` in the release phase).", ...spanOf(code, "User.syncIndexes()"), severity: "info" as const }],
      };
    })(),
  ],
});

runRuleTests(noFileLogging, {
  valid: [
    { name: "Fastify logger without a file", code: `import Fastify from "fastify";\nconst app = Fastify({ logger: { level: "info" } });` },
    { name: "Fastify logger file on /dev/stdout", code: `import Fastify from "fastify";\nconst app = Fastify({ logger: { file: "/dev/stdout" } });` },
  ],
  invalid: [
    (() => {
      const code = `import Fastify from "fastify";\nconst app = Fastify({ logger: { level: "info", file: "./logs/app.log" } });`;
      return {
        name: "Fastify logger: { file }",
        code,
        errors: [{ message: `Fastify logger \`file\` writes logs to "./logs/app.log"; log to stdout (leave out \`file\`) and let the platform route the stream.`, ...spanOf(code, `file: "./logs/app.log"`), severity: "warning" as const }],
      };
    })(),
  ],
});
