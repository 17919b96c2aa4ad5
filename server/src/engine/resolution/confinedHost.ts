import fs from "node:fs";
import path from "node:path";
import type ts from "typescript";
import type { DocumentHost } from "../host";

/** `a/node_modules/b`: a path through an installed dependency folder. */
const NODE_MODULES = /(^|[\\/])node_modules([\\/]|$)/;

function isInside(dir: string, target: string): boolean {
  return target === dir || target.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/** `<root>/node_modules/<name>` for each workspace package, without a `node_modules` on disk. */
export interface WorkspaceLinks {
  /** The real path a path under a linked package stands for. */
  map(file: string): string | undefined;
  /** `<root>/node_modules`, `<root>/node_modules/@scope` and each linked package folder. */
  isFolder(dir: string): boolean;
}

export interface ConfinedHostOptions {
  root: string;
  documents: DocumentHost;
  /**
   * Whether installed packages (`node_modules` under the root) may be read. Module resolution
   * says no: an untrusted checkout rarely has them, and the answer must not depend on whether
   * someone ran `npm install` (a bare name that is no alias nor workspace package is a package
   * import either way). tsconfig `extends` of an installed config package says yes.
   */
  nodeModules: boolean;
  /** Workspace packages, seen where a package manager would link them. */
  links?: WorkspaceLinks;
  /** Every path the host is asked about, for tests that prove it never leaves the root. */
  onAccess?: (file: string) => void;
}

/**
 * What TypeScript's resolver and config parser may look at: files and folders under the project
 * root, read through the engine's document host (so unsaved editor buffers win), never anything
 * outside it, whatever a specifier, `paths`, `extends` or a symlink points to.
 */
export class ConfinedHost implements ts.ModuleResolutionHost, ts.ParseConfigHost {
  readonly useCaseSensitiveFileNames = true;
  private readonly realDirs = new Map<string, boolean>();
  private realRoot: string | undefined;

  constructor(private readonly options: ConfinedHostOptions) {}

  /** The real path a (possibly virtual) path stands for, or `undefined` when it may not be read. */
  private allowed(file: string): string | undefined {
    const absolute = path.resolve(file);
    const mapped = this.options.links?.map(absolute) ?? absolute;
    if (!isInside(this.options.root, mapped)) return undefined;
    if (!this.options.nodeModules && NODE_MODULES.test(path.relative(this.options.root, mapped))) return undefined;
    this.options.onAccess?.(mapped);
    return mapped;
  }

  /** A folder whose real path (symlinks followed) is still under the root; cached per folder. */
  private staysInside(dir: string): boolean {
    let known = this.realDirs.get(dir);
    if (known === undefined) {
      try {
        this.realRoot ??= fs.realpathSync.native(this.options.root);
        known = isInside(this.realRoot, fs.realpathSync.native(dir));
      } catch {
        // A folder that does not exist holds nothing to read (an unsaved buffer has a real folder).
        known = false;
      }
      this.realDirs.set(dir, known);
    }
    return known;
  }

  private isSymlinkOut(file: string): boolean {
    try {
      if (!fs.lstatSync(file).isSymbolicLink()) return false;
      this.realRoot ??= fs.realpathSync.native(this.options.root);
      return !isInside(this.realRoot, fs.realpathSync.native(file));
    } catch {
      return false;
    }
  }

  /** A file the documents may be asked about: allowed, in a folder whose real path stays inside. */
  private readable(file: string): string | undefined {
    const real = this.allowed(file);
    return real !== undefined && this.staysInside(path.dirname(real)) ? real : undefined;
  }

  fileExists = (file: string): boolean => {
    const real = this.readable(file);
    // Most probes miss; only a file that exists is checked for being a link out of the root.
    return real !== undefined && this.options.documents.fileExists(real) && !this.isSymlinkOut(real);
  };

  readFile = (file: string): string | undefined => {
    const real = this.readable(file);
    return real === undefined || this.isSymlinkOut(real) ? undefined : this.options.documents.readFile(real);
  };

  directoryExists = (dir: string): boolean => {
    if (this.options.links?.isFolder(path.resolve(dir))) return true;
    const real = this.allowed(dir);
    return real !== undefined && this.staysInside(real);
  };

  realpath = (file: string): string => this.options.links?.map(path.resolve(file)) ?? file;

  getDirectories = (dir: string): string[] => {
    const real = this.allowed(dir);
    if (real === undefined || !this.staysInside(real)) return [];
    try {
      return fs
        .readdirSync(real, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && (this.options.nodeModules || entry.name !== "node_modules"))
        .map((entry) => entry.name);
    } catch {
      return [];
    }
  };

  /** The config parser lists files for `include`; resolution needs only the options. */
  readDirectory = (): string[] => [];
}
