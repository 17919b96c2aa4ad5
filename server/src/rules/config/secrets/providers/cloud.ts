import { PEM_PRIVATE_KEY, UUID, tok, whole } from "./tokenPattern";
import { contextual, provider, type ProviderFormat } from "./types";

/** Cloud platforms and infrastructure. */
export const CLOUD_FORMATS: readonly ProviderFormat[] = [
  // Long-term (AKIA), temporary (ASIA) and older (A3T…) key ids; user and role ids (AIDA, AROA) name, they do not grant.
  provider("aws-access-key-id", "AWS access key ID", "AWS_ACCESS_KEY_ID", ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"], tok("(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}"), {
    trigger: "(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}",
  }),
  provider("aws-bedrock-api-key", "Amazon Bedrock API key", "AWS_BEARER_TOKEN_BEDROCK", ["ABSK", "bedrock-api-key-"], tok("ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-[A-Za-z0-9+/]{40,}={0,2}"), {
    trigger: "ABSK[A-Za-z0-9+/]{109}|bedrock-api-key-[A-Za-z0-9+/]{40}",
  }),
  // 40 base64 characters alone are ambiguous (git SHAs are 40 hex); the name must say AWS or access key.
  contextual("aws-secret-access-key", "AWS secret access key", "AWS_SECRET_ACCESS_KEY", whole("[A-Za-z0-9/+]{40}"), /aws|secret_?access_?key/, {
    check: (token) => /[A-Z]/.test(token) && /[a-z]/.test(token),
  }),
  provider("google-api-key", "Google API key", "GOOGLE_API_KEY", "AIza", tok("AIza[0-9A-Za-z_-]{35}"), { trigger: "AIza[0-9A-Za-z_-]{35}" }),
  provider("google-oauth-client-secret", "Google OAuth client secret", "GOOGLE_CLIENT_SECRET", "GOCSPX-", tok("GOCSPX-[A-Za-z0-9_-]{28}")),
  provider("gcp-service-account-key", "Google Cloud service-account private key", "GOOGLE_PRIVATE_KEY", "PRIVATE KEY", PEM_PRIVATE_KEY, {
    siblings: /client_email|private_key_id|service_account|client_x509_cert_url/,
    whole: true,
  }),
  provider("azure-storage-connection-string", "Azure Storage connection string", "AZURE_STORAGE_CONNECTION_STRING", "AccountKey=", /AccountKey=[A-Za-z0-9+/]{86}==/, {
    whole: true,
  }),
  provider("azure-ad-client-secret", "Azure AD client secret", "AZURE_CLIENT_SECRET", "Q~", /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/, {
    trigger: "\\dQ~[A-Za-z0-9_~.-]{31}",
  }),
  provider("alibaba-access-key-id", "Alibaba Cloud access key ID", "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI", tok("LTAI[A-Za-z0-9]{20}"), { trigger: "LTAI[A-Za-z0-9]{20}" }),
  provider("digitalocean-pat", "DigitalOcean personal access token", "DIGITALOCEAN_TOKEN", "dop_v1_", tok("dop_v1_[a-f0-9]{64}")),
  provider("digitalocean-oauth-token", "DigitalOcean OAuth token", "DIGITALOCEAN_TOKEN", ["doo_v1_", "dor_v1_"], tok("do[or]_v1_[a-f0-9]{64}")),
  provider("heroku-api-key", "Heroku API key", "HEROKU_API_KEY", "HRKU-", tok("HRKU-AA[0-9A-Za-z_-]{58}")),
  contextual("heroku-legacy-api-key", "Heroku API key (UUID)", "HEROKU_API_KEY", whole(UUID), /heroku/),
  contextual("cloudflare-api-token", "Cloudflare API token", "CLOUDFLARE_API_TOKEN", whole("[A-Za-z0-9_-]{40}"), /cloudflare|\bcf_/),
  contextual("cloudflare-global-api-key", "Cloudflare global API key", "CLOUDFLARE_API_KEY", whole("[a-f0-9]{37}"), /cloudflare|\bcf_/),
  provider("cloudflare-prefixed-token", "Cloudflare API token or key (prefixed)", "CLOUDFLARE_API_TOKEN", ["cfut_", "cfk_", "cfat_"], tok("cf(?:ut|k|at)_[A-Za-z0-9]{40}[a-f0-9]{8}")),
  provider("cloudflare-origin-ca-key", "Cloudflare Origin CA key", "CLOUDFLARE_ORIGIN_CA_KEY", "v1.0-", tok("v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}"), { trigger: "v1\\.0-[a-f0-9]{24}" }),
  contextual("vercel-token", "Vercel access token", "VERCEL_TOKEN", whole("[A-Za-z0-9]{24}"), /vercel/),
  provider("vercel-prefixed-token", "Vercel token (prefixed)", "VERCEL_TOKEN", ["vcp_", "vci_", "vca_", "vcr_", "vck_"], tok("vc[pirak]_[A-Za-z0-9]{20,60}")),
  contextual("netlify-token", "Netlify access token", "NETLIFY_AUTH_TOKEN", whole("[A-Za-z0-9_-]{40,46}"), /netlify/),
  // `FlyV1 fm2_…,fm2_…` is how `fly tokens create` prints a macaroon token: the whole header value is the secret.
  provider("fly-io-token", "Fly.io access token", "FLY_API_TOKEN", ["fo1_", "fm1a_", "fm1r_", "fm2_"], tok("(?:FlyV1 )?fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,}={0,3}(?:,fm(?:1[ar]|2)_[A-Za-z0-9+/]{20,}={0,3})*|fo1_[A-Za-z0-9_-]{43}")),
  provider("vault-token", "HashiCorp Vault token", "VAULT_TOKEN", ["hvs.", "hvb.", "hvr."], tok("hv[sr]\\.[A-Za-z0-9_-]{90,120}|hvb\\.[A-Za-z0-9_-]{138,300}")),
  provider("terraform-cloud-token", "Terraform Cloud API token", "TFE_TOKEN", ".atlasv1.", tok("[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}")),
  provider("pulumi-token", "Pulumi access token", "PULUMI_ACCESS_TOKEN", "pul-", tok("pul-[a-f0-9]{40}"), { trigger: "pul-[a-f0-9]{40}" }),
  provider("doppler-token", "Doppler token", "DOPPLER_TOKEN", ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."], tok("dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}")),
  provider("databricks-token", "Databricks access token", "DATABRICKS_TOKEN", "dapi", tok("dapi[a-fA-F0-9]{32}(?:-\\d)?"), { trigger: "dapi[a-fA-F0-9]{32}" }),
  contextual("okta-token", "Okta API token", "OKTA_API_TOKEN", whole("00[A-Za-z0-9_-]{40}"), /okta/),
  provider("planetscale-token", "PlanetScale token or password", "PLANETSCALE_TOKEN", ["pscale_tkn_", "pscale_pw_", "pscale_oauth_"], tok("pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64}")),
  provider("openshift-user-token", "OpenShift user token", "OPENSHIFT_TOKEN", "sha256~", tok("sha256~[A-Za-z0-9_-]{43}")),
  provider("tailscale-key", "Tailscale auth or API key", "TS_AUTHKEY", "tskey-", tok("tskey-[a-z]{2,20}-[A-Za-z0-9_]{8,40}-[A-Za-z0-9_]{16,60}")),
  provider("scalingo-token", "Scalingo API token", "SCALINGO_API_TOKEN", "tk-us-", tok("tk-us-[A-Za-z0-9_-]{48}")),
  provider("defined-networking-token", "Defined Networking API token", "DNKEY", "dnkey-", tok("dnkey-[A-Za-z0-9_=-]{26}-[A-Za-z0-9_=-]{52}")),
  provider("harness-token", "Harness personal or service-account token", "HARNESS_API_KEY", ["pat.", "sat."], tok("[ps]at\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}"), {
    trigger: "[ps]at\\.[A-Za-z0-9_-]{22}\\.",
  }),
  provider("yandex-api-key", "Yandex Cloud API key or IAM token", "YC_API_KEY", ["AQVN", "t1."], tok("AQVN[A-Za-z0-9_-]{35,38}|t1\\.[A-Za-z0-9_-]+={0,2}\\.[A-Za-z0-9_-]{86}={0,2}"), {
    // Not inside a base64 blob or an identifier (`target1.className`).
    trigger: "(?<![A-Za-z0-9+/])AQVN[A-Za-z0-9_-]{35}|(?<![A-Za-z0-9])t1\\.[A-Za-z0-9_-]{20}",
  }),
  provider("clickhouse-cloud-key", "ClickHouse Cloud API secret key", "CLICKHOUSE_SECRET_KEY", "4b1d", tok("4b1d[A-Za-z0-9]{38}"), {
    // `4b1d` also opens hex digests: a real key mixes cases.
    check: (token) => /[A-Z]/.test(token) && /[g-z]/.test(token),
    trigger: "4b1d[A-Za-z0-9]{38}",
  }),
  provider("supabase-secret-key", "Supabase secret key", "SUPABASE_SECRET_KEY", "sb_secret_", tok("sb_secret_[A-Za-z0-9_-]{20,}")),
];
