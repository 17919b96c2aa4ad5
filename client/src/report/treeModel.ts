import * as vscode from "vscode";
import type { RuleCatalog } from "../../../server/src/lsp/reportCommands";

/** The diagnostics' `source` the server sets on every finding. */
export const DIAGNOSTIC_SOURCE = "twelve-factor";

export interface FindingNode {
  kind: "finding";
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
  /** Its place among the file's findings of this rule: a leaf's id, unique even for twins. */
  ordinal: number;
}

export interface RuleNode {
  kind: "rule";
  id: string;
  description: string;
  /** Tied to a factor: its row leaves the factor's part of the id out. */
  underFactor: boolean;
  /** By file, then position: each leaf names its `file:line`, so no file level is needed. */
  findings: FindingNode[];
  count: number;
}

export interface FactorNode {
  kind: "factor";
  /** "I".."XII", or "" for findings tied to no factor (an unknown id in a disable comment). */
  factor: string;
  name: string;
  statement: string;
  rules: RuleNode[];
  count: number;
  worst: vscode.DiagnosticSeverity | undefined;
  /** No rule checks this factor yet: nothing found means nothing, not a pass. */
  unchecked: boolean;
}

export type TreeNode = FactorNode | RuleNode | FindingNode;

export function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" && code !== null ? code.value : (code ?? ""));
}

const byPosition = (a: FindingNode, b: FindingNode): number => a.diagnostic.range.start.compareTo(b.diagnostic.range.start) || ruleIdOf(a.diagnostic).localeCompare(ruleIdOf(b.diagnostic));

function worstOf(nodes: readonly FindingNode[]): vscode.DiagnosticSeverity | undefined {
  // DiagnosticSeverity counts up from Error (0): the smallest is the worst.
  return nodes.reduce<vscode.DiagnosticSeverity | undefined>((worst, node) => (worst === undefined || node.diagnostic.severity < worst ? node.diagnostic.severity : worst), undefined);
}

function ruleNode(id: string, description: string, underFactor: boolean, findings: FindingNode[]): RuleNode {
  const byFile = new Map<string, FindingNode[]>();
  for (const finding of findings) byFile.set(finding.uri.toString(), [...(byFile.get(finding.uri.toString()) ?? []), finding]);
  const ordered = [...byFile.values()]
    .sort((a, b) => a[0].uri.fsPath.localeCompare(b[0].uri.fsPath))
    .flatMap((list) => list.sort(byPosition).map((finding, ordinal) => ({ ...finding, ordinal })));
  return { kind: "rule", id, description, underFactor, findings: ordered, count: findings.length };
}

/**
 * Factor → rule → finding from the editor's current diagnostics: all twelve factors in
 * order (empty ones too, so the tree reads as a checklist), rules with findings by count.
 */
export function buildTree(all: ReadonlyArray<[vscode.Uri, readonly vscode.Diagnostic[]]>, catalog: RuleCatalog): FactorNode[] {
  const ruleFactor = new Map(catalog.rules.map((rule) => [rule.id, rule]));
  const byRule = new Map<string, FindingNode[]>();
  for (const [uri, diagnostics] of all) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const id = ruleIdOf(diagnostic);
      byRule.set(id, [...(byRule.get(id) ?? []), { kind: "finding", uri, diagnostic, ordinal: 0 }]);
    }
  }
  const rulesOf = (factor: string | undefined): RuleNode[] =>
    [...byRule]
      .filter(([id]) => ruleFactor.get(id)?.factor === factor)
      .map(([id, findings]) => ruleNode(id, ruleFactor.get(id)?.description ?? "", factor !== undefined, findings))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const checked = new Set(catalog.rules.map((rule) => rule.factor));
  const factorNode = (factor: string, name: string, statement: string, rules: RuleNode[]): FactorNode => {
    const findings = rules.flatMap((rule) => rule.findings);
    return { kind: "factor", factor, name, statement, rules, count: findings.length, worst: worstOf(findings), unchecked: findings.length === 0 && !checked.has(factor) };
  };
  const nodes = catalog.factors.map((info) => factorNode(info.factor, info.name, info.statement, rulesOf(info.factor)));
  const other = rulesOf(undefined);
  if (other.length > 0) nodes.push(factorNode("", "Other", "Findings tied to no factor, such as an unknown rule id in a disable comment.", other));
  return nodes;
}

export function childrenOf(node: TreeNode): TreeNode[] {
  if (node.kind === "factor") return node.rules;
  if (node.kind === "rule") return node.findings;
  return [];
}

export function countOf(node: TreeNode): number {
  if (node.kind === "finding") return 1;
  return node.count;
}
