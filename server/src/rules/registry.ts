import type { RuleDefinition } from "../engine/rule";
import { noHardcodedSecret } from "./config/no-hardcoded-secret";
import { noFileLogging } from "./logs/no-file-logging";
import { noFixedPort } from "./port-binding/no-fixed-port";
import { noLocalState } from "./processes/no-local-state";

/**
 * Every rule the engine runs, in catalogue order. Settings, SARIF `rules[]`, the README table
 * and the docs test are all generated from this list.
 */
export const RULES: readonly RuleDefinition[] = [noHardcodedSecret, noLocalState, noFixedPort, noFileLogging];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
