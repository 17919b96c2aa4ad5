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
