import { UUID, tok, whole } from "./tokenPattern";
import { contextual, provider, type ProviderFormat } from "./types";

/** Chat, payments, AI, mail, observability and other hosted services. */
export const SERVICE_FORMATS: readonly ProviderFormat[] = [
  // Chat and webhooks
  provider("slack-bot-token", "Slack bot token", "SLACK_BOT_TOKEN", "xoxb-", tok("xoxb-[0-9]{8,14}-[A-Za-z0-9-]{18,}")),
  provider("slack-user-token", "Slack user token", "SLACK_USER_TOKEN", "xoxp-", tok("xoxp-[0-9]{8,14}-[A-Za-z0-9-]{20,}")),
  provider("slack-app-token", "Slack app-level token", "SLACK_APP_TOKEN", "xapp-", tok("xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+", "i")),
  provider("slack-legacy-token", "Slack legacy or workspace token", "SLACK_TOKEN", ["xoxa-", "xoxr-", "xoxs-", "xoxo-"], tok("xox[aors]-(?:\\d+-)*[A-Za-z0-9]{8,48}")),
  provider("slack-config-token", "Slack configuration token", "SLACK_CONFIG_TOKEN", ["xoxe.xox", "xoxe-"], tok("xoxe\\.xox[bp]-\\d-[A-Z0-9]{160,170}|xoxe-\\d-[A-Z0-9]{140,150}", "i")),
  provider("slack-webhook-url", "Slack incoming webhook URL", "SLACK_WEBHOOK_URL", "hooks.slack.com/", /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,}/, { whole: true }),
  provider("discord-bot-token", "Discord bot token", "DISCORD_BOT_TOKEN", [], tok("[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}"), {
    trigger: "[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27}",
  }),
  provider("discord-webhook-url", "Discord webhook URL", "DISCORD_WEBHOOK_URL", "/api/webhooks/", /https?:\/\/(?:[a-z]+\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68}/, { whole: true }),
  provider("telegram-bot-token", "Telegram bot token", "TELEGRAM_BOT_TOKEN", ":AA", tok("[0-9]{8,10}:AA[A-Za-z0-9_-]{33}"), { trigger: "[0-9]{8}:AA[A-Za-z0-9_-]{33}" }),
  provider("teams-webhook-url", "Microsoft Teams webhook URL", "TEAMS_WEBHOOK_URL", ".webhook.office.com/", /https:\/\/[a-z0-9-]+\.webhook\.office\.com\/webhookb2\/[A-Za-z0-9@/-]{100,}/, { whole: true }),
  contextual("twitch-token", "Twitch OAuth token", "TWITCH_CLIENT_SECRET", whole("[a-z0-9]{30}"), /twitch/),
  provider("facebook-access-token", "Facebook (Meta) access token", "FACEBOOK_ACCESS_TOKEN", ["EAAC", "EAAM"], tok("EAA[CM][A-Za-z0-9]{100,}"), { trigger: "(?<![A-Za-z0-9+/])EAA[CM][A-Za-z0-9]{100}" }),
  contextual("facebook-app-secret", "Facebook (Meta) app secret", "FACEBOOK_APP_SECRET", whole("[a-f0-9]{32}"), /facebook|\bfb_|\bmeta_/),
  // Payments and commerce. Clerk shares Stripe's `sk_live_` prefix, so its context row comes first.
  provider("clerk-secret-key", "Clerk secret key", "CLERK_SECRET_KEY", ["sk_live_", "sk_test_"], tok("sk_(?:live|test)_[A-Za-z0-9]{24,}"), { context: /clerk/ }),
  provider("stripe-live-secret-key", "Stripe live secret key", "STRIPE_SECRET_KEY", "sk_live_", tok("sk_live_[A-Za-z0-9]{24,}")),
  provider("stripe-test-secret-key", "Stripe test secret key", "STRIPE_SECRET_KEY", "sk_test_", tok("sk_test_[A-Za-z0-9]{24,}"), { severity: "warning" }),
  provider("stripe-live-restricted-key", "Stripe live restricted key", "STRIPE_RESTRICTED_KEY", "rk_live_", tok("rk_live_[A-Za-z0-9]{24,}")),
  provider("stripe-test-restricted-key", "Stripe test restricted key", "STRIPE_RESTRICTED_KEY", "rk_test_", tok("rk_test_[A-Za-z0-9]{24,}"), { severity: "warning" }),
  provider("stripe-webhook-secret", "Stripe webhook signing secret", "STRIPE_WEBHOOK_SECRET", "whsec_", tok("whsec_[A-Za-z0-9+/=]{24,}")),
  provider("square-access-token", "Square access token", "SQUARE_ACCESS_TOKEN", ["sq0atp-", "EAAA"], tok("sq0atp-[A-Za-z0-9_-]{22}|EAAA[A-Za-z0-9_-]{60}"), {
    trigger: "sq0atp-|(?<![A-Za-z0-9+/])EAAA[A-Za-z0-9_-]{60}(?![A-Za-z0-9+/_-])",
  }),
  provider("square-oauth-secret", "Square OAuth application secret", "SQUARE_APPLICATION_SECRET", "sq0csp-", tok("sq0csp-[A-Za-z0-9_-]{43}")),
  provider("shopify-access-token", "Shopify access token", "SHOPIFY_ACCESS_TOKEN", "shpat_", tok("shpat_[a-fA-F0-9]{32}")),
  provider("shopify-shared-secret", "Shopify app shared secret", "SHOPIFY_API_SECRET", "shpss_", tok("shpss_[a-fA-F0-9]{32}")),
  provider("shopify-custom-app-token", "Shopify custom app access token", "SHOPIFY_ACCESS_TOKEN", "shpca_", tok("shpca_[a-fA-F0-9]{32}")),
  provider("shopify-private-app-token", "Shopify private app password", "SHOPIFY_ACCESS_TOKEN", "shppa_", tok("shppa_[a-fA-F0-9]{32}")),
  provider("braintree-access-token", "Braintree (PayPal) access token", "BRAINTREE_ACCESS_TOKEN", "access_token$production$", /access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}/),
  provider("flutterwave-secret-key", "Flutterwave secret key", "FLUTTERWAVE_SECRET_KEY", "FLWSECK", /FLWSECK(?:_TEST)?-[a-h0-9]{32}-X/),
  provider("easypost-api-key", "EasyPost API key", "EASYPOST_API_KEY", "EZAK", tok("EZAK[A-Za-z0-9]{54}")),
  provider("duffel-live-token", "Duffel live access token", "DUFFEL_ACCESS_TOKEN", "duffel_live_", tok("duffel_live_[A-Za-z0-9_=-]{43}")),
  provider("shippo-live-token", "Shippo live API token", "SHIPPO_API_TOKEN", "shippo_live_", tok("shippo_live_[a-fA-F0-9]{40}")),
  // AI
  provider("openai-project-key", "OpenAI project/service-account/admin API key", "OPENAI_API_KEY", ["sk-proj-", "sk-svcacct-", "sk-admin-"], tok("sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}")),
  provider("openai-api-key", "OpenAI API key", "OPENAI_API_KEY", "T3BlbkFJ", tok("sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}")),
  provider("anthropic-api-key", "Anthropic API key", "ANTHROPIC_API_KEY", "sk-ant-", tok("sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,}")),
  provider("huggingface-token", "Hugging Face access token", "HF_TOKEN", ["hf_", "api_org_"], tok("(?:hf|api_org)_[A-Za-z]{34}"), { trigger: "hf_[A-Za-z]{34}|api_org_[A-Za-z]{34}" }),
  provider("groq-api-key", "Groq API key", "GROQ_API_KEY", "gsk_", tok("gsk_[A-Za-z0-9]{52}")),
  provider("replicate-api-token", "Replicate API token", "REPLICATE_API_TOKEN", "r8_", tok("r8_[A-Za-z0-9]{37}")),
  provider("perplexity-api-key", "Perplexity API key", "PERPLEXITY_API_KEY", "pplx-", tok("pplx-[A-Za-z0-9]{48}")),
  provider("xai-api-key", "xAI API key", "XAI_API_KEY", "xai-", tok("xai-[A-Za-z0-9]{80}"), { trigger: "xai-[A-Za-z0-9]{80}" }),
  // Mail
  provider("sendgrid-api-key", "SendGrid API key", "SENDGRID_API_KEY", "SG.", tok("SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"), { trigger: "SG\\.[A-Za-z0-9_-]{22}\\." }),
  provider("mailgun-api-key", "Mailgun API key", "MAILGUN_API_KEY", "key-", tok("key-[a-f0-9]{32}"), { trigger: "key-[a-f0-9]{32}" }),
  provider("mailchimp-api-key", "Mailchimp API key", "MAILCHIMP_API_KEY", "-us", tok("[a-f0-9]{32}-us[0-9]{1,2}"), { trigger: "-us[0-9](?<=[a-f0-9]{32}-us[0-9])" }),
  provider("brevo-api-key", "Brevo (Sendinblue) API key", "BREVO_API_KEY", "xkeysib-", tok("xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}")),
  provider("resend-api-key", "Resend API key", "RESEND_API_KEY", "re_", tok("re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}"), { trigger: "re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}" }),
  contextual("postmark-server-token", "Postmark server token", "POSTMARK_SERVER_TOKEN", whole(UUID), /postmark/),
  // Messaging and identity
  provider("twilio-api-key-sid", "Twilio API key SID", "TWILIO_API_KEY", "SK", tok("SK[0-9a-fA-F]{32}"), { context: /twilio/, trigger: "SK[0-9a-fA-F]{32}" }),
  contextual("twilio-auth-token", "Twilio auth token", "TWILIO_AUTH_TOKEN", whole("[a-f0-9]{32}"), /twilio/),
  // Observability
  provider("new-relic-user-api-key", "New Relic user API key", "NEW_RELIC_API_KEY", "NRAK-", tok("NRAK-[A-Z0-9]{27}")),
  provider("new-relic-insert-key", "New Relic insert key", "NEW_RELIC_INSERT_KEY", "NRII-", tok("NRII-[A-Za-z0-9_-]{32}")),
  provider("new-relic-license-key", "New Relic license key", "NEW_RELIC_LICENSE_KEY", "NRAL", tok("[a-f0-9]{36}NRAL"), { trigger: "NRAL(?<=[a-f0-9]{8}NRAL)" }),
  contextual("datadog-api-key", "Datadog API key", "DD_API_KEY", whole("[a-f0-9]{32}"), /datadog|\bdd_api|\bddapi|\bdd_/),
  contextual("datadog-app-key", "Datadog application key", "DD_APP_KEY", whole("[a-f0-9]{40}"), /datadog|\bdd_app|\bddapp|\bdd_/),
  provider("grafana-token", "Grafana service-account or cloud token", "GRAFANA_TOKEN", ["glsa_", "glc_"], tok("glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,3}")),
  provider("dynatrace-token", "Dynatrace API token", "DT_API_TOKEN", "dt0c01.", tok("dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}")),
  contextual("algolia-admin-key", "Algolia admin API key", "ALGOLIA_ADMIN_KEY", whole("[a-f0-9]{32}"), /algolia.*(?:admin|write)|(?:admin|write).*algolia/),
  provider("mapbox-secret-token", "Mapbox secret token", "MAPBOX_SECRET_TOKEN", "sk.eyJ", tok("sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}")),
  provider("typeform-token", "Typeform personal token", "TYPEFORM_TOKEN", "tfp_", tok("tfp_[A-Za-z0-9_.=-]{59}")),
];
