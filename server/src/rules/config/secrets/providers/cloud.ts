import { PEM_PRIVATE_KEY, UUID, tok, whole } from "./tokenPattern";
import { contextual, provider, type ProviderFormat } from "./types";

/** Cloud platforms and infrastructure. */
export const CLOUD_FORMATS: readonly ProviderFormat[] = [
  provider("aws-access-key-id", "AWS access key ID", "AWS_ACCESS_KEY_ID", ["AKIA", "ASIA", "ABIA", "ACCA"], tok("(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}"), {
    trigger: "(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}",
  }),
  // 40 base64 characters alone are ambiguous (git SHAs are 40 hex); the name must say AWS or access key.
  contextual("aws-secret-access-key", "AWS secret access key", "AWS_SECRET_ACCESS_KEY", whole("[A-Za-z0-9/+]{40}"), /aws|secret_?access_?key/, {
    check: (token) => /[A-Z]/.test(token) && /[a-z]/.test(token),
  }),
  provider("google-api-key", "Google API key", "GOOGLE_API_KEY", "AIza", tok("AIza[0-9A-Za-z_-]{35}"), { trigger: "AIza[0-9A-Za-z_-]{35}" }),
  provider("google-oauth-client-secret", "Google OAuth client secret", "GOOGLE_CLIENT_SECRET", "GOCSPX-", tok("GOCSPX-[A-Za-z0-9_-]{28}")),
  provider("gcp-service-account-key", "Google Cloud service-account private key", "GOOGLE_PRIVATE_KEY", "PRIVATE KEY-----", PEM_PRIVATE_KEY, {
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
  provider("cloudflare-origin-ca-key", "Cloudflare Origin CA key", "CLOUDFLARE_ORIGIN_CA_KEY", "v1.0-", tok("v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}"), { trigger: "v1\\.0-[a-f0-9]{24}" }),
  contextual("vercel-token", "Vercel access token", "VERCEL_TOKEN", whole("[A-Za-z0-9]{24}"), /vercel/),
  contextual("netlify-token", "Netlify access token", "NETLIFY_AUTH_TOKEN", whole("[A-Za-z0-9_-]{40,46}"), /netlify/),
  provider("fly-io-token", "Fly.io access token", "FLY_API_TOKEN", ["fo1_", "fm2_"], tok("fo1_[A-Za-z0-9_-]{43}|fm2_[A-Za-z0-9+/]{100,}={0,3}")),
  provider("vault-token", "HashiCorp Vault token", "VAULT_TOKEN", ["hvs.", "hvb."], tok("hvs\\.[A-Za-z0-9_-]{90,120}|hvb\\.[A-Za-z0-9_-]{138,300}")),
  provider("terraform-cloud-token", "Terraform Cloud API token", "TFE_TOKEN", ".atlasv1.", tok("[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}")),
  provider("pulumi-token", "Pulumi access token", "PULUMI_ACCESS_TOKEN", "pul-", tok("pul-[a-f0-9]{40}"), { trigger: "pul-[a-f0-9]{40}" }),
  provider("doppler-token", "Doppler token", "DOPPLER_TOKEN", ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."], tok("dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}")),
  provider("databricks-token", "Databricks access token", "DATABRICKS_TOKEN", "dapi", tok("dapi[a-f0-9]{32}(?:-\\d)?"), { trigger: "dapi[a-f0-9]{32}" }),
  contextual("okta-token", "Okta API token", "OKTA_API_TOKEN", whole("00[A-Za-z0-9_-]{40}"), /okta/),
  provider("planetscale-token", "PlanetScale token or password", "PLANETSCALE_TOKEN", ["pscale_tkn_", "pscale_pw_", "pscale_oauth_"], tok("pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64}")),
  provider("supabase-secret-key", "Supabase secret key", "SUPABASE_SECRET_KEY", "sb_secret_", tok("sb_secret_[A-Za-z0-9_-]{20,}")),
];
