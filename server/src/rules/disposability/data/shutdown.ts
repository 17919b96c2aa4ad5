/**
 * What counts as handling shutdown, and how each server is closed. A new library is a new row.
 */

/** The signals a platform sends to stop a process (SIGTERM) or a developer types (SIGINT, Ctrl-C). */
export const SHUTDOWN_SIGNALS: ReadonlySet<string> = new Set(["SIGTERM", "SIGINT"]);

/** `process.<method>(signal, handler)` installs a handler. */
export const SIGNAL_METHODS: ReadonlySet<string> = new Set(["on", "once", "addListener", "prependListener", "prependOnceListener"]);

/**
 * Libraries that install SIGTERM/SIGINT handlers (or close servers on them) once imported and used;
 * importing one anywhere in the project counts as handling shutdown.
 */
export const SHUTDOWN_LIBRARIES: readonly string[] = [
  "@godaddy/terminus",
  "@fastify/close-with-grace",
  "close-with-grace",
  "http-terminator",
  "stoppable",
  "lightship",
  "http-graceful-shutdown",
  "fastify-graceful-shutdown",
  "exit-hook",
  "async-exit-hook",
];

/** Methods that turn on a framework's own signal handling (Nest's `app.enableShutdownHooks()`). */
export const SHUTDOWN_HOOK_METHODS: ReadonlySet<string> = new Set(["enableShutdownHooks"]);

/**
 * Frameworks whose `listen()` resolves to an address rather than the server: the fix closes the
 * application object itself, which returns a promise (`app.close().then(...)`). Matched on the
 * module the listening object was made from.
 */
export const PROMISE_CLOSERS: ReadonlySet<string> = new Set(["fastify", "@nestjs/core"]);

/** Calls that make a node `http.Server` whose `listen()` returns that same server. */
export const NODE_SERVER_FACTORIES: ReadonlySet<string> = new Set(["createServer", "createSecureServer", "Server"]);

/** Hapi: `Hapi.server({ port })` then `await server.start()` binds; `server.stop()` closes. */
export const HAPI_MODULES: ReadonlySet<string> = new Set(["@hapi/hapi", "hapi"]);
export const HAPI_FACTORIES: ReadonlySet<string> = new Set(["server", "Server"]);
