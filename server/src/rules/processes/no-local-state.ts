import ts from "typescript";
import { defineRule, type RuleContext } from "../../engine/rule";
import type { Fix } from "../../engine/types";
import { nodeInFile } from "../shared/edits";
import { FS_DEFAULT_EXPORT_MODULES, FS_VERBS, FS_WRITE_NAMES, FS_WRITES, fsWriteCall, type FsWriteCall } from "../shared/fsWrites";
import { describeWhere, judgeThroughHelpers, mayBeHelperCall } from "../shared/helperCalls";
import { PID_FILE_NAME } from "../concurrency/data/daemonizers";
import { inlineLogSink, isLogFileWrite } from "../shared/logFiles";
import { refOf, resetRefCache } from "../shared/moduleRefs";
import { classifyPath, codeText, type PathInfo } from "../shared/pathKinds";
import { judgeAfterWalk } from "../shared/afterWalk";
import { buildTrigger } from "../shared/trigger";
import { followingImports } from "../shared/importTrigger";
import { FILE_STORES } from "./data/fileStores";
import { fileStoreAt } from "./fileStores";
import { storeFix } from "./storeFixes";

const KNOWN_MODULES = new Set([...FS_WRITES, ...FILE_STORES].map((row) => row.module));

const DEFAULT_ADVICE = "keep state in a backing service (database, cache or object storage) so any process can serve any request";

/** One sentence: what is written where (and through which call, for a helper), and what to do instead. */
function messageFor(subject: string, action: string, path: PathInfo, advice = DEFAULT_ADVICE, through = ""): string {
  if (path.kind === "env") {
    return `${subject} ${action} a configured path (${path.display}) on the local disk; make sure it points to a mounted volume, or keep the state in a backing service.`;
  }
  return `${subject} ${action} ${path.display} on the local disk${through}; ${advice}.`;
}

function report(context: RuleContext, node: ts.Node, subject: string, action: string, path: PathInfo, advice?: string, fix?: Fix, through?: string): void {
  context.report({
    node,
    message: messageFor(subject, action, path, advice, through),
    // A configured path may well be a mounted volume: worth a look, not a warning.
    lowered: path.kind === "env",
    signals: [subject, path.reason],
    fixes: fix ? [fix] : [],
  });
}

/** An fs write of state: `undefined` when the call is no fs write, `null` when it writes no state. */
function fsStateWrite(context: RuleContext, node: ts.Node): { write: FsWriteCall; path: PathInfo } | null | undefined {
  const write = fsWriteCall(context.semantics, node);
  if (!write) return undefined;
  const path = classifyPath(context.semantics, write.pathArgument);
  if (path.kind !== "local" && path.kind !== "env") return null;
  // Log files and streams handed to a logger are logs/no-file-logging's to report.
  if (isLogFileWrite(write, path)) return null;
  // A PID file is process management, not state: concurrency/no-daemon-or-pidfile reports it.
  if (path.tail !== undefined && PID_FILE_NAME.test(path.tail)) return null;
  if (write.row.kind === "stream" && inlineLogSink(context.semantics, write.call)) return null;
  return { write, path };
}

function checkFsWrite(context: RuleContext, node: ts.Node): boolean {
  const found = fsStateWrite(context, node);
  if (found === undefined) return false;
  if (found) report(context, found.write.pathArgument, codeText(found.write.call.expression), FS_VERBS[found.write.row.kind], found.path);
  return true;
}

/**
 * A helper of the project that writes where its caller says (`writeJson(file, data)` around
 * `fs.writeFileSync(file, …)`): reported at the call whose argument makes it a local path. Only
 * paths decided by a value in the code count; a caller passing process.env or os.tmpdir() is fine.
 */
function checkHelperCall(context: RuleContext, call: ts.CallExpression | ts.NewExpression): void {
  const judge = (inner: ts.CallExpression | ts.NewExpression): { subject: string; action: string; path: PathInfo; advice?: string } | undefined => {
    const ref = refOf(context.semantics, inner.expression);
    if (!ref || !KNOWN_MODULES.has(ref.module)) return undefined;
    const write = fsStateWrite(context, inner);
    if (write) return write.path.kind === "local" ? { subject: codeText(write.write.call.expression), action: FS_VERBS[write.write.row.kind], path: write.path } : undefined;
    if (write === null) return undefined;
    const store = fileStoreAt(context.semantics, inner);
    return store?.path.kind === "local" ? { subject: store.row.label, action: store.row.action, path: store.path, advice: store.row.advice } : undefined;
  };
  for (const hit of judgeThroughHelpers(context.semantics, call, judge)) {
    const { subject, action, path, advice } = hit.verdict;
    const names = hit.chain.map((called) => called.name).join(" → ");
    const where = describeWhere(hit.chain, (file) => context.project.relative(file), context.sourceFile);
    report(context, hit.reportOn, names, action, path, advice, undefined, ` (through ${subject}${where})`);
  }
}

function checkFileStore(context: RuleContext, node: ts.Node): void {
  const hit = fileStoreAt(context.semantics, node);
  if (!hit || (hit.path.kind !== "local" && hit.path.kind !== "env")) return;
  // The range is where the location is written: the `key: value` option, the path argument, or
  // (for a default location) the call itself; options from another file point at the argument.
  const range = hit.row.reportAtCall ? hit.call : hit.optionNode ? nodeInFile(context, hit.optionNode, hit.argument ?? hit.call) : (hit.argument ?? hit.call);
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
  trigger: followingImports(
    buildTrigger({
      modules: [...FS_DEFAULT_EXPORT_MODULES, ...FILE_STORES.map((row) => row.module)],
      words: FS_WRITE_NAMES,
    }),
  ),
  create(context) {
    resetRefCache();
    // Tests, one-off scripts and tool configuration may write where they like.
    return judgeAfterWalk<ts.CallExpression | ts.NewExpression>([ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression], (node) => {
      // Most calls in a file have nothing to do with the disk: one cheap look at the callee first.
      const ref = refOf(context.semantics, node.expression);
      if (!ref) return mayBeHelperCall(node) ? checkHelperCall(context, node) : undefined;
      if (!KNOWN_MODULES.has(ref.module)) return;
      if (!checkFsWrite(context, node)) checkFileStore(context, node);
    });
  },
});

export default noLocalState;
