/** One row of the reviewed provider-format table. */
export interface ProviderFormat {
  /** Stable id, listed in the rule doc (a test keeps the doc in step). */
  id: string;
  /** Human label; the finding's signal is `<label> format`. */
  label: string;
  /** The provider's conventional variable, used when the code gives no better name. */
  envName: string;
  /**
   * Literal text every match contains. Values without one of these never reach `pattern`, and
   * the file pre-scan looks for them. Rows without anchors need `context`.
   */
  anchors: readonly string[];
  /** The token, found anywhere inside the value (context rows: the whole trimmed value). */
  pattern: RegExp;
  /** Test-mode keys and other lower-risk formats are warnings; everything else is an error. */
  severity: "error" | "warning";
  /**
   * For formats too generic alone (40 base64 chars, 32 hex chars): words that must appear in
   * the name the value is assigned to, or the names around it (enclosing objects, callee).
   * Such rows are only tried in slots whose name already says "secret".
   */
  context?: RegExp;
  /** Words among the sibling keys of the enclosing object literal that also count as context. */
  siblings?: RegExp;
  /** The whole string is the credential (webhook URL, connection string, key file). */
  whole?: boolean;
  /** Extra validation of a match (decode a JWT header ...). */
  check?: (token: string) => boolean;
  /** Regex source for the file pre-scan when the bare anchor is too common in ordinary code. */
  trigger?: string;
}

type Options = Partial<Pick<ProviderFormat, "severity" | "context" | "siblings" | "whole" | "check" | "trigger">>;

export function provider(id: string, label: string, envName: string, anchors: string | readonly string[], pattern: RegExp, options: Options = {}): ProviderFormat {
  return { id, label, envName, anchors: typeof anchors === "string" ? [anchors] : anchors, pattern, severity: options.severity ?? "error", ...options };
}

/** A context row: no anchor, matched against the whole value, only under a secret-like name with the right words around it. */
export function contextual(id: string, label: string, envName: string, pattern: RegExp, context: RegExp, options: Options = {}): ProviderFormat {
  return { id, label, envName, anchors: [], pattern, severity: "error", context, ...options };
}
