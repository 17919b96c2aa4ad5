import path from "node:path";
import type { ProjectModel } from "../project";
import { isRelativeSpecifier } from "./syntax";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
/** TypeScript's ESM style imports `./config.js` and means `./config.ts`. */
const EMITTED_TO_SOURCE: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".mjs": [".mts"], ".cjs": [".cts"], ".jsx": [".tsx"] };

/**
 * Finds the project file a specifier names: relative paths and tsconfig `paths` aliases. Package
 * imports, and paths that leave the project, resolve to nothing: the analyzer never reads
 * node_modules nor anything outside the project root. Results are cached until
 * `clear()`, which the engine calls when files are created or deleted.
 */
export class ModuleResolver {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly project: ProjectModel) {}

  clear(): void {
    this.cache.clear();
  }

  resolve(specifier: string, fromFile: string): string | undefined {
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    let result = this.cache.get(key);
    if (result === undefined) {
      result = this.compute(specifier, fromFile) ?? null;
      this.cache.set(key, result);
    }
    return result ?? undefined;
  }

  private compute(specifier: string, fromFile: string): string | undefined {
    if (isRelativeSpecifier(specifier)) return this.probe(path.resolve(path.dirname(fromFile), specifier));
    const aliases = this.project.pathAliases;
    if (!aliases) return undefined;
    for (const [pattern, targets] of Object.entries(aliases.paths)) {
      const star = pattern.indexOf("*");
      const prefix = star < 0 ? pattern : pattern.slice(0, star);
      const suffix = star < 0 ? "" : pattern.slice(star + 1);
      const matches = star < 0 ? specifier === pattern : specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length;
      if (!matches) continue;
      const captured = star < 0 ? "" : specifier.slice(prefix.length, specifier.length - suffix.length);
      for (const target of targets) {
        const found = this.probe(path.resolve(aliases.baseUrl, target.replace("*", captured)));
        if (found) return found;
      }
    }
    return undefined;
  }

  private probe(base: string): string | undefined {
    // Nothing outside the project is ever read (an untrusted workspace may point anywhere), so
    // an import that climbs out of it resolves to nothing, as a package import does.
    const root = this.project.root;
    if (base !== root && !base.startsWith(root + path.sep)) return undefined;
    const host = this.project.host;
    const extension = path.extname(base);
    for (const replacement of EMITTED_TO_SOURCE[extension] ?? []) {
      const candidate = base.slice(0, -extension.length) + replacement;
      if (host.fileExists(candidate)) return candidate;
    }
    if (EXTENSIONS.includes(extension) && host.fileExists(base)) return base;
    for (const ext of EXTENSIONS) if (host.fileExists(base + ext)) return base + ext;
    for (const ext of EXTENSIONS) if (host.fileExists(path.join(base, `index${ext}`))) return path.join(base, `index${ext}`);
    return undefined;
  }
}
