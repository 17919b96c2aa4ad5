/**
 * Library knowledge: transports and streams whose only job is writing logs to files. Creating one
 * is the finding; the file name (when readable) goes into the message. A new library is a new row.
 */
export interface FileTransportRow {
  /** Subject of the message. */
  label: string;
  module: string;
  paths: ReadonlyArray<readonly string[]>;
  construct: "new" | "call";
  /** Where the file name is written: an argument, optionally an option inside it. */
  file: { arg: number; option?: string };
  /** What to do instead (message). */
  advice: string;
  /** The stdout form offered as a quick fix. */
  fix?: "winston-console";
}

const WINSTON_ADVICE = "log to stdout (winston.transports.Console)";

export const FILE_TRANSPORTS: readonly FileTransportRow[] = [
  // winston: new winston.transports.File({ filename }).
  { label: "winston File transport", module: "winston", paths: [["transports", "File"]], construct: "new", file: { arg: 0, option: "filename" }, advice: WINSTON_ADVICE, fix: "winston-console" },
  // winston-daily-rotate-file registers itself as winston.transports.DailyRotateFile ...
  { label: "winston DailyRotateFile transport", module: "winston", paths: [["transports", "DailyRotateFile"]], construct: "new", file: { arg: 0, option: "filename" }, advice: WINSTON_ADVICE, fix: "winston-console" },
  // ... and is also used directly: new DailyRotateFile({ filename }).
  { label: "winston DailyRotateFile transport", module: "winston-daily-rotate-file", paths: [[], ["default"]], construct: "new", file: { arg: 0, option: "filename" }, advice: WINSTON_ADVICE, fix: "winston-console" },
  // rotating-file-stream: createStream("access.log", { interval }) (v1-2 exported the function itself).
  { label: "rotating-file-stream", module: "rotating-file-stream", paths: [["createStream"], []], construct: "call", file: { arg: 0 }, advice: "write logs to process.stdout" },
  // file-stream-rotator: getStream({ filename }).
  { label: "file-stream-rotator", module: "file-stream-rotator", paths: [["getStream"]], construct: "call", file: { arg: 0, option: "filename" }, advice: "write logs to process.stdout" },
];
