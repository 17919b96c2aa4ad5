import type ts from "typescript";
import type { Factor, Fix, Severity, SeveritySetting } from "./types";
import type { FileRole, RolePolicies } from "./fileRoles";
import type { ProjectFileKind } from "./projectFiles";
import type { ProjectModel } from "./project";
import type { Semantics } from "./semantics";

export const DOCS_BASE_URL = "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/";

export interface RuleMeta {
  /** Stable `<factor-slug>/<rule>` id, used in config, suppressions and baselines. */
  id: string;
  factor: Factor;
  /** One of the four headline (★) rules. */
  headline: boolean;
  defaultSeverity: Severity;
  /** One sentence, shown in settings, SARIF and docs. */
  description: string;
  /** Why the Twelve-Factor App cares. */
  rationale: string;
  fixable: boolean;
  /**
   * What each file role does to the rule (a role left out is `on`); the analyzer applies it, so a
   * rule never checks roles for this. See `RolePolicy` for what each value means.
   */
  roles?: RolePolicies;
  /** A rule-specific word on roles the policy cannot say (devDependencies allowed in tests ...), for the docs. */
  rolesNote?: string;
}

/**
 * A file pre-scan. A RegExp fits (its `test` ignores the extra arguments); a rule whose decision
 * needs project facts (which packages are declared) can look at them too.
 */
export interface Trigger {
  /** Without `file` and `project` (a unit test), it must still over-approximate. */
  test(text: string, file?: string, project?: ProjectModel): boolean;
}

export interface RuleDefinition extends RuleMeta {
  docs: string;
  /**
   * Cheap text pre-scan: if no enabled rule's trigger matches the file text, the file is not
   * parsed at all. Must over-approximate: a miss here is a missed finding. `null` for rules
   * that only check project files (package.json, .env …) and never need a source parsed.
   */
  trigger: Trigger | null;
  create(context: RuleContext): Listeners;
  /** Checks of project files (package.json, Dockerfile, .env ...), by file kind. */
  projectFiles?: ProjectFileCheck;
}

export interface ProjectFileCheck {
  kinds: readonly ProjectFileKind[];
  check(context: ProjectFileContext): void;
}

export interface ProjectFileContext {
  readonly file: string;
  readonly relativePath: string;
  readonly kind: ProjectFileKind;
  readonly role: FileRole;
  readonly text: string;
  readonly project: ProjectModel;
  /** `start`/`end` are offsets in `text`. */
  report(descriptor: Omit<ReportDescriptor, "node"> & { start: number; end: number }): void;
}

export type Listener = (node: ts.Node) => void;
/**
 * Keyed by `ts.SyntaxKind`: the engine walks each file once and dispatches to every rule.
 * A node is dispatched when the walk leaves it (post-order): its whole subtree is linked
 * (`parent` set) and already dispatched, its ancestors are linked but not yet dispatched. So a
 * rule must not carry state from an ancestor's listener to a descendant's; it looks upwards
 * through `parent` instead, or collects and decides in `onEnd`.
 */
export type Listeners = Partial<Record<ts.SyntaxKind, Listener>> & {
  /** Called once after the walk, for rules that collect first and report later. */
  onEnd?: () => void;
};

export interface ReportDescriptor {
  node?: ts.Node;
  /** Offsets in the current file, when the finding is not exactly one node. */
  start?: number;
  end?: number;
  message: string;
  /** Overrides the configured severity, e.g. a provider-format secret is an error. */
  severity?: Severity;
  /** Lowers the severity one step (error → warning → info), e.g. inside a test block of an app file. */
  lowered?: boolean;
  /**
   * The finding identifies itself whatever its name (a provider token format, a private key, a
   * JWT, a URL with a random-looking password): kept where the role's policy is
   * `self-identifying only`, which drops every other finding.
   */
  selfIdentifying?: boolean;
  signals?: string[];
  fixes?: Fix[];
}

export interface RuleOptions {
  /** Literal values (or regular expressions written as `/.../`) never reported as secrets. */
  secretsAllowList: string[];
}

export interface RuleContext {
  readonly file: string;
  /** Path relative to the project root, with forward slashes. */
  readonly relativePath: string;
  readonly role: FileRole;
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly project: ProjectModel;
  readonly semantics: Semantics;
  readonly options: RuleOptions;
  report(descriptor: ReportDescriptor): void;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

export function defineRule<T extends Trigger | null>(
  definition: RuleMeta & { trigger: T; create(context: RuleContext): Listeners; projectFiles?: ProjectFileCheck },
): RuleDefinition & { trigger: T } {
  return { ...definition, docs: docsUrl(definition.id) };
}

export function lowerSeverity(severity: Severity): Severity {
  return severity === "error" ? "warning" : "info";
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === "off" || value === "info" || value === "warning" || value === "error";
}
