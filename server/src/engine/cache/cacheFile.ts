import fs from "node:fs";
import path from "node:path";
import type { Finding, Note } from "../types";
import type { FileStamp } from "./fileState";

/** The first line of every cache file: what lets a foreign file be told from a damaged one of ours. */
export const CACHE_MAGIC = "twelve-factor-lint cache";
/** Bumped when the layout below changes. */
export const CACHE_FORMAT = 1;
/** The default file name, at the current folder (like ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_NAME = ".twelve-factor-cache";

export interface CachedEntry {
  /** The file's content hash when it was analysed. */
  hash: string;
  parsed: boolean;
  findings: Finding[];
  notes: Note[];
  /** Other sources the findings depend on, with the hash they had (root-relative paths). */
  deps: Record<string, string | null>;
  /** For results that looked at every source: the hash over all sources they saw. */
  sources?: string;
}

export interface CacheData {
  format: number;
  /** The tool's version. */
  version: string;
  /** Hash of the version, build, root, configuration and rule set: another key, another cache. */
  key: string;
  /** Stamps of the files hashed last time (root-relative paths). */
  files: Record<string, FileStamp>;
  project: {
    /** Project files read that existed: their hash. */
    read: Record<string, string>;
    /** Paths probed where a file was. */
    probed: string[];
    /**
     * Paths read or probed where no file was, by folder: one listing of the folder checks them all
     * (module resolution and role detection look for far more files than exist).
     */
    missing: Record<string, string[]>;
    /** When a project-wide fact went over every source: the hash over all sources it saw. */
    sources?: string;
    notes: Note[];
  };
  entries: Record<string, CachedEntry>;
}

export type LoadedCache =
  | { kind: "missing" }
  | { kind: "ok"; data: CacheData }
  /** Ours but unusable (damaged, another version): rebuilt, with a note. */
  | { kind: "stale"; note: Note }
  /** Not a cache of this tool: left as it is and not used, with a note. */
  | { kind: "foreign"; note: Note };

/**
 * `--cache-location`: a folder (existing, or written with a trailing slash) holds one cache per
 * project root, as ESLint does; anything else is the cache file itself.
 */
export function cacheFilePath(location: string, root: string, rootKey: string): string {
  const endsWithSlash = /[\\/]$/.test(location);
  let isDir = endsWithSlash;
  try {
    isDir ||= fs.statSync(location).isDirectory();
  } catch {
    // A location that does not exist yet is a file unless it ends with a slash.
  }
  return isDir ? path.join(location, `${DEFAULT_CACHE_NAME}-${path.basename(root)}-${rootKey.slice(0, 10)}`) : location;
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

export function loadCacheFile(file: string, version: string): LoadedCache {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };
    return { kind: "foreign", note: { level: "warning", message: `Cache ${shown(file)} could not be read (${code ?? (error as Error).message}); the results were not cached.` } };
  }
  if (bytes.length === 0) return { kind: "missing" };
  const newline = bytes.indexOf(10);
  const header = bytes.subarray(0, newline < 0 ? bytes.length : newline).toString("utf8");
  if (!header.startsWith(CACHE_MAGIC)) {
    return { kind: "foreign", note: { level: "warning", message: `${shown(file)} is not a Twelve-Factor Lint cache; it was left as it is and no cache was used (choose another --cache-location).` } };
  }
  let data: CacheData;
  try {
    data = JSON.parse(bytes.subarray(newline + 1).toString("utf8")) as CacheData;
  } catch (error) {
    return { kind: "stale", note: { level: "info", message: `Cache ${shown(file)} is damaged (${(error as Error).message}); every file was checked and the cache rebuilt.` } };
  }
  if (header !== `${CACHE_MAGIC} ${CACHE_FORMAT}` || !data || typeof data !== "object" || data.format !== CACHE_FORMAT || data.version !== version) {
    const from = typeof data?.version === "string" ? `version ${data.version.slice(0, 20)}` : "another version";
    return { kind: "stale", note: { level: "info", message: `Cache ${shown(file)} was written by ${from} of Twelve-Factor Lint; every file was checked and the cache rebuilt.` } };
  }
  if (!isWellFormed(data)) {
    return { kind: "stale", note: { level: "info", message: `Cache ${shown(file)} is damaged (unexpected content); every file was checked and the cache rebuilt.` } };
  }
  return { kind: "ok", data };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The shape checks that keep a hand-edited or half-written cache from crashing the run. */
function isWellFormed(data: CacheData): boolean {
  if (typeof data.key !== "string" || !isRecord(data.files) || !isRecord(data.project) || !isRecord(data.entries)) return false;
  const project = data.project as unknown as Record<string, unknown>;
  if (!isRecord(project.read) || !Array.isArray(project.probed) || !isRecord(project.missing) || !Array.isArray(project.notes)) return false;
  return Object.values(data.entries).every((entry) => isRecord(entry) && Array.isArray(entry.findings) && Array.isArray(entry.notes) && isRecord(entry.deps));
}

/** Written to a temporary file, then renamed over the old one: a reader never sees half a cache. */
export function saveCacheFile(file: string, data: CacheData): Note | undefined {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, `${CACHE_MAGIC} ${CACHE_FORMAT}\n${JSON.stringify(data)}`);
    fs.renameSync(temporary, file);
    return undefined;
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing more to clean up.
    }
    return { level: "warning", message: `Cache ${shown(file)} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` };
  }
}
