/**
 * Library knowledge for admin-processes/schema-sync-on-boot. A new library is a new row.
 */

/** Constructors of a Sequelize instance, whose `sync({ force | alter })` rewrites the schema. */
export const SEQUELIZE_CLASSES: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]> }> = [
  // `import { Sequelize } from "sequelize"`, and the default export, which is the same class.
  { module: "sequelize", paths: [["Sequelize"], []] },
  { module: "sequelize-typescript", paths: [["Sequelize"]] },
];

/** Modules whose presence in a file makes `X.sync({ force | alter })` a Sequelize sync (models). */
export const SEQUELIZE_MODULES = ["sequelize", "sequelize-typescript"];

/** `sync()` options that change the schema: `force` drops and re-creates tables, `alter` changes them. */
export const SYNC_OPTIONS = ["force", "alter"] as const;

/** Calls and constructors taking TypeORM connection options, where `synchronize: true` syncs on connect. */
export const TYPEORM_OPTION_TAKERS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; optionsArg: number }> = [
  { module: "typeorm", paths: [["DataSource"], ["createConnection"], ["createConnections"]], optionsArg: 0 },
  { module: "@nestjs/typeorm", paths: [["TypeOrmModule", "forRoot"]], optionsArg: 0 },
];

/** The mongoose member that drops and rebuilds indexes to match the schemas. */
export const MONGOOSE_SYNC_INDEXES = "syncIndexes";

/** mongoose options that build collections or indexes when a model is compiled or a connection opens. */
export const MONGOOSE_BOOT_OPTIONS: ReadonlyArray<{ option: string; effect: string; instead: string }> = [
  { option: "autoIndex", effect: "builds the schema's indexes", instead: "build them" },
  { option: "autoCreate", effect: "creates the collections", instead: "create them" },
];

/** Calls that take those options: `new Schema(definition, options)`, `mongoose.connect(uri, options)`, `createConnection(uri, options)`. */
export const MONGOOSE_OPTION_TAKERS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; optionsArg: number }> = [
  { module: "mongoose", paths: [["Schema"]], optionsArg: 1 },
  { module: "mongoose", paths: [["connect"], ["createConnection"]], optionsArg: 1 },
];

/**
 * `package.json` script names that start the app itself, with their `pre`/`post` hooks (npm runs
 * `prestart` on every `npm start`): a file they run is the boot path, not a one-off.
 */
export { START_SCRIPT_NAME } from "../../../engine/roles/packageScripts";
