/**
 * Library knowledge for concurrency/no-daemon-or-pidfile. A new library is a new row.
 */
export interface DaemonCallRow {
  module: string;
  /** Member paths of the callee (`[]`: the default export itself). */
  paths: ReadonlyArray<readonly string[]>;
  /** For messages: what the call does. */
  does: string;
  /** A setup step of the module's API: reported only when the file makes no other call of this table to the module. */
  setup?: boolean;
}

/** Calls that detach the app from the process manager or hand it to another one. */
export const DAEMON_CALLS: readonly DaemonCallRow[] = [
  // daemon: require("daemon")() re-spawns the current script detached and exits the parent.
  { module: "daemon", paths: [[], ["daemon"]], does: "turns the process into a background daemon" },
  // daemonize2: require("daemonize2").setup({ main, pidfile }) then .start().
  { module: "daemonize2", paths: [["setup"]], does: "turns the process into a background daemon" },
  // daemonize-process: daemonizeProcess() re-spawns the process detached.
  { module: "daemonize-process", paths: [[]], does: "turns the process into a background daemon" },
  // pm2's programmatic API: start() launches apps under the pm2 daemon; connect() starts the
  // daemon itself, a setup step reported only in a file that does nothing more with pm2.
  { module: "pm2", paths: [["start"]], does: "manages processes from inside the app" },
  { module: "pm2", paths: [["connect"]], does: "manages processes from inside the app", setup: true },
];

/** child_process functions that may start a detached copy of the app. `fork` always runs Node. */
export const SPAWNS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; alwaysNode: boolean }> = [
  { module: "child_process", paths: [["spawn"]], alwaysNode: false },
  { module: "child_process", paths: [["fork"]], alwaysNode: true },
];

/** Commands that start Node itself (the app's own code), as string literals. */
export const NODE_COMMANDS = new Set(["node", "nodejs"]);

/** `process` members that name the running Node binary. */
export const NODE_BINARY_PATHS: ReadonlyArray<readonly string[]> = [["execPath"], ["argv0"], ["argv", "0"]];

/** A PID file's name. */
export const PID_FILE_NAME = /\.pid$/i;
