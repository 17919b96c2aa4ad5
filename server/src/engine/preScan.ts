import type { ProjectModel } from "./project";
import type { RuleDefinition } from "./rule";

/**
 * A trigger that is a plain regular expression (no flags, no back-references), so it can join an
 * alternation with the others without changing what it matches.
 */
function isPlainRegExp(trigger: RuleDefinition["trigger"]): trigger is RegExp {
  return trigger instanceof RegExp && trigger.flags === "" && !/\\[1-9]|\\k</.test(trigger.source);
}

/**
 * The text pre-scan of every rule, in one pass where it can be: the triggers that are plain
 * regular expressions are joined into one alternation, which matches a text exactly when one of
 * them does. Most files match none, and for those one scan answers for all of them (on the
 * benchmark corpus about 0.6× the cost of the separate scans). A file it lets through has each
 * of them tested on its own, so every rule's answer is the one its own trigger gives.
 * Triggers that read project facts (declared packages, imports followed into other files) run
 * as they are.
 */
export class PreScan {
  private readonly combined: RegExp | undefined;
  private readonly grouped: ReadonlySet<RuleDefinition>;

  constructor(rules: readonly RuleDefinition[]) {
    const group = rules.filter((rule) => isPlainRegExp(rule.trigger));
    let combined: RegExp | undefined;
    try {
      combined = group.length > 1 ? new RegExp(group.map((rule) => `(?:${(rule.trigger as RegExp).source})`).join("|")) : undefined;
    } catch {
      // Two groups of the same name cannot share one expression: test them one by one.
    }
    this.combined = combined;
    this.grouped = new Set(combined ? group : []);
  }

  /**
   * The rules of `candidates` (kept in their order) whose trigger lets `text` through; `runsOn`
   * is asked first, so a rule that does not look at this file never runs its trigger.
   */
  active(candidates: readonly RuleDefinition[], text: string, file: string, project: ProjectModel, runsOn: (rule: RuleDefinition) => boolean): RuleDefinition[] {
    let groupMatched: boolean | undefined;
    const active: RuleDefinition[] = [];
    for (const rule of candidates) {
      if (rule.trigger === null || !runsOn(rule)) continue;
      if (this.grouped.has(rule)) {
        groupMatched ??= (this.combined as RegExp).test(text);
        if (!groupMatched) continue;
      }
      if (rule.trigger.test(text, file, project)) active.push(rule);
    }
    return active;
  }
}
