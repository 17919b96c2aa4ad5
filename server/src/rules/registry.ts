import type { RuleDefinition } from "../engine/rule";
import { noHardcodedSecret } from "./config/no-hardcoded-secret";
import { envFileNotIgnored } from "./config/env-file-not-ignored";
import { undocumentedEnvVar } from "./config/undocumented-env-var";
import { noFileLogging } from "./logs/no-file-logging";
import { noFixedPort } from "./port-binding/no-fixed-port";
import { noLocalState } from "./processes/no-local-state";
import { noInMemorySession } from "./processes/no-in-memory-session";
import { noDaemonOrPidfile } from "./concurrency/no-daemon-or-pidfile";
import { schemaSyncOnBoot } from "./admin-processes/schema-sync-on-boot";
import { undeclaredDependency } from "./dependencies/undeclared-dependency";
import { noLockfile } from "./dependencies/no-lockfile";
import { unpinnedVersion } from "./dependencies/unpinned-version";

/**
 * Every rule the engine runs, in catalogue order. Settings, SARIF `rules[]`, the README table
 * and the docs test are all generated from this list.
 */
export const RULES: readonly RuleDefinition[] = [noHardcodedSecret, envFileNotIgnored, undocumentedEnvVar, undeclaredDependency, noLockfile, unpinnedVersion, noLocalState, noInMemorySession, noFixedPort, noDaemonOrPidfile, noFileLogging, schemaSyncOnBoot];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
