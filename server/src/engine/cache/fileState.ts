import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** `metadata`: a file whose size and modification time are unchanged is taken as unchanged (ESLint's default); `content`: every file is read and hashed. */
export type CacheStrategy = "metadata" | "content";
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ["metadata", "content"];

/** Size, modification time and content hash of a file, as stored in the cache. */
export type FileStamp = [size: number, mtimeMs: number, hash: string];

/**
 * Whether a file exists, from one listing per folder: the engine asks about many more paths
 * (jest.config.* in every folder, package.json up every tree) than exist, and a listing answers
 * all of a folder's at once.
 */
export class FolderListings {
  private readonly listings = new Map<string, Set<string> | null>();

  /** `false` only when the file's folder lists no such name. */
  mayExist(file: string): boolean {
    const slash = file.lastIndexOf(path.sep);
    return this.has(file.slice(0, slash), file.slice(slash + 1));
  }

  /** Whether `dir` lists `name` (a file or a folder). */
  has(dir: string, name: string): boolean {
    let names = this.listings.get(dir);
    if (names === undefined) {
      try {
        names = new Set(fs.readdirSync(dir || path.sep));
      } catch {
        names = null;
      }
      this.listings.set(dir, names);
    }
    return names !== null && names.has(name);
  }

  isFile(file: string): boolean {
    return this.mayExist(file) && isFile(file);
  }
}

/**
 * The content hash of each file, at most once per run. With the metadata strategy a file whose
 * size and mtime match the stamp stored last time keeps that stamp's hash without being read.
 */
export class FileHasher {
  private readonly hashes = new Map<string, string | null>();
  /** Stamps of every file hashed in this run, to store for the next one. */
  readonly stamps = new Map<string, FileStamp>();
  /** A file was read to hash it: its stamp is new, worth storing. */
  hashedContent = false;

  constructor(
    private readonly strategy: CacheStrategy,
    private readonly previous: (file: string) => FileStamp | undefined,
    readonly listings = new FolderListings(),
  ) {}

  /** `null` for a file that does not exist or is not a file. */
  hash(file: string): string | null {
    const known = this.hashes.get(file);
    if (known !== undefined) return known;
    let hash: string | null = null;
    if (!this.listings.mayExist(file)) {
      this.hashes.set(file, null);
      return null;
    }
    try {
      // No exception for a missing file: most paths the engine asked about do not exist.
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat?.isFile()) {
        const stamp = this.previous(file);
        if (this.strategy === "metadata" && stamp && stamp[0] === stat.size && stamp[1] === stat.mtimeMs) hash = stamp[2];
        else {
          hash = crypto.createHash("sha1").update(fs.readFileSync(file)).digest("base64url");
          this.hashedContent = true;
        }
        this.stamps.set(file, [stat.size, stat.mtimeMs, hash]);
      }
    } catch {
      hash = null;
    }
    this.hashes.set(file, hash);
    return hash;
  }
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}
