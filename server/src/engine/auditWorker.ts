// Entry point of one audit worker thread (bundled to dist/auditWorker.js). It owns an Engine for
// the whole run, so project facts and imported files are computed once per thread.
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { ruleById } from "../rules/registry";
import { analyzeTracked, createAuditEngine } from "./cache/tracked";
import type { BatchRequest, BatchResult, FileStarted, WorkerInit } from "./auditProtocol";
import { waitForForeground } from "./foregroundWork";
import type { RuleDefinition } from "./rule";

const port = parentPort;
if (!port) throw new Error("auditWorker.js runs as a worker thread of the audit, not on its own.");

const init = workerData as WorkerInit;
// On Linux a nice value belongs to the calling thread, so this lowers only this worker: while the
// editor's workspace audit runs, keystrokes in the language server's own thread win the CPU.
// Elsewhere it would lower the whole server, so it is left alone.
if (init.lowPriority && process.platform === "linux") {
  try {
    os.setPriority(19);
  } catch {
    // Not permitted in some containers; the audit just runs at normal priority.
  }
}
const rules = init.ruleIds.map((id) => ruleById(id)).filter((rule): rule is RuleDefinition => rule !== undefined);
const { engine, tracker } = createAuditEngine({ root: init.root, rules, config: init.config }, init.track === true);
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
