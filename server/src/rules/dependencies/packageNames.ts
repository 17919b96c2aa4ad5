import { builtinModules } from "node:module";
import type { PathAliases } from "../../engine/project";

const BUILTINS: ReadonlySet<string> = new Set(builtinModules);

/**
 * The installable package a bare specifier names: `lodash/fp` → `lodash`, `@scope/pkg/sub` →
 * `@scope/pkg`. `undefined` for what no registry could hold: relative and absolute paths,
 * `scheme:` specifiers (`node:`, `bun:`, `virtual:`, URLs), package `imports` (`#internal`),
 * and names npm would refuse (`~/x`, `@/x`), which only bundler aliases can resolve.
 */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier === "" || /^[./#]/.test(specifier) || /^[a-zA-Z][\w+.-]*:/.test(specifier)) return undefined;
  const match = /^(@[a-z0-9][\w.-]*\/[a-zA-Z0-9][\w.-]*|[a-zA-Z0-9][\w.-]*)(?:\/|$)/.exec(specifier);
  return match?.[1];
}

/** `fs`, `fs/promises`, `assert/strict`: modules node ships (the `node:` form never reaches here). */
export function isBuiltin(specifier: string): boolean {
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0]);
}

/** Whether a tsconfig `paths` entry (`@app/*`, `~/*`, `config`) covers the specifier. */
export function matchesPathAlias(specifier: string, aliases: PathAliases | undefined): boolean {
  if (!aliases) return false;
  return Object.keys(aliases.paths).some((alias) => {
    const star = alias.indexOf("*");
    if (star < 0) return alias === specifier;
    const prefix = alias.slice(0, star);
    const suffix = alias.slice(star + 1);
    return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
  });
}
