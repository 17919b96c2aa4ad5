import { Engine, type EngineOptions } from "../analyzer";
import { analyzeSafely, type FileOutcome } from "../auditProtocol";
import { diskHost } from "../host";
import { DependencyTracker } from "./tracker";

/** An engine whose reads are recorded for the audit cache (or a plain one when nothing is cached). */
export function createAuditEngine(options: EngineOptions, track: boolean): { engine: Engine; tracker?: DependencyTracker } {
  if (!track) return { engine: new Engine(options) };
  const tracker = new DependencyTracker(options.host ?? diskHost);
  const engine = new Engine({ ...options, host: tracker });
  engine.project.factObserver = tracker;
  engine.project.sources.observer = tracker;
  return { engine, tracker };
}

/** `analyzeSafely`, with what the outcome depended on when reads are recorded. */
export function analyzeTracked(engine: Engine, tracker: DependencyTracker | undefined, file: string): FileOutcome {
  if (!tracker) return analyzeSafely(engine, file);
  tracker.begin(file);
  // `analyzeSafely` never throws: an engine failure is an outcome.
  const outcome = analyzeSafely(engine, file);
  return { ...outcome, deps: tracker.end() };
}
