import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { Engine } from "../engine/analyzer";
import { BASELINE_FILE_NAME, filterByBaseline, loadBaseline, type Baseline, type BaselineFilterResult, type TextOf } from "../engine/baseline";
import { loadProjectConfig } from "../engine/config";
import { mergeConfig, type ProjectConfig } from "../engine/configTypes";
import { EXCLUDED_DIRS } from "../engine/discovery";
import { isGitIgnored } from "../engine/gitignore";
import type { DocumentHost } from "../engine/host";
import { workspaceRootAbove } from "../engine/packages";
import type { RuleDefinition } from "../engine/rule";
import type { Finding, Note } from "../engine/types";
import type { Settings } from "./settings";

/** One analysed project: a workspace folder (or, outside any folder, the file's package). */
export interface Project {
  root: string;
  engine: Engine;
  config: ProjectConfig;
  /** Notes from loading the configuration, shown once. */
  configNotes: Note[];
  isExcluded(file: string): boolean;
  /** `.twelve-factor-baseline.json`, unless absent, broken or `twelveFactor.baseline.enabled` is false. */
  baseline?: Baseline;
  /** The findings the baseline does not hold; `textOf` reads the text the findings were computed on. */
  hideBaselined(findings: Finding[], textOf?: TextOf): BaselineFilterResult;
}

/**
 * Maps files to projects and keeps one Engine per project, so parse caches and project facts
 * survive across keystrokes. Configuration is `.twelve-factor.json` under the editor settings.
 */
export class ProjectRegistry {
  private readonly projects = new Map<string, Project>();
  private folders: string[] = [];

  constructor(
    private readonly host: DocumentHost,
    private readonly rules: readonly RuleDefinition[],
    private settings: Settings,
  ) {}

  setWorkspaceFolders(folders: string[]): void {
    this.folders = folders.map((folder) => path.resolve(folder)).sort((a, b) => b.length - a.length);
    this.projects.clear();
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.reloadConfig();
  }

  /** `.twelve-factor.json` or the settings changed: keep engines (and their caches), swap configs. */
  reloadConfig(): void {
    for (const project of this.projects.values()) this.configure(project);
  }

  all(): Project[] {
    return [...this.projects.values()];
  }

  rootFor(file: string): string {
    const resolved = path.resolve(file);
    const folder = this.folders.find((candidate) => resolved === candidate || resolved.startsWith(candidate + path.sep));
    if (folder) return this.workspaceOf(folder);
    // Outside every folder: the nearest package.json, else the file's own folder.
    for (let dir = path.dirname(resolved); ; dir = path.dirname(dir)) {
      if (this.host.fileExists(path.join(dir, "package.json"))) return dir;
      if (path.dirname(dir) === dir) return path.dirname(resolved);
    }
  }

  /**
   * A folder that is a workspace member, opened next to (inside) a folder holding its workspace
   * root, belongs to that root's project, as the CLI run on the member folder does. Nothing above
   * the outermost workspace folder is read.
   */
  private workspaceOf(folder: string): string {
    const outermost = this.folders.filter((candidate) => folder.startsWith(candidate + path.sep)).at(-1);
    return (outermost && workspaceRootAbove(folder, this.host, outermost)) || folder;
  }

  projectFor(file: string): Project {
    const root = this.rootFor(file);
    let project = this.projects.get(root);
    if (!project) {
      const engine = new Engine({ root, rules: this.rules, host: this.host });
      project = {
        root,
        engine,
        config: { rules: {}, ignore: [], secrets: { allow: [] } },
        configNotes: [],
        isExcluded: () => false,
        hideBaselined(findings, textOf = (file) => engine.project.host.readFile(file)) {
          return this.baseline && findings.length > 0 ? filterByBaseline(findings, this.baseline, textOf, root) : { fresh: findings, baselined: 0 };
        },
      };
      this.configure(project);
      this.projects.set(root, project);
    }
    return project;
  }

  private configure(project: Project): void {
    const loaded = loadProjectConfig(project.root, this.host, new Set(this.rules.map((rule) => rule.id)));
    const config = mergeConfig(loaded.config, { rules: this.settings.rules, ignore: this.settings.exclude });
    project.config = config;
    project.configNotes = loaded.notes;
    // Read even when the setting is off, so a broken file is still reported once.
    const baseline = loadBaseline(path.join(project.root, BASELINE_FILE_NAME), this.host);
    if (baseline.note) project.configNotes = [...project.configNotes, baseline.note];
    project.baseline = this.settings.baseline.enabled ? baseline.baseline : undefined;
    project.engine.setConfig(config);
    const matcher: Ignore = ignore().add(config.ignore);
    project.isExcluded = (file) => {
      const relative = path.relative(project.root, file).split(path.sep).join("/");
      if (relative.startsWith("..") || path.isAbsolute(relative)) return false;
      if (relative.split("/").slice(0, -1).some((segment) => EXCLUDED_DIRS.has(segment))) return true;
      // Git-ignored files are left out as the audit's discovery leaves them out (an ignored
      // `.env.example` is the app's real env file), so an open one shows what the audit shows.
      return relative !== "" && (matcher.ignores(relative) || isGitIgnored(project.engine.project, relative));
    };
  }
}
