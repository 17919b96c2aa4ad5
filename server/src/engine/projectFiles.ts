import path from "node:path";
import { TEST_RUNNER_CONFIG } from "./roles/testRunners";

/** The non-source files the engine reads, by what parser and rules they need. */
export type ProjectFileKind = "packageJson" | "lockfile" | "gitignore" | "dotenv" | "dockerfile" | "compose" | "procfile" | "npmrc" | "configFile";

/** The lockfiles of npm, yarn, pnpm and bun, in the order a package's own one is looked for. */
export const LOCKFILE_NAMES: readonly string[] = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"];
const LOCKFILES = new Set(LOCKFILE_NAMES);

export function projectFileKind(file: string, relativePath: string): ProjectFileKind | undefined {
  const base = path.basename(file);
  if (base === "package.json") return "packageJson";
  if (LOCKFILES.has(base)) return "lockfile";
  if (base === ".gitignore") return "gitignore";
  if (base === ".env" || base.startsWith(".env.")) return "dotenv";
  if (base === "Dockerfile" || base.startsWith("Dockerfile.") || base.endsWith(".Dockerfile")) return "dockerfile";
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(base)) return "compose";
  if (base === "Procfile") return "procfile";
  if (base === ".npmrc") return "npmrc";
  if (/(^|\/)config\/[^/]+\.(json|ya?ml)$/.test(relativePath.replace(/\\/g, "/"))) return "configFile";
  return undefined;
}

const PROJECT_FACT_FILE = /(^|[\\/])(package\.json|pnpm-workspace\.yaml|\.gitignore|\.env[^\\/]*|tsconfig[^\\/]*\.json|jsconfig\.json|\.twelve-factor\.json)$/;

/**
 * Files whose change alters what other files' rules see (declared packages, workspace members,
 * ignored paths, env keys, path aliases, configuration, which files are tests): after one changes,
 * every file's findings may differ.
 */
export function isProjectFactFile(file: string): boolean {
  return PROJECT_FACT_FILE.test(file) || TEST_RUNNER_CONFIG.test(file);
}
