/**
 * Where a port number is handed to a server. A new server library is a new row here.
 * `callee` is matched against the resolved module reference of the callee (`module` + `path`),
 * a global (`Bun.serve`), or the name of the called method on any object (`app.listen`).
 */
export interface PortSink {
  /** For messages: how the user knows this call. */
  label: string;
  callee:
    | { method: string }
    | { global: string[] }
    | { module: string; path: string[] }
    /** Any callee whose last name is this, whatever it was imported from. */
    | { name: string };
  /** Which argument carries the port or the options object. */
  argument: number;
  /** Where the port sits inside an options object (`["listen", "port"]`). */
  optionPath: string[];
  /** Whether the argument itself may be the port number (`app.listen(3000)`). */
  direct: boolean;
}

export const PORT_SINKS: readonly PortSink[] = [
  // Express, Koa, Nest, Fastify (v4+ takes `{ port }`), node http/https/net servers, socket.io.
  { label: "listen()", callee: { method: "listen" }, argument: 0, optionPath: ["port"], direct: true },
  { label: "Bun.serve()", callee: { global: ["Bun", "serve"] }, argument: 0, optionPath: ["port"], direct: false },
  { label: "Deno.serve()", callee: { global: ["Deno", "serve"] }, argument: 0, optionPath: ["port"], direct: false },
  { label: "ws WebSocketServer", callee: { module: "ws", path: ["WebSocketServer"] }, argument: 0, optionPath: ["port"], direct: false },
  { label: "ws Server", callee: { module: "ws", path: ["Server"] }, argument: 0, optionPath: ["port"], direct: false },
  { label: "Hapi server()", callee: { module: "@hapi/hapi", path: ["server"] }, argument: 0, optionPath: ["port"], direct: false },
  { label: "Hapi Server", callee: { module: "@hapi/hapi", path: ["Server"] }, argument: 0, optionPath: ["port"], direct: false },
  { label: "Apollo startStandaloneServer()", callee: { module: "@apollo/server/standalone", path: ["startStandaloneServer"] }, argument: 1, optionPath: ["listen", "port"], direct: false },
  { label: "createServer()", callee: { name: "createServer" }, argument: 0, optionPath: ["port"], direct: false },
  // Hono on Node: serve({ fetch: app.fetch, port }).
  { label: "@hono/node-server serve()", callee: { module: "@hono/node-server", path: ["serve"] }, argument: 0, optionPath: ["port"], direct: false },
];

/** npm scripts that start the app in production (dev scripts may pin a port). */
export const START_SCRIPTS = new Set(["start", "serve", "prod", "production", "start:prod", "start:production", "server"]);
