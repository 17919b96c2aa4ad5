import type { RuleDefinition } from "../engine/rule";
import { noHardcodedSecret } from "./config/no-hardcoded-secret";
import { noFixedPort } from "./port-binding/no-fixed-port";

/**
 * Every rule the engine runs, in catalogue order. Settings, SARIF `rules[]`, the README table
 * and the docs test are all generated from this list.
 */
export const RULES: readonly RuleDefinition[] = [noHardcodedSecret, noFixedPort];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
