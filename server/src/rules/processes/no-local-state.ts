import ts from "typescript";
import { defineRule, type RuleContext } from "../../engine/rule";
import type { Fix } from "../../engine/types";
import { nodeInFile } from "../shared/edits";
import { FS_DEFAULT_EXPORT_MODULES, FS_VERBS, FS_WRITE_NAMES, FS_WRITES, fsWriteCall } from "../shared/fsWrites";
import { PID_FILE_NAME } from "../concurrency/data/daemonizers";
import { inlineLogSink, isLogFileWrite } from "../shared/logFiles";
import { refOf, resetRefCache } from "../shared/moduleRefs";
import { classifyPath, codeText, type PathInfo } from "../shared/pathKinds";
import { judgeAfterWalk } from "../shared/afterWalk";
import { buildTrigger } from "../shared/trigger";
import { FILE_STORES } from "./data/fileStores";
import { fileStoreAt } from "./fileStores";
import { storeFix } from "./storeFixes";

const KNOWN_MODULES = new Set([...FS_WRITES, ...FILE_STORES].map((row) => row.module));

const DEFAULT_ADVICE = "keep state in a backing service (database, cache or object storage) so any process can serve any request";

/** One sentence: what is written where, and what to do instead. */
function messageFor(subject: string, action: string, path: PathInfo, advice = DEFAULT_ADVICE): string {
  if (path.kind === "env") {
    return `${subject} ${action} a configured path (${path.display}) on the local disk; make sure it points to a mounted volume, or keep the state in a backing service.`;
  }
  return `${subject} ${action} ${path.display} on the local disk; ${advice}.`;
}

function report(context: RuleContext, node: ts.Node, subject: string, action: string, path: PathInfo, advice?: string, fix?: Fix): void {
  context.report({
    node,
    message: messageFor(subject, action, path, advice),
    // A configured path may well be a mounted volume: worth a look, not a warning.
    lowered: path.kind === "env",
    signals: [subject, path.reason],
    fixes: fix ? [fix] : [],
  });
}

function checkFsWrite(context: RuleContext, node: ts.Node): boolean {
  const write = fsWriteCall(context.semantics, node);
  if (!write) return false;
  const path = classifyPath(context.semantics, write.pathArgument);
  if (path.kind !== "local" && path.kind !== "env") return true;
  // Log files and streams handed to a logger are logs/no-file-logging's to report.
  if (isLogFileWrite(write, path)) return true;
  // A PID file is process management, not state: concurrency/no-daemon-or-pidfile reports it.
  if (path.tail !== undefined && PID_FILE_NAME.test(path.tail)) return true;
  if (write.row.kind === "stream" && inlineLogSink(context.semantics, write.call)) return true;
  report(context, write.pathArgument, codeText(write.call.expression), FS_VERBS[write.row.kind], path);
  return true;
}

function checkFileStore(context: RuleContext, node: ts.Node): void {
  const hit = fileStoreAt(context.semantics, node);
  if (!hit || (hit.path.kind !== "local" && hit.path.kind !== "env")) return;
  // The range is where the location is written: the `key: value` option, the path argument, or
  // (for a default location) the call itself; options from another file point at the argument.
  const range = hit.optionNode ? nodeInFile(context, hit.optionNode, hit.argument ?? hit.call) : (hit.argument ?? hit.call);
  report(context, range, hit.row.label, hit.row.action, hit.path, hit.row.advice, storeFix(context, hit));
}

export const noLocalState = defineRule({
  id: "processes/no-local-state",
  factor: "VI",
  headline: true,
  defaultSeverity: "warning",
  description: "Persistent writes to the local disk from app code: files and folders, disk uploads, SQLite and other file-backed stores.",
  rationale:
    "Twelve-Factor processes are stateless and share nothing: the disk of one process is gone on the next deploy or restart and invisible to its siblings, so anything that must outlive a request belongs in a backing service.",
  fixable: true,
  roles: { test: "off", fixture: "off", script: "off", config: "off" },
  trigger: buildTrigger({
    modules: [...FS_DEFAULT_EXPORT_MODULES, ...FILE_STORES.map((row) => row.module)],
    words: FS_WRITE_NAMES,
  }),
  create(context) {
    resetRefCache();
    // Tests, one-off scripts and tool configuration may write where they like.
    return judgeAfterWalk<ts.CallExpression | ts.NewExpression>([ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression], (node) => {
      // Most calls in a file have nothing to do with the disk: one cheap look at the callee first.
      const ref = refOf(context.semantics, node.expression);
      if (!ref || !KNOWN_MODULES.has(ref.module)) return;
      if (!checkFsWrite(context, node)) checkFileStore(context, node);
    });
  },
});

export default noLocalState;
