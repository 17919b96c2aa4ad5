import { toEnvName } from "../../../../../server/src/engine/fixes/envConfig";
import type { Finding } from "../../../../../server/src/engine/types";
import { noHardcodedSecret } from "../../../../../server/src/rules/config/no-hardcoded-secret";
import { secretInProjectFile } from "../../../../../server/src/rules/config/secret-in-project-file";
import { SECRET_TRIGGER } from "../../../../../server/src/rules/config/secrets/trigger";
import type { ProviderFormat } from "../../../../../server/src/rules/config/secrets/providers";
import { analyze } from "../../../../helpers/ruleTester";
import { PROVIDER_SAMPLES } from "../samples";

/**
 * The standing regression check of the secret detection: every sample of a family written in
 * every place a secret turns up (a string, a template, a property, a JSON config file, `.npmrc`,
 * compose, a Dockerfile, `.env` text / XML / a curl command held in a string), plus close
 * look-alikes and placeholders in the same places. One project per family and place, so a
 * family costs ten analyses, not ten per sample.
 */

export interface Sample {
  /** What the table row says: `github-pat`, `url password` ... */
  id: string;
  value: string;
  /** The variable, key or element the value sits under (camelCase); neutral when absent. */
  name?: string;
  /** The provider row that must report it; heuristics when absent. */
  format?: ProviderFormat;
  /** The part of the value the finding must point at inside embedded text; the value by default. */
  token?: string;
}

export interface Family {
  name: string;
  positives: Sample[];
  /** Close look-alikes (wrong length, case, marker or context) and placeholders: never reported. */
  negatives: Sample[];
}

export const EMBEDDINGS = ["plain string", "template", "object property", "JSON project file", ".npmrc", "compose", "Dockerfile", "embedded .env text", "XML", "curl"] as const;
export type Embedding = (typeof EMBEDDINGS)[number];

interface Placed {
  filename: string;
  text: string;
  /** Offsets of each sample's span in `text` (undefined: the place cannot hold this value, e.g. a line format and a multi-line key). */
  spans: ({ start: number; end: number } | undefined)[];
}

/** A name that says nothing about secrets, for samples that carry none. */
const NEUTRAL = "setting";

/** A row that needs a secret-like name naming its service (no marker of its own). */
function isContextRow(format: ProviderFormat): boolean {
  return format.anchors.length === 0 && format.context !== undefined;
}

function envNameOf(sample: Sample): string {
  return toEnvName(sample.name ?? NEUTRAL);
}

/** Text for a template literal body. */
function templateText(value: string): string {
  return value.replace(/[\\`]/g, "\\$&").replace(/\$\{/g, "\\${");
}

function kebab(name: string): string {
  return toEnvName(name).toLowerCase().replace(/_/g, "-");
}

/** Each sample as one statement or entry of the embedding's file. */
function place(embedding: Embedding, samples: readonly Sample[]): Placed {
  let text = embedding === "compose" ? "services:\n  app:\n    image: node:20\n    environment:\n" : embedding === "Dockerfile" ? "FROM node:20\n" : "";
  const spans: Placed["spans"] = [];
  const add = (before: string, body: string | undefined, after: string): void => {
    if (body === undefined) {
      spans.push(undefined);
      return;
    }
    text += before;
    const start = text.length;
    text += body;
    spans.push({ start, end: text.length });
    text += after;
  };
  const multiLine = (value: string) => value.includes("\n");
  samples.forEach((sample, i) => {
    const name = sample.name ?? NEUTRAL;
    const literal = JSON.stringify(sample.value);
    const selfIdentifying = sample.format !== undefined && !isContextRow(sample.format);
    switch (embedding) {
      case "plain string":
        return add(sample.name ? `const ${name}_${i} = ` : `client.connect(`, literal, sample.name ? ";\n" : ");\n");
      case "template":
        return add(`const ${name}_${i} = `, `\`${templateText(sample.value)}\``, ";\n");
      case "object property":
        return add(`const config_${i} = { ${name}: `, literal, " };\n");
      case "embedded .env text":
        return add(`const env_${i} = \``, `PORT=3000\n${envNameOf(sample)}=${templateText(sample.value)}\nDEBUG=false\n`, "`;\n");
      case "XML":
        return add(`const xml_${i} = \``, `<settings><${name}>${templateText(sample.value)}</${name}></settings>`, "`;\n");
      case "curl":
        return add(
          `const command_${i} = \``,
          selfIdentifying
            ? `curl -s -H "Authorization: Bearer ${templateText(sample.value)}" https://api.example.com/v1/me`
            : `curl -s https://api.acme.io/v1/items --${sample.name ? kebab(name) : "data"}="${templateText(sample.value)}" --verbose`,
          "`;\n",
        );
      case "JSON project file":
        return add(`${i === 0 ? "{\n" : ",\n"}  "s${i}": { ${JSON.stringify(name)}: `, literal, " }");
      case ".npmrc":
        return add(`${selfIdentifying ? `//npm.acme.io/:_authToken${i}` : name}=`, multiLine(sample.value) ? undefined : sample.value, "\n");
      case "compose":
        return add(`      ${envNameOf(sample)}_${i}: `, multiLine(sample.value) ? undefined : `'${sample.value}'`, "\n");
      case "Dockerfile":
        return add(`ENV ${envNameOf(sample)}_${i}=`, multiLine(sample.value) || sample.value.includes('"') ? undefined : `"${sample.value}"`, "\n");
    }
  });
  if (embedding === "JSON project file") text += samples.length > 0 ? "\n}\n" : "{}\n";
  const filename = { "JSON project file": "config/default.json", ".npmrc": ".npmrc", compose: "docker-compose.yml", Dockerfile: "Dockerfile" }[embedding as string] ?? "src/settings.ts";
  return { filename, text, spans };
}

export interface Outcome {
  sample: Sample;
  embedding: Embedding;
  /** Findings whose range starts inside the sample's span. */
  findings: Finding[];
  /** The span's text and the code around it, for messages. */
  text: string;
  span: { start: number; end: number };
  /** The pre-scan lets the sample's statement through (code embeddings only). */
  triggered: boolean;
}

/** Runs every sample of `samples` in `embedding`; undefined spans (impossible placements) are left out. */
export function run(embedding: Embedding, samples: readonly Sample[]): Outcome[] {
  const placed = place(embedding, samples);
  const code = placed.filename.endsWith(".ts");
  const result = analyze(code ? noHardcodedSecret : secretInProjectFile, { code: placed.text, filename: placed.filename, files: { "package.json": '{ "name": "app" }\n' } });
  try {
    const outcomes: Outcome[] = [];
    placed.spans.forEach((span, i) => {
      if (!span) return;
      // Overlapping the span: a finding on the whole literal that holds the sample counts too.
      const findings = result.findings.filter((finding) => finding.range.startOffset < span.end && finding.range.endOffset > span.start);
      const line = placed.text.slice(placed.text.lastIndexOf("\n", span.start - 1) + 1, placed.text.indexOf("\n", span.end) >>> 0 || undefined);
      outcomes.push({ sample: samples[i], embedding, findings, text: placed.text, span, triggered: !code || SECRET_TRIGGER.test(line) });
    });
    return outcomes;
  } finally {
    result.cleanup();
  }
}

/** The provider rows of a family, each with its sample from samples.ts. */
export function providerSamples(rows: readonly ProviderFormat[]): Sample[] {
  return rows.map((row) => {
    const sample = PROVIDER_SAMPLES[row.id];
    return { id: row.id, value: sample.value, name: sample.name, format: row, token: sample.token };
  });
}

const swapCase = (char: string) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase());

/**
 * Look-alikes of each self-identifying sample, in a neutral place: the marker in the wrong case,
 * the body cut to half its length, the token glued to a longer word. Context rows: the value
 * under a name that names the service but not a secret (`asanaProjectId`).
 */
export function lookAlikes(samples: readonly Sample[]): Sample[] {
  const out: Sample[] = [];
  for (const sample of samples) {
    const format = sample.format;
    if (!format) continue;
    if (isContextRow(format)) {
      const service = (format.context?.source.match(/[a-z]{4,}/) ?? ["service"])[0];
      out.push({ id: `${sample.id}: service named, no secret word`, value: sample.value, name: `${service}ProjectId` });
      continue;
    }
    const token = sample.token ?? sample.value;
    // A look-alike the row's own pattern still accepts (open-ended lengths) would test nothing.
    const add = (id: string, value: string): void => {
      if (!format.pattern.test(value)) out.push({ id: `${sample.id}: ${id}`, value });
    };
    const anchor = format.anchors.find((candidate) => token.includes(candidate)) ?? "";
    const at = token.indexOf(anchor) + Math.max(0, anchor.search(/[A-Za-z]/));
    // A URL look-alike still carries a password, which is a secret of its own.
    if (/[A-Za-z]/.test(anchor) && !token.includes("://")) add("marker in the wrong case", sample.value.replace(token, token.slice(0, at) + swapCase(token[at]) + token.slice(at + 1)));
    add("cut to half its length", sample.value.replace(token, token.slice(0, Math.ceil(token.length / 2))));
    add("glued inside a longer word", sample.value.replace(token, `Zq${token}`));
  }
  return out;
}

/** Placeholder versions of each self-identifying sample: its body masked, typed in sequence, or cut with an ellipsis. */
export function placeholders(samples: readonly Sample[]): Sample[] {
  const out: Sample[] = [];
  for (const sample of samples) {
    const format = sample.format;
    if (!format || format.anchors.length === 0 || format.whole) continue;
    const token = sample.token ?? sample.value;
    const anchor = format.anchors.find((candidate) => token.startsWith(candidate));
    if (!anchor) continue;
    const bodyLength = token.length - anchor.length;
    const typed = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(8).slice(0, bodyLength);
    out.push({ id: `${sample.id}: masked with X`, value: anchor + "X".repeat(bodyLength), name: "apiKey" });
    out.push({ id: `${sample.id}: typed in sequence`, value: anchor + typed, name: "apiKey" });
    out.push({ id: `${sample.id}: masked with #`, value: anchor + "#".repeat(bodyLength), name: "apiKey" });
    out.push({ id: `${sample.id}: cut with an ellipsis`, value: `${token.slice(0, anchor.length + 4)}...`, name: "apiKey" });
  }
  return out;
}

export interface Counts {
  positives: number;
  found: number;
  negatives: number;
  falseAlarms: number;
  misses: string[];
  alarms: string[];
}

/** Found and false-alarm counts of a family over every embedding. */
export function measure(family: Family): Counts {
  const counts: Counts = { positives: 0, found: 0, negatives: 0, falseAlarms: 0, misses: [], alarms: [] };
  for (const embedding of EMBEDDINGS) {
    for (const outcome of run(embedding, family.positives)) {
      counts.positives++;
      if (outcome.findings.length > 0 && outcome.triggered) counts.found++;
      else counts.misses.push(`${outcome.sample.id} in ${embedding}`);
    }
    for (const outcome of run(embedding, family.negatives)) {
      counts.negatives++;
      if (outcome.findings.length > 0) {
        counts.falseAlarms++;
        counts.alarms.push(`${outcome.sample.id} in ${embedding}: ${outcome.findings[0].message}`);
      }
    }
  }
  return counts;
}
