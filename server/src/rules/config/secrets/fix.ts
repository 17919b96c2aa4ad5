import type ts from "typescript";
import { envVariableFix } from "../../../engine/fixes/envConfig";
import type { ProjectModel } from "../../../engine/project";
import type { Fix } from "../../../engine/types";
import type { Detection } from "./detector";

/** What was reported, and how its text maps back to the source. */
export interface SecretSite {
  node: ts.Node;
  sourceFile: ts.SourceFile;
  file: string;
  /** The string's value (a template's substitutions read as `${}`). */
  value: string;
  /** `string`: one literal; `template`: a template with substitutions; `concatenation`: folded `"a" + "b"`. */
  kind: "string" | "template" | "concatenation";
  replaceable: boolean;
  jsxAttribute: boolean;
  /** For templates: where each literal part of the value starts in the source, when its source text equals its value. */
  segments?: { valueStart: number; valueEnd: number; sourceStart: number; exact: boolean }[];
}

/** Text for a template literal's body: backslashes, backticks, `${` and line breaks escaped. */
export function escapeTemplateText(text: string): string {
  return text
    .replace(/[\\`]/g, "\\$&")
    .replace(/\$\{/g, "\\${")
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function wrap(site: SecretSite, expression: string): string {
  return site.jsxAttribute ? `{${expression}}` : expression;
}

/**
 * The edit that reads the secret from the environment: the whole string when the secret is
 * the whole value; otherwise a template literal keeping the text around the secret
 * (`"Bearer abc"` → `` `Bearer ${process.env.API_TOKEN}` ``). URLs with a password move only
 * as a whole; concatenations and env fallbacks are left for a person.
 */
function replacement(site: SecretSite, detection: Detection, read: string): { start: number; end: number; newText: string; value: string } | undefined {
  const start = site.node.getStart(site.sourceFile);
  const end = site.node.getEnd();
  const secret = site.value.slice(detection.start, detection.end);
  const before = site.value.slice(0, detection.start);
  const after = site.value.slice(detection.end);
  if (before.trim() === "" && after.trim() === "" && site.kind !== "template") {
    return { start, end, newText: wrap(site, read), value: secret };
  }
  if (!detection.partialFix) return undefined;
  if (site.kind === "string") {
    return { start, end, newText: wrap(site, `\`${escapeTemplateText(before)}\${${read}}${escapeTemplateText(after)}\``), value: secret };
  }
  const segment = site.segments?.find((s) => s.valueStart <= detection.start && detection.end <= s.valueEnd);
  if (site.kind !== "template" || !segment?.exact) return undefined;
  const from = segment.sourceStart + (detection.start - segment.valueStart);
  return { start: from, end: from + secret.length, newText: `\${${read}}`, value: secret };
}

export function secretFix(site: SecretSite, detection: Detection, project: ProjectModel): Fix | undefined {
  if (!site.replaceable) return undefined;
  const read = `process.env.${detection.envName}`;
  const edit = replacement(site, detection, read);
  if (!edit) return undefined;
  return envVariableFix({
    project,
    replacement: { file: site.file, start: edit.start, end: edit.end, newText: edit.newText },
    name: detection.envName,
    value: edit.value,
    title: `Read the secret from ${read}`,
  });
}
