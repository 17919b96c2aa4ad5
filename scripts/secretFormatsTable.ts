/**
 * Rewrites the provider table at the end of docs/rules/config/no-hardcoded-secret.md from the
 * reviewed table in server/src/rules/config/secrets/providers/ (the doc test checks they agree).
 *
 *   node --import tsx scripts/secretFormatsTable.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROVIDER_FORMATS, type ProviderFormat } from "../server/src/rules/config/secrets/providers";

const docPath = path.join(__dirname, "../docs/rules/config/no-hardcoded-secret.md");

const code = (text: string) => `\`${text.replace(/\|/g, "\\|")}\``;

function recognisedBy(row: ProviderFormat): string {
  const parts: string[] = [];
  if (row.anchors.length > 0) parts.push(row.anchors.map(code).join(", "));
  else if (!row.context) parts.push(`shape ${code(row.pattern.source.replace(/^\(\?<!\[A-Za-z0-9\]\)\(\?:(.*)\)\(\?!\[A-Za-z0-9\]\)$/, "$1"))}`);
  if (row.context) parts.push(`name context ${code(row.context.source)}`);
  if (row.anchors.length === 0 && row.context) parts.push(`whole value ${code(row.pattern.source.replace(/^\^\(\?:(.*)\)\$$/, "$1"))}`);
  if (row.siblings) parts.push(`sibling keys ${code(row.siblings.source)}`);
  return parts.join(" + ");
}

const rows = PROVIDER_FORMATS.map((row) => `| \`${row.id}\` | ${row.label} | ${recognisedBy(row)} | \`${row.envName}\` | ${row.severity} |`);
const doc = readFileSync(docPath, "utf8");
const header = "| id | format | recognised by | variable | severity |\n|---|---|---|---|---|\n";
const start = doc.indexOf(header);
if (start < 0) throw new Error("provider table header not found");
const end = doc.indexOf("\n\n", start + header.length);
writeFileSync(docPath, doc.slice(0, start) + header + rows.join("\n") + (end < 0 ? "\n" : doc.slice(end)));
console.log(`${rows.length} provider formats written`);
