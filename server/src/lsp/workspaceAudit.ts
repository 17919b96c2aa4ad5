import path from "node:path";
import { auditProject, type AuditResult } from "../engine/audit";
import { diskHost } from "../engine/host";
import type { RuleDefinition } from "../engine/rule";
import { FACTORS, type Finding, type Note } from "../engine/types";
import type { Project } from "./projects";
import { foreground } from "./foreground";

/** The audit command's result, as the client and any LSP editor receive it (plain JSON). */
export interface AuditSummary {
  files: number;
  findings: number;
  durationMs: number;
  bySeverity: Record<"error" | "warning" | "info", number>;
  /** Factor I..XII → findings (every factor present, zeros included, in order). */
  byFactor: Record<string, number>;
  byRule: Record<string, number>;
  cancelled: boolean;
  /** Files whose findings came from the audit cache (unchanged since an earlier audit, this session or before). */
  cached: number;
}

export interface AuditProgress {
  report(percentage: number, message: string): void;
  signal: AbortSignal;
}

/** The shortest interval between two progress reports of an audit. */
const PROGRESS_EVERY_MS = 100;

/**
 * The last whole-workspace audit: findings of every file, kept so that the Problems panel can
 * show files that are not open, and refreshed file by file as files change on disk.
 */
export class WorkspaceAudit {
  private readonly byFile = new Map<string, Finding[]>();
  /** The findings in `byFile`, kept as they change: the status item shows it after every keystroke. */
  private findingTotal = 0;
  /** Every file ever reported, with a counter bumped when its findings change (the pull resultId). */
  private readonly versions = new Map<string, number>();
  /** Findings the project's baseline hid, per file. */
  private readonly baselinedByFile = new Map<string, number>();
  private fileCount = 0;
  /** The last audit's parsed/skipped/bytes totals, for the report view's header. */
  private scanned = { parsed: 0, skipped: 0, bytes: 0 };
  private durationMs = 0;
  private cachedFiles = 0;
  /** The folder of the audit cache (one file per project root), when the client gave one. */
  private cacheDir?: string;
  ran = false;

  constructor(private readonly rules: readonly RuleDefinition[]) {}

  /** Keep the audit's results in `dir` across restarts: the same cache as the CLI's `--cache`. */
  cacheIn(dir: string): void {
    this.cacheDir = dir;
  }

  files(): string[] {
    return [...this.byFile.keys()];
  }

  findingsOf(file: string): Finding[] {
    return this.byFile.get(file) ?? [];
  }

  /** Files with findings now or at some earlier point (those must be told they are clean). */
  reportedFiles(): string[] {
    return [...this.versions.keys()];
  }

  resultIdOf(file: string): string {
    return String(this.versions.get(file) ?? 0);
  }

  private bump(file: string): void {
    this.versions.set(file, (this.versions.get(file) ?? 0) + 1);
  }

  /** Audits every project in turn; files are read from disk on worker threads where worthwhile. */
  async run(projects: readonly Project[], progress: AuditProgress, onNote: (note: Note) => void): Promise<AuditSummary> {
    const results: Array<AuditResult & { hidden: Finding[] }> = [];
    const started = Date.now();
    let cancelled = false;
    let lastReport = 0;
    try {
      for (const [index, project] of projects.entries()) {
        const result = await auditProject({
          root: project.root,
          config: project.config,
          rules: this.rules,
          signal: progress.signal,
          // Off the server's thread, so keystrokes never wait behind the scan; the workers also
          // pause between files while the server analyses an open document.
          background: true,
          foreground: foreground.buffer,
          // The workers read the disk, never the unsaved buffers, so the cache holds disk results only.
          ...(this.cacheDir ? { cache: { location: this.cacheDir + path.sep } } : {}),
          onProgress: (done, total) => {
            // At most ten reports a second: one per file was a `$/progress` message per file
            // written on the server's thread, between the keystrokes it must answer.
            const now = Date.now();
            if (done < total && now - lastReport < PROGRESS_EVERY_MS) return;
            lastReport = now;
            const share = total === 0 ? 1 : done / total;
            progress.report(Math.floor(((index + share) / projects.length) * 100), `${done}/${total} files`);
          },
        });
        // The workers read the disk, so the fingerprints are taken on the disk's text too.
        const { fresh } = project.hideBaselined(result.findings, diskHost.readFile);
        const kept = new Set(fresh);
        results.push({ ...result, findings: fresh, hidden: result.findings.filter((finding) => !kept.has(finding)) });
      }
    } catch (error) {
      if (!progress.signal.aborted) throw error;
      cancelled = true;
    }
    if (!cancelled) {
      const before = new Set(this.byFile.keys());
      this.byFile.clear();
      this.findingTotal = 0;
      this.baselinedByFile.clear();
      this.fileCount = 0;
      this.scanned = { parsed: 0, skipped: 0, bytes: 0 };
      this.cachedFiles = 0;
      for (const result of results) {
        this.fileCount += result.stats.files;
        this.cachedFiles += result.stats.cached ?? 0;
        for (const key of ["parsed", "skipped", "bytes"] as const) this.scanned[key] += result.stats[key];
        for (const note of result.notes) onNote(note);
        for (const finding of result.findings) {
          const list = this.byFile.get(finding.file);
          if (list) list.push(finding);
          else this.byFile.set(finding.file, [finding]);
        }
        this.findingTotal += result.findings.length;
        for (const finding of result.hidden) this.baselinedByFile.set(finding.file, (this.baselinedByFile.get(finding.file) ?? 0) + 1);
      }
      for (const file of new Set([...before, ...this.byFile.keys()])) this.bump(file);
      this.durationMs = Date.now() - started;
      this.ran = true;
    }
    return { ...this.summary(), cancelled };
  }

  /** Findings of the workspace as last audited and updated since. */
  findingCount(): number {
    return this.findingTotal;
  }

  /** Findings hidden by a baseline in the last audit (kept up to date as files change). */
  baselined(): number {
    return [...this.baselinedByFile.values()].reduce((sum, count) => sum + count, 0);
  }

  /** A file changed on disk: replace its findings (empty to forget it) and how many the baseline hid. */
  update(file: string, findings: Finding[], baselined = 0): void {
    if (baselined > 0) this.baselinedByFile.set(file, baselined);
    else this.baselinedByFile.delete(file);
    if (findings.length === 0 && !this.byFile.has(file)) return;
    this.findingTotal += findings.length - (this.byFile.get(file)?.length ?? 0);
    if (findings.length === 0) this.byFile.delete(file);
    else this.byFile.set(file, findings);
    this.bump(file);
  }

  stats(): { files: number; parsed: number; skipped: number; bytes: number; durationMs: number } {
    return { files: this.fileCount, ...this.scanned, durationMs: this.durationMs };
  }

  summary(): AuditSummary {
    const bySeverity = { error: 0, warning: 0, info: 0 };
    const byFactor: Record<string, number> = Object.fromEntries(FACTORS.map((factor) => [factor, 0]));
    const byRule: Record<string, number> = {};
    let findings = 0;
    for (const list of this.byFile.values()) {
      for (const finding of list) {
        findings++;
        bySeverity[finding.severity]++;
        if (finding.factor) byFactor[finding.factor]++;
        byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
      }
    }
    return { files: this.fileCount, findings, durationMs: this.durationMs, bySeverity, byFactor, byRule, cancelled: false, cached: this.cachedFiles };
  }
}
