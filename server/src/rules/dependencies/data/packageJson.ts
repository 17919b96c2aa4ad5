/** The `package.json` sections that declare dependencies, in npm's documented order. */
export const DEPENDENCY_KINDS: readonly string[] = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];

/**
 * Sections whose versions reach production installs: `npm ci --omit=dev` skips devDependencies,
 * and peer ranges are deliberately wide (`"*"` there means "whatever the host app uses").
 */
export const SHIPPED_KINDS: readonly string[] = ["dependencies", "optionalDependencies"];

/** Lockfiles of npm, yarn, pnpm and bun (text and binary). */
export { LOCKFILE_NAMES as LOCKFILES } from "../../../engine/projectFiles";

/** Version specs that accept any release at all. */
export const ANY_VERSION: ReadonlySet<string> = new Set(["", "*", "x", "X", "latest"]);

/** Hosted-git shorthands npm understands (`github:user/repo`). */
export const GIT_HOST_PREFIXES: readonly string[] = ["github:", "gitlab:", "bitbucket:", "gist:"];

/**
 * Modules the host runtime provides at run time, which npm never installs: the VS Code extension
 * host's `vscode`, Bun's `bun`, and Electron's `electron` (a devDependency by Electron's own docs).
 */
export const RUNTIME_MODULES: ReadonlySet<string> = new Set(["vscode", "bun", "electron"]);
