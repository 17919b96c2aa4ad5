import ts from "typescript";
import { defineRule, type RuleContext } from "../../engine/rule";
import { FS_DEFAULT_EXPORT_MODULES, FS_WRITES, fsWriteCall } from "../shared/fsWrites";
import { isLogFileWrite } from "../shared/logFiles";
import { refOf, resetRefCache } from "../shared/moduleRefs";
import { classifyPath, codeText } from "../shared/pathKinds";
import { judgeAfterWalk } from "../shared/afterWalk";
import { buildTrigger } from "../shared/trigger";
import { bunyanHits, log4jsHits, loggerFileOptionHits, pinoTransportHits } from "./configs";
import { BUNYAN_LOGGERS, LOG4JS_CONFIGURE, PINO_TRANSPORT_HOLDERS } from "./data/configShapes";
import { DESTINATION_CALLS, STRING_DESTINATIONS } from "./data/destinations";
import { FILE_TRANSPORTS } from "./data/fileTransports";
import { LOG_SINKS } from "./data/logSinks";
import type { LogFileHit } from "./hits";
import { redirectHit, sinkHits } from "./sinks";
import { destinationHit, fileTransportHit, stringDestinationHits, type Invocation } from "./transports";

function report(context: RuleContext, hit: LogFileHit): void {
  const file = hit.file;
  const configured = file?.kind === "env";
  let where = "a file";
  if (file && configured) where = `a configured file (${file.display})`;
  else if (file && file.display.startsWith('"')) where = file.display;
  else if (file && file.kind !== "unknown") where = `a file (${file.display})`;
  context.report({
    node: hit.node,
    message: `${hit.label} writes logs to ${where}; ${hit.advice} and let the platform route the stream.`,
    // The operator picks a configured file, and may point it at /dev/stdout: worth a look, not a warning.
    lowered: configured,
    signals: [hit.signal ?? hit.label, file ? file.reason : "file output"],
    fixes: hit.fix ? [hit.fix] : [],
  });
}

/** `fs.appendFileSync("logs/app.log", line)`, `fs.createWriteStream(path.join(__dirname, "access.log"))`. */
function logFileWriteHit(context: RuleContext, node: ts.Node): LogFileHit | undefined {
  const write = fsWriteCall(context.semantics, node);
  if (!write) return undefined;
  const file = classifyPath(context.semantics, write.pathArgument);
  if (!isLogFileWrite(write, file)) return undefined;
  return { node: write.call, label: codeText(write.call.expression), file, advice: "write log lines to stdout (console.log or a logger)" };
}

function invocationHits(context: RuleContext, node: Invocation): LogFileHit[] {
  const single = [logFileWriteHit(context, node), fileTransportHit(context, node), destinationHit(context, node)];
  return [
    ...single.filter((hit): hit is LogFileHit => hit !== undefined),
    ...stringDestinationHits(context, node),
    ...log4jsHits(context, node),
    ...bunyanHits(context, node),
    ...pinoTransportHits(context, node),
    ...loggerFileOptionHits(context, node),
    ...sinkHits(context, node),
  ];
}

const ALL_ROWS = [...FS_WRITES, ...FILE_TRANSPORTS, ...DESTINATION_CALLS, ...STRING_DESTINATIONS, ...LOG4JS_CONFIGURE, ...BUNYAN_LOGGERS, ...PINO_TRANSPORT_HOLDERS, ...LOG_SINKS];
const KNOWN_MODULES = new Set(ALL_ROWS.map((row) => row.module));

const rowWords = (rows: ReadonlyArray<{ paths: ReadonlyArray<readonly string[]> }>): string[] => rows.flatMap((row) => row.paths.flat());

export const noFileLogging = defineRule({
  id: "logs/no-file-logging",
  factor: "XI",
  headline: true,
  defaultSeverity: "warning",
  description: "Logs routed to files: file transports and appenders, log-file streams and appends, console or stdout redirected to a file.",
  rationale:
    "A Twelve-Factor app never concerns itself with routing or storing its output: it writes an unbuffered event stream to stdout, and the platform captures, routes and archives it. Log files fill disks, vanish with the container, and hide events from the platform's log pipeline.",
  fixable: true,
  roles: { test: "off", fixture: "off" },
  trigger: buildTrigger({
    modules: [...KNOWN_MODULES].filter((module) => !FS_WRITES.some((row) => row.module === module) || FS_DEFAULT_EXPORT_MODULES.includes(module)),
    words: [...rowWords(FS_WRITES.filter((row) => row.kind !== "mkdir" && row.kind !== "copy")), ...rowWords(FILE_TRANSPORTS), ...rowWords(DESTINATION_CALLS), ...rowWords(LOG_SINKS), ...rowWords(BUNYAN_LOGGERS), ...rowWords(PINO_TRANSPORT_HOLDERS)],
    // Output functions replaced by hand (`process.stdout.write = ...`, `console.log = ...`).
    extra: ["\\b(?:stdout|stderr)\\.write\\s*=[^=]", "\\bconsole\\.\\w+\\s*=[^=]"],
  }),
  create(context) {
    resetRefCache();
    // Test code may log wherever it likes.
    const kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.BinaryExpression];
    return judgeAfterWalk<Invocation | ts.BinaryExpression>(kinds, (node) => {
      if (ts.isBinaryExpression(node)) {
        if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const hit = redirectHit(context, node);
        if (hit) report(context, hit);
        return;
      }
      // Most calls in a file have nothing to do with logging: one cheap look at the callee first.
      const ref = refOf(context.semantics, node.expression);
      if (!ref || !KNOWN_MODULES.has(ref.module)) return;
      for (const hit of invocationHits(context, node)) report(context, hit);
    });
  },
});

export default noFileLogging;
