import { isTestCode, policyOf, type FileRole } from "./fileRoles";
import { lowerSeverity, type ReportDescriptor, type RuleDefinition } from "./rule";
import type { Finding } from "./types";

/** Whether the rule looks at files of this role at all: `off` skips it before any parse. */
export function ruleRunsOn(rule: RuleDefinition, role: FileRole): boolean {
  return policyOf(rule.roles, role) !== "off";
}

/**
 * What a file's role does to one reported finding, in one place for every rule:
 * `self-identifying only` drops what is not, and lowers what is; `lowered` lowers everything;
 * a lowered finding goes one step down once, however many reasons lower it. In test and fixture
 * code every fix is made unsafe, so `--fix`, fix-all and `source.fixAll` never apply it (the
 * editor still offers it by hand) and the finding stays out of the report's "Fix first".
 */
export function applyRolePolicy(rule: RuleDefinition, role: FileRole, descriptor: ReportDescriptor, finding: Finding): Finding | undefined {
  const policy = policyOf(rule.roles, role);
  if (policy === "off" || (policy === "self-identifying only" && !descriptor.selfIdentifying)) return undefined;
  const lowered = descriptor.lowered === true || policy === "lowered" || policy === "self-identifying only";
  const severity = lowered ? lowerSeverity(finding.severity) : finding.severity;
  if (!isTestCode(role)) return { ...finding, severity };
  return { ...finding, severity, fixes: finding.fixes.map((fix) => ({ ...fix, safe: false })), inTestCode: true };
}
