/**
 * Fake tokens for every provider format, assembled at run time from a seeded generator so that
 * the repository itself holds no token-shaped string (and secret scanners stay quiet).
 */

let state = 0x2f6b1d3;
/** mulberry32: small, deterministic, good enough to look random. */
function next(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();
const DIGITS = "0123456789";
export const ALPHABETS = {
  alnum: UPPER + LOWER + DIGITS,
  word: UPPER + LOWER + DIGITS + "_-",
  b64: UPPER + LOWER + DIGITS + "+/",
  hex: "0123456789abcdef",
  upperDigits: UPPER + DIGITS,
  lowerDigits: LOWER + DIGITS,
  letters: UPPER + LOWER,
  digits: DIGITS,
  aws: UPPER + "234567",
  bech32: "qpzry9x8gf2tvdw0s3jn54khce6mua7l".toUpperCase(),
  aToH: "abcdefgh0123456789",
} as const;

/** `n` characters of `alphabet`, never an ascending run (which the detector reads as typed, not random). */
export function random(alphabet: keyof typeof ALPHABETS, n: number): string {
  const chars = ALPHABETS[alphabet];
  let out = "";
  while (out.length < n) {
    const char = chars[Math.floor(next() * chars.length)];
    const run = out.length >= 2 && out.charCodeAt(out.length - 1) === out.charCodeAt(out.length - 2) + 1 && char.charCodeAt(0) === out.charCodeAt(out.length - 1) + 1;
    if (!run) out += char;
  }
  return out;
}

export function uuid(): string {
  return [random("hex", 8), random("hex", 4), random("hex", 4), random("hex", 4), random("hex", 12)].join("-");
}

export function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return [part({ alg: "HS256", typ: "JWT" }), part(payload), random("word", 43)].join(".");
}

export function pem(kind: string): string {
  const lines = Array.from({ length: 6 }, () => random("b64", 64));
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${lines.join("\n")}\n-----END ${kind}PRIVATE KEY-----`;
}

export interface Sample {
  /** The string literal's value. */
  value: string;
  /** The part the message shows (redacted); the whole value by default. */
  token?: string;
  /** For context rows: the variable the value is assigned to, and the variable the fix reads. */
  name?: string;
  envName?: string;
  /** Extra object properties around the value (a service-account file's `client_email` ...). */
  siblings?: Record<string, string>;
}

const s = (value: string, extra: Omit<Sample, "value"> = {}): Sample => ({ value, ...extra });
const prefix = (...parts: string[]) => parts.join("");

const azureKey = random("b64", 86) + "==";
const pemBlock = pem("");

/** One sample per provider row id (a test checks none is missing). */
export const PROVIDER_SAMPLES: Record<string, Sample> = {
  "github-pat": s(prefix("gh", "p_") + random("alnum", 36)),
  "github-oauth-token": s(prefix("gh", "o_") + random("alnum", 36)),
  "github-app-token": s(prefix("gh", "s_") + random("alnum", 36)),
  "github-refresh-token": s(prefix("gh", "r_") + random("alnum", 36)),
  "github-fine-grained-pat": s(prefix("github", "_pat_") + random("alnum", 22) + "_" + random("alnum", 59)),
  "gitlab-pat": s(prefix("gl", "pat-") + random("alnum", 20)),
  "gitlab-deploy-token": s(prefix("gl", "dt-") + random("alnum", 20)),
  "gitlab-runner-token": s(prefix("gl", "rt-") + random("alnum", 20)),
  "gitlab-pipeline-trigger-token": s(prefix("gl", "ptt-") + random("hex", 40)),
  "gitlab-other-token": s(prefix("gl", "soat-") + random("alnum", 20)),
  "npm-token": s(prefix("np", "m_") + random("alnum", 36)),
  "pypi-token": s(prefix("pypi-", "AgEIcHlwaS5vcmc") + random("word", 60)),
  "rubygems-token": s(prefix("ruby", "gems_") + random("hex", 48)),
  "docker-hub-pat": s(prefix("dckr", "_pat_") + random("alnum", 27)),
  "artifactory-api-key": s(prefix("AK", "Cp") + random("alnum", 69)),
  "linear-api-key": s(prefix("lin", "_api_") + random("alnum", 40)),
  "notion-token": s(prefix("nt", "n_") + random("digits", 11) + random("alnum", 35)),
  "atlassian-api-token": s(prefix("ATA", "TT3") + random("alnum", 186)),
  "postman-api-key": s(prefix("PM", "AK-") + random("hex", 24) + "-" + random("hex", 34)),
  "sentry-org-token": s(prefix("sntr", "ys_eyJ") + random("alnum", 80)),
  "sentry-user-token": s(prefix("sntr", "yu_") + random("hex", 64)),
  "sentry-dsn-secret": s(`https://${random("hex", 32)}:${random("hex", 32)}@o${random("digits", 6)}.ingest.sentry.io/${random("digits", 7)}`),
  "sourcegraph-token": s(prefix("sg", "p_") + random("hex", 40)),
  "readme-api-key": s(prefix("rd", "me_") + random("lowerDigits", 70)),
  "prefect-api-key": s(prefix("pn", "u_") + random("alnum", 36)),
  "contentful-pat": s(prefix("CF", "PAT-") + random("alnum", 43)),
  "airtable-pat": s(prefix("pa", "t") + random("alnum", 14) + "." + random("hex", 64)),
  "figma-token": s(prefix("fig", "d_") + random("word", 44)),
  "sonarqube-token": s(prefix("sq", "u_") + random("hex", 40)),
  "clojars-token": s(prefix("CLOJARS", "_") + random("lowerDigits", 60)),
  "frameio-token": s(prefix("fio", "-u-") + random("word", 64)),
  "infracost-api-key": s(prefix("ic", "o-") + random("alnum", 32)),
  "settlemint-token": s(prefix("sm_", "pat_") + random("alnum", 16)),
  "octopus-deploy-api-key": s(prefix("AP", "I-") + "Q7" + random("upperDigits", 24)),
  "artifactory-reference-token": s(prefix("cmVmdGtu", "OjAx") + random("alnum", 52)),
  "langsmith-api-key": s(prefix("lsv2", "_pt_") + random("hex", 32) + "_" + random("hex", 10)),
  "adobe-client-secret": s(prefix("p8", "e-") + random("alnum", 32)),
  "intra42-client-secret": s(prefix("s-s4t2", "ud-") + random("hex", 64)),
  "maxmind-license-key": s(random("alnum", 6) + "_" + random("alnum", 29) + prefix("_m", "mk")),
  "authress-access-key": s(prefix("sc", "_") + random("lowerDigits", 12) + "." + random("lowerDigits", 5) + prefix(".ac", "c_") + random("lowerDigits", 20) + "." + random("word", 60)),
  "1password-secret-key": s(prefix("A", "3-") + random("upperDigits", 6) + "-" + random("upperDigits", 11) + "-" + random("upperDigits", 5) + "-" + random("upperDigits", 5) + "-" + random("upperDigits", 5)),
  "age-secret-key": s(prefix("AGE-SECRET", "-KEY-1") + random("bech32", 58)),
  "1password-service-account-token": s(prefix("op", "s_eyJ") + random("alnum", 260)),
  "aws-access-key-id": s(prefix("AK", "IA") + random("aws", 16)),
  "aws-secret-access-key": s(random("b64", 40), { name: "awsSecretAccessKey", envName: "AWS_SECRET_ACCESS_KEY" }),
  "google-api-key": s(prefix("AI", "za") + random("word", 35)),
  "google-oauth-client-secret": s(prefix("GOC", "SPX-") + random("word", 28)),
  "gcp-service-account-key": s(pemBlock + "\n", { token: pemBlock, name: "private_key", envName: "GOOGLE_PRIVATE_KEY", siblings: { type: "service_account", client_email: "deploy@acme.iam.gserviceaccount.com" } }),
  "azure-storage-connection-string": s(`DefaultEndpointsProtocol=https;AccountName=acme;${prefix("Account", "Key=")}${azureKey};EndpointSuffix=core.windows.net`, { token: prefix("Account", "Key=") + azureKey }),
  "azure-ad-client-secret": s(random("alnum", 3) + "8" + prefix("Q", "~") + random("alnum", 34)),
  "alibaba-access-key-id": s(prefix("LT", "AI") + random("alnum", 20)),
  "digitalocean-pat": s(prefix("dop", "_v1_") + random("hex", 64)),
  "digitalocean-oauth-token": s(prefix("doo", "_v1_") + random("hex", 64)),
  "heroku-api-key": s(prefix("HRKU", "-AA") + random("word", 58)),
  "heroku-legacy-api-key": s(uuid(), { name: "herokuApiKey", envName: "HEROKU_API_KEY" }),
  "cloudflare-api-token": s(random("word", 40), { name: "cloudflareApiToken", envName: "CLOUDFLARE_API_TOKEN" }),
  "cloudflare-global-api-key": s(random("hex", 37), { name: "cloudflareApiKey", envName: "CLOUDFLARE_API_KEY" }),
  "cloudflare-origin-ca-key": s(prefix("v1.", "0-") + random("hex", 24) + "-" + random("hex", 146)),
  "vercel-token": s(random("alnum", 24), { name: "vercelToken", envName: "VERCEL_TOKEN" }),
  "netlify-token": s(random("alnum", 43), { name: "netlifyAuthToken", envName: "NETLIFY_AUTH_TOKEN" }),
  "fly-io-token": s(prefix("fo", "1_") + random("word", 43)),
  "vault-token": s(prefix("hv", "s.") + random("word", 95)),
  "terraform-cloud-token": s(random("alnum", 14) + prefix(".atlas", "v1.") + random("word", 67)),
  "pulumi-token": s(prefix("pu", "l-") + random("hex", 40)),
  "doppler-token": s(prefix("dp.", "pt.") + random("alnum", 43)),
  "databricks-token": s(prefix("da", "pi") + random("hex", 32)),
  "okta-token": s("00" + random("word", 40), { name: "oktaApiToken", envName: "OKTA_API_TOKEN" }),
  "planetscale-token": s(prefix("pscale", "_tkn_") + random("alnum", 43)),
  "aws-bedrock-api-key": s(prefix("AB", "SK") + random("b64", 132)),
  "cloudflare-prefixed-token": s(prefix("cf", "ut_") + random("alnum", 40) + random("hex", 8)),
  "vercel-prefixed-token": s(prefix("vc", "p_") + random("alnum", 40)),
  "openshift-user-token": s(prefix("sha256", "~") + random("word", 43)),
  "tailscale-key": s(prefix("tskey", "-auth-") + random("alnum", 12) + "CNTRL-" + random("alnum", 32)),
  "scalingo-token": s(prefix("tk-", "us-") + random("word", 48)),
  "defined-networking-token": s(prefix("dn", "key-") + random("word", 26) + "-" + random("word", 52)),
  "harness-token": s(prefix("pa", "t.") + random("word", 22) + "." + random("alnum", 24) + "." + random("alnum", 20)),
  "yandex-api-key": s(prefix("AQ", "VN") + random("word", 36)),
  "clickhouse-cloud-key": s(prefix("4b", "1d") + "Qz" + random("alnum", 36)),
  "supabase-secret-key": s(prefix("sb_", "secret_") + random("alnum", 30)),
  "slack-bot-token": s(prefix("xo", "xb-") + random("digits", 11) + "-" + random("digits", 12) + "-" + random("alnum", 24)),
  "slack-user-token": s(prefix("xo", "xp-") + random("digits", 11) + "-" + random("digits", 12) + "-" + random("digits", 12) + "-" + random("hex", 32)),
  "slack-app-token": s(prefix("xa", "pp-1-A") + random("upperDigits", 10) + "-" + random("digits", 13) + "-" + random("hex", 64)),
  "slack-legacy-token": s(prefix("xo", "xs-") + random("alnum", 32)),
  "slack-config-token": s(prefix("xoxe.", "xoxp-1-") + random("upperDigits", 164)),
  "slack-webhook-url": s(`https://${prefix("hooks.", "slack.com")}/services/T${random("upperDigits", 8)}/B${random("upperDigits", 10)}/${random("alnum", 24)}`),
  "discord-bot-token": s("M" + random("word", 24) + "." + random("word", 6) + "." + random("word", 38)),
  "discord-webhook-url": s(`https://discord.com${prefix("/api/", "webhooks/")}${random("digits", 18)}/${random("word", 68)}`),
  "telegram-bot-token": s(random("digits", 10) + prefix(":", "AA") + random("word", 33)),
  "teams-webhook-url": s(`https://acme${prefix(".webhook.", "office.com")}/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${random("hex", 32)}/${uuid()}`),
  "twitch-token": s(random("lowerDigits", 30), { name: "twitchClientSecret", envName: "TWITCH_CLIENT_SECRET" }),
  "facebook-access-token": s(prefix("EA", "AC") + random("alnum", 120)),
  "facebook-app-secret": s(random("hex", 32), { name: "facebookAppSecret", envName: "FACEBOOK_APP_SECRET" }),
  "clerk-secret-key": s(prefix("sk", "_live_") + random("alnum", 40), { name: "clerkSecretKey", envName: "CLERK_SECRET_KEY" }),
  "stripe-live-secret-key": s(prefix("sk", "_live_") + random("alnum", 24)),
  "stripe-test-secret-key": s(prefix("sk", "_test_") + random("alnum", 24)),
  "stripe-live-restricted-key": s(prefix("rk", "_live_") + random("alnum", 24)),
  "stripe-test-restricted-key": s(prefix("rk", "_test_") + random("alnum", 24)),
  "stripe-webhook-secret": s(prefix("wh", "sec_") + random("alnum", 32)),
  "square-access-token": s(prefix("sq0", "atp-") + random("word", 22)),
  "square-oauth-secret": s(prefix("sq0", "csp-") + random("word", 43)),
  "shopify-access-token": s(prefix("sh", "pat_") + random("hex", 32)),
  "shopify-shared-secret": s(prefix("sh", "pss_") + random("hex", 32)),
  "shopify-custom-app-token": s(prefix("sh", "pca_") + random("hex", 32)),
  "shopify-private-app-token": s(prefix("sh", "ppa_") + random("hex", 32)),
  "braintree-access-token": s(prefix("access_token$", "production$") + random("lowerDigits", 16) + "$" + random("hex", 32)),
  "flutterwave-secret-key": s(prefix("FLW", "SECK-") + random("aToH", 32) + "-X"),
  "easypost-api-key": s(prefix("EZ", "AK") + random("alnum", 54)),
  "duffel-live-token": s(prefix("duffel", "_live_") + random("alnum", 43)),
  "shippo-live-token": s(prefix("shippo", "_live_") + random("hex", 40)),
  "easypost-test-api-key": s(prefix("EZ", "TK") + random("alnum", 54)),
  "duffel-test-token": s(prefix("duffel", "_test_") + random("alnum", 43)),
  "shippo-test-token": s(prefix("shippo", "_test_") + random("hex", 40)),
  "flutterwave-encryption-key": s(prefix("FLWSECK", "_TEST") + random("aToH", 12)),
  "lob-api-key": s(prefix("li", "ve_") + random("hex", 35)),
  "plaid-access-token": s(prefix("access-", "production-") + uuid()),
  "new-relic-browser-key": s(prefix("NR", "JS-") + random("hex", 19)),
  "dropbox-short-lived-token": s(prefix("s", "l.") + random("word", 140)),
  "openai-project-key": s(prefix("sk-", "proj-") + random("word", 74) + prefix("T3Blbk", "FJ") + random("word", 74)),
  "openai-api-key": s("sk-" + random("alnum", 20) + prefix("T3Blbk", "FJ") + random("alnum", 20)),
  "anthropic-api-key": s(prefix("sk-", "ant-api03-") + random("word", 93) + "AA"),
  "huggingface-token": s(prefix("h", "f_") + random("letters", 34)),
  "groq-api-key": s(prefix("gs", "k_") + random("alnum", 52)),
  "replicate-api-token": s(prefix("r", "8_") + random("alnum", 37)),
  "perplexity-api-key": s(prefix("pp", "lx-") + random("alnum", 48)),
  "xai-api-key": s(prefix("xa", "i-") + random("alnum", 80)),
  "sendgrid-api-key": s(prefix("S", "G.") + random("word", 22) + "." + random("word", 43)),
  "mailgun-api-key": s(prefix("ke", "y-") + random("hex", 32)),
  "mailchimp-api-key": s(random("hex", 32) + prefix("-u", "s12")),
  "brevo-api-key": s(prefix("xkey", "sib-") + random("hex", 64) + "-" + random("alnum", 16)),
  "resend-api-key": s(prefix("r", "e_") + random("alnum", 8) + "_" + random("alnum", 24)),
  "postmark-server-token": s(uuid(), { name: "postmarkServerToken", envName: "POSTMARK_SERVER_TOKEN" }),
  "twilio-api-key-sid": s(prefix("S", "K") + random("hex", 32), { name: "twilioApiKey", envName: "TWILIO_API_KEY" }),
  "twilio-auth-token": s(random("hex", 32), { name: "twilioAuthToken", envName: "TWILIO_AUTH_TOKEN" }),
  "new-relic-user-api-key": s(prefix("NR", "AK-") + random("upperDigits", 27)),
  "new-relic-insert-key": s(prefix("NR", "II-") + random("word", 32)),
  "new-relic-license-key": s(random("hex", 36) + prefix("NR", "AL")),
  "datadog-api-key": s(random("hex", 32), { name: "datadogApiKey", envName: "DATADOG_API_KEY" }),
  "datadog-app-key": s(random("hex", 40), { name: "DD_APP_KEY", envName: "DD_APP_KEY" }),
  "grafana-token": s(prefix("gl", "sa_") + random("alnum", 32) + "_" + random("hex", 8)),
  "dynatrace-token": s(prefix("dt0", "c01.") + random("upperDigits", 24) + "." + random("upperDigits", 64)),
  "algolia-admin-key": s(random("hex", 32), { name: "algoliaAdminKey", envName: "ALGOLIA_ADMIN_KEY" }),
  "mapbox-secret-token": s(prefix("sk.", "eyJ") + random("alnum", 60) + "." + random("alnum", 22)),
  "typeform-token": s(prefix("tf", "p_") + random("word", 59)),
  "adafruit-io-key": s(random("word", 32), { name: "adafruitApiKey", envName: "ADAFRUIT_API_KEY" }),
  "asana-client-secret": s(random("alnum", 32), { name: "asanaClientSecret", envName: "ASANA_CLIENT_SECRET" }),
  "beamer-api-key": s("b_" + random("word", 44), { name: "beamerApiKey", envName: "BEAMER_API_KEY" }),
  "bitbucket-client-secret": s(random("word", 64), { name: "bitbucketClientSecret", envName: "BITBUCKET_CLIENT_SECRET" }),
  "bittrex-secret": s(random("alnum", 32), { name: "bittrexApiSecret", envName: "BITTREX_API_SECRET" }),
  "codecov-token": s(random("alnum", 32), { name: "codecovToken", envName: "CODECOV_TOKEN" }),
  "cohere-api-key": s(random("alnum", 40), { name: "cohereApiKey", envName: "COHERE_API_KEY" }),
  "coinbase-token": s(random("word", 64), { name: "coinbaseAccessToken", envName: "COINBASE_ACCESS_TOKEN" }),
  "confluent-secret": s(random("alnum", 64), { name: "confluentApiSecret", envName: "CONFLUENT_API_SECRET" }),
  "contentful-delivery-token": s(random("word", 43), { name: "contentfulDeliveryToken", envName: "CONTENTFUL_DELIVERY_TOKEN" }),
  "discord-client-secret": s(random("word", 32), { name: "discordClientSecret", envName: "DISCORD_CLIENT_SECRET" }),
  "drone-ci-token": s(random("alnum", 32), { name: "droneToken", envName: "DRONE_TOKEN" }),
  "etsy-token": s(random("alnum", 24), { name: "etsyAccessToken", envName: "ETSY_ACCESS_TOKEN" }),
  "fastly-api-token": s(random("word", 32), { name: "fastlyApiToken", envName: "FASTLY_API_TOKEN" }),
  "finicity-secret": s(random("hex", 32), { name: "finicityAppKey", envName: "FINICITY_APP_KEY" }),
  "finnhub-token": s(random("alnum", 20), { name: "finnhubApiKey", envName: "FINNHUB_API_KEY" }),
  "flickr-token": s(random("alnum", 32), { name: "flickrApiSecret", envName: "FLICKR_API_SECRET" }),
  "freshbooks-token": s(random("alnum", 64), { name: "freshbooksAccessToken", envName: "FRESHBOOKS_ACCESS_TOKEN" }),
  "gitter-token": s(random("word", 40), { name: "gitterToken", envName: "GITTER_TOKEN" }),
  "gocardless-token": s("live_" + random("word", 40), { name: "gocardlessAccessToken", envName: "GOCARDLESS_ACCESS_TOKEN" }),
  "hubspot-api-key": s(uuid(), { name: "hubspotApiKey", envName: "HUBSPOT_API_KEY" }),
  "intercom-token": s(random("word", 60), { name: "intercomAccessToken", envName: "INTERCOM_ACCESS_TOKEN" }),
  "kraken-secret": s(random("b64", 88), { name: "krakenApiSecret", envName: "KRAKEN_API_SECRET" }),
  "kucoin-secret": s(uuid(), { name: "kucoinApiSecret", envName: "KUCOIN_API_SECRET" }),
  "launchdarkly-token": s(random("word", 40), { name: "launchdarklyAccessToken", envName: "LAUNCHDARKLY_ACCESS_TOKEN" }),
  "linear-client-secret": s(random("hex", 32), { name: "linearClientSecret", envName: "LINEAR_CLIENT_SECRET" }),
  "mattermost-token": s(random("alnum", 26), { name: "mattermostToken", envName: "MATTERMOST_TOKEN" }),
  "messagebird-api-key": s(random("alnum", 25), { name: "messagebirdApiKey", envName: "MESSAGEBIRD_API_KEY" }),
  "nytimes-api-key": s(random("word", 32), { name: "nytimesApiKey", envName: "NYTIMES_API_KEY" }),
  "plaid-secret": s(random("hex", 30), { name: "plaidSecret", envName: "PLAID_SECRET" }),
  "rapidapi-key": s(random("word", 50), { name: "rapidapiApiKey", envName: "RAPIDAPI_API_KEY" }),
  "sendbird-token": s(random("hex", 40), { name: "sendbirdApiToken", envName: "SENDBIRD_API_TOKEN" }),
  "sentry-access-token": s(random("hex", 64), { name: "sentryAuthToken", envName: "SENTRY_AUTH_TOKEN" }),
  "snyk-token": s(uuid(), { name: "snykToken", envName: "SNYK_TOKEN" }),
  "squarespace-token": s(uuid(), { name: "squarespaceApiKey", envName: "SQUARESPACE_API_KEY" }),
  "sumologic-access-key": s(random("alnum", 64), { name: "sumologicAccessKey", envName: "SUMOLOGIC_ACCESS_KEY" }),
  "travis-ci-token": s(random("alnum", 22), { name: "travisToken", envName: "TRAVIS_TOKEN" }),
  "trello-token": s(random("alnum", 32), { name: "trelloToken", envName: "TRELLO_TOKEN" }),
  "twitter-secret": s(random("alnum", 50), { name: "twitterApiSecret", envName: "TWITTER_API_SECRET" }),
  "zendesk-token": s(random("alnum", 40), { name: "zendeskApiToken", envName: "ZENDESK_API_TOKEN" }),
  "alibaba-secret-key": s(random("alnum", 30), { name: "alibabaSecretKey", envName: "ALIBABA_SECRET_KEY" }),
  "private-key": s(pem("RSA ")),
  "supabase-service-role-key": s(jwt({ iss: "supabase", ref: random("lowerDigits", 20), role: "service_role", iat: 1700000000, exp: 2000000000 })),
  jwt: s(jwt({ sub: "user-42", scope: "admin", iat: 1700000000 })),
};
