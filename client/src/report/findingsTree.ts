import * as vscode from "vscode";
import type { RuleCatalog } from "../../../server/src/lsp/reportCommands";
import { findingLabel, ruleLabel } from "./treeLabels";
import { buildTree, childrenOf, countOf, ruleIdOf, type FactorNode, type FindingNode, type TreeNode } from "./treeModel";

/** Diagnostics arrive in bursts (an audit publishes file after file): rebuild once per burst. */
const REBUILD_DELAY_MS = 150;

const SEVERITY_ICON: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: "error",
  [vscode.DiagnosticSeverity.Warning]: "warning",
  [vscode.DiagnosticSeverity.Information]: "info",
  [vscode.DiagnosticSeverity.Hint]: "info",
};

function idOf(node: TreeNode): string {
  if (node.kind === "factor") return `factor:${node.factor}`;
  if (node.kind === "rule") return `rule:${node.id}`;
  return `finding:${ruleIdOf(node.diagnostic)}:${node.uri.toString()}:${node.ordinal}`;
}

const findings = (count: number): string => `${count} finding${count === 1 ? "" : "s"}`;

/** One row as the user sees it: label, the dimmed text after it, and the hover text. */
export interface RowSnapshot {
  label: string;
  description: string;
  tooltip: string;
}

/** What the tree shows, as plain data (for the e2e suite, which cannot read the rendered view). */
export interface TreeSnapshot extends RowSnapshot {
  factor: string;
  count: number;
  rules: Array<RowSnapshot & { id: string; count: number; findings: Array<RowSnapshot & { file: string; line: number; message: string }> }>;
}

function rowOf(item: vscode.TreeItem): RowSnapshot {
  const text = (value: string | vscode.MarkdownString | vscode.TreeItemLabel | boolean | undefined): string =>
    typeof value === "string" ? value : value instanceof vscode.MarkdownString ? value.value : typeof value === "object" ? value.label : "";
  return { label: text(item.label), description: text(item.description), tooltip: text(item.tooltip) };
}

/**
 * The "Twelve-Factor" view: factor → rule → finding, rebuilt from the editor's own
 * diagnostics, so it always agrees with the Problems panel (open files' live results included).
 */
export class FindingsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: FactorNode[] = [];
  private catalog: RuleCatalog | undefined;
  private timer: NodeJS.Timeout | undefined;
  private waiting: Array<() => void> = [];
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.schedule());
  }

  /** The rule → factor map comes from the server; until it does, the tree stays empty. */
  setCatalog(catalog: RuleCatalog | undefined): void {
    this.catalog = catalog;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.rebuild(), REBUILD_DELAY_MS);
  }

  private rebuild(): void {
    this.timer = undefined;
    this.roots = this.catalog ? buildTree(vscode.languages.getDiagnostics(), this.catalog) : [];
    this.changed.fire(undefined);
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Resolves once no rebuild is pending, i.e. the tree reflects the diagnostics seen so far. */
  settled(): Promise<void> {
    if (this.timer === undefined) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? childrenOf(node) : this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsed = countOf(node) > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = this.itemFor(node, collapsed);
    // Stable ids keep what the user expanded across the rebuilds that follow every edit. VS Code
    // keeps an id's first collapsible state, so a node that was a leaf (no findings) and now has
    // children needs a new id, or it would stay a leaf that cannot be opened.
    item.id = countOf(node) > 0 ? idOf(node) : `${idOf(node)}#empty`;
    return item;
  }

  private itemFor(node: TreeNode, collapsed: vscode.TreeItemCollapsibleState): vscode.TreeItem {
    if (node.kind === "factor") {
      // A factor with findings opens on its rules: the first question is which checks fire.
      const state = node.count > 0 ? vscode.TreeItemCollapsibleState.Expanded : collapsed;
      const item = new vscode.TreeItem(node.factor ? `${node.factor}. ${node.name}` : node.name, state);
      item.description = node.unchecked ? "no rules yet" : node.count === 0 ? "pass" : findings(node.count);
      item.tooltip = node.statement;
      item.iconPath = new vscode.ThemeIcon(node.unchecked ? "circle-slash" : node.worst === undefined ? "pass" : SEVERITY_ICON[node.worst]);
      item.contextValue = "twelveFactor.factor";
      return item;
    }
    if (node.kind === "rule") {
      const item = new vscode.TreeItem(ruleLabel(node.id, node.underFactor), collapsed);
      item.description = findings(node.count);
      item.tooltip = node.description ? `${node.id}: ${node.description}` : node.id;
      item.iconPath = new vscode.ThemeIcon("law");
      return item;
    }
    const { diagnostic, uri } = node;
    // `file:line` first: siblings of one rule often share a message's opening words, and the
    // sidebar cuts the end of a row, never its start. The whole message is one hover away.
    const item = new vscode.TreeItem(findingLabel(this.relativePath(node), diagnostic.range.start.line + 1, diagnostic.message), vscode.TreeItemCollapsibleState.None);
    item.tooltip = `${diagnostic.message}\n\n${ruleIdOf(diagnostic)} · ${this.relativePath(node)}, Ln ${diagnostic.range.start.line + 1}, Col ${diagnostic.range.start.character + 1}`;
    item.iconPath = new vscode.ThemeIcon(SEVERITY_ICON[diagnostic.severity]);
    item.command = { title: "Open", command: "vscode.open", arguments: [uri, { selection: diagnostic.range } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  private relativePath(node: FindingNode): string {
    return vscode.workspace.asRelativePath(node.uri);
  }

  snapshot(): TreeSnapshot[] {
    return this.roots.map((node) => ({
      ...rowOf(this.getTreeItem(node)),
      factor: node.factor,
      count: node.count,
      rules: node.rules.map((rule) => ({
        ...rowOf(this.getTreeItem(rule)),
        id: rule.id,
        count: rule.count,
        findings: rule.findings.map((finding) => ({
          ...rowOf(this.getTreeItem(finding)),
          file: this.relativePath(finding),
          line: finding.diagnostic.range.start.line + 1,
          message: finding.diagnostic.message,
        })),
      })),
    }));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
