import type { RuleDefinition } from "../engine/rule";
import type { Factor, Severity } from "../engine/types";

export interface ListedRule {
  id: string;
  factor: Factor;
  headline: boolean;
  defaultSeverity: Severity;
  fixable: boolean;
  description: string;
  docs: string;
}

export function listRules(rules: readonly RuleDefinition[]): ListedRule[] {
  return rules.map((rule) => ({
    id: rule.id,
    factor: rule.factor,
    headline: rule.headline,
    defaultSeverity: rule.defaultSeverity,
    fixable: rule.fixable,
    description: rule.description,
    docs: rule.docs,
  }));
}

/** `--list-rules`: one aligned row per rule, catalogue order; ★ marks the headline rules. */
export function formatRuleList(rules: readonly RuleDefinition[]): string {
  const header = { id: "rule", factor: "factor", severity: "default", fixable: "fixable" };
  const rows = listRules(rules).map((rule) => ({
    id: `${rule.id}${rule.headline ? " ★" : ""}`,
    factor: rule.factor,
    severity: rule.defaultSeverity,
    fixable: rule.fixable ? "yes" : "no",
  }));
  const all = [header, ...rows];
  const width = (key: keyof typeof header) => Math.max(...all.map((row) => row[key].length));
  const [idWidth, factorWidth, severityWidth] = [width("id"), width("factor"), width("severity")];
  const lines = all.map((row) => `${row.id.padEnd(idWidth)}  ${row.factor.padEnd(factorWidth)}  ${row.severity.padEnd(severityWidth)}  ${row.fixable}`);
  return `${lines.join("\n")}\n\n${rules.length} rules. Docs: https://github.com/twelve-factor-lint/twelve-factor-lint/tree/main/docs/rules\n`;
}

export function formatRuleListJson(rules: readonly RuleDefinition[]): string {
  return `${JSON.stringify(listRules(rules), null, 2)}\n`;
}
