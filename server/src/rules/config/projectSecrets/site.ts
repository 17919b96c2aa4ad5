import { redact } from "../../../engine/redact";
import type { ProjectFileContext, RuleOptions } from "../../../engine/rule";
import type { Fix } from "../../../engine/types";
import { allowListOf } from "../secrets/allowList";
import { detectSecret, type Detection } from "../secrets/detector";
import { looksRandom } from "../secrets/entropy";
import { literalOffsets } from "../secrets/strings";

/** One value of a project file, with what the message and the fix need to know about its place. */
export interface ValueSite {
  /** The value as the tool reading the file sees it (quotes removed). */
  value: string;
  /** The key or variable it is assigned to: it decides how secret-like the place is. */
  name: string | undefined;
  /** Offsets of the value as written: the diagnostic range. */
  start: number;
  end: number;
  /** "`_authToken` in .npmrc", "`API_KEY` of service `web`" ... */
  where: string;
  /** The last sentence of the message: what to do instead. */
  advice: string;
  fix?: (detection: Detection) => Fix | undefined;
  /**
   * The file documents values rather than configuring anything (a committed `.env.example`): a
   * word-like sample (`1234`, `postgres`) there publishes nothing; only a value that looks random
   * or identifies itself is a leaked secret.
   */
  documents?: boolean;
}

/**
 * The allow-list of `.twelve-factor.json` `secrets.allow`. Project-file checks do not receive
 * rule options yet (an engine gap, reported); read them when the context carries them.
 */
export function allowListFor(context: ProjectFileContext): (value: string) => boolean {
  const options = (context as ProjectFileContext & { options?: RuleOptions }).options;
  return allowListOf(options?.secretsAllowList ?? []);
}

/** The shared secret detector on one value of a project file, under its key. */
export function detectProjectValue(value: string, name: string | undefined, allowed: (value: string) => boolean): Detection | undefined {
  // A project file is config by nature: a password there configures something, whatever its key.
  return detectSecret(value, { name, role: "value", configures: true, names: () => (name ?? "").toLowerCase(), siblings: () => "" }, allowed);
}

/** Runs the shared secret detector on one value and reports it, redacted, with its fix. */
export function checkValue(context: ProjectFileContext, site: ValueSite): void {
  // References (`${NPM_TOKEN}`, `$TOKEN`, `${X:-}`) and other stand-ins are the placeholder table's job.
  if (site.value.length < 4) return;
  const detection = detectProjectValue(site.value, site.name, allowListFor(context));
  if (!detection) return;
  if (site.documents && !detection.selfIdentifying && !looksRandom(detection.secret)) return;
  const fix = site.fix?.(detection);
  context.report({
    ...(detection.embedded ? embeddedRange(context.text, site, detection) : { start: site.start, end: site.end }),
    message: `Hardcoded secret ${redact(detection.secret)} in ${site.where}: ${detection.signals.join("; ")}. ${site.advice}`,
    severity: detection.severity,
    selfIdentifying: detection.selfIdentifying,
    signals: detection.signals,
    fixes: fix ? [fix] : [],
  });
}

/** The embedded value's own range when the value as written maps onto it (bare, or a quoted string); else the whole value. */
function embeddedRange(text: string, site: ValueSite, detection: Detection): { start: number; end: number } {
  const raw = text.slice(site.start, site.end);
  if (raw === site.value) return { start: site.start + detection.start, end: site.start + detection.end };
  const offsets = literalOffsets(raw, site.value);
  return offsets ? { start: site.start + offsets[detection.start], end: site.start + offsets[detection.end - 1] + 1 } : { start: site.start, end: site.end };
}

/** A fix made of one replacement in the file itself. */
export function replaceFix(file: string, start: number, end: number, newText: string, title: string): Fix {
  return { title, safe: true, edits: [{ file, start, end, newText }], creates: [] };
}
