/**
 * Values that stand in for a secret rather than being one. Reviewed table: every entry has a
 * must-not-flag test (test/rules/config/secrets/tables.test.ts) and a row in the rule doc.
 */

/** Exact values (compared lower-cased, with `-` and spaces read as `_`, also with a number after: `secret1`). */
export const PLACEHOLDER_WORDS: readonly string[] = [
  "changeme", "change_me", "changeit", "change_this", "replaceme", "replace_me", "xxx", "todo", "tbd", "tba", "fixme",
  "dummy", "example", "sample", "test", "testing", "secret", "password", "passwd", "pass", "pwd", "token", "apikey",
  "api_key", "key", "none", "null", "nil", "undefined", "string", "text", "number", "required", "optional", "empty",
  "default", "placeholder", "redacted", "hidden", "masked", "foo", "bar", "baz", "qux", "foobar", "fake", "mock", "demo",
  "secretkey", "secret_key", "mysecret", "my_secret", "your_secret", "your_token", "your_password", "your_api_key",
  "current_password", "new_password", "bearer", "basic", "n/a", "na", "unknown", "value",
  "mypassword", "my_password", "mypass", "my_pass", "mytoken", "my_token", "myapikey", "my_api_key", "mykey", "my_key",
  "yourpassword", "yourtoken", "your_key", "yourkey",
];

const WORDS = new Set(PLACEHOLDER_WORDS);

export interface PlaceholderPattern {
  id: string;
  label: string;
  pattern: RegExp;
  /** A value the row must keep from being reported (checked by the table test). */
  example: string;
}

export const PLACEHOLDER_PATTERNS: readonly PlaceholderPattern[] = [
  { id: "blank", label: "empty or blank", pattern: /^\s*$/, example: "" },
  { id: "angle-brackets", label: "a name in angle brackets", pattern: /<[A-Za-z][^<>\n]{0,60}>/, example: "<your-key>" },
  { id: "square-brackets", label: "a name in square brackets", pattern: /^\[[^\]]+\]$/, example: "[API KEY]" },
  { id: "braces", label: "a name in braces", pattern: /^\{[A-Za-z0-9_ .-]+\}$/, example: "{token}" },
  { id: "interpolation", label: "a template interpolation", pattern: /\$\{[^}]*\}|\{\{[^}]*\}\}|\$\([^)]*\)/, example: "${API_TOKEN}" },
  { id: "format-directive", label: "a printf/format directive", pattern: /%(?:\([A-Za-z_]+\))?[sdjiv]/, example: "%s" },
  { id: "shell-variable", label: "a shell variable reference", pattern: /^\$[A-Za-z_][A-Za-z0-9_]*$/, example: "$GITHUB_TOKEN" },
  { id: "mask", label: "mask characters (x, *, •, #)", pattern: /^[xX*•#.\-_ ]{3,}$/, example: "*****" },
  { id: "mask-groups", label: "groups of X", pattern: /(?:^|[^A-Za-z])[xX]{4,}|XXXX/, example: "XXXX-XXXX-XXXX" },
  { id: "repeated", label: "one character repeated", pattern: /^(.)\1{2,}$/, example: "0000000000" },
  { id: "your-here", label: "\"your … here\" wording", pattern: /^(?:your|insert|enter|replace|put)(?:[-_ .]|[A-Z])|(?:^|[-_ ])here$/i, example: "your_api_key_here" },
  { id: "marker-word", label: "contains example/sample/dummy/placeholder/changeme/redacted/fake", pattern: /example|sample|dummy|placeholder|changeme|redacted|fake/i, example: "sk-example-key-do-not-use" },
  { id: "ellipsis", label: "truncated with an ellipsis", pattern: /\.\.\.|…/, example: "ghp_..." },
  { id: "todo", label: "starts with TODO/FIXME/TBD", pattern: /^(?:todo|fixme|tbd)\b/i, example: "TODO: set me" },
];

/** True when the value only stands in for a secret. */
export function isPlaceholder(value: string): boolean {
  const normalized = value.trim().toLowerCase().replace(/[- ]/g, "_");
  // `secret1`, `password123`, `test_2`: numbered fixtures of the same words.
  if (WORDS.has(normalized) || WORDS.has(normalized.replace(/_?[0-9]{1,4}$/, ""))) return true;
  for (const row of PLACEHOLDER_PATTERNS) if (row.pattern.test(value)) return true;
  return false;
}
