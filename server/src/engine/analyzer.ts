import path from "node:path";
import { performance } from "node:perf_hooks";
import type ts from "typescript";
import { defaultConfig, type ProjectConfig } from "./configTypes";
import type { FileRole } from "./fileRoles";
import { diskHost, type DocumentHost } from "./host";
import { ParseCache } from "./parseCache";
import { PreScan } from "./preScan";
import { ProjectModel } from "./project";
import { applyRolePolicy, ruleRunsOn } from "./rolePolicy";
import { type Listener, type ReportDescriptor, type RuleContext, type RuleDefinition } from "./rule";
import { createSemantics, type EngineSemantics } from "./semantics";
import { isInsideLiteral } from "./literalAt";
import { LineIndex } from "./lineIndex";
import { projectFileKind } from "./projectFiles";
import { isSourceFile } from "./sourceKinds";
import { parseSuppressions, type Suppressions } from "./suppressions";
import type { Finding, Note, Range, Severity } from "./types";
import { walk } from "./walker";

export const MAX_FILE_BYTES = 1024 * 1024;
/** Rules get this long per file; a pathological input is skipped with a note instead of stalling the run. */
export const DEFAULT_FILE_BUDGET_MS = 5000;
/** Listener calls between two looks at the clock (a look costs ~50 ns, a typical call ~1 µs). */
const BUDGET_CHECK_EVERY = 64;

/** Thrown through the walk when a file's rules run out of time; never reported as a rule failure. */
class BudgetExceeded extends Error {}

export interface EngineOptions {
  root: string;
  rules: readonly RuleDefinition[];
  host?: DocumentHost;
  config?: ProjectConfig;
  /** Time the rules may spend on one file (default DEFAULT_FILE_BUDGET_MS). */
  fileBudgetMs?: number;
}

export interface FileAnalysis {
  findings: Finding[];
  notes: Note[];
  /** False when the text pre-scan showed no rule could fire, so the file was never parsed. */
  parsed: boolean;
}

/** Files that are not text: a NUL byte, or the replacement character of bytes that were not UTF-8. */
export function looksBinary(text: string): boolean {
  const head = text.length > 8000 ? text.slice(0, 8000) : text;
  return head.includes("\u0000") || head.includes("\uFFFD");
}

function rangeOf(lines: { getLineAndCharacterOfPosition(offset: number): { line: number; character: number } }, start: number, end: number): Range {
  return {
    start: lines.getLineAndCharacterOfPosition(start),
    end: lines.getLineAndCharacterOfPosition(end),
    startOffset: start,
    endOffset: end,
  };
}

/**
 * The analysis of one project: its model, parse cache and semantics are shared by every file,
 * so project facts and imported files are computed once.
 */
export class Engine {
  readonly project: ProjectModel;
  readonly semantics: EngineSemantics;
  readonly parseCache = new ParseCache();
  private readonly preScan: PreScan;
  private config: ProjectConfig;
  private readonly knownIds: Set<string>;

  constructor(private readonly options: EngineOptions) {
    const host = options.host ?? diskHost;
    this.project = new ProjectModel(path.resolve(options.root), host);
    this.semantics = createSemantics(this.project, this.parseCache);
    this.config = options.config ?? defaultConfig();
    this.knownIds = new Set(options.rules.map((rule) => rule.id));
    this.preScan = new PreScan(options.rules);
  }

  get rules(): readonly RuleDefinition[] {
    return this.options.rules;
  }

  setConfig(config: ProjectConfig): void {
    this.config = config;
  }

  /** The configured severity, or `undefined` when the user set nothing for this rule. */
  private configuredSeverity(rule: RuleDefinition): Severity | "off" | undefined {
    return this.config.rules[rule.id];
  }

  isEnabled(rule: RuleDefinition): boolean {
    return this.configuredSeverity(rule) !== "off";
  }

  /** Tells the project model (and parse cache) that a file changed on disk or in an editor. */
  invalidate(file: string): void {
    this.project.invalidate(file);
    this.parseCache.invalidate(file);
  }

  /** A file was created, deleted or renamed: imports may now resolve elsewhere. */
  filesAddedOrRemoved(): void {
    this.semantics.clearCaches();
  }

  /** An editor closed `file`: the tree kept for its incremental re-parses goes. */
  closed(file: string): void {
    this.parseCache.release(file);
  }

  /**
   * `incremental`: `file` is an editor buffer analysed again at each edit; its tree is kept and
   * updated with the next edit instead of parsed anew (see `ParseCache.forAnalysis`).
   */
  analyzeFile(file: string, text: string | undefined = this.project.host.readFile(file), options: { incremental?: boolean } = {}): FileAnalysis {
    const relativePath = this.project.relative(file);
    if (text === undefined) {
      return { findings: [], notes: [{ level: "warning", file, message: `${relativePath}: could not be read; skipped.` }], parsed: false };
    }
    if (text.length > MAX_FILE_BYTES) {
      const size = (text.length / (1024 * 1024)).toFixed(1);
      return { findings: [], notes: [{ level: "info", file, message: `${relativePath}: ${size} MiB is over the 1 MiB limit; skipped.` }], parsed: false };
    }
    if (looksBinary(text)) {
      return { findings: [], notes: [{ level: "info", file, message: `${relativePath}: binary or not valid UTF-8; skipped.` }], parsed: false };
    }
    if (!isSourceFile(file)) return this.analyzeProjectFile(file, relativePath, text);

    const notes: Note[] = [];
    let parsed: ts.SourceFile | undefined;
    let unparsable = false;
    const parse = (): ts.SourceFile | undefined => {
      if (parsed || unparsable) return parsed;
      try {
        parsed = this.parseCache.forAnalysis(file, text, options.incremental === true);
      } catch (error) {
        // The compiler's recursive descent overflows on pathological nesting (~1,000 levels).
        unparsable = true;
        notes.push({ level: "warning", file, message: `${relativePath}: could not be parsed (${(error as Error).message}); skipped.` });
      }
      return parsed;
    };
    const suppressions = parseSuppressions(text, (offset) => {
      const tree = parse();
      return !tree || !isInsideLiteral(tree, offset);
    });
    const role = this.project.roleOf(file);
    const active = this.preScan.active(this.options.rules, text, file, this.project, (rule) => this.isEnabled(rule) && ruleRunsOn(rule, role));
    const findings: Finding[] = [];
    if (active.length > 0) {
      const sourceFile = parse();
      if (!sourceFile) return { findings, notes, parsed: false };
      this.semantics.startFile();
      try {
        this.runRules(active, { file, relativePath, role, text, sourceFile, suppressions, findings, notes });
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        const budget = this.options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
        notes.push({ level: "warning", file, message: `${relativePath}: analysis took longer than ${budget} ms; skipped.` });
        return { findings: this.directiveFindings(file, text, suppressions), notes, parsed: true };
      }
      const syntaxErrors = (sourceFile as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
      if (syntaxErrors > 0) {
        notes.push({ level: "info", file, message: `${relativePath}: ${syntaxErrors} syntax error(s); findings are what could still be read.` });
      }
    }
    findings.push(...this.directiveFindings(file, text, suppressions));
    findings.sort((a, b) => a.range.startOffset - b.range.startOffset || a.ruleId.localeCompare(b.ruleId));
    return { findings, notes, parsed: active.length > 0 };
  }

  private analyzeProjectFile(file: string, relativePath: string, text: string): FileAnalysis {
    const kind = projectFileKind(file, relativePath);
    const findings: Finding[] = [];
    const notes: Note[] = [];
    if (!kind) return { findings, notes, parsed: false };
    const lines = new LineIndex(text);
    const role = this.project.roleOf(file);
    for (const rule of this.options.rules) {
      if (!rule.projectFiles?.kinds.includes(kind) || !this.isEnabled(rule) || !ruleRunsOn(rule, role)) continue;
      try {
        rule.projectFiles.check({
          file,
          relativePath,
          kind,
          role,
          text,
          project: this.project,
          report: (descriptor) => {
            const finding = this.toFinding(rule, role, file, lines, descriptor);
            if (finding) findings.push(finding);
          },
        });
      } catch (error) {
        notes.push({ level: "error", file, message: `${relativePath}: rule ${rule.id} failed (${(error as Error).message}); skipped for this file.` });
      }
    }
    findings.sort((a, b) => a.range.startOffset - b.range.startOffset || a.ruleId.localeCompare(b.ruleId));
    return { findings, notes, parsed: false };
  }

  private runRules(
    active: readonly RuleDefinition[],
    run: { file: string; relativePath: string; role: FileRole; text: string; sourceFile: ts.SourceFile; suppressions: Suppressions; findings: Finding[]; notes: Note[] },
  ): void {
    const role = run.role;
    const dispatch = new Map<ts.SyntaxKind, Listener[]>();
    const endHooks: Array<() => void> = [];
    const failed = new Set<string>();
    const deadline = performance.now() + (this.options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS);
    let calls = 0;
    const guard = (rule: RuleDefinition, call: () => void): void => {
      if (failed.has(rule.id)) return;
      if (++calls % BUDGET_CHECK_EVERY === 0 && performance.now() > deadline) throw new BudgetExceeded();
      try {
        call();
      } catch (error) {
        if (error instanceof BudgetExceeded) throw error;
        // One broken rule must not silence the others, nor the rest of the run.
        failed.add(rule.id);
        run.notes.push({ level: "error", file: run.file, message: `${run.relativePath}: rule ${rule.id} failed (${(error as Error).message}); its other findings in this file are skipped.` });
      }
    };

    for (const rule of active) {
      const context: RuleContext = {
        file: run.file,
        relativePath: run.relativePath,
        role,
        sourceFile: run.sourceFile,
        text: run.text,
        project: this.project,
        semantics: this.semantics,
        options: { secretsAllowList: this.config.secrets.allow },
        report: (descriptor) => {
          const finding = this.toFinding(rule, role, run.file, run.sourceFile, descriptor);
          if (finding && !run.suppressions.isSuppressed(rule.id, finding.range.start.line)) run.findings.push(finding);
        },
      };
      guard(rule, () => {
        const listeners = rule.create(context);
        for (const [kind, listener] of Object.entries(listeners)) {
          if (kind === "onEnd" || typeof listener !== "function") continue;
          const list = dispatch.get(Number(kind)) ?? [];
          list.push((node) => guard(rule, () => listener(node)));
          dispatch.set(Number(kind), list);
        }
        if (listeners.onEnd) endHooks.push(() => guard(rule, () => listeners.onEnd?.()));
      });
    }
    walk(run.sourceFile, dispatch);
    this.parseCache.markLinked(run.sourceFile, true);
    for (const hook of endHooks) hook();
  }

  private toFinding(rule: RuleDefinition, role: FileRole, file: string, lines: ts.SourceFile | LineIndex, descriptor: ReportDescriptor): Finding | undefined {
    const sourceFile = lines as ts.SourceFile;
    const start = descriptor.node ? descriptor.node.getStart(sourceFile) : descriptor.start;
    const end = descriptor.node ? descriptor.node.getEnd() : descriptor.end;
    if (start === undefined || end === undefined) return undefined;
    const configured = this.configuredSeverity(rule);
    if (configured === "off") return undefined;
    // An explicit user setting wins over the rule's own per-finding severity.
    const finding: Finding = {
      ruleId: rule.id,
      factor: rule.factor,
      severity: configured ?? descriptor.severity ?? rule.defaultSeverity,
      message: descriptor.message,
      file,
      range: rangeOf(lines, start, end),
      signals: descriptor.signals ?? [],
      fixes: descriptor.fixes ?? [],
    };
    return applyRolePolicy(rule, role, descriptor, finding);
  }

  /** Unknown ids in disable directives are reported, so a typo never silently disables nothing. */
  private directiveFindings(file: string, text: string, suppressions: Suppressions): Finding[] {
    const findings: Finding[] = [];
    for (const directive of suppressions.directives) {
      directive.ids.forEach((id, index) => {
        if (this.knownIds.has(id)) return;
        const start = directive.idOffsets[index];
        const end = start + id.length;
        findings.push({
          ruleId: "twelve-factor/unknown-rule",
          severity: "warning",
          message: `Unknown rule id "${id}" in a twelve-factor-disable comment; it disables nothing.`,
          file,
          range: rangeOf(new LineIndex(text), start, end),
          signals: [],
          fixes: [],
        });
      });
    }
    return findings;
  }
}
