import { JWT_SHAPE, jwtRole } from "./jwt";

/**
 * Reviewed tables of strings that look like secrets but are not: keys published in vendors'
 * documentation, and formats that are public or are hashes. Every row has a must-not-flag
 * test (test/rules/config/secrets/tables.test.ts) and a row in the rule doc.
 */

export interface PublishedExample {
  id: string;
  label: string;
  /** Stored in pieces so that this repository does not itself trip secret scanners. */
  parts: readonly string[];
}

export const PUBLISHED_EXAMPLES: readonly PublishedExample[] = [
  { id: "aws-access-key-id-docs", label: "AWS documentation access key id", parts: ["AKIA", "IOSFODNN7", "EXAMPLE"] },
  { id: "aws-access-key-id-docs-2", label: "AWS documentation access key id (second)", parts: ["AKIA", "I44QH8DHB", "EXAMPLE"] },
  { id: "aws-secret-key-docs", label: "AWS documentation secret access key", parts: ["wJalrXUtnFEMI/K7MDENG/", "bPxRfiCY", "EXAMPLEKEY"] },
  { id: "aws-secret-key-docs-2", label: "AWS documentation secret access key (second)", parts: ["je7MtGbClwBF/2Zp9Utk/", "h3yCo8nvb", "EXAMPLEKEY"] },
  { id: "stripe-docs-secret", label: "Stripe documentation test secret key", parts: ["sk_", "test_", "4eC39HqLyjWDarjtT1zdp7dc"] },
  { id: "stripe-docs-secret-old", label: "Stripe documentation test secret key (older)", parts: ["sk_", "test_", "BQokikJOvBiI2HlWgH4olfQ2"] },
  { id: "google-demo-api-key-1", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "Syabcdefghijklmnopqrstuvwxyz1234567"] },
  { id: "google-demo-api-key-2", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs"] },
  { id: "google-demo-api-key-3", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM"] },
  { id: "google-demo-api-key-4", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU"] },
  { id: "google-demo-api-key-5", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0"] },
  { id: "google-demo-api-key-6", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "yDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A"] },
  { id: "google-demo-api-key-7", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c"] },
  { id: "google-demo-api-key-8", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4"] },
  { id: "google-demo-api-key-9", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY"] },
  { id: "google-demo-api-key-10", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM"] },
  { id: "google-demo-api-key-11", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ"] },
  { id: "google-demo-api-key-12", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g"] },
  { id: "google-demo-api-key-13", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU"] },
  { id: "google-demo-api-key-14", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw"] },
  { id: "google-demo-api-key-15", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE"] },
  { id: "google-demo-api-key-16", label: "Google API key published in samples (allow-listed by gitleaks)", parts: ["AIza", "SyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY"] },
  {
    id: "jwt-io-sample",
    label: "jwt.io sample token",
    parts: ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ", ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"],
  },
];

const PUBLISHED = new Set(PUBLISHED_EXAMPLES.map((row) => row.parts.join("")));

/** True for a value (or token inside a value) that vendors publish as an example. */
export function isPublishedExample(token: string): boolean {
  return PUBLISHED.has(token);
}

export interface NotSecretFormat {
  id: string;
  label: string;
  /** Tested against the whole (trimmed) value. */
  pattern: RegExp;
  /** A value the row must keep from being reported, built from parts where a scanner might object. */
  example: string;
  /** Extra test after the pattern (decoding a JWT's role ...). */
  check?: (value: string) => boolean;
}

/** A JWT whose payload says `"role": "anon"`: Supabase's browser key. */
const SUPABASE_ANON_EXAMPLE = [
  Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url"),
  Buffer.from(JSON.stringify({ iss: "supabase", ref: "abcdefghijklmnopqrst", role: "anon", iat: 1700000000, exp: 2000000000 })).toString("base64url"),
  "Q2hhbmdlZEJ5VGhlVGVzdHNBbmROb3RBU2lnbmF0dXJl",
].join(".");

export const NOT_SECRET_FORMATS: readonly NotSecretFormat[] = [
  {
    id: "sri-integrity",
    label: "subresource-integrity / lockfile integrity hash",
    pattern: /^(?:sha(?:256|384|512)-[A-Za-z0-9+/]{40,}={0,2}\s*)+$/,
    example: "sha512-" + "z4PhNX7vuL3xVChQ1m2AB9Yg+AwHvaOHrg4+cVZC6VuIxvrO6DPMptS4aY1DjdbN2JVU0gGNsvu4ZY8fWaNuQ==",
  },
  { id: "bcrypt-hash", label: "bcrypt password hash", pattern: /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/, example: "$2b$10$" + "N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" },
  { id: "crypt-hash", label: "argon2 / scrypt / sha-crypt password hash", pattern: /^\$(?:argon2(?:id|i|d)|scrypt|pbkdf2[-\w]*|[156y])\$[^\s]+$/, example: "$argon2id$v=19$m=65536,t=3,p=4$" + "c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG" },
  { id: "stripe-publishable-key", label: "Stripe / Clerk publishable key (public by design)", pattern: /^pk_(?:live|test)_[A-Za-z0-9$]+$/, example: "pk_" + "live_" + "51H8x2LKjQ0aZr7Wq9mN3vB5cD1eF4gH6iJ8kL0" },
  { id: "supabase-anon-key", label: "Supabase anon key (JWT with role anon, public by design)", pattern: JWT_SHAPE, check: (value) => jwtRole(value) === "anon", example: SUPABASE_ANON_EXAMPLE },
  { id: "mapbox-public-token", label: "Mapbox public token (public by design)", pattern: /^pk\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, example: "pk." + "eyJ1IjoibWFwYm94dXNlciIsImEiOiJja2x4In0.Zx9Qw8Lr3Tn5Vb7Yc2Ud4A" },
  { id: "data-uri", label: "data: URI (inline image or file)", pattern: /^data:[\w/+.-]*(?:;[\w=.-]+)*,/, example: "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" },
  { id: "public-key", label: "public key (PEM or OpenSSH)", pattern: /^-----BEGIN (?:RSA |EC |)PUBLIC KEY-----|^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) AAAA/, example: "ssh-ed25519 " + "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host" },
  { id: "header-name", label: "an HTTP header's name", pattern: /^x-[a-z0-9]+(?:-[a-z0-9]+)+$/i, example: "x-aws-ec2-metadata-token" },
  { id: "urn", label: "a URN (`urn:uuid:…`)", pattern: /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i, example: "urn:uuid:" + "e71d4fae-5dec-22d6-fea5-00a0c91e6be4" },
  { id: "env-var-name", label: "an environment variable's name", pattern: /^[A-Z][A-Z]+[0-9]{0,2}(?:_[A-Z]+[0-9]{0,2})*$/, example: "STRIPE_SECRET_KEY" },
  { id: "url-without-credentials", label: "a URL without credentials", pattern: /^[a-z][a-z0-9+.-]*:\/\/[^\s@/?#]*(?:[/?#]\S*)?$/i, example: "https://api.example.com/v1/token" },
  { id: "path", label: "a file path or route", pattern: /^(?:\/|\.{1,2}\/|~\/)[^\s]*$/, example: "/oauth/token" },
  { id: "sentence", label: "text with spaces (messages, labels, i18n)", pattern: /\S\s+\S/, example: "Enter your password" },
];

/** The non-secret format the whole value has, if any. */
export function notSecretFormatOf(value: string): NotSecretFormat | undefined {
  const trimmed = value.trim();
  for (const row of NOT_SECRET_FORMATS) if (row.pattern.test(trimmed) && (!row.check || row.check(trimmed))) return row;
  return undefined;
}
