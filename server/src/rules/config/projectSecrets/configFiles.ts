import path from "node:path";
import { configStringValues } from "../../../engine/formats/configValues";
import type { ProjectFileContext } from "../../../engine/rule";
import { checkValue } from "./site";

/**
 * String values of `config/*.json` and `config/*.yml` (node-config and friends). There is no
 * `${NAME}` these loaders expand on their own, so no fix: the message names node-config's
 * own mapping file. That file (`custom-environment-variables.*`) holds variable names, not values.
 */
export function checkConfigFile(context: ProjectFileContext): void {
  const base = path.basename(context.file);
  if (base.startsWith("custom-environment-variables.")) return;
  const format = base.endsWith(".json") ? "json" : "yaml";
  for (const entry of configStringValues(context.text, format)) {
    checkValue(context, {
      value: entry.value,
      name: entry.key,
      start: entry.start,
      end: entry.end,
      where: `\`${entry.path.join(".") || "(root)"}\` of ${context.relativePath}`,
      advice: "Read it from an environment variable instead (node-config maps variables to keys in config/custom-environment-variables.json).",
    });
  }
}
