/**
 * Library knowledge: output functions that code sometimes replaces to divert logs
 * (`process.stdout.write = ...`, `console.log = ...`). Replacing one with a function that writes
 * a file is file logging. A new target is a new row.
 */
export const REDIRECT_TARGETS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]> }> = [
  // process.stdout.write / process.stderr.write.
  { module: "process", paths: [["stdout", "write"], ["stderr", "write"]] },
  // console's output methods.
  { module: "console", paths: [["log"], ["info"], ["warn"], ["error"], ["debug"], ["trace"]] },
];
