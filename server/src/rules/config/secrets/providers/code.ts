import { tok } from "./tokenPattern";
import { provider, type ProviderFormat } from "./types";

/** Source hosting, package registries and developer tools. */
export const CODE_FORMATS: readonly ProviderFormat[] = [
  provider("github-pat", "GitHub personal access token", "GITHUB_TOKEN", "ghp_", tok("ghp_[A-Za-z0-9]{36}")),
  provider("github-oauth-token", "GitHub OAuth access token", "GITHUB_TOKEN", "gho_", tok("gho_[A-Za-z0-9]{36}")),
  // Installation tokens also come in a long form: `ghs_<installation id>_` and three dot-separated base64url parts.
  provider("github-app-token", "GitHub App token", "GITHUB_TOKEN", ["ghu_", "ghs_"], tok("gh[us]_[A-Za-z0-9]{36}|ghs_[0-9]{1,20}_[A-Za-z0-9_-]{8,1000}\\.[A-Za-z0-9_-]{8,4000}\\.[A-Za-z0-9_-]{8,1000}")),
  provider("github-refresh-token", "GitHub refresh token", "GITHUB_REFRESH_TOKEN", "ghr_", tok("ghr_[A-Za-z0-9]{36}")),
  provider("github-fine-grained-pat", "GitHub fine-grained personal access token", "GITHUB_TOKEN", "github_pat_", tok("github_pat_[A-Za-z0-9_]{82}")),
  provider("gitlab-pat", "GitLab personal access token", "GITLAB_TOKEN", "glpat-", tok("glpat-[A-Za-z0-9_-]{20,}(?:\\.[a-z0-9]{9})?")),
  provider("gitlab-deploy-token", "GitLab deploy token", "GITLAB_DEPLOY_TOKEN", "gldt-", tok("gldt-[A-Za-z0-9_-]{20,}")),
  provider("gitlab-runner-token", "GitLab runner token", "GITLAB_RUNNER_TOKEN", ["glrt-", "GR1348941"], tok("glrt-[A-Za-z0-9_-]{20,}(?:\\.[a-z0-9]{9})?|GR1348941[A-Za-z0-9_-]{20}")),
  provider("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", "GITLAB_TRIGGER_TOKEN", "glptt-", tok("glptt-[a-f0-9]{40}")),
  provider("gitlab-other-token", "GitLab token (CI job, SCIM, feed, mail, agent, OAuth or feature-flag)", "GITLAB_TOKEN", ["_gitlab_session=", "glcbt-", "glsoat-", "glft-", "glimt-", "glagent-", "gloas-", "glffct-"], tok("_gitlab_session=[0-9a-z]{32}|glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}|glsoat-[A-Za-z0-9_-]{20}|glft-[A-Za-z0-9_-]{20}|glimt-[A-Za-z0-9_-]{25}|glagent-[A-Za-z0-9_-]{50}|gloas-[A-Za-z0-9_-]{64}|glffct-[A-Za-z0-9_-]{20}")),
  provider("npm-token", "npm access token", "NPM_TOKEN", "npm_", tok("npm_[A-Za-z0-9]{36}"), { trigger: "npm_[A-Za-z0-9]{36}" }),
  provider("pypi-token", "PyPI upload token", "PYPI_TOKEN", "pypi-AgEIcHlwaS5vcmc", tok("pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
  provider("rubygems-token", "RubyGems API key", "GEM_HOST_API_KEY", "rubygems_", tok("rubygems_[a-f0-9]{48}")),
  provider("docker-hub-pat", "Docker Hub personal access token", "DOCKERHUB_TOKEN", "dckr_pat_", tok("dckr_pat_[A-Za-z0-9_-]{27}")),
  provider("artifactory-api-key", "JFrog Artifactory API key", "ARTIFACTORY_API_KEY", "AKCp", tok("AKCp[A-Za-z0-9]{69}")),
  provider("linear-api-key", "Linear API key", "LINEAR_API_KEY", "lin_api_", tok("lin_api_[A-Za-z0-9_]{32,128}")),
  provider("notion-token", "Notion integration token", "NOTION_TOKEN", ["secret_", "ntn_"], tok("secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35}"), {
    trigger: "secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}",
  }),
  provider("atlassian-api-token", "Atlassian API token", "ATLASSIAN_API_TOKEN", "ATATT3", tok("ATATT3[A-Za-z0-9_=-]{186}")),
  provider("postman-api-key", "Postman API key", "POSTMAN_API_KEY", "PMAK-", tok("PMAK-[a-f0-9]{24}-[a-f0-9]{34}")),
  provider("sentry-org-token", "Sentry organization auth token", "SENTRY_AUTH_TOKEN", "sntrys_", tok("sntrys_eyJ[A-Za-z0-9+/=_-]{60,}")),
  provider("sentry-user-token", "Sentry user auth token", "SENTRY_AUTH_TOKEN", "sntryu_", tok("sntryu_[a-f0-9]{64}")),
  provider("sentry-dsn-secret", "Sentry DSN with secret key", "SENTRY_DSN", "sentry", /https?:\/\/[0-9a-f]{32}:[0-9a-f]{32}@[^\s/'"<>]*sentry[^\s'"<>]*/, {
    whole: true,
    trigger: "//[0-9a-f]{32}:[0-9a-f]{32}@",
  }),
  provider("sourcegraph-token", "Sourcegraph access token", "SRC_ACCESS_TOKEN", "sgp_", tok("sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}")),
  provider("readme-api-key", "ReadMe API key", "README_API_KEY", "rdme_", tok("rdme_[a-z0-9]{70}")),
  provider("prefect-api-key", "Prefect API key", "PREFECT_API_KEY", "pnu_", tok("pnu_[A-Za-z0-9]{36}")),
  provider("contentful-pat", "Contentful personal access token", "CONTENTFUL_MANAGEMENT_TOKEN", "CFPAT-", tok("CFPAT-[A-Za-z0-9_-]{43}")),
  provider("airtable-pat", "Airtable personal access token", "AIRTABLE_API_KEY", "pat", tok("pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}"), {
    trigger: "pat[A-Za-z0-9]{14}\\.[a-f0-9]{8}",
  }),
  provider("figma-token", "Figma personal access token", "FIGMA_TOKEN", "figd_", tok("figd_[A-Za-z0-9_-]{40,200}")),
  provider("sonarqube-token", "SonarQube token", "SONAR_TOKEN", ["squ_", "sqp_", "sqa_"], tok("sq[upa]_[a-f0-9]{40}")),
  provider("clojars-token", "Clojars deploy token", "CLOJARS_PASSWORD", "CLOJARS_", tok("CLOJARS_[a-z0-9]{60}")),
  provider("frameio-token", "Frame.io developer token", "FRAMEIO_TOKEN", "fio-u-", tok("fio-u-[A-Za-z0-9_=-]{64}")),
  provider("infracost-api-key", "Infracost API key", "INFRACOST_API_KEY", "ico-", tok("ico-[A-Za-z0-9]{32}"), { trigger: "ico-[A-Za-z0-9]{32}" }),
  provider("settlemint-token", "SettleMint access token", "SETTLEMINT_ACCESS_TOKEN", ["sm_aat_", "sm_pat_", "sm_sat_"], tok("sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}")),
  provider("octopus-deploy-api-key", "Octopus Deploy API key", "OCTOPUS_API_KEY", "API-", tok("API-[A-Z0-9]{26}"), {
    check: (token) => /[0-9]/.test(token.slice(4)) && /[A-Z]/.test(token.slice(4)),
    trigger: "API-[A-Z0-9]{26}",
  }),
  provider("artifactory-reference-token", "JFrog Artifactory reference token", "ARTIFACTORY_ACCESS_TOKEN", "cmVmdGtuOjAx", tok("cmVmdGtuOjAx[A-Za-z0-9]{52}")),
  provider("langsmith-api-key", "LangSmith API key", "LANGSMITH_API_KEY", ["lsv2_pt_", "lsv2_sk_"], tok("lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}")),
  provider("adobe-client-secret", "Adobe client secret", "ADOBE_CLIENT_SECRET", "p8e-", tok("p8e-[A-Za-z0-9]{32}")),
  provider("intra42-client-secret", "42 Intra client secret", "INTRA42_CLIENT_SECRET", ["s-s4t2ud-", "s-s4t2af-"], tok("s-s4t2(?:ud|af)-[a-f0-9]{64}")),
  provider("maxmind-license-key", "MaxMind license key", "MAXMIND_LICENSE_KEY", "_mmk", tok("[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk")),
  provider("authress-access-key", "Authress service client access key", "AUTHRESS_KEY", [".acc_", ".acc-"], tok("(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_-][a-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}")),
  // The account's Secret Key: `A3-`, the 6-character account part, then 26 characters in groups.
  provider("1password-secret-key", "1Password account secret key", "OP_SECRET_KEY", "A3-", tok("A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}"), {
    trigger: "A3-[A-Z0-9]{6}-[A-Z0-9]{6}",
  }),
  provider("age-secret-key", "age encryption secret key", "AGE_SECRET_KEY", "AGE-SECRET-KEY-1", /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/),
  provider("1password-service-account-token", "1Password service-account token", "OP_SERVICE_ACCOUNT_TOKEN", "ops_eyJ", tok("ops_eyJ[A-Za-z0-9+/]{250,}={0,3}")),
];
