import path from "node:path";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import type ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import { literalPathKind } from "../shared/pathKinds";
import { LOG4JS_FILE_APPENDERS } from "./data/configShapes";
import type { LogFileHit } from "./hits";

/**
 * `log4js.configure("config/log4js.json")`: log4js reads that JSON file. The analyzer reads it
 * too, relative to the project root (where the app is started from), through the project's host
 * (open editor buffers win), never outside the root and never over MAX_JSON_BYTES. What it finds
 * is cached per file version (`project.sources`), so an edit to the JSON is seen at once.
 */

/** A logging config is a few hundred bytes; anything far larger is not one. */
export const MAX_JSON_BYTES = 256 * 1024;

interface JsonAppender {
  name: string;
  type: string;
  filename?: string;
}

type Parsed = { appenders: JsonAppender[] } | { broken: true };

function appendersOf(text: string): Parsed {
  if (text.length > MAX_JSON_BYTES) return { appenders: [] };
  const errors: ParseError[] = [];
  const json: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) return { broken: true };
  const appenders = (json as { appenders?: unknown } | undefined)?.appenders;
  if (!appenders || typeof appenders !== "object" || Array.isArray(appenders)) return { appenders: [] };
  const found: JsonAppender[] = [];
  for (const [name, value] of Object.entries(appenders as Record<string, unknown>)) {
    const { type, filename, base } = (value ?? {}) as { type?: unknown; filename?: unknown; base?: unknown };
    if (typeof type !== "string") continue;
    const file = typeof filename === "string" ? filename : typeof base === "string" ? base : undefined;
    found.push({ name, type, ...(file !== undefined ? { filename: file } : {}) });
  }
  return { appenders: found };
}

/** The JSON file a configure path names, when it stays inside the project root. */
function jsonFileOf(context: RuleContext, configured: string): string | undefined {
  const root = context.project.root;
  const file = path.resolve(root, configured);
  const relative = path.relative(root, file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? undefined : file;
}

/** One hit per file appender of the JSON file `call`'s first argument names; nothing when it is missing or not a string. */
export function log4jsJsonHits(context: RuleContext, call: ts.CallExpression, argument: ts.Expression): LogFileHit[] {
  const value = context.semantics.valueOf(argument);
  if (value.kind !== "literal" || typeof value.value !== "string" || !value.value.toLowerCase().endsWith(".json")) return [];
  const file = jsonFileOf(context, value.value);
  if (!file || !context.project.host.fileExists(file)) return [];
  const parsed = context.project.sources.of("log4js-json", file, appendersOf);
  const shown = context.project.relative(file);
  if (!parsed) return [];
  if ("broken" in parsed) {
    context.project.note(`log4js-json:${file}`, {
      level: "warning",
      file,
      message: `${shown} (read for log4js.configure in ${context.relativePath}) is not valid JSON; its appenders are not checked.`,
    });
    return [];
  }
  return parsed.appenders
    .filter((appender) => LOG4JS_FILE_APPENDERS.includes(appender.type))
    .flatMap((appender): LogFileHit[] => {
      const kind = appender.filename === undefined ? undefined : literalPathKind(appender.filename);
      // `"filename": "/dev/stdout"` writes to the stream after all.
      if (kind?.kind === "stdio") return [];
      return [{
        node: call,
        label: `log4js "${appender.type}" appender "${appender.name}" in ${shown}`,
        signal: `log4js "${appender.type}" appender in a JSON config`,
        file: kind && appender.filename !== undefined ? { ...kind, display: JSON.stringify(appender.filename) } : undefined,
        advice: 'use a "stdout" appender',
      }];
    });
}
