import type { SeveritySetting } from "./types";

/** `.twelve-factor.json`, merged with editor settings or CLI flags (later wins). */
export interface ProjectConfig {
  /** Per-rule severity by rule id. */
  rules: Record<string, SeveritySetting>;
  /** Globs (gitignore-style, relative to the project root) of files never analysed. */
  ignore: string[];
  secrets: {
    /** Exact values, or regular expressions written as `/pattern/flags`, never reported as secrets. */
    allow: string[];
  };
}

export function defaultConfig(): ProjectConfig {
  return { rules: {}, ignore: [], secrets: { allow: [] } };
}

/** Layers `override` over `base`: rule severities per id, lists concatenated. */
export function mergeConfig(base: ProjectConfig, override: Partial<ProjectConfig>): ProjectConfig {
  return {
    rules: { ...base.rules, ...override.rules },
    ignore: [...base.ignore, ...(override.ignore ?? [])],
    secrets: { allow: [...base.secrets.allow, ...(override.secrets?.allow ?? [])] },
  };
}
