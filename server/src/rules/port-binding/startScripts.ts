import { findNodeAtLocation, parseTree } from "jsonc-parser";
import type { ProjectFileContext } from "../../engine/rule";
import { START_SCRIPTS } from "./data/portSinks";

/** `--port 3000`, `-p=8080`, `--listen 80`, `PORT=3000 node …`: a literal port in a command line. */
const PORT_IN_COMMAND = /(?:(?:^|\s)(?:--port|-p|--listen)(?:=|\s+)|(?:^|\s)PORT=)(\d{2,5})(?![\d:.\w])/g;

function reportCommand(context: ProjectFileContext, command: string, commandStart: number, where: string): void {
  for (const match of command.matchAll(PORT_IN_COMMAND)) {
    const port = match[1];
    const start = commandStart + (match.index ?? 0) + match[0].length - port.length;
    context.report({
      start,
      end: start + port.length,
      message: `Port ${port} is hardcoded in ${where}; pass the platform's port instead (for example --port $PORT).`,
      signals: [`literal port in ${where}`],
    });
  }
}

/**
 * Start commands outside the code: `package.json` production scripts and the Procfile `web:`
 * line. Dev scripts (`dev`, `start:dev`) may pin a port and are left alone.
 */
export function checkStartScripts(context: ProjectFileContext): void {
  if (context.kind === "procfile") {
    let offset = 0;
    for (const line of context.text.split("\n")) {
      const match = /^(web)\s*:(.*)$/.exec(line.replace(/\r$/, ""));
      if (match) reportCommand(context, match[2], offset + line.indexOf(":") + 1, "the Procfile web process");
      offset += line.length + 1;
    }
    return;
  }
  const tree = parseTree(context.text);
  const scripts = tree && findNodeAtLocation(tree, ["scripts"]);
  if (!scripts || scripts.type !== "object") return;
  for (const property of scripts.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value || value.type !== "string" || !START_SCRIPTS.has(String(key.value))) continue;
    // Offsets inside the raw JSON string: port digits and flags never need escaping.
    const raw = context.text.slice(value.offset + 1, value.offset + value.length - 1);
    reportCommand(context, raw, value.offset + 1, `the "${String(key.value)}" script`);
  }
}
