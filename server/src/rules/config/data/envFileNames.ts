/**
 * Name segments that mark a `.env*` file as a template meant to be committed (no real values):
 * `.env.example`, `.env.sample`, `.env.production.example`, `.env.template` ...
 * `.env.vault` (dotenv-vault) is encrypted and meant to be committed, so it counts too.
 * `.env.keys` (the vault's decryption keys) is deliberately absent: it must never be committed.
 */
export const TEMPLATE_SEGMENTS: ReadonlySet<string> = new Set(["example", "sample", "template", "tmpl", "tpl", "dist", "defaults", "schema", "vault"]);

/** Whether a file name (no folder) is a template rather than a real env file. */
export function isEnvTemplate(baseName: string): boolean {
  if (baseName !== ".env" && !baseName.startsWith(".env.")) return false;
  return baseName.split(".").slice(2).some((segment) => TEMPLATE_SEGMENTS.has(segment.toLowerCase()));
}
