/**
 * Library knowledge for processes/no-in-memory-session: session middlewares whose default store
 * lives in the process's memory. A new library is a new row.
 *
 * Not listed on purpose: `cookie-session` and `koa-session` keep the session data in the cookie
 * itself by default (nothing in memory), and `@fastify/secure-session` does the same.
 */
export interface SessionMiddlewareRow {
  module: string;
  /** Member paths of the callee that build the middleware (`[]`: the default export itself). */
  paths: ReadonlyArray<readonly string[]>;
  /**
   * How the middleware is set up: `call` is `session(options)`; `plugin` is a Fastify plugin
   * passed to `register(plugin, options)`, so the options follow the plugin argument.
   */
  usage: "call" | "plugin";
  /** For `call`: the index of the options argument. */
  optionsArg: number;
}

export const SESSION_MIDDLEWARES: readonly SessionMiddlewareRow[] = [
  // express-session: session({ secret, store }); without `store` it uses its MemoryStore.
  { module: "express-session", paths: [[]], usage: "call", optionsArg: 0 },
  // koa-generic-session: session({ store }); the default store is a MemoryStore.
  { module: "koa-generic-session", paths: [[]], usage: "call", optionsArg: 0 },
  // @fastify/session and its predecessor: fastify.register(fastifySession, { secret, store }).
  { module: "@fastify/session", paths: [[]], usage: "plugin", optionsArg: 1 },
  { module: "fastify-session", paths: [[]], usage: "plugin", optionsArg: 1 },
];

/** Constructors of stores that keep sessions in the process's memory. */
export const MEMORY_STORES: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; label: string; construct: "new" | "call" }> = [
  // new session.MemoryStore(): express-session's own store, meant for development only.
  { module: "express-session", paths: [["MemoryStore"]], label: "express-session's MemoryStore", construct: "new" },
  { module: "koa-generic-session", paths: [["MemoryStore"]], label: "koa-generic-session's MemoryStore", construct: "new" },
  { module: "@fastify/session", paths: [["MemoryStore"]], label: "@fastify/session's MemoryStore", construct: "new" },
  // require("memorystore")(session) builds a MemoryStore class (an LRU in this process's memory).
  { module: "memorystore", paths: [[]], label: "memorystore", construct: "call" },
];
