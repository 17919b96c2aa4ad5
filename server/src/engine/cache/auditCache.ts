import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { version } from "../../../../package.json";
import type { FileOutcome } from "../auditProtocol";
import type { ProjectConfig } from "../configTypes";
import { discoverFiles } from "../discovery";
import type { RuleDefinition } from "../rule";
import { isSourceFile } from "../sourceKinds";
import type { Finding, Note } from "../types";
import { cacheFilePath, loadCacheFile, saveCacheFile, type CacheData, type CachedEntry } from "./cacheFile";
import { FileHasher, type CacheStrategy, type FileStamp } from "./fileState";
import type { ProjectReads } from "./tracker";

export interface CacheOptions {
  /** The cache file, or a folder to keep one per project root in. */
  location: string;
  strategy?: CacheStrategy;
}

/** Hash of what every stored result assumes: tool version and build, root, configuration, rules. */
function cacheKey(root: string, config: ProjectConfig, rules: readonly RuleDefinition[]): string {
  let build = "";
  try {
    // The running bundle: a rebuilt tool with the same version number must not reuse old results.
    const stat = fs.statSync(__filename);
    build = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    // No file behind the module: the version alone.
  }
  return crypto.createHash("sha1").update(JSON.stringify({ version, build, root, config, rules: rules.map((rule) => rule.id) })).digest("hex");
}

/** `a/b/c.json` → `{ "a/b": ["c.json"] }`; absolute paths (outside the root) group the same way. */
function byFolder(paths: Iterable<string>): Record<string, string[]> {
  const folders: Record<string, string[]> = {};
  for (const file of paths) {
    const slash = file.lastIndexOf("/");
    const dir = slash < 0 ? "" : file.slice(0, slash);
    (folders[dir] ??= []).push(file.slice(slash + 1));
  }
  return folders;
}

function hasSecret(finding: Finding): boolean {
  return finding.fixes.some((fix) => fix.edits.some((edit) => edit.sensitive) || fix.creates.some((creation) => creation.sensitive));
}

/** What the audit reuses: the outcomes still valid and the files to analyse again. */
export interface CachePlan {
  reused: FileOutcome[];
  toAnalyse: string[];
}

/**
 * One audit's use of the on-disk cache (`--cache`): which stored results are still valid, and
 * the results of this run to store. A stored result is valid when the file's content, the content
 * of every other source it looked at, and every project file the run read (or probed for) are
 * unchanged, under the same key; results that looked at every source also need the project's
 * sources unchanged. Results with a secret in a fix, or with a warning or error note (a timeout
 * may not recur), are never stored.
 */
export class AuditCacheRun {
  readonly notes: Note[] = [];
  private readonly file: string;
  private readonly key: string;
  private readonly prefix: string;
  private readonly writable: boolean;
  private previous?: CacheData;
  private readonly hasher: FileHasher;
  private readonly entries = new Map<string, CachedEntry>();
  private readonly projectRead = new Map<string, string>();
  private readonly projectProbed = new Map<string, boolean>();
  /** Paths read or probed where no file was (root-relative, or absolute outside the root). */
  private readonly projectMissing = new Set<string>();
  private projectAllSources = false;
  private readonly projectNotes = new Map<string, Note>();
  private sourcesHash?: string;
  /** Something differs from the file on disk (when nothing does, an unchanged tree writes nothing). */
  private dirty = false;
  /** Files whose results came from the cache in this run. */
  reusedCount = 0;

  constructor(
    private readonly root: string,
    options: CacheOptions,
    config: ProjectConfig,
    rules: readonly RuleDefinition[],
  ) {
    this.prefix = root.endsWith(path.sep) ? root : root + path.sep;
    this.key = cacheKey(root, config, rules);
    this.file = path.resolve(cacheFilePath(options.location, root, crypto.createHash("sha1").update(root).digest("hex")));
    const loaded = loadCacheFile(this.file, version);
    this.writable = loaded.kind !== "foreign";
    if (loaded.kind === "stale" || loaded.kind === "foreign") this.notes.push(loaded.note);
    if (loaded.kind === "ok" && loaded.data.key === this.key) this.previous = loaded.data;
    const stamps = this.previous?.files ?? {};
    this.hasher = new FileHasher(options.strategy ?? "metadata", (file) => stamps[this.relative(file)] as FileStamp | undefined);
  }

  get location(): string {
    return this.file;
  }

  /** Paths inside the root are stored relative to it (string slicing: a re-run converts tens of thousands). */
  private relative(file: string): string {
    if (!file.startsWith(this.prefix)) return file;
    const rest = file.slice(this.prefix.length);
    return path.sep === "/" ? rest : rest.split(path.sep).join("/");
  }

  private absolute(relative: string): string {
    if (path.isAbsolute(relative)) return relative;
    return this.prefix + (path.sep === "/" ? relative : relative.split("/").join(path.sep));
  }

  /** Hash over the path and content of every source the engine's project-wide facts go over. */
  private sources(): string {
    if (this.sourcesHash === undefined) {
      const hash = crypto.createHash("sha1");
      for (const file of discoverFiles(this.root).files) if (isSourceFile(file)) hash.update(`${this.relative(file)}\u0000${this.hasher.hash(file)}\n`);
      this.sourcesHash = hash.digest("base64url");
    }
    return this.sourcesHash;
  }

  private projectUnchanged(data: CacheData): boolean {
    const { read, probed, missing } = data.project;
    for (const file in read) if (this.hasher.hash(this.absolute(file)) !== read[file]) return false;
    for (const file of probed) if (!this.hasher.listings.isFile(this.absolute(file))) return false;
    for (const dir in missing) {
      const folder = this.absolute(dir);
      for (const name of missing[dir]) {
        // Listed: a file appeared, or the name is a folder (probed as a file, still no file).
        if (this.hasher.listings.has(folder, name) && this.hasher.listings.isFile(path.join(folder, name))) return false;
      }
    }
    return data.project.sources === undefined || data.project.sources === this.sources();
  }

  private entryValid(file: string, entry: CachedEntry): boolean {
    if (this.hasher.hash(file) !== entry.hash) return false;
    for (const [dep, hash] of Object.entries(entry.deps)) if (this.hasher.hash(this.absolute(dep)) !== hash) return false;
    return entry.sources === undefined || entry.sources === this.sources();
  }

  /** Splits the audit's files into stored results still valid and files to analyse. */
  plan(files: readonly string[]): CachePlan {
    const reused: FileOutcome[] = [];
    const toAnalyse: string[] = [];
    const previous = this.previous && this.projectUnchanged(this.previous) ? this.previous : undefined;
    if (previous) {
      for (const [file, hash] of Object.entries(previous.project.read)) this.projectRead.set(file, hash);
      for (const file of previous.project.probed) this.projectProbed.set(file, true);
      for (const [dir, names] of Object.entries(previous.project.missing)) {
        for (const name of names) this.projectMissing.add(dir === "" ? name : `${dir}/${name}`);
      }
      this.projectAllSources = previous.project.sources !== undefined;
      this.addProjectNotes(previous.project.notes, false);
      // Results of files outside this run (other paths) stay for a later run, unless the file is gone.
      const inRun = new Set(files.map((file) => this.relative(file)));
      for (const [file, entry] of Object.entries(previous.entries)) {
        if (inRun.has(file) || this.hasher.listings.mayExist(this.absolute(file))) this.entries.set(file, entry);
        else this.dirty = true;
      }
    }
    for (const file of files) {
      const entry = previous?.entries[this.relative(file)];
      if (entry && this.entryValid(file, entry)) {
        reused.push({ file, findings: entry.findings, notes: entry.notes, parsed: entry.parsed, failed: false });
      } else {
        this.entries.delete(this.relative(file));
        this.dirty = true;
        // Hashed now, before the analysis reads it: a file edited meanwhile is checked next time.
        this.hasher.hash(file);
        toAnalyse.push(file);
      }
    }
    this.reusedCount = reused.length;
    return { reused, toAnalyse };
  }

  /** Stores a fresh outcome (with what it depended on) for the next run. */
  record(outcome: FileOutcome): void {
    const { deps } = outcome;
    if (!deps || outcome.failed || outcome.notes.some((note) => note.level !== "info") || outcome.findings.some(hasSecret)) return;
    const hash = this.hasher.hash(outcome.file);
    if (hash === null) return;
    const depHashes: Record<string, string | null> = {};
    for (const dep of deps.sources) depHashes[this.relative(dep)] = this.hasher.hash(dep);
    this.dirty = true;
    this.entries.set(this.relative(outcome.file), {
      hash,
      parsed: outcome.parsed,
      findings: outcome.findings,
      notes: outcome.notes,
      deps: depHashes,
      ...(deps.allSources ? { sources: this.sources() } : {}),
    });
  }

  addProjectReads(reads: ProjectReads): void {
    for (const file of reads.read) {
      const relative = this.relative(file);
      if (!this.projectRead.has(relative) && !this.projectMissing.has(relative)) {
        const hash = this.hasher.hash(file);
        if (hash === null) this.projectMissing.add(relative);
        else this.projectRead.set(relative, hash);
        this.dirty = true;
      }
    }
    for (const file of reads.probed) {
      const relative = this.relative(file);
      if (!this.projectProbed.has(relative) && !this.projectMissing.has(relative)) {
        if (this.hasher.listings.isFile(file)) this.projectProbed.set(relative, true);
        else this.projectMissing.add(relative);
        this.dirty = true;
      }
    }
    if (reads.allSources) this.projectAllSources = true;
  }

  /** Notes of the project model (a bad package.json): said once per run, so kept with the project reads. */
  addProjectNotes(notes: readonly Note[], isNew = true): void {
    for (const note of notes) {
      const key = `${note.level}\u0000${note.file ?? ""}\u0000${note.message}`;
      if (this.projectNotes.has(key)) continue;
      this.projectNotes.set(key, note);
      if (isNew) this.dirty = true;
    }
  }

  storedProjectNotes(): Note[] {
    return [...this.projectNotes.values()];
  }

  /** Writes the cache for the next run; a note when it could not. */
  save(): Note | undefined {
    if (!this.writable || (this.previous && !this.dirty && !this.hasher.hashedContent)) return undefined;
    const entries: Record<string, CachedEntry> = {};
    const files: Record<string, FileStamp> = {};
    const stamp = (relative: string): void => {
      const known = this.hasher.stamps.get(this.absolute(relative));
      if (known) files[relative] = known;
    };
    for (const [file, entry] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) entries[file] = entry;
    for (const file of this.hasher.stamps.keys()) stamp(this.relative(file));
    const previousFiles = this.previous?.files ?? {};
    // Stamps of results kept from an earlier run whose files this run did not look at.
    for (const file of Object.keys(entries)) if (!(file in files) && previousFiles[file]) files[file] = previousFiles[file];
    const data: CacheData = {
      format: 1,
      version,
      key: this.key,
      files,
      project: {
        read: Object.fromEntries(this.projectRead),
        probed: [...this.projectProbed.keys()],
        missing: byFolder(this.projectMissing),
        ...(this.projectAllSources ? { sources: this.sources() } : {}),
        notes: this.storedProjectNotes(),
      },
      entries,
    };
    return saveCacheFile(this.file, data);
  }
}
