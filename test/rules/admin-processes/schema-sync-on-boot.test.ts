import rule from "../../../server/src/rules/admin-processes/schema-sync-on-boot";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

const ONE_OFF = "move it to a migration script run as a one-off admin process (e.g. `npm run migrate` in the release phase)";
const sequelize = (callee: string, option: "force" | "alter"): string =>
  `${callee} with \`${option}\` ${option === "force" ? "drops and re-creates the tables" : "alters the tables"} every time the app starts; ${ONE_OFF}.`;
const TYPEORM = "TypeORM `synchronize: true` changes the database schema every time the app connects; set it to false and run migrations as a one-off admin process (e.g. `npm run migrate` in the release phase).";
const syncIndexes = (callee: string): string => `${callee} drops and rebuilds MongoDB indexes every time the app starts; ${ONE_OFF}.`;

function at(code: string, snippet: string, message: string): InvalidCase["errors"][number] {
  return { message, ...spanOf(code, snippet), severity: "info" };
}

function invalid(name: string, code: string, errors: (code: string) => InvalidCase["errors"], rest: Partial<InvalidCase> = {}): InvalidCase {
  return { name, code, errors: errors(code), ...rest };
}

const SYNC_SCRIPT = `const { sequelize } = require("../src/db");\nsequelize.sync({ alter: true }).then(() => process.exit(0));`;

const valid: ValidCase[] = [
  { name: "sync() without force or alter", code: `import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize(process.env.DATABASE_URL!);\nawait sequelize.sync();` },
  { name: "force: false", code: `import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize(process.env.DATABASE_URL!);\nawait sequelize.sync({ force: false });` },
  { name: "force from the environment (unknown)", code: `import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize(process.env.DATABASE_URL!);\nawait sequelize.sync({ force: process.env.DB_RESET === "1" });` },
  { name: "synchronize: false", code: `import { DataSource } from "typeorm";\nexport const ds = new DataSource({ type: "postgres", url: process.env.DATABASE_URL, synchronize: false });` },
  { name: "a sync({ force }) on something that is not Sequelize", code: `import { createStore } from "./store";\nconst cache = createStore();\nawait cache.sync({ force: true });`, files: { "src/store.ts": `export const createStore = () => ({ sync: (o: object) => o });` } },
  { name: "a committed script under scripts/", code: `import { sequelize } from "../src/db";\nawait sequelize.sync({ force: true });`, filename: "scripts/reset-db.ts" },
  { name: "a migration under migrations/", code: `import { DataSource } from "typeorm";\nexport const ds = new DataSource({ type: "postgres", synchronize: true });`, filename: "migrations/bootstrap.ts" },
  { name: "a file a package.json script entry runs", code: SYNC_SCRIPT, filename: "db/sync.js", files: { "package.json": JSON.stringify({ scripts: { start: "node src/index.js", "db:sync": "node ./db/sync.js" } }) } },
  { name: "a script entry without the extension (tsx)", code: `import mongoose from "mongoose";\nawait mongoose.syncIndexes();`, filename: "src/db/indexes.ts", files: { "package.json": JSON.stringify({ scripts: { "db:indexes": "tsx src/db/indexes" } }) } },
  { name: "a test file", code: `import { sequelize } from "../src/db";\nbeforeEach(() => sequelize.sync({ force: true }));`, filename: "test/db.test.ts" },
];

const invalidCases: InvalidCase[] = [
  invalid("sequelize.sync({ force: true }) on a Sequelize instance", `import { Sequelize } from "sequelize";\nconst db = new Sequelize(process.env.DATABASE_URL!);\nawait db.sync({ force: true });\napp.listen(Number(process.env.PORT));`, (code) => [
    at(code, `db.sync({ force: true })`, sequelize("db.sync", "force")),
  ]),
  invalid("db.sequelize.sync({ alter: true }) (sequelize-cli models/index.js style)", `const db = require("./models");\ndb.sequelize.sync({ alter: true }).then(() => app.listen(process.env.PORT));`, (code) => [
    at(code, `db.sequelize.sync({ alter: true })`, sequelize("db.sequelize.sync", "alter")),
  ], { filename: "src/app.js" }),
  invalid("the instance from another file, alter with options", `import { conn } from "./db";\nawait conn.sync({ alter: { drop: false } });`, (code) => [
    at(code, `conn.sync({ alter: { drop: false } })`, sequelize("conn.sync", "alter")),
  ], { files: { "src/db.ts": `import Sequelize from "sequelize";\nexport const conn = new Sequelize("postgres://db/app");` } }),
  invalid("a model's sync in a file importing sequelize", `import { DataTypes, Model } from "sequelize";\nexport class User extends Model {}\nawait User.sync({ force: true });`, (code) => [
    at(code, `User.sync({ force: true })`, sequelize("User.sync", "force")),
  ]),
  invalid("the file the start script runs is the boot path", SYNC_SCRIPT, (code) => [
    at(code, `sequelize.sync({ alter: true })`, sequelize("sequelize.sync", "alter")),
  ], { filename: "db/sync.js", files: { "package.json": JSON.stringify({ scripts: { start: "node db/sync.js && node src/index.js" } }) } }),
  invalid("a file the prestart hook runs is the boot path too", SYNC_SCRIPT, (code) => [
    at(code, `sequelize.sync({ alter: true })`, sequelize("sequelize.sync", "alter")),
  ], { filename: "db/sync.js", files: { "package.json": JSON.stringify({ scripts: { prestart: "node db/sync.js", start: "node src/index.js" } }) } }),
  invalid("sequelize-typescript, force through a const", `import { Sequelize } from "sequelize-typescript";\nconst orm = new Sequelize({ dialect: "postgres" });\nconst FORCE = true;\nawait orm.sync({ force: FORCE });`, (code) => [
    at(code, `orm.sync({ force: FORCE })`, sequelize("orm.sync", "force")),
  ]),
  invalid("TypeORM DataSource with synchronize: true", `import { DataSource } from "typeorm";\nexport const ds = new DataSource({ type: "postgres", url: process.env.DATABASE_URL, synchronize: true });`, (code) => [
    at(code, `synchronize: true`, TYPEORM),
  ]),
  invalid("TypeOrmModule.forRoot options from another file", `import { Module } from "@nestjs/common";\nimport { TypeOrmModule } from "@nestjs/typeorm";\nimport { ormOptions } from "./orm";\n@Module({ imports: [TypeOrmModule.forRoot(ormOptions)] })\nexport class AppModule {}`, (code) => [
    { message: TYPEORM, ...spanOf(code, "ormOptions", 1), severity: "info" },
  ], { files: { "src/orm.ts": `export const ormOptions = { type: "postgres" as const, synchronize: true };` } }),
  invalid("createConnection (CommonJS)", `const { createConnection } = require("typeorm");\ncreateConnection({ type: "mysql", synchronize: true, entities: [] });`, (code) => [
    at(code, `synchronize: true`, TYPEORM),
  ], { filename: "src/db.js" }),
  invalid("mongoose.syncIndexes() and Model.syncIndexes()", `import mongoose from "mongoose";\nconst User = mongoose.model("User", new mongoose.Schema({ email: String }));\nawait mongoose.syncIndexes();\nawait User.syncIndexes();`, (code) => [
    at(code, `mongoose.syncIndexes()`, syncIndexes("mongoose.syncIndexes")),
    at(code, `User.syncIndexes()`, syncIndexes("User.syncIndexes")),
  ]),
];

runRuleTests(rule, { valid, invalid: invalidCases });
