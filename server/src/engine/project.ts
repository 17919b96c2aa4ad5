import path from "node:path";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import type { DocumentHost } from "./host";
import { isGitIgnored } from "./gitignore";
import { isProjectFactFile } from "./projectFiles";
import type { ProjectFactObserver } from "./cache/tracker";
import { SourceFileFacts } from "./projectFacts";
import { ModuleResolution } from "./resolution/moduleResolver";
import type { FileRole } from "./fileRoles";
import { ProjectRoles } from "./roles/projectRoles";
import type { Note } from "./types";

export interface PackageInfo {
  /** Absolute path of the folder holding the `package.json`. */
  dir: string;
  name?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  scripts: Record<string, string>;
  workspaces: string[];
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === "string") result[key] = item;
  return result;
}

function workspacesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : (value as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}

/**
 * Project-level facts, computed once on first use and dropped when one of their files changes
 * (`invalidate`), so that a keystroke in a source file never re-reads them.
 */
export class ProjectModel {
  private readonly packages = new Map<string, PackageInfo | null>();
  private readonly lazy = new Map<string, unknown>();
  /** Memo keys that depend on `.env*` files and nothing else: the only ones an env file change drops. */
  private readonly envFactKeys = new Set<string>();
  private readonly noted = new Set<string>();
  readonly notes: Note[] = [];
  /** Per-file facts over every source of the project (is there a SIGTERM handler anywhere?). */
  readonly sources: SourceFileFacts;

  constructor(
    readonly root: string,
    readonly host: DocumentHost,
  ) {
    this.sources = new SourceFileFacts(root, host, (relativePath) => isGitIgnored(this, relativePath));
  }

  relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join("/");
  }

  /** Drops every fact derived from `file`; cheap when `file` is an ordinary source. */
  invalidate(file: string): void {
    const base = path.basename(file);
    if (base === "package.json") this.packages.clear();
    if (isProjectFactFile(file)) {
      // A fix-all appends to `.env.example` on every pass: that must not rebuild the package
      // graph and the file roles, which a whole-tree walk feeds.
      if (/^\.env/.test(base)) for (const key of this.envFactKeys) this.lazy.delete(key);
      else this.lazy.clear();
    }
    this.resolution?.invalidate(file);
    if (base === ".gitignore") this.sources.rediscover();
    this.sources.invalidate(file);
  }

  /** Adds a note once per `key`, however often the fact behind it is recomputed. */
  note(key: string, note: Note): void {
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.notes.push(note);
  }

  /** Told when a project fact is computed (the audit cache pins its reads on no single file). */
  factObserver?: ProjectFactObserver;

  /**
   * A project fact, computed on first use and dropped when a project fact file changes. Facts
   * that read `.env*` files must say so (`envFacts`); every other fact survives an env file change.
   */
  memo<T>(key: string, compute: () => T, options: { envFacts?: boolean } = {}): T {
    if (options.envFacts) this.envFactKeys.add(key);
    if (!this.lazy.has(key)) {
      const observer = this.factObserver;
      observer?.enterProjectFact();
      try {
        this.lazy.set(key, compute());
      } finally {
        observer?.leaveProjectFact();
      }
    }
    return this.lazy.get(key) as T;
  }

  private readJson(file: string): unknown {
    const text = this.host.readFile(file);
    if (text === undefined) return undefined;
    const errors: ParseError[] = [];
    const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
    if (errors.length > 0 && path.basename(file) === "package.json") {
      this.note(`json:${file}`, { level: "warning", file, message: `${this.relative(file)} is not valid JSON; its dependencies are ignored.` });
      return undefined;
    }
    return value;
  }

  /** The nearest `package.json` at or above `file`'s folder, not above the project root. */
  nearestPackage(file: string): PackageInfo | undefined {
    let dir = path.dirname(file);
    for (;;) {
      const found = this.packageAt(dir);
      if (found) return found;
      const parent = path.dirname(dir);
      if (parent === dir || !(dir + path.sep).startsWith(this.root + path.sep) || dir === this.root) return undefined;
      dir = parent;
    }
  }

  private packageAt(dir: string): PackageInfo | undefined {
    if (!this.packages.has(dir)) {
      const json = this.readJson(path.join(dir, "package.json"));
      this.packages.set(dir, json && typeof json === "object" && !Array.isArray(json) ? this.toPackage(dir, json as Record<string, unknown>) : null);
    }
    return this.packages.get(dir) ?? undefined;
  }

  private toPackage(dir: string, json: Record<string, unknown>): PackageInfo {
    return {
      dir,
      name: typeof json.name === "string" ? json.name : undefined,
      dependencies: stringRecord(json.dependencies),
      devDependencies: stringRecord(json.devDependencies),
      peerDependencies: stringRecord(json.peerDependencies),
      optionalDependencies: stringRecord(json.optionalDependencies),
      scripts: stringRecord(json.scripts),
      workspaces: workspacesOf(json.workspaces),
    };
  }

  get rootPackage(): PackageInfo | undefined {
    return this.packageAt(this.root);
  }

  private resolution?: ModuleResolution;
  /** TypeScript's module resolution with the project's tsconfigs, confined to the root. */
  get modules(): ModuleResolution {
    return (this.resolution ??= new ModuleResolution(this));
  }

  /** What `file` is for (test, fixture, script, config, build, client, app); cached until a project fact file changes. */
  roleOf(file: string): FileRole {
    return this.memo("roles", () => new ProjectRoles(this)).of(file);
  }
}
