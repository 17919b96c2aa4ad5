import { MarkupKind, type Hover, type Position } from "vscode-languageserver";
import type { RuleDefinition } from "../engine/rule";
import type { Finding } from "../engine/types";

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
 * Explains the findings under the cursor: the factor, why the rule exists and which signals
 * fired. Messages and signals are already redacted, so nothing here can show a secret.
 */
export function hoverFor(findings: readonly Finding[], position: Position, rules: readonly RuleDefinition[]): Hover | undefined {
  const here = findings.filter((finding) => contains(finding, position));
  if (here.length === 0) return undefined;
  const sections = here.map((finding) => {
    const rule = rules.find((candidate) => candidate.id === finding.ruleId);
    const lines = [`**${finding.ruleId}**${finding.factor ? ` · Factor ${finding.factor}. ${FACTOR_NAMES[finding.factor]}` : ""}`, "", finding.message];
    if (finding.signals.length > 0) lines.push("", `Signals: ${finding.signals.join("; ")}`);
    if (rule) lines.push("", `_Why:_ ${rule.rationale}`, "", `[Rule documentation](${rule.docs})`);
    return lines.join("\n");
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join("\n\n---\n\n") }, range: { start: here[0].range.start, end: here[0].range.end } };
}

export { FACTOR_NAMES };
