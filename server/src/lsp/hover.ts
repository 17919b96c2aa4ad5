import { MarkupKind, type Hover, type Position } from "vscode-languageserver";
import type { RuleDefinition } from "../engine/rule";
import type { Finding } from "../engine/types";
import type { HoverShowMessage } from "./settings";

const FACTOR_NAMES: Record<string, string> = {
  I: "Codebase", II: "Dependencies", III: "Config", IV: "Backing services", V: "Build, release, run", VI: "Processes",
  VII: "Port binding", VIII: "Concurrency", IX: "Disposability", X: "Dev/prod parity", XI: "Logs", XII: "Admin processes",
};

function contains(finding: Finding, position: Position): boolean {
  const { start, end } = finding.range;
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}

/**
 * Editors that put the diagnostic's message in the same hover, right above ours (`clientInfo.name`
 * as VS Code, its forks and code-server send it). Anything else shows diagnostics elsewhere, if at
 * all (Neovim: a separate float), so the message belongs in the hover there.
 */
const RENDERS_DIAGNOSTICS_IN_HOVER = /visual studio code|code - oss|vscodium|code-server|cursor|windsurf/i;

/** `auto` decides from the client's name; an unnamed client gets the message (nothing is lost). */
export function hoverShowsMessage(setting: HoverShowMessage, clientName: string | undefined): boolean {
  if (setting !== "auto") return setting === "always";
  return !(clientName && RENDERS_DIAGNOSTICS_IN_HOVER.test(clientName));
}

/**
 * Explains the findings under the cursor: the factor, why the rule exists and which signals
 * fired; the message itself only when the editor does not show it already (`showMessage`).
 * Messages and signals are already redacted, so nothing here can show a secret.
 */
export function hoverFor(findings: readonly Finding[], position: Position, rules: readonly RuleDefinition[], showMessage = true): Hover | undefined {
  const here = findings.filter((finding) => contains(finding, position));
  if (here.length === 0) return undefined;
  const sections = here.map((finding) => {
    const rule = rules.find((candidate) => candidate.id === finding.ruleId);
    const lines = [`**${finding.ruleId}**${finding.factor ? ` · Factor ${finding.factor}. ${FACTOR_NAMES[finding.factor]}` : ""}`];
    if (showMessage) lines.push("", finding.message);
    if (finding.signals.length > 0) lines.push("", `Signals: ${finding.signals.join("; ")}`);
    if (rule) lines.push("", `_Why:_ ${rule.rationale}`, "", `[Rule documentation](${rule.docs})`);
    return lines.join("\n");
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join("\n\n---\n\n") }, range: { start: here[0].range.start, end: here[0].range.end } };
}

export { FACTOR_NAMES };
