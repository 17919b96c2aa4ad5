/**
 * What the Findings tree's rows say, as plain text (no VS Code API, so it is unit-tested alone).
 * The sidebar is narrow: every row leads with what tells it apart from its siblings.
 */

const SUBJECT_MAX = 40;

/**
 * Under its factor node a rule is named without its factor's part ("no-fixed-port" under
 * "VII. Port binding", not "port-binding/no-fixed-port"); tied to no factor, the full id stays.
 */
export function ruleLabel(ruleId: string, underFactor: boolean): string {
  const slash = ruleId.indexOf("/");
  return underFactor && slash > 0 && slash < ruleId.length - 1 ? ruleId.slice(slash + 1) : ruleId;
}

/**
 * The message's first clause, cut at a word to fit: "Port 3000 is hardcoded in listen()" of
 * "Port 3000 is hardcoded in listen(); bind to …". Messages are already redacted, so no secret.
 */
export function shortSubject(message: string): string {
  const flat = message.replace(/\s+/g, " ").trim();
  const clause = flat.split(/; |: | — /)[0].replace(/\.$/, "");
  if (clause.length <= SUBJECT_MAX) return clause;
  const cut = clause.slice(0, SUBJECT_MAX);
  const space = cut.lastIndexOf(" ");
  return `${(space > SUBJECT_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,(]+$/, "")}…`;
}

/** A finding's row: `src/store.ts:12 · fs.mkdirSync creates a folder…` (1-based line). */
export function findingLabel(file: string, line: number, message: string): string {
  return `${file}:${line} · ${shortSubject(message)}`;
}
