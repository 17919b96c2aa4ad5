import path from "node:path";
import picomatch from "picomatch";
import ts from "typescript";
import type { Note } from "../types";

/** The compiler options that govern one file's imports, from its nearest tsconfig/jsconfig. */
export interface GoverningConfig {
  /** The config file, or `undefined` when none governs (TypeScript's defaults apply). */
  file?: string;
  options: ts.CompilerOptions;
}

interface ParsedConfig extends GoverningConfig {
  /** Solution-style configs (`"files": []` + `references`) hand their files to the referenced ones. */
  references: string[];
  /** Project-relative `include` patterns of a referenced config, to pick the one owning a file. */
  includes?: (relativePath: string) => boolean;
}

const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];
/** "No inputs were found": the config parser is given no file listing, on purpose. */
const NO_INPUTS = 18003;
const CIRCULARITY = 18000;
const CANNOT_READ_FILE = 5083;
const FILE_NOT_FOUND = 6053;

export interface ConfigSource {
  root: string;
  host: ts.ParseConfigHost;
  note(key: string, note: Note): void;
  relative(file: string): string;
}

/** `compilerOptions.paths` as pattern → targets, whatever shape the file gave it. */
export function aliasEntries(options: ts.CompilerOptions): Array<[string, string[]]> {
  const paths: unknown = options.paths;
  if (!paths || typeof paths !== "object" || Array.isArray(paths)) return [];
  return Object.entries(paths as Record<string, unknown>).map(([pattern, targets]): [string, string[]] => [pattern, Array.isArray(targets) ? targets.filter((t): t is string => typeof t === "string") : []]);
}

function wellFormedPaths(paths: unknown): boolean {
  return typeof paths === "object" && paths !== null && !Array.isArray(paths) && Object.values(paths).every((targets) => Array.isArray(targets) && targets.every((t) => typeof t === "string"));
}

function isInside(dir: string, target: string): boolean {
  return target === dir || target.startsWith(dir + path.sep);
}

/**
 * Finds and reads the tsconfig (or jsconfig) that governs a file: the nearest one at or above its
 * folder, not above the project root, with its `extends` chain, parsed by TypeScript itself. Bad
 * configs give one note each and fall back to the options that could be read.
 */
export class TsConfigs {
  private readonly byDir = new Map<string, string | null>();
  private readonly parsed = new Map<string, ParsedConfig>();
  private defaults?: ParsedConfig;

  constructor(private readonly source: ConfigSource) {}

  forFile(file: string): GoverningConfig {
    const configFile = this.nearest(path.dirname(file));
    if (!configFile) return (this.defaults ??= this.create(undefined, {}));
    const config = this.parse(configFile);
    if (config.references.length === 0) return config;
    const relative = this.source.relative(file);
    for (const reference of config.references) {
      const owner = this.parse(reference);
      if (owner.includes?.(relative)) return owner;
    }
    return config;
  }

  private nearest(dir: string): string | undefined {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | undefined;
    if (isInside(this.source.root, dir)) {
      found = CONFIG_NAMES.map((name) => path.join(dir, name)).find((candidate) => this.source.host.fileExists(candidate));
      if (!found && dir !== this.source.root) found = this.nearest(path.dirname(dir));
    }
    this.byDir.set(dir, found ?? null);
    return found;
  }

  private create(file: string | undefined, options: ts.CompilerOptions, references: string[] = [], includes?: (relativePath: string) => boolean): ParsedConfig {
    // JavaScript files are project files too (a jsconfig implies allowJs); nothing is emitted.
    const effective: ts.CompilerOptions = { ...options, allowJs: true, noEmit: true };
    return { file, options: effective, references, includes };
  }

  private parse(file: string): ParsedConfig {
    const cached = this.parsed.get(file);
    if (cached) return cached;
    const host = this.source.host;
    const json = ts.readJsonConfigFile(file, (name) => host.readFile(name));
    const result = ts.parseJsonSourceFileConfigFileContent(json, host, path.dirname(file), undefined, file);
    const syntax = (json as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
    if (syntax.length > 0) this.warn(file, `${this.source.relative(file)} is not valid JSON; imports in the files it governs are resolved with the options that could be read.`);
    for (const error of result.errors) this.noteError(file, error);
    this.checkPaths(file, result.options);
    if (result.options.paths && !wellFormedPaths(result.options.paths)) {
      this.warn(file, `${this.source.relative(file)}: "paths" must map each pattern to a list of paths; module resolution ignores the entries that do not.`);
      result.options.paths = Object.fromEntries(aliasEntries(result.options).filter(([, targets]) => targets.length > 0));
    }
    const raw = (result.raw ?? {}) as { files?: unknown; include?: unknown };
    const references = Array.isArray(raw.files) && raw.files.length === 0 ? (result.projectReferences ?? []).map((ref) => this.referencedConfig(ref.path)).filter((ref): ref is string => ref !== undefined) : [];
    const config = this.create(file, result.options, references, this.includeMatcher(file, raw.include));
    this.parsed.set(file, config);
    return config;
  }

  private referencedConfig(reference: string): string | undefined {
    const candidate = reference.endsWith(".json") ? reference : path.join(reference, "tsconfig.json");
    return isInside(this.source.root, candidate) && this.source.host.fileExists(candidate) ? candidate : undefined;
  }

  private includeMatcher(file: string, include: unknown): ((relativePath: string) => boolean) | undefined {
    const patterns = Array.isArray(include) ? include.filter((item): item is string => typeof item === "string") : ["**/*"];
    const dir = this.source.relative(path.dirname(file));
    const globs = patterns.map((pattern) => {
      const joined = path.posix.normalize(dir ? `${dir}/${pattern}` : pattern);
      // `"include": ["src"]` means the folder's contents.
      return /[*?{[]/.test(pattern) || path.extname(pattern) ? joined : `${joined}/**`;
    });
    return globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
  }

  private warn(file: string, message: string, level: Note["level"] = "warning"): void {
    this.source.note(`tsconfig:${file}:${message}`, { level, file, message });
  }

  /** One clear note per problem TypeScript found in the config or its `extends` chain. */
  private noteError(configFile: string, error: ts.Diagnostic): void {
    if (error.code === NO_INPUTS) return;
    const file = error.file?.fileName ?? configFile;
    const name = this.source.relative(file);
    const text = ts.flattenDiagnosticMessageText(error.messageText, " ");
    if (error.code === CIRCULARITY) {
      const chain = text.slice(text.indexOf(":") + 1).split(" -> ").map((item) => this.display(file, item.trim()));
      this.warn(file, `${name}: "extends" forms a cycle (${chain.join(" → ")}); the options read before it repeats are used.`);
    } else if (error.code === CANNOT_READ_FILE || error.code === FILE_NOT_FOUND) {
      const target = /'([^']+)'/.exec(text)?.[1] ?? "";
      const absolute = path.resolve(path.dirname(file), target);
      if (error.code === FILE_NOT_FOUND && !target.startsWith(".") && !path.isAbsolute(target)) {
        this.warn(file, `${name}: "extends" names the package ${target}, which is not installed in the project; its options are not used.`, "info");
      } else if (!isInside(this.source.root, absolute)) {
        this.warn(file, `${name}: "extends" points outside the project folder (${this.display(file, absolute)}), which is never read; its options are not used.`, "info");
      } else {
        this.warn(file, `${name}: "extends" names ${this.source.relative(absolute)}, which does not exist; its options are not used.`);
      }
    } else if (error.category === ts.DiagnosticCategory.Error) {
      this.warn(file, `${name}: ${text.replace(/\.$/, "")}; module resolution ignores it.`);
    }
  }

  /** A path as a reader knows it: project-relative inside, relative to the config outside. */
  private display(configFile: string, target: string): string {
    const absolute = path.resolve(path.dirname(configFile), target);
    return isInside(this.source.root, absolute) ? this.source.relative(absolute) : path.relative(path.dirname(configFile), absolute).split(path.sep).join("/");
  }

  private checkPaths(file: string, options: ts.CompilerOptions): void {
    const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? path.dirname(file);
    for (const [pattern, targets] of aliasEntries(options)) {
      const outside = targets.filter((target) => !isInside(this.source.root, path.resolve(base, target.replace("*", "x"))));
      if (outside.length === 0) continue;
      const shown = outside.map((target) => this.display(file, path.resolve(base, target))).join(", ");
      this.warn(file, `${this.source.relative(file)}: "paths" maps "${pattern}" outside the project folder (${shown}), which is never read; imports through it are not followed.`, "info");
    }
  }
}
