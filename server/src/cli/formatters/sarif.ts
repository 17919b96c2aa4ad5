import { pathToFileURL } from "node:url";
import type { RuleDefinition } from "../../engine/rule";
import type { Severity } from "../../engine/types";
import type { Report, ReportNote } from "../reportModel";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const TOOL_NAME = "twelve-factor-lint";
export const INFORMATION_URI = "https://github.com/twelve-factor-lint/twelve-factor-lint";
const SRCROOT = "%SRCROOT%";

type SarifLevel = "error" | "warning" | "note";

export function sarifLevel(level: Severity | ReportNote["level"]): SarifLevel {
  return level === "info" ? "note" : level;
}

/** `port-binding/no-fixed-port` → `PortBindingNoFixedPort`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");
}

function ruleDescriptor(rule: RuleDefinition) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    helpUri: rule.docs,
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { factor: rule.factor, headline: rule.headline, tags: ["twelve-factor", `factor-${rule.factor}`] },
  };
}

/** Findings the engine makes about its own directives have no rule module; they still need a descriptor. */
function toolDescriptor(id: string) {
  const text = id === "twelve-factor/unknown-rule" ? "An unknown rule id in a twelve-factor-disable comment; it disables nothing." : id;
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text },
    fullDescription: { text },
    defaultConfiguration: { level: "warning" as SarifLevel },
    properties: { tags: ["twelve-factor"] },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function uriOf(relativePath: string): string {
  return relativePath.split("/").map(encodeURIComponent).join("/");
}

function artifact(relativePath: string) {
  return { artifactLocation: { uri: uriOf(relativePath), uriBaseId: SRCROOT } };
}

/**
 * SARIF 2.1.0 for code-scanning dashboards. Columns count UTF-16 code units (what the engine
 * measures), declared with `columnKind`; paths are relative to `%SRCROOT%`, the project root.
 */
export function toSarif(report: Report, options: { rules: readonly RuleDefinition[]; version: string }) {
  const descriptors: Array<ReturnType<typeof ruleDescriptor> | ReturnType<typeof toolDescriptor>> = options.rules.map(ruleDescriptor);
  const indexOf = new Map(options.rules.map((rule, index) => [rule.id, index]));
  for (const finding of report.findings) {
    if (indexOf.has(finding.ruleId)) continue;
    indexOf.set(finding.ruleId, descriptors.length);
    descriptors.push(toolDescriptor(finding.ruleId));
  }
  const rootUri = pathToFileURL(report.root).href.replace(/\/?$/, "/");
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, informationUri: INFORMATION_URI, version: options.version, semanticVersion: options.version, rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        columnKind: "utf16CodeUnits",
        invocations: [
          {
            executionSuccessful: !report.notes.some((note) => note.level === "error"),
            toolExecutionNotifications: report.notes.map((note) => ({
              level: sarifLevel(note.level),
              message: { text: note.message },
              ...(note.file === null ? {} : { locations: [{ physicalLocation: artifact(note.file) }] }),
            })),
          },
        ],
        results: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: indexOf.get(finding.ruleId) as number,
          level: sarifLevel(finding.severity),
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                ...artifact(finding.file),
                region: {
                  startLine: finding.range.start.line,
                  startColumn: finding.range.start.column,
                  endLine: finding.range.end.line,
                  endColumn: finding.range.end.column,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

export function formatSarif(report: Report, options: { rules: readonly RuleDefinition[]; version: string }): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
