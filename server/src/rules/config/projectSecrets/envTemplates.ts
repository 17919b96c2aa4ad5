import path from "node:path";
import { isGitIgnored } from "../../../engine/gitignore";
import { DOTENV_SYNTAX, keyValueLines } from "../../../engine/formats/keyValueLines";
import type { ProjectFileContext } from "../../../engine/rule";
import { isEnvTemplate } from "../data/envFileNames";
import { checkValue, replaceFix } from "./site";

/**
 * Committed templates (`.env.example`, `.env.sample` …): they document names, and a real value
 * in one is published. A real `.env` is config/env-file-not-ignored's business; `.env.vault` is
 * encrypted by design.
 */
export function checkEnvTemplate(context: ProjectFileContext): void {
  const base = path.basename(context.file);
  if (!isEnvTemplate(base) || base.split(".").includes("vault")) return;
  // A git-ignored "template" is the app's real env file: its values are meant to be there.
  if (isGitIgnored(context.project, context.relativePath)) return;
  for (const line of keyValueLines(context.text, DOTENV_SYNTAX)) {
    checkValue(context, {
      value: line.value,
      name: line.key,
      start: line.valueStart,
      end: line.valueEnd,
      where: `\`${line.key}\` of ${base}`,
      documents: true,
      advice: `Leave it blank (${line.key}=) in the template and keep the real value in .env or the deployment's environment.`,
      fix: () => replaceFix(context.file, line.valueStart, line.valueEnd, "", `Blank the value of ${line.key} in ${base}`),
    });
  }
}
