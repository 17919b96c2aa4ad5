/**
 * Disable directives in comments, found by a line scan (no parse needed, so a file whose rules
 * are all disabled costs nothing):
 *   // twelve-factor-disable-next-line <id>[, <id>]
 *   // twelve-factor-disable-line <id>
 *   /* twelve-factor-disable <id> *\/           (whole file)
 * plus the markers other secret scanners already put in code bases.
 */

import { LineIndex } from "./lineIndex";

export interface Directive {
  kind: "line" | "next-line" | "file";
  ids: string[];
  /** Zero-based line the directive sits on. */
  line: number;
  /** Offsets of each id in the text, to report unknown ids exactly. */
  idOffsets: number[];
}

export interface Suppressions {
  directives: Directive[];
  isSuppressed(ruleId: string, line: number): boolean;
}

// The keyword must end at a space or the comment's end: `twelve-factor-disable-lines` is no directive.
const DIRECTIVE = /(?:\/\/|\/\*)\s*twelve-factor-disable(-next-line|-line)?(?=[\s*]|$)([^\n*]*)/gm;
/** gitleaks, secretlint, detect-secrets and SonarQube markers: honoured for secrets only. */
const SECRET_MARKERS = /gitleaks:allow|secretlint-disable-line|pragma:\s*allowlist secret|NOSONAR/;
const SECRET_NEXT_LINE_MARKERS = /secretlint-disable-next-line|pragma:\s*allowlist nextline secret/;
const SECRET_RULES = new Set(["config/no-hardcoded-secret"]);

/**
 * `isComment(offset)` tells whether directive text found at `offset` really sits in a comment
 * (and not in a string that merely mentions one); it is asked only when such text exists.
 */
export function parseSuppressions(text: string, isComment: (offset: number) => boolean = () => true): Suppressions {
  const directives: Directive[] = [];
  let lines: LineIndex | undefined;
  // Built only when a directive is present: most files have none.
  const lineOf = (offset: number): number => (lines ??= new LineIndex(text)).getLineAndCharacterOfPosition(offset).line;

  if (text.includes("twelve-factor-disable")) {
    for (const match of text.matchAll(DIRECTIVE)) {
      if (!isComment(match.index ?? 0)) continue;
      const kind = match[1] === "-next-line" ? "next-line" : match[1] === "-line" ? "line" : "file";
      const body = match[2].split("--")[0];
      const bodyStart = (match.index ?? 0) + match[0].length - match[2].length;
      const ids: string[] = [];
      const idOffsets: number[] = [];
      for (const idMatch of body.matchAll(/[^\s,]+/g)) {
        ids.push(idMatch[0]);
        idOffsets.push(bodyStart + (idMatch.index ?? 0));
      }
      directives.push({ kind, ids, line: lineOf(match.index ?? 0), idOffsets });
    }
  }

  const textLines = SECRET_MARKERS.test(text) || SECRET_NEXT_LINE_MARKERS.test(text) ? text.split("\n") : [];
  const secretLines = new Set<number>();
  textLines.forEach((line, index) => {
    if (SECRET_MARKERS.test(line)) secretLines.add(index);
    if (SECRET_NEXT_LINE_MARKERS.test(line)) secretLines.add(index + 1);
  });

  return {
    directives,
    isSuppressed(ruleId, line) {
      if (SECRET_RULES.has(ruleId) && secretLines.has(line)) return true;
      return directives.some((directive) => {
        // A directive with no id disables every rule, as ESLint's does.
        const applies = directive.ids.length === 0 || directive.ids.includes(ruleId);
        if (!applies) return false;
        if (directive.kind === "file") return true;
        return directive.kind === "line" ? directive.line === line : directive.line + 1 === line;
      });
    },
  };
}
