import type { DocumentHost } from "../host";
import { isProjectFactFile } from "../projectFiles";
import { isSourceFile } from "../sourceKinds";

/** What one file's findings were computed from, besides its own text and the project reads. */
export interface FileDeps {
  /** Other source files whose text (or a fact of it) the analysis looked at: an imported constant. */
  sources: string[];
  /** The analysis asked a question of every source of the project (is there a SIGTERM handler anywhere?). */
  allSources: boolean;
}

/**
 * Everything else the engine looked at, for every file at once: project files (package.json,
 * tsconfig, .gitignore, .env.example, lockfiles…), existence probes of module resolution, and
 * any source read while computing a project-wide fact. The engine keeps such facts for the whole
 * run, so which file first asked for them is an accident: a change to any of them re-checks all.
 */
export interface ProjectReads {
  read: string[];
  probed: string[];
  /** A project-wide fact went over every source. */
  allSources: boolean;
}

/** Told by the project model when it computes a fact it keeps for the whole run. */
export interface ProjectFactObserver {
  enterProjectFact(): void;
  leaveProjectFact(): void;
}

/** Told by the per-source fact table what it is asked (`SourceFileFacts`). */
export interface SourcesObserver {
  listedSources(): void;
  factOf(file: string): void;
}

/**
 * A document host that records what the engine reads while it analyses each file, so the audit
 * cache knows when a stored result is stale. Reads and probes that cannot be pinned on one file
 * go to the project reads.
 */
export class DependencyTracker implements DocumentHost, ProjectFactObserver, SourcesObserver {
  private current: string | undefined;
  private factDepth = 0;
  private sources = new Set<string>();
  private allSources = false;
  private read = new Set<string>();
  private probed = new Set<string>();
  private projectAllSources = false;

  constructor(private readonly base: DocumentHost) {}

  readFile(file: string): string | undefined {
    if (file !== this.current) {
      // A source that configures the project (vitest.config.ts) feeds facts kept for the whole run.
      if (this.current !== undefined && this.factDepth === 0 && isSourceFile(file) && !isProjectFactFile(file)) this.sources.add(file);
      else this.read.add(file);
    }
    return this.base.readFile(file);
  }

  fileExists(file: string): boolean {
    // Module resolution caches its answers for the run: a probe belongs to every importer.
    if (file !== this.current) this.probed.add(file);
    return this.base.fileExists(file);
  }

  enterProjectFact(): void {
    this.factDepth++;
  }

  leaveProjectFact(): void {
    this.factDepth--;
  }

  listedSources(): void {
    if (this.current !== undefined && this.factDepth === 0) this.allSources = true;
    else this.projectAllSources = true;
  }

  factOf(file: string): void {
    if (file === this.current) return;
    if (this.current !== undefined && this.factDepth === 0) this.sources.add(file);
    else this.read.add(file);
  }

  /** Starts recording for `file`'s analysis. */
  begin(file: string): void {
    this.current = file;
    this.sources = new Set();
    this.allSources = false;
  }

  end(): FileDeps {
    const deps: FileDeps = { sources: [...this.sources].sort(), allSources: this.allSources };
    this.current = undefined;
    this.sources = new Set();
    this.allSources = false;
    return deps;
  }

  /** The project reads since the last call (a worker sends them with each batch). */
  takeProjectReads(): ProjectReads {
    const reads: ProjectReads = { read: [...this.read], probed: [...this.probed], allSources: this.projectAllSources };
    this.read = new Set();
    this.probed = new Set();
    this.projectAllSources = false;
    return reads;
  }
}
