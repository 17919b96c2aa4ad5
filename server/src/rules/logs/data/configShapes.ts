/**
 * Library knowledge: logger configuration objects that describe file outputs. Each table names
 * the calls that take such a configuration and the values that mean "a file". A new library or
 * appender type is a new row.
 */

/** log4js.configure({ appenders: { name: { type, filename } } }). */
export const LOG4JS_CONFIGURE: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]> }> = [
  // log4js.configure(config), also as a named import.
  { module: "log4js", paths: [["configure"]] },
];

/** log4js appender types that write files. */
export const LOG4JS_FILE_APPENDERS: readonly string[] = [
  "file", // log4js core: file with size rotation
  "dateFile", // log4js core: file rotated by date
  "fileSync", // log4js core: synchronous file
  "multiFile", // log4js core: one file per category/property
];

/** bunyan: calls taking `{ streams: [...] }` options, or a single stream description. */
export const BUNYAN_LOGGERS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; construct: "new" | "call"; shape: "options" | "stream" }> = [
  // bunyan.createLogger({ name, streams }).
  { module: "bunyan", paths: [["createLogger"]], construct: "call", shape: "options" },
  // new bunyan({ name, streams }) / new Logger(...).
  { module: "bunyan", paths: [[]], construct: "new", shape: "options" },
  // logger.addStream({ path }) on a logger made by createLogger.
  { module: "bunyan", paths: [["createLogger", "()", "addStream"]], construct: "call", shape: "stream" },
];

/** bunyan stream types that write files (a `path` without a `stream` is one too). */
export const BUNYAN_FILE_STREAM_TYPES: readonly string[] = ["file", "rotating-file"];

/** pino transport targets that write files, and the option naming the file. */
export interface PinoTargetRow {
  target: string;
  option: string;
  /** The target writes to stdout when the option is missing (pino/file defaults to fd 1). */
  defaultsToStdout: boolean;
  /** Setting the option to 1 keeps the target and sends it to stdout. */
  descriptorFix: boolean;
}

export const PINO_FILE_TARGETS: readonly PinoTargetRow[] = [
  // pino's built-in file target: options.destination, a path or a descriptor.
  { target: "pino/file", option: "destination", defaultsToStdout: true, descriptorFix: true },
  // pino-pretty: options.destination, a path or a descriptor.
  { target: "pino-pretty", option: "destination", defaultsToStdout: true, descriptorFix: true },
  // pino-roll: rotating files, options.file.
  { target: "pino-roll", option: "file", defaultsToStdout: false, descriptorFix: false },
];

/** Calls that take pino transport descriptions: directly, or inside pino options at `optionPath`. */
export const PINO_TRANSPORT_HOLDERS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; arg: number; optionPath: readonly string[] }> = [
  // pino.transport({ target, options } | { targets } | { pipeline }).
  { module: "pino", paths: [["transport"]], arg: 0, optionPath: [] },
  // pino({ transport }).
  { module: "pino", paths: [[], ["pino"], ["default"]], arg: 0, optionPath: ["transport"] },
  // pino-http({ transport }).
  { module: "pino-http", paths: [[], ["pinoHttp"]], arg: 0, optionPath: ["transport"] },
  // Fastify({ logger: { transport } }).
  { module: "fastify", paths: [[], ["fastify"], ["default"]], arg: 0, optionPath: ["logger", "transport"] },
  // nestjs-pino: LoggerModule.forRoot({ pinoHttp: { transport } }).
  { module: "nestjs-pino", paths: [["LoggerModule", "forRoot"]], arg: 0, optionPath: ["pinoHttp", "transport"] },
];

/** Logger options whose value is the log file's path. */
export const LOGGER_FILE_OPTIONS: ReadonlyArray<{ label: string; module: string; paths: ReadonlyArray<readonly string[]>; arg: number; optionPath: readonly string[] }> = [
  // Fastify({ logger: { file: "./app.log" } }): Fastify hands `file` to pino.destination().
  { label: "Fastify logger `file`", module: "fastify", paths: [[], ["fastify"], ["default"]], arg: 0, optionPath: ["logger", "file"] },
];
