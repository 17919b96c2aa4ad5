import path from "node:path";
import { parse as parseJsonc } from "jsonc-parser";
import { roleFromPath, type FileRole } from "../fileRoles";
import type { ProjectModel } from "../project";
import { clientFileByPath } from "./clientCode";
import { scriptFactsOf, type ScriptFacts } from "./packageScripts";
import { testSelectorsIn, type TestSelector } from "./testRunners";

interface FolderFacts {
  tests: TestSelector[];
  scripts: ScriptFacts;
}

/**
 * The role of every file of one project, judged from its path, then refined by the test-runner
 * configs and package.json scripts of its package and of the project root. The project model
 * keeps one instance and drops it when a package.json or a runner config changes.
 */
export class ProjectRoles {
  private readonly folders = new Map<string, FolderFacts>();
  private readonly roles = new Map<string, FileRole>();

  constructor(private readonly project: ProjectModel) {}

  of(file: string): FileRole {
    let role = this.roles.get(file);
    if (role === undefined) {
      role = this.judge(file);
      this.roles.set(file, role);
    }
    return role;
  }

  private judge(file: string): FileRole {
    const relative = this.project.relative(file);
    const packageDir = this.project.nearestPackage(file)?.dir ?? this.project.root;
    const inPackage = packageDir === this.project.root ? relative : path.relative(packageDir, file).split(path.sep).join("/");
    const fromPath = roleFromPath(relative, inPackage);
    // The project's own configuration can add tests, scripts and app entry points, never take
    // away what the path says of tests, config, build output or fixtures.
    if (fromPath === "test" || fromPath === "config" || fromPath === "build" || fromPath === "fixture") return fromPath;
    const places: [string, string][] = packageDir === this.project.root ? [[packageDir, relative]] : [[packageDir, inPackage], [this.project.root, relative]];
    if (places.some(([dir, at]) => this.facts(dir).tests.some((select) => select(at)) || this.facts(dir).scripts.isTest(at))) return "test";
    const runBy = this.facts(packageDir).scripts.runBy(inPackage);
    if (runBy === "start") return clientFileByPath(file, this.project) ? "client" : "app";
    if (runBy === "other" || fromPath === "script") return "script";
    return clientFileByPath(file, this.project) ? "client" : "app";
  }

  /** The folder's package.json as parsed JSON (its `jest` and `mocha` keys are not in PackageInfo). */
  private manifestAt(dir: string): Record<string, unknown> | undefined {
    const text = this.project.host.readFile(path.join(dir, "package.json"));
    const json: unknown = text === undefined ? undefined : parseJsonc(text, [], { allowTrailingComma: true });
    return json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  }

  private facts(dir: string): FolderFacts {
    let facts = this.folders.get(dir);
    if (!facts) {
      const manifest = this.manifestAt(dir);
      const scripts = manifest?.scripts && typeof manifest.scripts === "object" ? (manifest.scripts as Record<string, unknown>) : {};
      const commands = Object.fromEntries(Object.entries(scripts).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      facts = { tests: testSelectorsIn(this.project.host, dir, manifest), scripts: scriptFactsOf(commands) };
      this.folders.set(dir, facts);
    }
    return facts;
  }
}
