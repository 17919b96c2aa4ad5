import ts from "typescript";
import { defineRule, type Listeners } from "../../engine/rule";
import { handledElsewhere, isFirstBindingFile } from "./projectShutdown";
import { shutdownFix } from "./shutdownFix";
import { BINDING_HINT, ShutdownScan, type PortBinding } from "./shutdownScan";

/** Node kinds the scan needs from the engine's walk of the file under analysis. */
const SCANNED_KINDS = [
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
];

/** `app.listen()`, `server.start()`, `Bun.serve()`; just `listen()` on a long receiver chain. */
function calleeLabel(binding: PortBinding): string {
  const callee = binding.call.expression;
  if (binding.kind === "Bun.serve" || binding.kind === "Deno.serve") return `${binding.kind}()`;
  const method = binding.kind === "hapi" ? "start" : "listen";
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  return receiver && ts.isIdentifier(receiver) ? `${receiver.text}.${method}()` : `${method}()`;
}

export const noGracefulShutdown = defineRule({
  id: "disposability/no-graceful-shutdown",
  factor: "IX",
  headline: false,
  defaultSeverity: "info",
  description: "A service that binds a port must handle SIGTERM (or SIGINT) somewhere, closing its server before it exits.",
  rationale:
    "Twelve-factor processes are disposable: the platform stops them with SIGTERM at every deploy, scale-down or restart, and a process that ignores it is killed mid-request after the grace period, dropping in-flight work.",
  fixable: true,
  roles: { test: "off", fixture: "off", script: "off" },
  rolesNote: "A SIGTERM handler in a test, fixture or script file does not count for the app.",
  // The finding sits on a port-binding call, so a file without one is never parsed for this rule.
  trigger: BINDING_HINT,
  create(context) {
    const scan = new ShutdownScan();
    const listeners: Listeners = {};
    for (const kind of SCANNED_KINDS) listeners[kind] = (node) => scan.visit(node);
    listeners.onEnd = () => {
      const first = scan.bindings()[0];
      // Cheapest questions first: the project-wide facts are only consulted for a binding file
      // that does not handle shutdown itself.
      if (!first || scan.handlesShutdown()) return;
      if (!isFirstBindingFile(context.project, context.file) || handledElsewhere(context.project, context.file)) return;
      const fix = shutdownFix(context, first);
      context.report({
        // The callee (`app.listen`), not the whole call: its callback may span many lines.
        node: first.call.expression,
        message: `${calleeLabel(first)} binds a port, but no file of its package handles SIGTERM or SIGINT; on SIGTERM, close the server so in-flight requests finish, then exit.`,
        signals: [first.kind === "listen" ? "listen()" : first.kind === "hapi" ? "Hapi server.start()" : `${first.kind}()`, "no SIGTERM/SIGINT handler in the package"],
        fixes: fix ? [fix] : [],
      });
    };
    return listeners;
  },
});
