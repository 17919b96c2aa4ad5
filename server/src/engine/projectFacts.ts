import path from "node:path";
import { MAX_FILE_BYTES } from "./analyzer";
import { discoverFiles, EXCLUDED_DIRS } from "./discovery";
import type { SourcesObserver } from "./cache/tracker";
import type { DocumentHost } from "./host";
import { isSourceFile } from "./sourceKinds";

/** Computes one fact of a file from its text; must be pure (the answer is cached per file). */
export type FileFact<T> = (text: string, file: string) => T;

/** Stands for "the file could not be read" in the cache, so an unreadable file is not re-read. */
const UNREADABLE = Symbol("unreadable");

/**
 * Facts about every source file of a project ("does this file install a SIGTERM handler?"), for
 * rules whose answer depends on the whole project. Each file's fact is computed once, from its
 * text as the host sees it (open editor buffers win over the disk), and dropped only when that
 * file changes, so after a keystroke the project-wide answer costs one file's work plus lookups.
 */
export class SourceFileFacts {
  private discovered: string[] | undefined;
  /** Files were appended since the last sort (a checkout may create hundreds at once). */
  private unsorted = false;
  private readonly known = new Set<string>();
  private readonly values = new Map<string, Map<string, unknown>>();
  /** Told what is asked, so the audit cache knows which files a result depends on. */
  observer?: SourcesObserver;

  constructor(
    private readonly root: string,
    private readonly host: DocumentHost,
    /** Whether a project-relative path is git-ignored (for files that appear after discovery). */
    private readonly ignored: (relativePath: string) => boolean,
    private readonly listSources: () => string[] = () => discoverFiles(root).files.filter(isSourceFile),
  ) {}

  /**
   * The project's source files, sorted: found once through discovery (`.gitignore` at every
   * level, `node_modules`, build output and oversized files left out), plus sources that were
   * created since (reported through `invalidate`).
   */
  files(): readonly string[] {
    this.observer?.listedSources();
    if (!this.discovered) {
      this.discovered = this.listSources();
      for (const file of this.discovered) this.known.add(file);
    }
    if (this.unsorted) {
      this.discovered.sort();
      this.unsorted = false;
    }
    return this.discovered;
  }

  /** `fact` of `file`, cached until the file changes; `undefined` when it cannot be read. */
  of<T>(name: string, file: string, fact: FileFact<T>): T | undefined {
    this.observer?.factOf(file);
    let perFile = this.values.get(name);
    if (!perFile) {
      perFile = new Map();
      this.values.set(name, perFile);
    }
    if (!perFile.has(file)) {
      const text = this.host.readFile(file);
      perFile.set(file, text === undefined || text.length > MAX_FILE_BYTES ? UNREADABLE : fact(text, file));
    }
    const value = perFile.get(file);
    return value === UNREADABLE ? undefined : (value as T);
  }

  /** `file` changed, appeared or disappeared: only its own facts are dropped. */
  invalidate(file: string): void {
    for (const perFile of this.values.values()) perFile.delete(file);
    if (!this.discovered || this.known.has(file) || !this.belongs(file)) return;
    // A file that appeared after discovery joins the list. A deleted file stays listed: it reads
    // as unreadable, which no fact counts.
    this.known.add(file);
    this.discovered.push(file);
    this.unsorted = true;
  }

  /** Ignore rules changed: the file list is rebuilt on next use; facts of files stay valid. */
  rediscover(): void {
    this.discovered = undefined;
    this.unsorted = false;
    this.known.clear();
  }

  private belongs(file: string): boolean {
    if (!isSourceFile(file)) return false;
    const relative = path.relative(this.root, file).split(path.sep).join("/");
    if (relative.startsWith("../") || path.isAbsolute(relative)) return false;
    if (relative.split("/").slice(0, -1).some((segment) => EXCLUDED_DIRS.has(segment))) return false;
    return !this.ignored(relative);
  }
}
