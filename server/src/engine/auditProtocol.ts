import type { Engine } from "./analyzer";
import type { AuditResult } from "./audit";
import type { CacheOptions } from "./cache/auditCache";
import type { FileDeps, ProjectReads } from "./cache/tracker";
import type { ProjectConfig } from "./configTypes";
import type { Finding, Note } from "./types";

/**
 * What the audit's main thread and its worker threads exchange. Everything here is plain data
 * (structured-clone friendly): rules are code, so a worker gets rule ids and imports the rules.
 */
export interface WorkerInit {
  root: string;
  config: ProjectConfig;
  /** Ids of the registry rules to run, in the caller's order. */
  ruleIds: string[];
  /** Record what each file's analysis reads, for the audit cache. */
  track?: boolean;
  /** A background audit (the editor's): the thread yields the CPU to the editor's own analysis. */
  lowPriority?: boolean;
  /** The editor's foreground flag (see ForegroundWork): the worker waits while it is set. */
  foreground?: SharedArrayBuffer;
}

/**
 * A background (editor) audit's coordinator thread: it runs the whole audit (discovery, the
 * cache, the worker pool, part of the analysis) so the language server's thread only gets
 * progress and the result. Rules cross as ids, as for a worker.
 */
export interface CoordinatorInit {
  kind: "coordinator";
  root: string;
  paths?: string[];
  config: ProjectConfig;
  ruleIds: string[];
  defaultExcludes?: boolean;
  cache?: CacheOptions;
  fileTimeoutMs?: number;
  foreground?: SharedArrayBuffer;
  /** Analysing threads at most, the coordinator included: the server's own thread keeps a core. */
  maxThreads: number;
  /** The coordinator's FileHeartbeat, watched by the server's thread. */
  heartbeat: SharedArrayBuffer;
}

export type CoordinatorMessage =
  | { kind: "progress"; done: number; total: number }
  /** The result's findings, in order, a slice per message (see FINDINGS_PER_MESSAGE). */
  | { kind: "findings"; findings: Finding[] }
  /** The result, its findings sent before it. */
  | { kind: "done"; result: AuditResult }
  /** The audit threw (as it would have on the calling thread): the message, passed on as an error. */
  | { kind: "failed"; message: string };

/**
 * Findings per message from the coordinator: a receiving thread decodes one message at a time, and
 * 20,000 findings in one took it 80-170 ms, during which a keystroke waited.
 */
export const FINDINGS_PER_MESSAGE = 500;

export interface BatchRequest {
  batch: number;
  files: string[];
}

export interface FileOutcome {
  file: string;
  findings: Finding[];
  notes: Note[];
  parsed: boolean;
  /** The engine threw on this file; a note says so. */
  failed: boolean;
  /** What the findings depend on besides the file itself (when the audit cache records it). */
  deps?: FileDeps;
}

/** Sent by a worker as it starts each file, so the pool knows which file a hang or crash is on. */
export interface FileStarted {
  kind: "started";
  file: string;
}

export interface BatchResult {
  kind: "result";
  batch: number;
  outcomes: FileOutcome[];
  /** Project-model notes (bad package.json, ...) that appeared since the worker's last result. */
  projectNotes: Note[];
  /** Project files read since the worker's last result (when the audit cache records them). */
  projectReads?: ProjectReads;
}

export type WorkerMessage = FileStarted | BatchResult;

/** The outcome of a file the audit had to give up on (its worker hung or died on it). */
export function skippedOutcome(file: string, message: string): FileOutcome {
  return { file, findings: [], notes: [{ level: "warning", file, message }], parsed: false, failed: true };
}

/**
 * One file through the engine; an exception becomes a note so the audit goes on. An audit visits
 * each file once, so its tree leaves the parse cache afterwards: kept, 2,000 cached trees held
 * ~1 GB per thread on the benchmark corpus. A later importer re-parses it on demand.
 */
export function analyzeSafely(engine: Engine, file: string): FileOutcome {
  try {
    const analysis = engine.analyzeFile(file);
    return { file, findings: analysis.findings, notes: analysis.notes, parsed: analysis.parsed, failed: false };
  } catch (error) {
    const message = `${engine.project.relative(file)}: analysis failed (${(error as Error)?.message ?? String(error)}); skipped.`;
    return { file, findings: [], notes: [{ level: "error", file, message }], parsed: false, failed: true };
  } finally {
    engine.parseCache.invalidate(file);
  }
}
