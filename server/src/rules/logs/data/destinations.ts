/**
 * Library knowledge: calls whose argument picks the log destination, either a file descriptor
 * (1 = stdout, 2 = stderr: fine) or a file path (the finding). A new library is a new row.
 */
export interface DestinationRow {
  label: string;
  module: string;
  paths: ReadonlyArray<readonly string[]>;
  construct: "new" | "call";
  /** The argument holding the destination: a path or descriptor itself, or an options object with `option`. */
  arg: number;
  option: string;
  advice: string;
  /** Title of the quick fix that sets the destination to fd 1. */
  fixTitle: string;
}

export const DESTINATION_CALLS: readonly DestinationRow[] = [
  // pino.destination("app.log") / pino.destination({ dest }); no argument or 1/2 is stdout/stderr.
  { label: "pino.destination", module: "pino", paths: [["destination"]], construct: "call", arg: 0, option: "dest", advice: "log to stdout (pino.destination(1))", fixTitle: "Log to stdout (pino.destination(1))" },
  // sonic-boom, the stream behind pino.destination: new SonicBoom({ dest }) or new SonicBoom({ fd }).
  { label: "SonicBoom", module: "sonic-boom", paths: [[], ["SonicBoom"], ["default"]], construct: "new", arg: 0, option: "dest", advice: "write to stdout (fd 1)", fixTitle: "Write to stdout (fd 1)" },
];

/** Loggers that treat a string argument as a file to log into: `pino("./app.log")`, `pino(options, "./app.log")`. */
export interface StringDestinationRow {
  label: string;
  module: string;
  paths: ReadonlyArray<readonly string[]>;
  args: readonly number[];
  advice: string;
}

export const STRING_DESTINATIONS: readonly StringDestinationRow[] = [
  // pino opens a string destination as a file (SonicBoom with `dest`).
  { label: "pino", module: "pino", paths: [[], ["pino"], ["default"]], args: [0, 1], advice: "log to stdout (pino's default destination)" },
];
