// The language server entry: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it.
import { createConnection, IPCMessageReader, ProposedFeatures, StreamMessageReader } from "vscode-languageserver/node";
import { keepHeapGrowthLow } from "./engine/heapGrowth";
import { IncomingEdits } from "./lsp/incomingEdits";
import { startLanguageServer } from "./lsp/languageServer";

keepHeapGrowthLow();
const connection = createConnection(ProposedFeatures.all);
// A second reader of the same input sees each edit as it arrives, while the connection's queue may
// still hold it: the analysis of an older version is then skipped, or not published.
const incoming = new IncomingEdits();
const peek = process.argv.includes("--stdio") ? new StreamMessageReader(process.stdin) : process.argv.includes("--node-ipc") ? new IPCMessageReader(process) : undefined;
peek?.listen((message) => incoming.note(message));
// Route stray console output to the client's log instead of corrupting the stdio stream.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(" "));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(" "));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(" "));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(" "));
process.on("uncaughtException", (error) => connection.console.error(`Uncaught: ${error.stack ?? error}`));
process.on("unhandledRejection", (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

startLanguageServer(connection, incoming);
connection.listen();
