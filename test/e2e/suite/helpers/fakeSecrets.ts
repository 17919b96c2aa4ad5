// Fake credentials assembled at run time: the repository (fixture included) never holds a
// token-shaped string, and failure messages show them only redacted.
import assert from "node:assert/strict";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A fixed pseudo-random alphanumeric string (mulberry32), so every run sees the same values. */
function seededAlphanumerics(seed: number, length: number): string {
  let state = seed >>> 0;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const random = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += ALPHANUMERIC[Math.floor(random * ALPHANUMERIC.length)];
  }
  return out;
}

/** A Stripe live secret key in the provider's format: `sk_live_` and 24 alphanumerics. */
export function fakeStripeLiveKey(): string {
  return "sk_live_" + seededAlphanumerics(0x5ee1, 24);
}

/** A generic high-entropy value, the kind the detector flags under a secret-like name. */
export function fakeClientSecret(): string {
  return seededAlphanumerics(0xc11e, 32);
}

/** How the product shows a secret (rules.md): its first 4 characters and its length. */
export function redacted(secret: string): string {
  return `"${secret.slice(0, 4)}…" (${secret.length} chars)`;
}

export function hideSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((hidden, secret) => hidden.split(secret).join(`<secret ${redacted(secret)}>`), text);
}

/** assert.equal for texts that may contain fake secrets: a failure prints them redacted. */
export function assertSameText(actual: string | undefined, expected: string | undefined, what: string, secrets: readonly string[]): void {
  if (actual === expected) return;
  const show = (text: string | undefined) => (text === undefined ? undefined : hideSecrets(text, secrets));
  assert.equal(show(actual), show(expected), `${what} (secrets redacted)`);
  // Equal once redacted yet different: only the secrets differ, and they must not be printed.
  assert.fail(`${what}: the secret values differ from the expected ones`);
}
