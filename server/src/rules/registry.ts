import type { RuleDefinition } from "../engine/rule";
import { noHardcodedSecret } from "./config/no-hardcoded-secret";
import { secretInProjectFile } from "./config/secret-in-project-file";
import { secretInClientBundle } from "./config/secret-in-client-bundle";
import { envFileNotIgnored } from "./config/env-file-not-ignored";
import { undocumentedEnvVar } from "./config/undocumented-env-var";
import { noFileLogging } from "./logs/no-file-logging";
import { noFixedPort } from "./port-binding/no-fixed-port";
import { noLocalState } from "./processes/no-local-state";
import { noInMemorySession } from "./processes/no-in-memory-session";
import { noDaemonOrPidfile } from "./concurrency/no-daemon-or-pidfile";
import { noGracefulShutdown } from "./disposability/no-graceful-shutdown";
import { schemaSyncOnBoot } from "./admin-processes/schema-sync-on-boot";
import { undeclaredDependency } from "./dependencies/undeclared-dependency";
import { noLockfile } from "./dependencies/no-lockfile";
import { unpinnedVersion } from "./dependencies/unpinned-version";
import { implicitSystemTool } from "./dependencies/implicit-system-tool";
import { buildAtRuntime } from "./build-release-run/build-at-runtime";
import { noOutOfRepoImport } from "./codebase/no-out-of-repo-import";
import { hardcodedServiceUrl } from "./backing-services/hardcoded-service-url";
import { environmentSpecificBackingService } from "./dev-prod-parity/environment-specific-backing-service";

/**
 * Every rule the engine runs, in catalogue order. Settings, SARIF `rules[]`, the README table
 * and the docs test are all generated from this list.
 */
export const RULES: readonly RuleDefinition[] = [noHardcodedSecret, secretInProjectFile, secretInClientBundle, envFileNotIgnored, undocumentedEnvVar, hardcodedServiceUrl, undeclaredDependency, noLockfile, unpinnedVersion, implicitSystemTool, buildAtRuntime, noLocalState, noInMemorySession, noFixedPort, noDaemonOrPidfile, noGracefulShutdown, environmentSpecificBackingService, noFileLogging, schemaSyncOnBoot, noOutOfRepoImport];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
