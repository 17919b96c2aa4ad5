import path from "node:path";
import { parse as parseJsonc } from "jsonc-parser";
import ts from "typescript";
import type { ProjectModel } from "../project";
import { isProjectFactFile } from "../projectFiles";
import type { Note } from "../types";
import { ConfinedHost, type WorkspaceLinks } from "./confinedHost";
import { packageNameOf } from "./packageName";
import { aliasEntries, TsConfigs, type GoverningConfig } from "./tsconfigs";
import { workspacePackages } from "./workspacePackages";

/** What a module specifier names, as TypeScript resolves it inside the project. */
export type Resolution =
  /** A file of the project: source, declaration (`types/index.d.ts`) or a workspace package's entry. */
  | { kind: "file"; file: string; workspacePackage?: string }
  /** A workspace package whose entry file could not be found (a package.json alone). */
  | { kind: "workspace"; name: string; dir: string }
  /** An import of an installed package or a builtin (`express`, `lodash/fp`, `node:fs`). */
  | { kind: "package"; name: string }
  /** A path, or a tsconfig `paths` target, that leaves the project folder (never read). */
  | { kind: "outside" }
  /** A path or alias with no file behind it; never a package. */
  | { kind: "unresolved" };

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".jsx", ".mjs", ".cjs"];
/** Build output folders a workspace package's `main`/`exports` point into, before the build ran. */
const BUILD_DIR = /^(\.\/)?(dist|build|lib|out)\//;

function isInside(dir: string, target: string): boolean {
  return target === dir || target.startsWith(dir + path.sep);
}

function isPathSpecifier(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../") || path.isAbsolute(specifier);
}

/** Whether a tsconfig `paths` pattern (`@app/*`, `config`) covers the specifier, and what `*` captured. */
function matchAlias(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === specifier ? "" : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  const fits = specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
  return fits ? specifier.slice(prefix.length, specifier.length - suffix.length) : undefined;
}

/** The files a manifest's `source`/`types`/`module`/`main` and root `exports` name, most specific first. */
function entryTargets(json: Record<string, unknown> | undefined): string[] {
  if (!json || typeof json !== "object") return [];
  const found: string[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (typeof value === "string") found.push(value);
    else if (value && typeof value === "object" && depth < 4) {
      const entries = Object.entries(value as Record<string, unknown>);
      // `exports: { ".": … }` or conditions; sub-path keys other than "." are not the root entry.
      for (const [key, item] of entries) if (key === "." || !key.startsWith(".")) collect(item, depth + 1);
    }
  };
  for (const field of ["source", "types", "typings", "module", "main"]) collect(json[field], 0);
  collect(json.exports, 0);
  return found;
}

/**
 * `text` as a string of its own: concatenating forces a flat copy of the characters, and the
 * slice of that copy no longer refers to the (possibly huge) string `text` was cut from.
 */
function detachedCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * Answers kept, the least recently used dropped first. Files are analysed folder by folder, so the
 * answers asked again are those of the last few folders; unbounded, the cache held 80,000 answers
 * (~5 MB per thread) after the 16,800-file benchmark corpus and grew with the project.
 */
export const MAX_CACHED_ANSWERS = 5000;

export interface ModuleResolutionOptions {
  /** Every path handed to the disk or the editor buffers (tests prove none is outside the root). */
  onAccess?: (file: string) => void;
}

/**
 * The one module resolver of the engine: TypeScript's own `resolveModuleName`, with the tsconfig
 * that governs the importing file (`extends`, `baseUrl`, `paths`, `moduleResolution`, package.json
 * `exports`/`main`/`types`), over a host confined to the project root that reads through the
 * engine's documents. Installed packages are never looked into: a bare name that is neither an
 * alias nor a workspace package is a package import, whether or not `node_modules` exists.
 * Workspace packages are seen where a package manager would link them, so `@acme/config` reaches
 * its source. Answers are cached per (governing config, folder, specifier), the last
 * MAX_CACHED_ANSWERS of them, until a tsconfig, jsconfig or package.json changes, or files are
 * added or removed.
 */
export class ModuleResolution {
  private readonly cache = new Map<string, Resolution>();
  private readonly noted = new Set<string>();
  private state?: { configs: TsConfigs; host: ConfinedHost; workspaces: ReadonlyMap<string, string> };

  constructor(
    private readonly project: ProjectModel,
    private readonly options: ModuleResolutionOptions = {},
  ) {}

  /** How many answers are kept (for tests of the bound). */
  get cachedAnswers(): number {
    return this.cache.size;
  }

  /** Drops every answer when `file` is one they may depend on. */
  invalidate(file: string): void {
    if (isProjectFactFile(file) || path.basename(file) === "pnpm-workspace.yaml") this.clear();
  }

  clear(): void {
    this.cache.clear();
    this.state = undefined;
  }

  /** The compiler options that govern `file` (its nearest tsconfig/jsconfig, `extends` applied). */
  configFor(file: string): GoverningConfig {
    return this.setup().configs.forFile(file);
  }

  resolve(sliced: string, fromFile: string): Resolution {
    // Specifiers are usually sliced out of a file's text, and a sliced string keeps its whole
    // parent alive: kept in the caches here and in TypeScript's, they held ~25 MB of source texts
    // after a 16,000-file audit. A copy holds only itself.
    const specifier = detachedCopy(sliced);
    const config = this.configFor(fromFile);
    const key = `${config.file ?? ""}\0${path.dirname(fromFile)}\0${specifier}`;
    let answer = this.cache.get(key);
    if (answer) {
      // Most recently used last, so the oldest answer is the first to go.
      this.cache.delete(key);
    } else {
      answer = this.compute(specifier, fromFile, config);
      if (this.cache.size >= MAX_CACHED_ANSWERS) this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, answer);
    return answer;
  }

  private setup(): NonNullable<ModuleResolution["state"]> {
    if (this.state) return this.state;
    const root = this.project.root;
    const note = (key: string, item: Note): void => {
      if (this.noted.has(key)) return;
      this.noted.add(key);
      this.project.notes.push(item);
    };
    const relative = (file: string): string => this.project.relative(file);
    const workspaces = workspacePackages(this.project);
    const links = this.links(workspaces);
    // The config parser may read an installed config package (`extends: "@tsconfig/node20"`) and
    // a workspace one (`extends: "@acme/tsconfig/base.json"`).
    const configHost = new ConfinedHost({ root, documents: this.project.host, nodeModules: true, links, onAccess: this.options.onAccess });
    const configs = new TsConfigs({ root, host: configHost, note, relative });
    const host = new ConfinedHost({ root, documents: this.project.host, nodeModules: false, links, onAccess: this.options.onAccess });
    this.state = { configs, host, workspaces };
    return this.state;
  }

  /** Workspace packages as `<root>/node_modules/<name>` links, as npm, yarn and pnpm make them. */
  private links(workspaces: ReadonlyMap<string, string>): WorkspaceLinks {
    const linkDir = path.join(this.project.root, "node_modules");
    const scopes = new Set([...workspaces.keys()].filter((name) => name.startsWith("@")).map((name) => name.split("/")[0]));
    const split = (file: string): { name: string; rest: string } | undefined => {
      if (!file.startsWith(linkDir + path.sep)) return undefined;
      const parts = file.slice(linkDir.length + 1).split(path.sep);
      const length = parts[0].startsWith("@") ? 2 : 1;
      if (parts.length < length) return undefined;
      return { name: parts.slice(0, length).join("/"), rest: parts.slice(length).join(path.sep) };
    };
    return {
      map(file) {
        const link = split(file);
        const dir = link && workspaces.get(link.name);
        return dir === undefined ? undefined : path.join(dir, link!.rest);
      },
      isFolder(dir) {
        if (workspaces.size === 0) return false;
        if (dir === linkDir) return true;
        const link = split(dir);
        return link ? workspaces.has(link.name) : scopes.has(path.relative(linkDir, dir));
      },
    };
  }

  private compute(specifier: string, fromFile: string, config: GoverningConfig): Resolution {
    const { host, workspaces } = this.setup();
    const root = this.project.root;
    if (specifier.startsWith("node:")) return { kind: "package", name: specifier.slice(5) };
    const name = packageNameOf(specifier);
    const workspaceDir = name === undefined ? undefined : workspaces.get(name);
    let resolved: ts.ResolvedModuleFull | undefined;
    try {
      // No TypeScript resolution cache: the answers are cached above, per folder and specifier,
      // and TypeScript's kept every lookup's failed locations (37 MB of live heap after a
      // 16,000-file audit); resolving without it measured no slower.
      resolved = ts.resolveModuleName(specifier, fromFile, config.options, host).resolvedModule;
    } catch {
      // A pathological config or package.json must not stop the audit; the specifier is judged by its shape.
    }
    if (resolved) {
      const file = path.resolve(resolved.resolvedFileName);
      if (isInside(root, file) && !/[\\/]node_modules[\\/]/.test(path.relative(root, file))) {
        return workspaceDir && isInside(workspaceDir, file) && name ? { kind: "file", file, workspacePackage: name } : { kind: "file", file };
      }
    }
    if (isPathSpecifier(specifier)) return isInside(root, path.resolve(path.dirname(fromFile), specifier)) ? { kind: "unresolved" } : { kind: "outside" };
    const alias = this.aliasTargets(specifier, config);
    if (alias) return alias.every((target) => !isInside(root, target)) ? { kind: "outside" } : { kind: "unresolved" };
    if (name !== undefined && workspaceDir !== undefined) {
      const source = this.workspaceSource(workspaceDir, specifier.slice(name.length).replace(/^\//, ""), host);
      return source ? { kind: "file", file: source, workspacePackage: name } : { kind: "workspace", name, dir: workspaceDir };
    }
    return name === undefined ? { kind: "unresolved" } : { kind: "package", name };
  }

  /** Where a `paths` alias that covers the specifier points (absolute), or `undefined` when none does. */
  private aliasTargets(specifier: string, config: GoverningConfig): string[] | undefined {
    const options = config.options;
    const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? (config.file ? path.dirname(config.file) : this.project.root);
    for (const [pattern, targets] of aliasEntries(options)) {
      const captured = matchAlias(pattern, specifier);
      if (captured !== undefined) return targets.map((target) => path.resolve(base, target.replace("*", captured)));
    }
    return undefined;
  }

  /**
   * A workspace package's source when its `main`/`exports` point at build output that does not
   * exist yet (`dist/index.js` → `src/index.ts`), or at nothing: `src/<subpath|index>`, then
   * `<subpath|index>` in the package folder.
   */
  private workspaceSource(dir: string, subpath: string, host: ConfinedHost): string | undefined {
    const manifest = this.project.nearestPackage(path.join(dir, "package.json"));
    const entries: string[] = [];
    if (!subpath && manifest?.dir === dir) {
      const json = parseJsonc(host.readFile(path.join(dir, "package.json")) ?? "{}") as Record<string, unknown> | undefined;
      for (const target of entryTargets(json)) if (BUILD_DIR.test(target)) entries.push(target.replace(BUILD_DIR, "src/"));
    }
    entries.push(path.posix.join("src", subpath || "index"), subpath || "index");
    for (const entry of entries) {
      const base = path.join(dir, entry.replace(/\.(c|m)?jsx?$/, ""));
      if (!isInside(dir, base)) continue;
      const found = SOURCE_EXTENSIONS.map((extension) => base + extension).find((candidate) => host.fileExists(candidate));
      if (found) return found;
    }
    return undefined;
  }
}
