import { PUBLISHED_EXAMPLES } from "../../../../../server/src/rules/config/secrets/notSecrets";
import { CLOUD_FORMATS } from "../../../../../server/src/rules/config/secrets/providers/cloud";
import { CODE_FORMATS } from "../../../../../server/src/rules/config/secrets/providers/code";
import { KEY_FORMATS } from "../../../../../server/src/rules/config/secrets/providers/keys";
import { NAMED_FORMATS } from "../../../../../server/src/rules/config/secrets/providers/named";
import { SERVICE_FORMATS } from "../../../../../server/src/rules/config/secrets/providers/services";
import type { ProviderFormat } from "../../../../../server/src/rules/config/secrets/providers";
import { random } from "../samples";
import { lookAlikes, placeholders, providerSamples, type Family, type Sample } from "./harness";

function providerFamily(name: string, rows: Parameters<typeof providerSamples>[0], variants: Sample[] = [], extraNegatives: Sample[] = []): Family {
  const positives = [...providerSamples(rows), ...variants];
  return { name, positives, negatives: [...lookAlikes(positives), ...placeholders(positives), ...extraNegatives] };
}

const row = (rows: readonly ProviderFormat[], id: string): ProviderFormat => {
  const found = rows.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no provider row ${id}`);
  return found;
};
const variant = (rows: readonly ProviderFormat[], id: string, label: string, value: string): Sample => ({ id: `${id} (${label})`, value, format: row(rows, id) });
const join = (...parts: string[]) => parts.join("");
const b64url = (n: number) => random("word", n);

/** The other documented forms of a row: lengths, cases and prefixes the first sample does not show. */
const codeVariants: Sample[] = [
  variant(CODE_FORMATS, "github-app-token", "long installation token", join("gh", "s_", random("digits", 8), "_", b64url(40), ".", b64url(120), ".", b64url(43))),
  variant(CODE_FORMATS, "linear-api-key", "32-character body", join("lin", "_api_", random("alnum", 32))),
  variant(CODE_FORMATS, "linear-api-key", "64-character body", join("lin", "_api_", random("alnum", 64))),
  variant(CODE_FORMATS, "gitlab-pat", "routable", join("gl", "pat-", b64url(27), ".", random("lowerDigits", 9))),
  variant(CODE_FORMATS, "gitlab-other-token", "session cookie", join("_gitlab", "_session=", random("lowerDigits", 32))),
  variant(CODE_FORMATS, "1password-secret-key", "grouped 6+5", join("A", "3-", random("upperDigits", 6), "-", random("upperDigits", 6), "-", random("upperDigits", 5), "-", random("upperDigits", 5), "-", random("upperDigits", 5), "-", random("upperDigits", 5))),
];
const cloudVariants: Sample[] = [
  variant(CLOUD_FORMATS, "aws-access-key-id", "A3T prefix", join("A3", "TX", random("upperDigits", 16))),
  variant(CLOUD_FORMATS, "aws-access-key-id", "temporary ASIA", join("AS", "IA", random("aws", 16))),
  variant(CLOUD_FORMATS, "databricks-token", "upper-case hex", join("da", "pi", random("hex", 32).toUpperCase())),
  variant(CLOUD_FORMATS, "fly-io-token", "FlyV1 macaroon", join("Fly", "V1 fm", "1a_", random("b64", 120), ",fm", "2_", random("b64", 40))),
  variant(CLOUD_FORMATS, "vault-token", "recovery token", join("hv", "r.", b64url(95))),
  variant(CLOUD_FORMATS, "cloudflare-prefixed-token", "account key", join("cf", "k_", random("alnum", 40), random("hex", 8))),
  variant(CLOUD_FORMATS, "vercel-prefixed-token", "integration token", join("vc", "i_", random("alnum", 24))),
  variant(CLOUD_FORMATS, "tailscale-key", "API key", join("tskey", "-api-", random("alnum", 14), "-", random("alnum", 30))),
];
const serviceVariants: Sample[] = [
  variant(SERVICE_FORMATS, "stripe-live-restricted-key", "rk_prod_", join("rk", "_prod_", random("alnum", 40))),
  variant(SERVICE_FORMATS, "stripe-live-secret-key", "sk_prod_", join("sk", "_prod_", random("alnum", 99))),
  variant(SERVICE_FORMATS, "shopify-access-token", "mixed-case body", join("sh", "pat_", random("alnum", 32))),
  variant(SERVICE_FORMATS, "shopify-custom-app-token", "mixed-case body", join("sh", "pca_", random("alnum", 40))),
  variant(SERVICE_FORMATS, "openai-project-key", "service account, 58-character halves", join("sk-", "svcacct-", b64url(58), "T3Blbk", "FJ", b64url(58))),
  variant(SERVICE_FORMATS, "openai-project-key", "admin key", join("sk-", "admin-", b64url(58), "T3Blbk", "FJ", b64url(58))),
  variant(SERVICE_FORMATS, "anthropic-api-key", "admin key", join("sk-", "ant-admin01-", b64url(93), "AA")),
];
/** Look-alikes the mutations above do not produce: the OpenAI marker missing, a test key's wrong prefix. */
const serviceLookAlikes: Sample[] = [
  { id: "openai-project-key without the T3BlbkFJ marker", value: join("sk-", "proj-", random("alnum", 156)) },
  { id: "Stripe prefix on a task id", value: join("task", "_test_", random("alnum", 30)) },
];

const published: Sample[] = PUBLISHED_EXAMPLES.map((row) => ({ id: `published example ${row.id}`, value: row.parts.join(""), name: row.id.startsWith("aws-secret") ? "awsSecretAccessKey" : "apiKey" }));

/** PGP armour and an age key file: key material the peers find that has no provider. */
const pgpBlock = ["-----BEGIN PGP PRIVATE KEY BLOCK-----", "", ...Array.from({ length: 5 }, () => random("b64", 64)), "=" + random("b64", 4), "-----END PGP PRIVATE KEY BLOCK-----"].join("\n");
const keyExtras: Sample[] = [
  { id: "PGP private key block", value: pgpBlock, format: KEY_FORMATS[0], token: pgpBlock },
  { id: "OpenSSH private key", value: `-----BEGIN OPENSSH PRIVATE KEY-----\n${random("b64", 70)}\n${random("b64", 70)}\n-----END OPENSSH PRIVATE KEY-----`, format: KEY_FORMATS[0] },
];
const keyNegatives: Sample[] = [
  { id: "PEM public key", value: `-----BEGIN PUBLIC KEY-----\n${random("b64", 64)}\n-----END PUBLIC KEY-----`, name: "publicKey" },
  { id: "PEM block with a placeholder body", value: "-----BEGIN PRIVATE KEY-----\n<your private key>\n-----END PRIVATE KEY-----", name: "privateKey" },
  { id: "PEM header alone (a parser's constant)", value: "-----BEGIN RSA PRIVATE KEY-----", name: "header" },
  ...published,
];

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Credentials recognised by their name, their URL or their header scheme, with no provider format. */
const namedPositives: Sample[] = [
  { id: "random password under a password name", name: "dbPassword", value: "Xk29" + "fLq7-Wm3" },
  { id: "high-entropy API key", name: "apiKey", value: random("alnum", 32) },
  { id: "client secret", name: "clientSecret", value: random("word", 40) },
  { id: "session secret", name: "sessionSecret", value: random("b64", 48) },
  { id: "signing key in hex", name: "signingKey", value: random("hex", 64) },
  { id: "postgres URL with a password", name: "databaseUrl", value: `postgres://app:${random("alnum", 16)}@db.internal:5432/app` },
  { id: "redis URL with only a password", name: "redisUrl", value: `redis://:${random("alnum", 20)}@cache.internal:6379/0` },
  { id: "Bearer credential", name: "authorization", value: `Bearer ${random("word", 40)}` },
  { id: "Basic credentials", name: "authorization", value: basic("deploy", random("alnum", 14)) },
];

/** Stand-ins the catalogue treats as placeholders, and values that are not secrets, under secret names. */
const namedNegatives: Sample[] = [
  ...["changeme", "<your-api-key>", "${API_KEY}", "xxx", "your_api_key_here", "mypassword", "my_api_key", "########", "XXXX-XXXX-XXXX-XXXX", "0000000000000000", "aaaaaaaaaaaaaaaaaaaa", "abcdefghijklmnopqrstuvwx", "1234567890123456", "sk-example-key-do-not-use", "TODO: set me", "[API KEY]", "{token}", "$GITHUB_TOKEN", "redacted", "n/a"].map(
    (value): Sample => ({ id: `placeholder ${JSON.stringify(value)}`, name: "apiKey", value }),
  ),
  { id: "env var name as the value", name: "apiKey", value: "STRIPE_SECRET_KEY" },
  { id: "URL without credentials", name: "tokenUrl", value: "https://auth.acme.io/oauth/token" },
  { id: "integrity hash", name: "token", value: "sha512-" + random("b64", 86) + "==" },
  { id: "sentence", name: "passwordHint", value: "Use at least 12 characters" },
  { id: "header name", name: "apiKeyHeader", value: "x-api-key" },
  { id: "URL: user repeated as password", name: "amqpUrl", value: "amqp://guest:guest@mq.internal:5672" },
  { id: "URL: placeholder password", name: "databaseUrl", value: "postgres://app:<password>@db.internal/app" },
  { id: "URL: password word", name: "redisUrl", value: "redis://:password@cache.internal:6379" },
  { id: "URL: variable name left in", name: "databaseUrl", value: "postgres://app:DB_PASSWORD@db.internal/app" },
  { id: "URL: password shorter than 4", name: "databaseUrl", value: "mysql://root:pw@db.internal/app" },
  { id: "URL: mypassword", name: "databaseUrl", value: "postgres://app:mypassword@db.internal/app" },
  { id: "URL: a reference", name: "mongoUrl", value: "mongodb://app:$MONGO_PASSWORD@mongo.internal/app" },
  { id: "Bearer placeholder", name: "authorization", value: "Bearer <token>" },
  { id: "Basic with an empty password", name: "authorization", value: basic("deploy", "") },
];

export const FAMILIES: readonly Family[] = [
  providerFamily("source hosting, registries and developer tools", CODE_FORMATS, codeVariants),
  providerFamily("cloud and infrastructure", CLOUD_FORMATS, cloudVariants),
  providerFamily("chat, payments, AI, mail and observability", SERVICE_FORMATS, serviceVariants, serviceLookAlikes),
  providerFamily("service-named keys (context rows)", NAMED_FORMATS),
  { name: "named credentials, URLs and header schemes", positives: namedPositives, negatives: namedNegatives },
  { name: "key material and JWTs", positives: [...providerSamples(KEY_FORMATS), ...keyExtras], negatives: [...lookAlikes(providerSamples(KEY_FORMATS)), ...keyNegatives] },
];
