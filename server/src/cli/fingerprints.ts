import path from "node:path";
import { BASELINE_FILE_NAME, fingerprint, readBaseline } from "../engine/baseline";
import { diskHost } from "../engine/host";
import type { Finding } from "../engine/types";
import type { BaselineOptions } from "./baselineArgs";
import type { ReportFinding } from "./reportModel";

/**
 * Used when the project keeps no baseline. Public, as the salt of a committed baseline is: the
 * fingerprint hides code from a casual reader, and the redaction rules keep secrets out of messages.
 */
export const DEFAULT_FINGERPRINT_SALT = "twelve-factor-lint";

/**
 * The salt of the baseline this run would read (`--baseline FILE`, else the root's file), so
 * the fingerprints other tools see equal the baseline's entries. `--no-baseline` hides nothing
 * but keeps the identities.
 */
export function fingerprintSalt(root: string, cwd: string, options: BaselineOptions): string {
  const file = options.baseline === undefined ? path.join(root, BASELINE_FILE_NAME) : path.resolve(cwd, options.baseline);
  const text = diskHost.readFile(file);
  if (text === undefined) return DEFAULT_FINGERPRINT_SALT;
  const read = readBaseline(text);
  return read.ok ? read.baseline.salt : DEFAULT_FINGERPRINT_SALT;
}

/** Each report finding's baseline fingerprint; `reported[i]` must be built from `findings[i]`. */
export function reportFingerprints(findings: readonly Finding[], reported: readonly ReportFinding[], salt: string, root: string): Map<ReportFinding, string> {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, diskHost.readFile(file));
    return texts.get(file);
  };
  return new Map(reported.map((item, index) => [item, fingerprint(findings[index], textOf(findings[index].file), salt, root)]));
}
