import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { defineRule, type RuleContext } from "../../engine/rule";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import { fsWriteCall } from "../shared/fsWrites";
import { matchRows, refIs, refOf, resetRefCache } from "../shared/moduleRefs";
import { literalOption, objectOf } from "../shared/options";
import { classifyPath, codeText } from "../shared/pathKinds";
import { judgeAfterWalk } from "../shared/afterWalk";
import { buildTrigger } from "../shared/trigger";
import { DAEMON_CALLS, NODE_BINARY_PATHS, NODE_COMMANDS, PID_FILE_NAME, SPAWNS, type DaemonCallRow } from "./data/daemonizers";

const FOREGROUND = "run the app in the foreground and let the process manager (systemd, Docker, Kubernetes, Heroku) start, track and restart it";

/** Whether `node` (or what a name in it stands for) reads `process.pid`. */
function readsPid(semantics: Semantics, node: ts.Node, depth = 0): boolean {
  if (depth > 4) return false;
  if (ts.isPropertyAccessExpression(node) || ts.isIdentifier(node)) {
    if (refIs(refOf(semantics, node), "process", ["pid"])) return true;
    // Only names used as values: not `pid` in `info.pid` or `{ pid: ... }`.
    const isName = !!node.parent && (ts.isPropertyAccessExpression(node.parent) || ts.isPropertyAssignment(node.parent)) && node.parent.name === node;
    if (ts.isIdentifier(node) && !isName) {
      const target = skipOuterExpressions(semantics.resolve(node).node);
      if (target !== node && readsPid(semantics, target, depth + 1)) return true;
    }
  }
  return ts.forEachChild(node, (child) => (readsPid(semantics, child, depth) ? true : undefined)) ?? false;
}

/** An fs write of a PID file: a `*.pid` path, or `process.pid` as the written data. */
function checkPidFile(context: RuleContext, node: ts.CallExpression): boolean {
  const write = fsWriteCall(context.semantics, node);
  if (!write) return false;
  if (write.row.kind === "mkdir" || write.row.kind === "copy") return true;
  const path = classifyPath(context.semantics, write.pathArgument);
  const data = write.row.kind === "stream" ? undefined : node.arguments[write.row.pathArg + 1];
  const named = path.tail !== undefined && PID_FILE_NAME.test(path.tail);
  if (!named && !(data && readsPid(context.semantics, data))) return true;
  context.report({
    node: write.pathArgument,
    message: `${codeText(node.expression)} writes a PID file (${path.display}); ${FOREGROUND}, and drop the PID file.`,
    signals: [codeText(node.expression), named ? "*.pid path" : "process.pid written"],
  });
  return true;
}

function isNodeCommand(semantics: Semantics, command: ts.Expression | undefined): boolean {
  if (!command) return false;
  const ref = refOf(semantics, command);
  if (NODE_BINARY_PATHS.some((path) => refIs(ref, "process", path))) return true;
  const value = semantics.valueOf(command);
  return value.kind === "literal" && typeof value.value === "string" && NODE_COMMANDS.has(value.value);
}

/** `spawn(process.execPath, args, { detached: true })` or `fork(module, { detached: true })`. */
function isDetachedSelfSpawn(semantics: Semantics, call: ts.CallExpression): boolean {
  const row = matchRows(SPAWNS, refOf(semantics, call.expression));
  if (!row || (!row.alwaysNode && !isNodeCommand(semantics, call.arguments[0]))) return false;
  // The options object is the last argument after the command (the args array is optional).
  const options = call.arguments.slice(1).reverse().find((arg) => objectOf(semantics, arg));
  return literalOption(semantics, options, ["detached"]) === true;
}

/** The spawn call whose child `unref()` is called on: chained, or through a const. */
function unrefTarget(semantics: Semantics, call: ts.CallExpression): ts.CallExpression | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "unref" || call.arguments.length > 0) return undefined;
  const target = skipOuterExpressions(semantics.resolve(callee.expression).node);
  return ts.isCallExpression(target) ? target : undefined;
}

function reportDaemon(context: RuleContext, node: ts.CallExpression, daemon: DaemonCallRow): void {
  context.report({ node, message: `${codeText(node.expression)} (${daemon.module}) ${daemon.does}; ${FOREGROUND}.`, signals: [daemon.module] });
}

/** One finding per construct: `pm2.connect(() => pm2.start(...))` is reported at `pm2.start` only. */
class DaemonCalls {
  private readonly setups: Array<{ node: ts.CallExpression; daemon: DaemonCallRow }> = [];
  private readonly modulesUsed = new Set<string>();

  add(context: RuleContext, node: ts.CallExpression, daemon: DaemonCallRow): void {
    if (daemon.setup) {
      this.setups.push({ node, daemon });
      return;
    }
    this.modulesUsed.add(daemon.module);
    reportDaemon(context, node, daemon);
  }

  flush(context: RuleContext): void {
    for (const { node, daemon } of this.setups) if (!this.modulesUsed.has(daemon.module)) reportDaemon(context, node, daemon);
  }
}

function check(context: RuleContext, node: ts.CallExpression, daemons: DaemonCalls): void {
  const { semantics } = context;
  const daemon = matchRows(DAEMON_CALLS, refOf(semantics, node.expression));
  if (daemon) {
    daemons.add(context, node, daemon);
    return;
  }
  if (checkPidFile(context, node)) return;
  const spawn = unrefTarget(semantics, node);
  if (!spawn || spawn.getSourceFile() !== context.sourceFile || !isDetachedSelfSpawn(semantics, spawn)) return;
  context.report({
    node: spawn,
    message: `${codeText(spawn.expression)} with \`detached: true\` and \`unref()\` starts the app's own code as a background daemon; ${FOREGROUND}, and scale out by running more processes.`,
    signals: [codeText(spawn.expression), "detached", "unref"],
  });
}

export const noDaemonOrPidfile = defineRule({
  id: "concurrency/no-daemon-or-pidfile",
  factor: "VIII",
  headline: false,
  defaultSeverity: "info",
  description: "App code that daemonizes itself, writes a PID file or drives pm2: process management belongs to the platform.",
  rationale:
    "Twelve-Factor processes never daemonize or write PID files: they run in the foreground and rely on the operating system's process manager to handle output streams, crashes, restarts and shutdowns.",
  fixable: false,
  roles: { test: "off", fixture: "off" },
  rolesNote: "Of script files, only those under `bin/` are checked: a `bin/` entry point may start the app itself.",
  // A PID file is named `*.pid` or written from `process.pid`; a self-detaching spawn says
  // `detached`; daemonizers and pm2 are imported by name. Plain fs use alone cannot be a hit.
  trigger: buildTrigger({ modules: DAEMON_CALLS.map((row) => row.module), words: ["detached"], extra: ["\\.pid\\b", "\\bpid\\b"] }),
  create(context) {
    resetRefCache();
    // Tests and one-off scripts may do as they like; `bin/` is kept, since `bin/www` is often the app's entry point.
    const oneOff = context.role === "script" && !/(^|\/)bin\//.test(context.relativePath);
    if (oneOff) return {};
    const daemons = new DaemonCalls();
    const listeners = judgeAfterWalk<ts.CallExpression>([ts.SyntaxKind.CallExpression], (node) => check(context, node, daemons));
    const judge = listeners.onEnd;
    return {
      ...listeners,
      onEnd: () => {
        judge?.();
        daemons.flush(context);
      },
    };
  },
});

export default noDaemonOrPidfile;
