// Entry point of the audit's worker threads (bundled to dist/auditWorker.js): an analysing worker
// of the pool, or the coordinator thread of a background (editor) audit.
import os from "node:os";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { ruleById } from "../rules/registry";
import { auditProject } from "./audit";
import { analyzeTracked, createAuditEngine } from "./cache/tracked";
import { FINDINGS_PER_MESSAGE, type BatchRequest, type BatchResult, type CoordinatorInit, type CoordinatorMessage, type FileStarted, type WorkerInit } from "./auditProtocol";
import { waitForForeground } from "./foregroundWork";
import { FileHeartbeat } from "./heartbeat";
import type { RuleDefinition } from "./rule";

/** Progress reaches the server's thread at most this often (each message wakes it). */
const PROGRESS_EVERY_MS = 50;

const port = parentPort;
if (!port) throw new Error("auditWorker.js runs as a worker thread of the audit, not on its own.");

function rulesOf(ids: readonly string[]): RuleDefinition[] {
  return ids.map((id) => ruleById(id)).filter((rule): rule is RuleDefinition => rule !== undefined);
}

/**
 * On Linux a nice value belongs to the calling thread, so this lowers only this thread: while the
 * editor's workspace audit runs, keystrokes in the language server's own thread win the CPU.
 * Elsewhere it would lower the whole server, so it is left alone.
 */
function lowerThisThreadsPriority(): void {
  if (process.platform !== "linux") return;
  try {
    os.setPriority(19);
  } catch {
    // Not permitted in some containers; the audit just runs at normal priority.
  }
}

function runWorker(port: MessagePort, init: WorkerInit): void {
  if (init.lowPriority) lowerThisThreadsPriority();
  const { engine, tracker } = createAuditEngine({ root: init.root, rules: rulesOf(init.ruleIds), config: init.config }, init.track === true);
  let projectNotesSent = 0;
  port.on("message", (request: BatchRequest) => {
    const outcomes = request.files.map((file) => {
      waitForForeground(init.foreground);
      const started: FileStarted = { kind: "started", file };
      port.postMessage(started);
      return analyzeTracked(engine, tracker, file);
    });
    const projectNotes = engine.project.notes.slice(projectNotesSent);
    projectNotesSent = engine.project.notes.length;
    const result: BatchResult = { kind: "result", batch: request.batch, outcomes, projectNotes, ...(tracker ? { projectReads: tracker.takeProjectReads() } : {}) };
    port.postMessage(result);
  });
}

async function runCoordinator(port: MessagePort, init: CoordinatorInit): Promise<void> {
  lowerThisThreadsPriority();
  const post = (message: CoordinatorMessage): void => port.postMessage(message);
  let lastProgress = 0;
  try {
    const result = await auditProject({
      root: init.root,
      paths: init.paths,
      config: init.config,
      rules: rulesOf(init.ruleIds),
      defaultExcludes: init.defaultExcludes,
      cache: init.cache,
      fileTimeoutMs: init.fileTimeoutMs,
      foreground: init.foreground,
      maxThreads: init.maxThreads,
      heartbeat: new FileHeartbeat(init.heartbeat),
      onProgress: (done, total) => {
        const now = Date.now();
        if (done < total && now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        post({ kind: "progress", done, total });
      },
    });
    // One slice at a time, the next when the receiver asks: a port hands every message waiting
    // in its queue over in one turn, so slices posted all at once were decoded as one message.
    for (let start = 0; start < result.findings.length; start += FINDINGS_PER_MESSAGE) {
      const asked = new Promise((resolve) => port.once("message", resolve));
      post({ kind: "findings", findings: result.findings.slice(start, start + FINDINGS_PER_MESSAGE) });
      await asked;
    }
    post({ kind: "done", result: { ...result, findings: [] } });
  } catch (error) {
    post({ kind: "failed", message: (error as Error)?.message ?? String(error) });
  }
}

const data = workerData as WorkerInit | CoordinatorInit;
if ("kind" in data && data.kind === "coordinator") void runCoordinator(port, data);
else runWorker(port, data as WorkerInit);
