/**
 * Library knowledge: places where code hands a writable stream to a logger. A file stream given
 * there means the logs go to a file. `path` walks into the argument: option names, and `"[]"`
 * for any element of an array. A new logger is a new row.
 */
export interface LogSinkPosition {
  arg: number;
  path: readonly string[];
}

export interface LogSinkRow {
  /** Shown in messages. */
  label: string;
  module: string;
  paths: ReadonlyArray<readonly string[]>;
  construct: "call" | "new";
  positions: readonly LogSinkPosition[];
  /** What to do instead (message). */
  advice: string;
}

const PINO = [[], ["pino"], ["default"]] as const;

export const LOG_SINKS: readonly LogSinkRow[] = [
  // morgan(format, { stream }) and the old morgan({ format, stream }).
  { label: "morgan", module: "morgan", paths: [[]], construct: "call", positions: [{ arg: 1, path: ["stream"] }, { arg: 0, path: ["stream"] }], advice: "drop the stream option so morgan writes to stdout" },
  // new console.Console(stdout, stderr) and new Console({ stdout, stderr }).
  {
    label: "console.Console",
    module: "console",
    paths: [["Console"]],
    construct: "new",
    positions: [{ arg: 0, path: [] }, { arg: 1, path: [] }, { arg: 0, path: ["stdout"] }, { arg: 0, path: ["stderr"] }],
    advice: "log to process.stdout and process.stderr",
  },
  // winston's Stream transport: new winston.transports.Stream({ stream }).
  { label: "winston Stream transport", module: "winston", paths: [["transports", "Stream"]], construct: "new", positions: [{ arg: 0, path: ["stream"] }], advice: "log to stdout (winston.transports.Console)" },
  // pino(stream), pino(options, stream).
  { label: "pino", module: "pino", paths: PINO, construct: "call", positions: [{ arg: 0, path: [] }, { arg: 1, path: [] }], advice: "log to stdout (pino.destination(1))" },
  // pino.multistream([{ stream }, ...]).
  { label: "pino.multistream", module: "pino", paths: [["multistream"]], construct: "call", positions: [{ arg: 0, path: ["[]", "stream"] }, { arg: 0, path: [] }], advice: "log to stdout (pino.destination(1))" },
  // bunyan.createLogger({ stream }) / ({ streams: [{ stream }] }).
  {
    label: "bunyan",
    module: "bunyan",
    paths: [["createLogger"]],
    construct: "call",
    positions: [{ arg: 0, path: ["stream"] }, { arg: 0, path: ["streams", "[]", "stream"] }],
    advice: "log to process.stdout",
  },
  // pino-http(options, stream).
  { label: "pino-http", module: "pino-http", paths: [[], ["pinoHttp"]], construct: "call", positions: [{ arg: 1, path: [] }, { arg: 0, path: ["stream"] }], advice: "log to stdout (the default)" },
  // Fastify's built-in pino logger: fastify({ logger: { stream } }).
  { label: "Fastify logger", module: "fastify", paths: [[], ["fastify"], ["default"]], construct: "call", positions: [{ arg: 0, path: ["logger", "stream"] }], advice: "log to stdout (the default)" },
];
