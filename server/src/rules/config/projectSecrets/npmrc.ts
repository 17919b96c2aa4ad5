import { toEnvName } from "../../../engine/fixes/envConfig";
import { NPMRC_SYNTAX, keyValueLines } from "../../../engine/formats/keyValueLines";
import type { ProjectFileContext } from "../../../engine/rule";
import { checkValue, replaceFix } from "./site";

/** The variables npm users conventionally keep registry credentials in. */
const NPMRC_ENV_NAMES: Record<string, string> = { _authToken: "NPM_TOKEN", _auth: "NPM_AUTH", _password: "NPM_PASSWORD" };

/**
 * `.npmrc` settings, scoped (`//registry.npmjs.org/:_authToken=…`) or not. npm expands
 * `${NAME}` in values from the environment, so the fix writes the reference in place; npm does
 * not read `.env`, so nothing is added to `.env.example`.
 */
export function checkNpmrc(context: ProjectFileContext): void {
  for (const line of keyValueLines(context.text, NPMRC_SYNTAX)) {
    const setting = line.key.slice(line.key.lastIndexOf(":") + 1);
    const envName = NPMRC_ENV_NAMES[setting] ?? toEnvName(`npm_${setting}`);
    checkValue(context, {
      value: line.value,
      name: setting,
      start: line.valueStart,
      end: line.valueEnd,
      where: `\`${setting}\` of .npmrc`,
      advice: `Write \${${envName}} instead and set ${envName} in the environment; npm expands it.`,
      fix: () => replaceFix(context.file, line.valueStart, line.valueEnd, `\${${envName}}`, `Replace the value with \${${envName}}`),
    });
  }
}
