import { builtinModules } from "node:module";
export { packageNameOf } from "../../engine/resolution/packageName";

const BUILTINS: ReadonlySet<string> = new Set(builtinModules);

/** `fs`, `fs/promises`, `assert/strict`: modules node ships (the `node:` form never reaches here). */
export function isBuiltin(specifier: string): boolean {
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0]);
}
