// The language server entry: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startLanguageServer } from "./lsp/languageServer";

const connection = createConnection(ProposedFeatures.all);
// Route stray console output to the client's log instead of corrupting the stdio stream.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(" "));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(" "));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(" "));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(" "));
process.on("uncaughtException", (error) => connection.console.error(`Uncaught: ${error.stack ?? error}`));
process.on("unhandledRejection", (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

startLanguageServer(connection);
connection.listen();
