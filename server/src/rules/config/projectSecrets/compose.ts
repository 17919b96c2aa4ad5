import path from "node:path";
import { envVariableFix, toEnvName } from "../../../engine/fixes/envConfig";
import { serviceEnvironments, type ComposeEnvEntry } from "../../../engine/formats/compose";
import type { ProjectFileContext } from "../../../engine/rule";
import type { Fix } from "../../../engine/types";
import { checkValue, replaceFix } from "./site";

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `${NAME}` in place of the value. Compose fills it from the shell or from the `.env` next to
 * the compose file, so for a compose file at the project root the fix also lists NAME in
 * `.env.example` (and moves the value into `.env` when that is git-ignored).
 */
function composeFix(context: ProjectFileContext, entry: ComposeEnvEntry): Fix | undefined {
  if (!entry.exact || entry.value === null) return undefined;
  const name = VARIABLE_NAME.test(entry.name) ? entry.name : toEnvName(entry.name);
  const title = `Replace the value with \${${name}}`;
  if (path.posix.dirname(context.relativePath) !== ".") return replaceFix(context.file, entry.valueStart, entry.valueEnd, `\${${name}}`, title);
  return envVariableFix({
    project: context.project,
    replacement: { file: context.file, start: entry.valueStart, end: entry.valueEnd, newText: `\${${name}}` },
    name,
    value: entry.value,
    title,
  });
}

/** Service `environment:` values, in map and list form. */
export function checkCompose(context: ProjectFileContext): void {
  // A `<<: *anchor` shared by several services yields the same value once per service.
  const seen = new Set<number>();
  for (const entry of serviceEnvironments(context.text)) {
    if (entry.value === null || seen.has(entry.valueStart)) continue;
    seen.add(entry.valueStart);
    checkValue(context, {
      value: entry.value,
      name: entry.name,
      start: entry.valueStart,
      end: entry.valueEnd,
      where: `\`${entry.name}\` of service \`${entry.service}\``,
      advice: "Write a ${" + entry.name + "} reference and keep the value in the git-ignored .env or the deployment's environment.",
      fix: () => composeFix(context, entry),
    });
  }
}
