import fs from "node:fs";
import path from "node:path";
import { CONFIG_FILE_NAME } from "../engine/config";
import type { ProjectConfig } from "../engine/configTypes";
import { discoverFiles } from "../engine/discovery";
import { policyOf, type FileRole, type RolePolicy } from "../engine/fileRoles";
import { diskHost } from "../engine/host";
import { ProjectModel } from "../engine/project";
import { projectFileKind, type ProjectFileKind } from "../engine/projectFiles";
import type { RuleDefinition } from "../engine/rule";
import { isSourceFile } from "../engine/sourceKinds";
import type { SeveritySetting } from "../engine/types";
import { relativePath } from "./reportModel";

/** What `--print-config FILE` prints: the settings a run would use for that one file (ESLint's `--print-config`). */
export interface PrintedConfig {
  /** Relative to the project root. */
  file: string;
  root: string;
  /** `.twelve-factor.json` when the project has one, else `null`. */
  configFile: string | null;
  /** `source`, a project-file kind (`packageJson`, `dotenv` ...), or `null` for a file no rule reads. */
  kind: "source" | ProjectFileKind | null;
  /** Whether a run over the project analyses the file; `skipped` says why not. */
  analysed: boolean;
  skipped: string | null;
  /** Judged as a run judges it: path, the project's test-runner configs and package.json scripts. */
  role: FileRole;
  /** Every rule's effective severity: its default, then `.twelve-factor.json`, then `--rule`. */
  rules: Record<string, SeveritySetting>;
  /** What the file's role does to each rule (`on`, `lowered`, `self-identifying only`, `off`). */
  rolePolicies: Record<string, RolePolicy>;
  ignore: string[];
  secrets: { allow: string[] };
}

function kindOf(file: string, relative: string): PrintedConfig["kind"] {
  if (isSourceFile(file)) return "source";
  return projectFileKind(file, relative) ?? null;
}

/** Why discovery would not take `file`, or `null` when it would. */
function skippedBecause(root: string, file: string, config: ProjectConfig): string | null {
  if (!fs.existsSync(file)) return "no such file";
  // The whole walk, as a run over the project makes it: default excludes apply to folders above the file too.
  if (discoverFiles(root, { ignore: config.ignore }).files.includes(file)) return null;
  const explicit = discoverFiles(root, { ignore: config.ignore, paths: [file] });
  // Named alone, a default-excluded file (dist/, node_modules/) is taken; in a run over its folder it is not.
  const note = explicit.notes.find((item) => item.file === file);
  const relative = relativePath(root, file);
  return note ? note.message.replace(`${relative}: `, "").replace(/; skipped\.$/, "") : "excluded by default (dependencies, build output or generated bundles)";
}

export function printConfig(input: { root: string; file: string; config: ProjectConfig; rules: readonly RuleDefinition[] }): PrintedConfig {
  const relative = relativePath(input.root, input.file);
  const skipped = skippedBecause(input.root, input.file, input.config);
  const role = new ProjectModel(path.resolve(input.root), diskHost).roleOf(path.resolve(input.file));
  return {
    file: relative,
    root: input.root,
    configFile: fs.existsSync(path.join(input.root, CONFIG_FILE_NAME)) ? CONFIG_FILE_NAME : null,
    kind: kindOf(input.file, relative),
    analysed: skipped === null,
    skipped,
    role,
    rules: Object.fromEntries(input.rules.map((rule) => [rule.id, input.config.rules[rule.id] ?? rule.defaultSeverity])),
    rolePolicies: Object.fromEntries(input.rules.map((rule) => [rule.id, policyOf(rule.roles, role)])),
    ignore: [...input.config.ignore],
    secrets: { allow: [...input.config.secrets.allow] },
  };
}

export function formatPrintedConfig(printed: PrintedConfig): string {
  return `${JSON.stringify(printed, null, 2)}\n`;
}
