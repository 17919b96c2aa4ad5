import path from "node:path";
import type { Connection } from "vscode-languageserver";
import type { RuleDefinition } from "../engine/rule";
import { fixedOriginals } from "../engine/fixPasses";
import type { Finding, Fix } from "../engine/types";
import { FACTOR_INFO } from "../report/factors";
import { toReportFinding } from "../report/findings";
import { readProjectName } from "../report/projectName";
import { renderHtml } from "../report/html";
import { renderMarkdown } from "../report/markdown";
import { buildAuditReport, type AuditReport } from "../report/model";
import type { ProjectRegistry } from "./projects";
import { planSafeFixes, sameFiles, type SafeFixPlan } from "./safeFixes";
import { hasSensitiveParts } from "./sealedFixes";
import { toWorkspaceEdit, type EditCapabilities, type EditTarget } from "./workspaceEdits";
import type { WorkspaceAudit } from "./workspaceAudit";

export const AUDIT_REPORT_COMMAND = "twelveFactor.server.auditReport";
export const RULE_CATALOG_COMMAND = "twelveFactor.server.ruleCatalog";
export const SAFE_FIX_PLAN_COMMAND = "twelveFactor.server.safeFixPlan";
export const APPLY_SAFE_FIXES_COMMAND = "twelveFactor.server.applySafeFixes";
export const REPORT_COMMANDS = [AUDIT_REPORT_COMMAND, RULE_CATALOG_COMMAND, SAFE_FIX_PLAN_COMMAND, APPLY_SAFE_FIXES_COMMAND];

export interface AuditReportParams {
  /** Also render the report; without it only the data comes back. */
  format?: "html" | "markdown";
  /** HTML for a VS Code webview: its CSP source and the nonce of this render. */
  webview?: { cspSource: string; nonce: string };
  /** File-mode HTML: the path from the report's folder to the report root, e.g. "../". */
  linkBase?: string;
}

export interface AuditReportResult {
  /** `null` before the first workspace audit. */
  report: AuditReport | null;
  rendered?: string;
}

/** What the client needs to place a diagnostic in the tree: it knows nothing of rules itself. */
export interface RuleCatalog {
  factors: Array<{ factor: string; name: string; statement: string }>;
  rules: Array<{ id: string; factor: string; description: string; docs: string }>;
}

export interface ApplySafeFixesResult {
  applied: boolean;
  plan: SafeFixPlan;
  /** Why nothing was applied, for the client to show. */
  reason?: string;
}

export interface ReportCommandHost {
  connection: Connection;
  audit: WorkspaceAudit;
  registry: ProjectRegistry;
  rules: readonly RuleDefinition[];
  editTarget(): EditTarget;
  capabilities(): EditCapabilities;
  /**
   * The existing fix command (`twelveFactor.applyFix` with whole fixes): it creates files for
   * clients that cannot, and writes a secret's edits on the server.
   */
  applyFixesByCommand(fixes: Fix[]): Promise<boolean>;
}

/** The deepest folder holding every workspace folder: report paths are relative to it. */
function reportRoot(folders: readonly string[]): string {
  if (folders.length === 0) return process.cwd();
  return folders.reduce((common, folder) => {
    let candidate = common;
    while (candidate !== folder && !folder.startsWith(candidate.endsWith(path.sep) ? candidate : candidate + path.sep)) {
      const parent = path.dirname(candidate);
      if (parent === candidate) break;
      candidate = parent;
    }
    return candidate;
  });
}

/** The report view's server side: the last audit as a report, and fixing it workspace-wide. */
export class ReportCommands {
  constructor(private readonly host: ReportCommandHost) {}

  handles(command: string): boolean {
    return REPORT_COMMANDS.includes(command);
  }

  async execute(command: string, args: readonly unknown[]): Promise<unknown> {
    try {
      if (command === AUDIT_REPORT_COMMAND) return this.auditReport((args[0] ?? {}) as AuditReportParams);
      if (command === RULE_CATALOG_COMMAND) return this.catalog();
      if (command === SAFE_FIX_PLAN_COMMAND) return this.plan().plan;
      if (command === APPLY_SAFE_FIXES_COMMAND) return await this.applySafeFixes(args[0] as { files?: unknown } | undefined);
      return null;
    } catch (error) {
      this.host.connection.console.error(`${command} failed: ${(error as Error).stack ?? error}`);
      return null;
    }
  }

  report(): AuditReport | null {
    const { audit, registry, rules } = this.host;
    if (!audit.ran) return null;
    const root = reportRoot(registry.workspaceFolders);
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const audited = audit.files().sort();
    const found = audited.flatMap((file) => audit.findingsOf(file));
    // "Fixable" is what the report's fix-all applies: the same passes, worked out here.
    const fixable = found.some((finding) => finding.fixes[0]?.safe) ? fixedOriginals(found, this.plan().applied) : new Set<Finding>();
    const findings = found.map((finding) => toReportFinding(root, finding, byId, fixable));
    // A rule turned off in every workspace folder is left out, not shown as passing.
    const projects = registry.workspaceFolders.map((folder) => registry.projectFor(path.join(folder, "package.json")));
    const enabled = rules.filter((rule) => projects.length === 0 || projects.some((project) => project.config.rules[rule.id] !== "off"));
    return buildAuditReport({ root, projectName: readProjectName(root), findings, stats: audit.stats(), rules: enabled, baselined: audit.baselined() });
  }

  private auditReport(params: AuditReportParams): AuditReportResult {
    const report = this.report();
    if (!report || !params.format) return { report };
    const webview = params.webview && typeof params.webview.cspSource === "string" && typeof params.webview.nonce === "string" ? params.webview : undefined;
    const linkBase = typeof params.linkBase === "string" ? params.linkBase : undefined;
    const rendered = params.format === "markdown" ? renderMarkdown(report) : renderHtml(report, webview ? { webview } : { linkBase });
    return { report, rendered };
  }

  private catalog(): RuleCatalog {
    return {
      factors: Object.entries(FACTOR_INFO).map(([factor, info]) => ({ factor, name: info.name, statement: info.statement })),
      rules: this.host.rules.map((rule) => ({ id: rule.id, factor: rule.factor, description: rule.description, docs: rule.docs })),
    };
  }

  private plan(): ReturnType<typeof planSafeFixes> {
    return planSafeFixes(this.host.audit.files(), this.host.registry, this.host.editTarget());
  }

  /**
   * Re-plans and applies in one WorkspaceEdit, but only when the plan still changes exactly the
   * files the user confirmed: anything else would edit files they were not shown.
   */
  private async applySafeFixes(params: { files?: unknown } | undefined): Promise<ApplySafeFixesResult> {
    const { plan, fixes } = this.plan();
    const confirmed = Array.isArray(params?.files) ? params.files.filter((file): file is string => typeof file === "string") : undefined;
    if (!confirmed || !sameFiles(plan, confirmed)) return { applied: false, plan, reason: "The files to fix changed since they were listed; review the new list." };
    if (fixes.length === 0) return { applied: false, plan, reason: "Nothing to fix." };
    // A secret's value must never ride on workspace/applyEdit (clients log it): the fix command
    // writes those parts itself and sends the client the rest.
    const edit = fixes.some(hasSensitiveParts) ? undefined : toWorkspaceEdit(fixes, this.host.editTarget(), this.host.capabilities());
    if (edit) {
      const result = await this.host.connection.workspace.applyEdit({ label: "Twelve-Factor: fix all safe problems", edit });
      return result.applied ? { applied: true, plan } : { applied: false, plan, reason: result.failureReason ?? "The editor did not apply the edit." };
    }
    if (fixes.some((fix) => fix.creates.length > 0 || hasSensitiveParts(fix))) {
      const applied = await this.host.applyFixesByCommand(fixes);
      return applied ? { applied, plan } : { applied, plan, reason: "A fix could not be applied; see the output channel." };
    }
    return { applied: false, plan, reason: "The files changed while fixing; run the audit again." };
  }
}
