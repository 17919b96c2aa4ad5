import path from "node:path";
import picomatch from "picomatch";
import { parse as parseJsonc } from "jsonc-parser";
import { parse as parseYaml } from "yaml";
import { discoverFiles } from "./discovery";
import { parseEnvFile, type EnvFile } from "./envFile";
import type { DocumentHost } from "./host";
import { isGitIgnored } from "./gitignore";
import type { PackageInfo, ProjectModel } from "./project";
import { LOCKFILE_NAMES } from "./projectFiles";

/**
 * Packages are projects: every folder with its own `package.json` under the audit root (and the
 * root itself) is one, and each source file belongs to exactly one, its nearest. A package's
 * facts (manifest, `.env.example`, `.env`, lockfile, tsconfig) are its own, inherited from its
 * workspace root where the package managers inherit them (the lockfile, the `.gitignore` chain),
 * so auditing a root reports exactly the union of auditing each package alone.
 */
export interface Package {
  /** Absolute folder; the audit root for files outside every package. */
  readonly dir: string;
  /** Its `package.json`; absent for the root of a folder that has none. */
  readonly manifest?: PackageInfo;
}

/** The member lists a workspace root declares, with where they come from. */
export interface WorkspaceDeclaration {
  /** Globs as written, `!` negations included. */
  patterns: string[];
  source: "package.json" | "pnpm-workspace.yaml";
}

/** A root whose globs match more member folders than this keeps the first ones, with a note. */
export const MAX_WORKSPACE_MEMBERS = 1000;

/** `libphonenumber-js/core`: the name of a sub-path entry stub, not of a package. */
const PACKAGE_NAME = /^(@[^/]+\/)?[^/]+$/;
/** What the package list looks for: the walk opens no other file (on payloadcms/payload 0.42 → 0.1 s). */
const MANIFEST_NAME: ReadonlySet<string> = new Set(["package.json"]);

/**
 * A package.json that only marks a folder (`{ "type": "module" }`) or a published sub-path entry
 * (`{ "name": "lib/core", "main": "index.js" }`): it declares nothing, so it is no package boundary.
 */
export function isMarkerManifest(pkg: PackageInfo): boolean {
  const declaresNothing = pkg.workspaces.length === 0 && [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies, pkg.scripts].every((r) => Object.keys(r).length === 0);
  return declaresNothing && (!pkg.name || !PACKAGE_NAME.test(pkg.name));
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}

function isInside(dir: string, target: string): boolean {
  const relative = path.relative(dir, target);
  return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
}

/** `./packages/*\/` → `packages/*`: the spelling picomatch compares against relative folders. */
function normalizePattern(pattern: string): string {
  return pattern.trim().replace(/^\.\//, "").replace(/\/+$/, "");
}

/** A glob that names folders above its root (`../shared/*`, `/abs/*`): never followed. */
function climbsOut(pattern: string): boolean {
  const normalized = normalizePattern(pattern.replace(/^!/, ""));
  return path.posix.isAbsolute(normalized) || /^[A-Za-z]:/.test(normalized) || normalized.split("/").includes("..");
}

/** What is wrong with a workspace declaration; `message` follows the file's project-relative path. */
interface DeclarationProblem {
  file: string;
  message: string;
}

function packageJsonWorkspaces(text: string): string[] {
  const json = parseJsonc(text, [], { allowTrailingComma: true }) as { workspaces?: unknown } | undefined;
  const value = json && typeof json === "object" ? json.workspaces : undefined;
  const list = Array.isArray(value) ? value : (value as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}

function pnpmWorkspaces(file: string, text: string, problems: DeclarationProblem[]): string[] {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    problems.push({ file, message: ` is not valid YAML (${reason}); its workspace packages are not known, so each is audited on its own.` });
    return [];
  }
  if (parsed === null || parsed === undefined) return [];
  const packages = typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as { packages?: unknown }).packages : parsed;
  if (packages === undefined) return [];
  if (!Array.isArray(packages) || !packages.every((item) => typeof item === "string")) {
    problems.push({ file, message: ": `packages` should be a list of folder globs; its workspace packages are not known, so each is audited on its own." });
    return [];
  }
  return packages as string[];
}

/**
 * The workspace globs `dir` declares (package.json `workspaces`, array or `{ packages }`, and
 * `pnpm-workspace.yaml` `packages`), read through `host` and nothing else. Globs that climb out
 * of `dir` are dropped with a problem: nothing outside the root is ever listed.
 */
export function readWorkspaceDeclarations(dir: string, host: DocumentHost): { declarations: WorkspaceDeclaration[]; problems: DeclarationProblem[] } {
  const declarations: WorkspaceDeclaration[] = [];
  const problems: DeclarationProblem[] = [];
  const manifest = host.readFile(path.join(dir, "package.json"));
  if (manifest !== undefined) declarations.push({ patterns: packageJsonWorkspaces(manifest), source: "package.json" });
  const pnpmFile = path.join(dir, "pnpm-workspace.yaml");
  const pnpm = host.readFile(pnpmFile);
  if (pnpm !== undefined) declarations.push({ patterns: pnpmWorkspaces(pnpmFile, pnpm, problems), source: "pnpm-workspace.yaml" });
  for (const declaration of declarations) {
    const file = path.join(dir, declaration.source);
    for (const pattern of declaration.patterns.filter(climbsOut)) {
      problems.push({ file, message: `: workspace glob "${pattern}" points outside its folder; it is ignored (nothing outside the project is read).` });
    }
    declaration.patterns = declaration.patterns.filter((pattern) => pattern.trim() !== "" && !climbsOut(pattern));
  }
  return { declarations: declarations.filter((declaration) => declaration.patterns.length > 0), problems };
}

/** Whether the globs list the folder `relativeDir` (forward slashes), `!` negations applied as npm, yarn and pnpm do. */
function listsFolder(declarations: readonly WorkspaceDeclaration[], relativeDir: string): boolean {
  if (relativeDir === "" || relativeDir.startsWith("..")) return false;
  const patterns = declarations.flatMap((declaration) => declaration.patterns);
  const include = patterns.filter((p) => !p.trim().startsWith("!")).map(normalizePattern).filter((p) => p !== "");
  const exclude = patterns.filter((p) => p.trim().startsWith("!")).map((p) => normalizePattern(p.trim().slice(1))).filter((p) => p !== "");
  return include.length > 0 && picomatch.isMatch(relativeDir, include) && !(exclude.length > 0 && picomatch.isMatch(relativeDir, exclude));
}

/**
 * The workspace root that lists the package in `dir`, looking upwards but never above `limit`
 * (a folder the caller may read: the repository, the editor's workspace folder). This is how npm
 * finds the workspace of the folder it runs in; only package.json and pnpm-workspace.yaml files
 * of the folders on the way are read.
 */
export function workspaceRootAbove(dir: string, host: DocumentHost, limit: string): string | undefined {
  for (let up = dir; up !== limit && isInside(limit, up) && path.dirname(up) !== up; ) {
    up = path.dirname(up);
    if (listsFolder(readWorkspaceDeclarations(up, host).declarations, toPosix(path.relative(up, dir)))) return up;
  }
  return undefined;
}

/**
 * The package graph of one project model, built lazily and dropped with the model's other facts
 * whenever a `package.json`, `pnpm-workspace.yaml`, `.gitignore` or `.env*` file changes.
 */
class PackageGraph {
  private readonly byDir = new Map<string, Package>();
  private readonly declarations = new Map<string, WorkspaceDeclaration[]>();
  private readonly workspaceRoots = new Map<string, Package | null>();
  private listed: Package[] | undefined;
  private readonly members = new Map<string, Package[]>();

  constructor(private readonly project: ProjectModel) {}

  private packageAt(dir: string): Package {
    let found = this.byDir.get(dir);
    if (!found) {
      found = { dir, manifest: this.project.nearestPackage(path.join(dir, "package.json")) };
      if (found.manifest && found.manifest.dir !== dir) found = { dir };
      this.byDir.set(dir, found);
    }
    return found;
  }

  /** The package `file` belongs to: its nearest real package.json, else the project root. */
  of(file: string): Package {
    const root = this.project.root;
    for (let pkg = this.project.nearestPackage(file); pkg; pkg = pkg.dir === root ? undefined : this.project.nearestPackage(pkg.dir)) {
      if (!isMarkerManifest(pkg) || pkg.dir === root) return this.packageAt(pkg.dir);
    }
    return this.packageAt(root);
  }

  /** Workspace globs `dir` declares in its package.json and its pnpm-workspace.yaml. */
  declarationsAt(dir: string): WorkspaceDeclaration[] {
    let known = this.declarations.get(dir);
    if (known) return known;
    const read = readWorkspaceDeclarations(dir, this.project.host);
    for (const problem of read.problems) {
      this.project.note(`workspace:${problem.file}:${problem.message}`, { level: "warning", file: problem.file, message: `${this.project.relative(problem.file)}${problem.message}` });
    }
    known = read.declarations;
    this.declarations.set(dir, known);
    return known;
  }

  private lists(dir: string, relativeDir: string): boolean {
    return listsFolder(this.declarationsAt(dir), relativeDir);
  }

  /** The workspace root above `pkg` (inside the project) whose globs list it, if any. */
  workspaceRootOf(pkg: Package): Package | undefined {
    let known = this.workspaceRoots.get(pkg.dir);
    if (known !== undefined) return known ?? undefined;
    known = null;
    for (let dir = pkg.dir; dir !== this.project.root && isInside(this.project.root, dir); ) {
      dir = path.dirname(dir);
      if (this.lists(dir, toPosix(path.relative(dir, pkg.dir)))) {
        known = this.packageAt(dir);
        break;
      }
    }
    this.workspaceRoots.set(pkg.dir, known);
    return known ?? undefined;
  }

  /** Every package under the root, sorted by folder: the root first, then each package.json found. */
  all(): readonly Package[] {
    if (!this.listed) {
      const dirs = new Set([this.project.root]);
      for (const file of discoverFiles(this.project.root, { onlyNames: MANIFEST_NAME }).files) {
        const manifest = this.project.nearestPackage(file);
        if (manifest && manifest.dir === path.dirname(file) && !isMarkerManifest(manifest)) dirs.add(manifest.dir);
      }
      this.listed = [...dirs].sort().map((dir) => this.packageAt(dir));
    }
    return this.listed;
  }

  /** The packages `root`'s workspace globs list, capped at MAX_WORKSPACE_MEMBERS with a note. */
  membersOf(root: Package): readonly Package[] {
    let known = this.members.get(root.dir);
    if (known) return known;
    known = this.all().filter((pkg) => pkg !== root && isInside(root.dir, pkg.dir) && this.lists(root.dir, toPosix(path.relative(root.dir, pkg.dir))));
    if (known.length > MAX_WORKSPACE_MEMBERS) {
      const declaration = this.declarationsAt(root.dir)[0];
      const file = path.join(root.dir, declaration?.source ?? "package.json");
      this.project.note(`members:${root.dir}`, {
        level: "warning",
        file,
        message: `${this.project.relative(file)}: the workspace globs match ${known.length} packages; only the first ${MAX_WORKSPACE_MEMBERS} are taken as workspace packages.`,
      });
      known = known.slice(0, MAX_WORKSPACE_MEMBERS);
    }
    this.members.set(root.dir, known);
    return known;
  }

  /**
   * The nearest committed `name` (`.env.example`, `.env`) at or above `pkg`'s folder, never above
   * the project root. A git-ignored `.env.example` is no template: it is an env file with real
   * values that the app loads, so it is skipped (and never rewritten by a fix).
   */
  envFile(pkg: Package, name: ".env" | ".env.example"): EnvFile | undefined {
    const key = `${name}\u0000${pkg.dir}`;
    // Kept apart from the graph: writing `.env.example` (every pass of a fix-all) drops only this.
    const envFiles = this.project.memo(ENV_FACTS, () => new Map<string, EnvFile | null>(), { envFacts: true });
    if (!envFiles.has(key)) envFiles.set(key, this.findEnvFile(pkg.dir, name) ?? null);
    return envFiles.get(key) ?? undefined;
  }

  private findEnvFile(start: string, name: ".env" | ".env.example"): EnvFile | undefined {
    const names = name === ".env.example" ? TEMPLATE_NAMES : [name];
    for (let dir = start; isInside(this.project.root, dir); dir = path.dirname(dir)) {
      for (const candidate of names) {
        const file = path.join(dir, candidate);
        const text = this.project.host.readFile(file);
        if (text !== undefined && !(name === ".env.example" && isGitIgnored(this.project, this.project.relative(file)))) return parseEnvFile(file, text);
      }
      if (dir === this.project.root) return undefined;
    }
    return undefined;
  }
}

const ENV_FACTS = "packages:env-files";

/**
 * The names a committed env template goes by, in order of preference. Next.js apps keep
 * `.env.local.example`; a fix must append there rather than start a second template.
 */
const TEMPLATE_NAMES = [".env.example", ".env.sample", ".env.template", ".env.local.example", ".env.local.sample", ".env.dist"];

function graphOf(project: ProjectModel): PackageGraph {
  return project.memo("packages", () => new PackageGraph(project));
}

/** Every package under the project root (the root included), sorted by folder. */
export function packagesOf(project: ProjectModel): readonly Package[] {
  return graphOf(project).all();
}

/** The one package `file` belongs to: its nearest real package.json, else the project root. */
export function packageOf(project: ProjectModel, file: string): Package {
  return graphOf(project).of(file);
}

/** The workspace root (npm/yarn `workspaces`, `pnpm-workspace.yaml`) that lists `pkg`, inside the project. */
export function workspaceRootOf(project: ProjectModel, pkg: Package): Package | undefined {
  return graphOf(project).workspaceRootOf(pkg);
}

/** The workspace globs a package declares; empty when it is no workspace root. */
export function workspaceDeclarations(project: ProjectModel, pkg: Package): readonly WorkspaceDeclaration[] {
  return graphOf(project).declarationsAt(pkg.dir);
}

/** The members of a workspace root (capped, see MAX_WORKSPACE_MEMBERS). */
export function workspaceMembers(project: ProjectModel, root: Package): readonly Package[] {
  return graphOf(project).membersOf(root);
}

/** Workspace package names → folders, for `root` and its members: what `import "@org/lib"` means. */
export function workspacePackageDirs(project: ProjectModel, root: Package): ReadonlyMap<string, string> {
  const dirs = new Map<string, string>();
  for (const pkg of [root, ...workspaceMembers(project, root)]) if (pkg.manifest?.name) dirs.set(pkg.manifest.name, pkg.dir);
  return dirs;
}

/** The lockfile that locks `pkg`: its own, else its workspace root's (npm, yarn and pnpm keep one per workspace). */
export function lockfileOf(project: ProjectModel, pkg: Package): string | undefined {
  for (const owner of [pkg, workspaceRootOf(project, pkg)]) {
    if (!owner) continue;
    const found = LOCKFILE_NAMES.map((name) => path.join(owner.dir, name)).find((file) => project.host.fileExists(file));
    if (found) return found;
  }
  return undefined;
}

/** The package's nearest committed `.env.example` or `.env` (see PackageGraph.envFile). */
export function envFileOf(project: ProjectModel, pkg: Package, name: ".env" | ".env.example"): EnvFile | undefined {
  return graphOf(project).envFile(pkg, name);
}

/** The package's own `tsconfig.json` (or `jsconfig.json`), else the nearest above it inside the project. */
export function tsconfigOf(project: ProjectModel, pkg: Package): string | undefined {
  for (let dir = pkg.dir; isInside(project.root, dir); dir = path.dirname(dir)) {
    const found = ["tsconfig.json", "jsconfig.json"].map((name) => path.join(dir, name)).find((file) => project.host.fileExists(file));
    if (found || dir === project.root) return found;
  }
  return undefined;
}

/** Whether two files belong to the same package. */
export function samePackage(project: ProjectModel, a: string, b: string): boolean {
  return packageOf(project, a).dir === packageOf(project, b).dir;
}
