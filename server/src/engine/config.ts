import path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import schema from "../../../schema/twelve-factor.schema.json";
import { defaultConfig, type ProjectConfig } from "./configTypes";
import type { DocumentHost } from "./host";
import { isSeveritySetting } from "./rule";
import type { Note, SeveritySetting } from "./types";

export const CONFIG_FILE_NAME = ".twelve-factor.json";

const IGNORED = "the file is ignored and defaults are used.";

let validator: ValidateFunction | undefined;

/** Compiled on first use: most runs of the language server never see a config file change. */
function validate(value: unknown): ErrorObject | undefined {
  validator ??= new Ajv({ allErrors: false, strict: true }).compile(schema);
  return validator(value) ? undefined : (validator.errors?.[0] ?? undefined);
}

export interface LoadedConfig {
  config: ProjectConfig;
  notes: Note[];
}

/**
 * Reads `.twelve-factor.json` at the project root. Never throws. An unknown top-level key is
 * dropped with a warning. A file that is not valid JSON or otherwise breaks the schema is ignored
 * as a whole (half-reading a broken file would guess at what
 * the user meant); an unknown rule id or a regular expression that does not compile only drops
 * that entry, since the rest of the file is still unambiguous. Each problem is one warning note.
 */
export function loadProjectConfig(root: string, host: DocumentHost, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const file = path.join(root, CONFIG_FILE_NAME);
  const warn = (message: string): LoadedConfig => ({ config: defaultConfig(), notes: [{ level: "warning", file, message: `${CONFIG_FILE_NAME}${message}` }] });
  try {
    const text = host.readFile(file);
    if (text === undefined) {
      return host.fileExists(file) ? warn(`: could not be read; ${IGNORED}`) : { config: defaultConfig(), notes: [] };
    }
    // An empty file says nothing, which is not an error.
    if (text.trim() === "") return { config: defaultConfig(), notes: [] };

    const errors: ParseError[] = [];
    const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) {
      const { line, column } = lineColumn(text, errors[0].offset);
      return warn(`:${line}:${column}: invalid JSON (${describeSyntaxError(errors[0])}); ${IGNORED}`);
    }
    // An unknown top-level key (a typo, a key of a newer version) says nothing about the others:
    // as ESLint does, warn about it and use the rest.
    const { known, unknownNotes } = dropUnknownTopLevelKeys(value, file);
    const schemaError = validate(known);
    if (schemaError) {
      const ignored = warn(`: ${describeSchemaError(schemaError)}; ${IGNORED}`);
      return { config: ignored.config, notes: [...unknownNotes, ...ignored.notes] };
    }
    const loaded = readValidConfig(known as RawConfig, file, knownRuleIds);
    return { config: loaded.config, notes: [...unknownNotes, ...loaded.notes] };
  } catch (error) {
    return warn(`: could not be loaded (${(error as Error).message}); ${IGNORED}`);
  }
}

const TOP_LEVEL_KEYS = new Set(Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {}));

function dropUnknownTopLevelKeys(value: unknown, file: string): { known: unknown; unknownNotes: Note[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { known: value, unknownNotes: [] };
  const entries = Object.entries(value as Record<string, unknown>);
  const unknownNotes = entries
    .filter(([key]) => !TOP_LEVEL_KEYS.has(key))
    .map(([key]): Note => ({ level: "warning", file, message: `${CONFIG_FILE_NAME}: unknown property "${key}" at the top level; it is ignored and the rest of the file is used.` }));
  return { known: Object.fromEntries(entries.filter(([key]) => TOP_LEVEL_KEYS.has(key))), unknownNotes };
}

interface RawConfig {
  rules?: Record<string, SeveritySetting>;
  ignore?: string[];
  secrets?: { allow?: string[] };
}

function readValidConfig(raw: RawConfig, file: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const config = defaultConfig();
  const notes: Note[] = [];
  for (const [id, severity] of Object.entries(raw.rules ?? {})) {
    if (knownRuleIds.has(id)) {
      config.rules[id] = severity;
      continue;
    }
    const suggestion = closestId(id, knownRuleIds);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
    notes.push({ level: "warning", file, message: `${CONFIG_FILE_NAME}: rules["${id}"] is not a known rule id${hint}; using the defaults for it.` });
  }
  config.ignore = [...(raw.ignore ?? [])];
  (raw.secrets?.allow ?? []).forEach((entry, index) => {
    if (isBrokenRegExp(entry)) {
      // The entry itself is not echoed: an allow-list may hold real (if harmless) values.
      notes.push({ level: "warning", file, message: `${CONFIG_FILE_NAME}: secrets.allow[${index}] is written as a regular expression but does not compile; it is ignored.` });
    } else {
      config.secrets.allow.push(entry);
    }
  });
  return { config, notes };
}

/** `/pattern/flags` entries are regular expressions; anything else is an exact value. */
function isBrokenRegExp(entry: string): boolean {
  const match = /^\/(.+)\/([a-z]*)$/s.exec(entry);
  if (!match) return false;
  try {
    new RegExp(match[1], match[2]);
    return false;
  } catch {
    return true;
  }
}

const TYPE_NAMES: Record<string, string> = { object: "an object", array: "an array", string: "a string" };

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "enum":
      return `${where} must be one of ${(params.allowedValues as string[]).join(", ")}`;
    case "additionalProperties":
      return `unknown property "${String(params.additionalProperty)}" ${where === "" ? "at the top level" : `in ${where}`}`;
    case "type":
      return where === "" ? "the file must hold a JSON object" : `${where} must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}`;
    case "minLength":
      return `${where} must not be empty`;
    default:
      return `${where || "the file"} ${error.message ?? "is not valid"}`;
  }
}

const SYNTAX_HINTS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  ValueExpected: "a value is missing",
  CommaExpected: "a comma is missing",
  ColonExpected: "a colon is missing",
  PropertyNameExpected: "a property name is missing",
  CloseBraceExpected: "a closing } is missing",
  CloseBracketExpected: "a closing ] is missing",
  EndOfFileExpected: "unexpected text after the end",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfComment: "a comment is not closed",
};

function describeSyntaxError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return SYNTAX_HINTS[code] ?? code;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/** The known id within a few typos of `id`, to turn "unknown id" into "did you mean". */
function closestId(id: string, knownRuleIds: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of knownRuleIds) {
    const distance = editDistance(id, known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export type RuleOverride = { ok: true; id: string; severity: SeveritySetting } | { ok: false; message: string };

/** Parses a CLI `--rule id=severity`; the id must be known when `knownRuleIds` is given. */
export function parseRuleOverride(text: string, knownRuleIds?: ReadonlySet<string>): RuleOverride {
  const equals = text.indexOf("=");
  if (equals < 0) return { ok: false, message: `--rule "${text}" must look like <rule-id>=off|info|warning|error` };
  const id = text.slice(0, equals).trim();
  const severity = text.slice(equals + 1).trim();
  if (id === "") return { ok: false, message: `--rule "${text}" names no rule id` };
  if (!isSeveritySetting(severity)) return { ok: false, message: `--rule "${text}": the severity must be one of off, info, warning, error` };
  if (knownRuleIds && !knownRuleIds.has(id)) {
    const suggestion = closestId(id, knownRuleIds);
    return { ok: false, message: `--rule "${text}": "${id}" is not a known rule id${suggestion ? ` (did you mean "${suggestion}"?)` : ""}` };
  }
  return { ok: true, id, severity };
}
