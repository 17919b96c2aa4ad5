import { defineRule, type ProjectFileContext } from "../../engine/rule";
import { checkCompose } from "./projectSecrets/compose";
import { checkConfigFile } from "./projectSecrets/configFiles";
import { checkDockerfile } from "./projectSecrets/dockerfile";
import { checkEnvTemplate } from "./projectSecrets/envTemplates";
import { checkNpmrc } from "./projectSecrets/npmrc";
import { checkPackageScripts } from "./projectSecrets/packageScripts";

const CHECKS = {
  npmrc: checkNpmrc,
  compose: checkCompose,
  dockerfile: checkDockerfile,
  configFile: checkConfigFile,
  packageJson: checkPackageScripts,
  dotenv: checkEnvTemplate,
} as const;

/**
 * The secrets config/no-hardcoded-secret finds in code, found in the project files that sit
 * next to it in the repository. Same detector, same tables, same redaction; each format says
 * where the value should come from instead.
 */
export const secretInProjectFile = defineRule({
  id: "config/secret-in-project-file",
  factor: "III",
  headline: false,
  defaultSeverity: "warning",
  description: "Credentials written in project files: .npmrc auth tokens, compose environment values, Dockerfile ENV/ARG defaults, config/*.json values, package.json scripts and env templates.",
  rationale: "Factor III keeps credentials in the environment: a token in a committed .npmrc, compose file or Dockerfile is shared with everyone who can read the repository, and a Dockerfile bakes it into every image.",
  fixable: true,
  roles: { test: "self-identifying only", fixture: "self-identifying only" },
  trigger: null,
  create: () => ({}),
  projectFiles: {
    kinds: ["npmrc", "compose", "dockerfile", "configFile", "packageJson", "dotenv"],
    check(context: ProjectFileContext) {
      const check = CHECKS[context.kind as keyof typeof CHECKS] as ((context: ProjectFileContext) => void) | undefined;
      check?.(context);
    },
  },
});

export default secretInProjectFile;
