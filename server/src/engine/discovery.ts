import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { MAX_FILE_BYTES } from "./analyzer";
import { projectFileKind } from "./projectFiles";
import { isSourceFile } from "./sourceKinds";
import type { Note } from "./types";

export interface DiscoveryOptions {
  /**
   * Files or folders (absolute, or relative to the root) to analyse instead of the whole root.
   * A named file is taken even when a default exclude would skip it (naming it is a deliberate
   * request), but not when `.gitignore` or the `ignore` globs exclude it: that is the project's
   * own decision, so it is skipped with a warning note, as ESLint does.
   */
  paths?: string[];
  /** Gitignore-style globs relative to the root (the project config's `ignore`). */
  ignore?: string[];
  /** Skip `node_modules`, build output, minified bundles ... (default `true`). */
  defaultExcludes?: boolean;
  /**
   * Only files with these names (`package.json`): the walk is the same, but no other file is
   * opened for the size check and binary sniff, which are most of a walk's cost.
   */
  onlyNames?: ReadonlySet<string>;
}

export interface DiscoveryResult {
  /** Absolute paths, sorted: TS/JS sources and the project files rules read. */
  files: string[];
  notes: Note[];
  /** Files that matched but were not taken: too large, binary or unreadable. */
  skipped: number;
  /** Total size on disk of `files`. */
  bytes: number;
}

/** Folders that hold dependencies, build output or tool state, never the service's own code. */
export const EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  "node_modules", "dist", "build", "out", "coverage", ".git", ".next", ".nuxt", ".turbo", ".vscode-test",
]);
/** Generated bundles and source maps: huge single lines nobody edits by hand. */
const EXCLUDED_FILE = /(\.min\.[cm]?js|-min\.js|\.bundle\.[cm]?js|\.map)$/i;

const SNIFF_BYTES = 8192;

interface GitignoreLayer {
  /** Project-relative folder the `.gitignore` sits in ("" for the root). */
  base: string;
  matcher: Ignore;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "no such file or directory";
  return code ?? (error as Error).message;
}

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB (${bytes} bytes)`;
}

/**
 * One walk over the project. Directory entries come typed from `readdir`, so the only per-file
 * system calls are for candidates: open, fstat (size cap) and one 8 KB read (binary sniff).
 */
class Walker {
  readonly files = new Set<string>();
  readonly notes: Note[] = [];
  skipped = 0;
  bytes = 0;
  private readonly sniff = Buffer.allocUnsafe(SNIFF_BYTES);
  private readonly configIgnore: Ignore | undefined;
  private readonly gitignoreByDir = new Map<string, GitignoreLayer | null>();
  private readonly chains = new Map<string, { chain: GitignoreLayer[]; ignoredBy?: string }>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly defaultExcludes: boolean,
    ignoreGlobs: readonly string[],
    private readonly onlyNames?: ReadonlySet<string>,
  ) {
    this.configIgnore = ignoreGlobs.length > 0 ? ignore().add(ignoreGlobs) : undefined;
  }

  /** Git semantics: the deepest `.gitignore` with a matching rule decides. */
  private gitignored(relativePath: string, chain: readonly GitignoreLayer[]): boolean {
    let ignored = false;
    for (const layer of chain) {
      const local = layer.base === "" ? relativePath : relativePath.slice(layer.base.length + 1);
      const result = layer.matcher.test(local);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** `relativePath` ends with "/" for folders, as gitignore patterns like `build/` require. */
  private ignoredBy(relativePath: string, chain: readonly GitignoreLayer[]): ".gitignore" | "the ignore setting" | undefined {
    if (chain.length > 0 && this.gitignored(relativePath, chain)) return ".gitignore";
    if (this.configIgnore?.ignores(relativePath)) return "the ignore setting";
    return undefined;
  }

  private loadGitignore(dir: string, relativeDir: string): GitignoreLayer | null {
    let layer = this.gitignoreByDir.get(dir);
    if (layer !== undefined) return layer;
    layer = null;
    try {
      layer = { base: relativeDir, matcher: ignore().add(fs.readFileSync(path.join(dir, ".gitignore"), "utf8")) };
    } catch (error) {
      const reason = describeError(error);
      if (reason !== "no such file or directory") this.note("warning", path.join(dir, ".gitignore"), `could not be read (${reason}); its patterns are not applied.`);
    }
    this.gitignoreByDir.set(dir, layer);
    return layer;
  }

  private note(level: Note["level"], file: string, message: string): void {
    const relative = path.relative(this.root, file).split(path.sep).join("/") || ".";
    this.notes.push({ level, file, message: `${relative}: ${message}` });
  }

  walkDir(dir: string, relativeDir: string, inherited: readonly GitignoreLayer[]): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.note("warning", dir, `folder could not be read (${describeError(error)}); skipped.`);
      return;
    }
    let chain = inherited;
    const alreadyLoaded = inherited.length > 0 && inherited[inherited.length - 1].base === relativeDir;
    if (!alreadyLoaded && entries.some((entry) => entry.name === ".gitignore" && !entry.isDirectory())) {
      const layer = this.loadGitignore(dir, relativeDir);
      if (layer) chain = [...inherited, layer];
    }
    for (const entry of entries) {
      const name = entry.name;
      const relative = relativeDir === "" ? name : `${relativeDir}/${name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Linked folders are never followed (they make cycles: pnpm stores, `ln -s .. loop`);
        // linked files are read through the link.
        isDirectory = false;
        isFile = this.isWanted(name, relative) && this.linksToFile(path.join(dir, name));
      }
      if (isDirectory) {
        if (this.defaultExcludes && EXCLUDED_DIRS.has(name)) continue;
        if (this.ignoredBy(`${relative}/`, chain)) continue;
        this.walkDir(path.join(dir, name), relative, chain);
      } else if (isFile && this.isWanted(name, relative)) {
        if (this.defaultExcludes && EXCLUDED_FILE.test(name)) continue;
        if (this.ignoredBy(relative, chain)) continue;
        this.take(path.join(dir, name));
      }
    }
  }

  /** Sources, and the project files the engine has a parser and rules for. */
  private isWanted(name: string, relative: string): boolean {
    if (this.onlyNames && !this.onlyNames.has(name)) return false;
    return isSourceFile(name) || projectFileKind(name, relative) !== undefined;
  }

  private linksToFile(file: string): boolean {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false; // a dangling link
    }
  }

  /** Size cap and binary sniff, without ever reading a large file whole. */
  take(file: string, knownSize?: number): void {
    if (this.seen.has(file)) return;
    this.seen.add(file);
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, "r");
      const size = knownSize ?? fs.fstatSync(fd).size;
      if (size > MAX_FILE_BYTES) {
        this.skipped++;
        this.note("info", file, `${formatSize(size)} is over the 1 MiB limit; skipped.`);
        return;
      }
      const read = fs.readSync(fd, this.sniff, 0, SNIFF_BYTES, 0);
      if (this.sniff.subarray(0, read).includes(0)) {
        this.skipped++;
        this.note("info", file, "binary (a NUL byte in its first 8 KB); skipped.");
        return;
      }
      this.files.add(file);
      this.bytes += size;
    } catch (error) {
      this.skipped++;
      this.note("warning", file, `could not be read (${describeError(error)}); skipped.`);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** The `.gitignore` layers that apply inside `relativeDir`, or the reason an ancestor is ignored. */
  private chainFor(relativeDir: string): { chain: GitignoreLayer[]; ignoredBy?: string } {
    let known = this.chains.get(relativeDir);
    if (!known) {
      known = this.computeChain(relativeDir);
      this.chains.set(relativeDir, known);
    }
    return known;
  }

  private computeChain(relativeDir: string): { chain: GitignoreLayer[]; ignoredBy?: string } {
    if (relativeDir === "") {
      const root = this.loadGitignore(this.root, "");
      return { chain: root ? [root] : [] };
    }
    const slash = relativeDir.lastIndexOf("/");
    const parent = this.chainFor(slash < 0 ? "" : relativeDir.slice(0, slash));
    if (parent.ignoredBy) return parent;
    const ignoredBy = this.ignoredBy(`${relativeDir}/`, parent.chain);
    if (ignoredBy) return { chain: parent.chain, ignoredBy };
    const layer = this.loadGitignore(path.join(this.root, relativeDir), relativeDir);
    return { chain: layer ? [...parent.chain, layer] : parent.chain };
  }

  /** A file or folder the caller named. */
  takeExplicit(target: string): void {
    const relative = path.relative(this.root, target).split(path.sep).join("/");
    if (relative.startsWith("../") || relative === ".." || path.isAbsolute(relative)) {
      this.notes.push({ level: "warning", file: target, message: `${target}: outside the project root ${this.root}; skipped.` });
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (error) {
      this.note("warning", target, `${describeError(error)}; skipped.`);
      return;
    }
    if (stat.isDirectory()) {
      const { chain, ignoredBy } = this.chainFor(relative);
      if (ignoredBy) this.note("warning", target, `folder is ignored by ${ignoredBy}; skipped.`);
      else this.walkDir(target, relative, chain);
      return;
    }
    const name = path.basename(target);
    if (!stat.isFile() || !this.isWanted(name, relative)) {
      this.note("info", target, "not a TS/JS source or a project file; skipped.");
      return;
    }
    const parent = relative.includes("/") ? relative.slice(0, relative.lastIndexOf("/")) : "";
    const { chain, ignoredBy } = this.chainFor(parent);
    const reason = ignoredBy ?? this.ignoredBy(relative, chain);
    if (reason) {
      this.note("warning", target, `ignored by ${reason}; skipped.`);
      return;
    }
    this.take(target, stat.size);
  }
}

/**
 * The files an audit analyses: sources and project files under `root` (or under `paths`),
 * honouring `.gitignore` files at every level, the config's ignore globs and the default excludes.
 */
export function discoverFiles(root: string, options: DiscoveryOptions = {}): DiscoveryResult {
  const absoluteRoot = path.resolve(root);
  const walker = new Walker(absoluteRoot, options.defaultExcludes ?? true, options.ignore ?? [], options.onlyNames);
  if (options.paths && options.paths.length > 0) {
    for (const target of options.paths) walker.takeExplicit(path.resolve(absoluteRoot, target));
  } else {
    walker.walkDir(absoluteRoot, "", []);
  }
  return { files: [...walker.files].sort(), notes: walker.notes, skipped: walker.skipped, bytes: walker.bytes };
}
