/**
 * Library knowledge: stores, upload handlers and databases that keep their data in files on the
 * local disk. Each row says how to recognise the call and where its path is written; a new
 * library is a new row, not new code.
 */
export interface OptionCondition {
  /** Argument index; -1 is the last argument. */
  arg: number;
  /** Alternative option paths (the first one present is read). */
  options: ReadonlyArray<readonly string[]>;
  values: ReadonlyArray<string | boolean>;
}

export interface PathLocation {
  arg: number;
  /** Option path inside the argument; absent: the argument itself is the path (when it is not an options object). */
  option?: readonly string[];
}

export interface FileStoreRow {
  /** Subject of the message. */
  label: string;
  module: string;
  /** Member paths of the callee; `"()"` is the result of a call (`require("session-file-store")(session)`). */
  paths: ReadonlyArray<readonly string[]>;
  construct: "new" | "call" | "any";
  /** Verb phrase of the message: `<label> <action> "<path>" on the local disk`. */
  action: string;
  /** Where the path is written, tried in order. */
  locations: readonly PathLocation[];
  /** The row applies only when this option has one of these values (knex `client: "sqlite3"`). */
  when?: OptionCondition;
  /** The store stays off the disk when this option has one of these values (nedb `inMemoryOnly: true`). */
  offDisk?: OptionCondition;
  /** The path option is ignored when this option is present (multer's `storage` beats `dest`). */
  overriddenBy?: { arg: number; option: readonly string[] };
  /** Path values that are not on disk. */
  inMemory?: readonly string[];
  /** The value is a URL: only literals with this prefix count, and the path follows it. */
  prefix?: string;
  /** Where the store writes when no path is given (message phrase); absent: nothing is written then. */
  defaultLocation?: string;
  /** A function-valued location hands the path to a callback: `(req, file, cb) => cb(null, "uploads/")`. */
  callback?: { param: number; arg: number };
  /** What to do instead, when it is more specific than "use a backing service". */
  advice?: string;
  fix?: "multer-memory-storage" | "multer-disk-to-memory";
  /** The store is one construct reported as a whole (`multer.diskStorage(...)`), not at its path option. */
  reportAtCall?: boolean;
}

const IN_MEMORY = [":memory:", ""];
const SQLITE_CLIENTS = ["sqlite3", "better-sqlite3", "sqlite"];
const FIRST_ARG: readonly PathLocation[] = [{ arg: 0 }];

export const FILE_STORES: readonly FileStoreRow[] = [
  // multer({ dest }): uploads written to a folder (without `dest` or `storage`, multer keeps them in memory).
  {
    label: "multer",
    module: "multer",
    paths: [[]],
    construct: "call",
    action: "stores uploads in",
    locations: [{ arg: 0, option: ["dest"] }],
    overriddenBy: { arg: 0, option: ["storage"] },
    advice: "use multer.memoryStorage() and send the files to object storage",
    fix: "multer-memory-storage",
  },
  // multer.diskStorage({ destination }): a string or a `(req, file, cb)` callback; without it, the OS temp folder.
  {
    label: "multer.diskStorage",
    module: "multer",
    paths: [["diskStorage"]],
    construct: "call",
    action: "stores uploads in",
    locations: [{ arg: 0, option: ["destination"] }],
    callback: { param: 2, arg: 1 },
    advice: "use multer.memoryStorage() and send the files to object storage",
    fix: "multer-disk-to-memory",
    reportAtCall: true,
  },
  // better-sqlite3: new Database("app.db") (also callable without `new`).
  { label: "better-sqlite3", module: "better-sqlite3", paths: [[]], construct: "any", action: "opens a database file at", locations: FIRST_ARG, inMemory: IN_MEMORY },
  // sqlite3: new sqlite3.Database("app.db"), also through `.verbose()` and `sqlite3.cached`.
  { label: "sqlite3", module: "sqlite3", paths: [["Database"], ["cached", "Database"]], construct: "new", action: "opens a database file at", locations: FIRST_ARG, inMemory: IN_MEMORY },
  // sqlite (promise wrapper): open({ filename, driver }).
  { label: "sqlite", module: "sqlite", paths: [["open"]], construct: "call", action: "opens a database file at", locations: [{ arg: 0, option: ["filename"] }], inMemory: IN_MEMORY },
  // node:sqlite: new DatabaseSync("app.db").
  { label: "node:sqlite", module: "sqlite", paths: [["DatabaseSync"]], construct: "new", action: "opens a database file at", locations: FIRST_ARG, inMemory: IN_MEMORY },
  // bun:sqlite: new Database("app.db").
  { label: "bun:sqlite", module: "bun:sqlite", paths: [[], ["Database"]], construct: "new", action: "opens a database file at", locations: FIRST_ARG, inMemory: IN_MEMORY },
  // libSQL: createClient({ url: "file:local.db" }) (remote `libsql://` URLs are backing services).
  { label: "@libsql/client", module: "@libsql/client", paths: [["createClient"]], construct: "call", action: "opens a database file at", locations: [{ arg: 0, option: ["url"] }], prefix: "file:", inMemory: IN_MEMORY },
  // knex({ client: "sqlite3", connection: { filename } }).
  {
    label: "knex (SQLite)",
    module: "knex",
    paths: [[], ["knex"], ["default"]],
    construct: "call",
    action: "opens a database file at",
    locations: [{ arg: 0, option: ["connection", "filename"] }],
    when: { arg: 0, options: [["client"], ["dialect"]], values: SQLITE_CLIENTS },
    inMemory: IN_MEMORY,
  },
  // Sequelize({ dialect: "sqlite", storage }) (options are the last argument; `host` is the legacy spelling).
  {
    label: "Sequelize (SQLite)",
    module: "sequelize",
    paths: [[], ["Sequelize"]],
    construct: "new",
    action: "opens a database file at",
    locations: [{ arg: -1, option: ["storage"] }, { arg: -1, option: ["host"] }],
    when: { arg: -1, options: [["dialect"]], values: ["sqlite"] },
    inMemory: IN_MEMORY,
  },
  {
    label: "Sequelize (SQLite)",
    module: "sequelize-typescript",
    paths: [["Sequelize"]],
    construct: "new",
    action: "opens a database file at",
    locations: [{ arg: -1, option: ["storage"] }, { arg: -1, option: ["host"] }],
    when: { arg: -1, options: [["dialect"]], values: ["sqlite"] },
    inMemory: IN_MEMORY,
  },
  // new Sequelize("sqlite:./app.sqlite"): the connection-URI form.
  { label: "Sequelize (SQLite)", module: "sequelize", paths: [[], ["Sequelize"]], construct: "new", action: "opens a database file at", locations: FIRST_ARG, prefix: "sqlite:", inMemory: IN_MEMORY },
  // TypeORM: new DataSource / createConnection / Nest's TypeOrmModule.forRoot with type "sqlite" | "better-sqlite3".
  ...[
    { module: "typeorm", paths: [["DataSource"], ["Connection"]], construct: "new" as const },
    { module: "typeorm", paths: [["createConnection"]], construct: "call" as const },
    { module: "@nestjs/typeorm", paths: [["TypeOrmModule", "forRoot"]], construct: "call" as const },
  ].map((callee): FileStoreRow => ({
    label: "TypeORM (SQLite)",
    ...callee,
    action: "opens a database file at",
    locations: [{ arg: 0, option: ["database"] }],
    when: { arg: 0, options: [["type"]], values: ["sqlite", "better-sqlite3"] },
    inMemory: IN_MEMORY,
  })),
  // lowdb: new JSONFile("db.json") (lowdb 3-4 exported it from "lowdb", 5+ from "lowdb/node").
  { label: "lowdb", module: "lowdb/node", paths: [["JSONFile"], ["JSONFileSync"], ["TextFile"], ["TextFileSync"]], construct: "new", action: "keeps its database in", locations: FIRST_ARG },
  { label: "lowdb", module: "lowdb", paths: [["JSONFile"], ["JSONFileSync"]], construct: "new", action: "keeps its database in", locations: FIRST_ARG },
  // lowdb 7 presets: JSONFilePreset("db.json", defaults).
  { label: "lowdb", module: "lowdb/node", paths: [["JSONFilePreset"], ["JSONFileSyncPreset"]], construct: "call", action: "keeps its database in", locations: FIRST_ARG },
  // lowdb 1: new FileSync("db.json") / new FileAsync("db.json").
  { label: "lowdb", module: "lowdb/adapters/FileSync", paths: [[]], construct: "new", action: "keeps its database in", locations: FIRST_ARG },
  { label: "lowdb", module: "lowdb/adapters/FileAsync", paths: [[]], construct: "new", action: "keeps its database in", locations: FIRST_ARG },
  // NeDB: new Datastore({ filename }) or new Datastore("file.db"); in memory without a filename or with inMemoryOnly.
  ...["nedb", "@seald-io/nedb"].map((module): FileStoreRow => ({
    label: "NeDB",
    module,
    paths: [[]],
    construct: "new",
    action: "keeps its database in",
    locations: [{ arg: 0, option: ["filename"] }, { arg: 0 }],
    offDisk: { arg: 0, options: [["inMemoryOnly"]], values: [true] },
  })),
  // nedb-promises: Datastore.create({ filename }) or Datastore.create("file.db").
  {
    label: "nedb-promises",
    module: "nedb-promises",
    paths: [["create"], ["default", "create"]],
    construct: "call",
    action: "keeps its database in",
    locations: [{ arg: 0, option: ["filename"] }, { arg: 0 }],
    offDisk: { arg: 0, options: [["inMemoryOnly"]], values: [true] },
  },
  // node-persist: storage.init({ dir }) / storage.create({ dir }); the default folder is .node-persist/storage.
  {
    label: "node-persist",
    module: "node-persist",
    paths: [["init"], ["initSync"], ["create"]],
    construct: "call",
    action: "stores data in",
    locations: [{ arg: 0, option: ["dir"] }],
    defaultLocation: 'its default folder ".node-persist/storage"',
  },
  // session-file-store: new (require("session-file-store")(session))({ path }); the default folder is ./sessions.
  {
    label: "session-file-store",
    module: "session-file-store",
    paths: [["()"]],
    construct: "new",
    action: "stores sessions in",
    locations: [{ arg: 0, option: ["path"] }],
    defaultLocation: 'its default folder "./sessions"',
    advice: "keep sessions in a backing service (Redis, a database) so any process can serve any request",
  },
  // connect-sqlite3: new (require("connect-sqlite3")(session))({ dir, db }): the file `db` in folder `dir` (the working directory by default).
  {
    label: "connect-sqlite3",
    module: "connect-sqlite3",
    paths: [["()"]],
    construct: "new",
    action: "stores sessions in",
    locations: [{ arg: 0, option: ["dir"] }],
    offDisk: { arg: 0, options: [["db"]], values: [":memory:"] },
    defaultLocation: "the working directory",
    advice: "keep sessions in a backing service (Redis, a database) so any process can serve any request",
  },
  // node-localstorage: new LocalStorage("./scratch").
  { label: "node-localstorage", module: "node-localstorage", paths: [["LocalStorage"], ["JSONStorage"]], construct: "new", action: "stores data in", locations: FIRST_ARG },
  // conf / configstore: settings files in the user's config folder (fine for CLIs, which live in bin/).
  { label: "conf", module: "conf", paths: [[]], construct: "new", action: "stores data in", locations: [{ arg: 0, option: ["cwd"] }], defaultLocation: "the user's config folder" },
  { label: "configstore", module: "configstore", paths: [[]], construct: "new", action: "stores data in", locations: [], defaultLocation: "the user's config folder" },
  // LevelDB: new Level("./db"), new ClassicLevel("./db"), and the old level("./db").
  { label: "level", module: "level", paths: [["Level"]], construct: "new", action: "keeps its database in", locations: FIRST_ARG },
  { label: "level", module: "level", paths: [[]], construct: "call", action: "keeps its database in", locations: FIRST_ARG },
  { label: "classic-level", module: "classic-level", paths: [["ClassicLevel"]], construct: "new", action: "keeps its database in", locations: FIRST_ARG },
  // LMDB: open({ path }) or open("my-db").
  { label: "lmdb", module: "lmdb", paths: [["open"]], construct: "call", action: "keeps its database in", locations: [{ arg: 0, option: ["path"] }, { arg: 0 }] },
];
