import { UUID, whole } from "./tokenPattern";
import { contextual, type ProviderFormat } from "./types";

/**
 * Services whose keys have no marker of their own: a plain run of hex or base62 characters. They
 * count only under a secret-like name that also names the service (`asanaClientSecret`,
 * `FASTLY_API_TOKEN`), the way the peer scanners pair a keyword with the shape.
 */
function named(id: string, label: string, envName: string, service: RegExp, shape: string): ProviderFormat {
  return contextual(id, label, envName, whole(shape), service);
}

const HEX = (n: number | string) => `[a-f0-9]{${n}}`;
const B62 = (n: number | string) => `[A-Za-z0-9]{${n}}`;
const WORD = (n: number | string) => `[A-Za-z0-9_=-]{${n}}`;

export const NAMED_FORMATS: readonly ProviderFormat[] = [
  named("adafruit-io-key", "Adafruit IO key", "ADAFRUIT_IO_KEY", /adafruit/, "[A-Za-z0-9_-]{32}"),
  named("asana-client-secret", "Asana client secret", "ASANA_CLIENT_SECRET", /asana/, B62(32)),
  named("beamer-api-key", "Beamer API key", "BEAMER_API_KEY", /beamer/, `b_${WORD(44)}`),
  named("bitbucket-client-secret", "Bitbucket client secret", "BITBUCKET_CLIENT_SECRET", /bitbucket/, WORD(64)),
  named("bittrex-secret", "Bittrex API secret", "BITTREX_API_SECRET", /bittrex/, B62(32)),
  named("codecov-token", "Codecov access token", "CODECOV_TOKEN", /codecov/, B62(32)),
  named("cohere-api-key", "Cohere API key", "COHERE_API_KEY", /cohere/, B62(40)),
  named("coinbase-token", "Coinbase access token", "COINBASE_ACCESS_TOKEN", /coinbase/, WORD(64)),
  named("confluent-secret", "Confluent API secret", "CONFLUENT_API_SECRET", /confluent/, B62(64)),
  named("contentful-delivery-token", "Contentful delivery API token", "CONTENTFUL_DELIVERY_TOKEN", /contentful/, WORD(43)),
  named("discord-client-secret", "Discord client secret", "DISCORD_CLIENT_SECRET", /discord/, WORD(32)),
  named("drone-ci-token", "Drone CI access token", "DRONE_TOKEN", /drone/, B62(32)),
  named("etsy-token", "Etsy access token", "ETSY_ACCESS_TOKEN", /etsy/, B62(24)),
  named("fastly-api-token", "Fastly API token", "FASTLY_API_TOKEN", /fastly/, WORD(32)),
  named("finicity-secret", "Finicity client secret or key", "FINICITY_APP_KEY", /finicity/, `${B62(20)}|${HEX(32)}`),
  named("finnhub-token", "Finnhub access token", "FINNHUB_API_KEY", /finnhub/, B62(20)),
  named("flickr-token", "Flickr access token", "FLICKR_API_SECRET", /flickr/, B62(32)),
  named("freshbooks-token", "FreshBooks access token", "FRESHBOOKS_ACCESS_TOKEN", /freshbooks/, B62(64)),
  named("gitter-token", "Gitter access token", "GITTER_TOKEN", /gitter/, WORD(40)),
  named("gocardless-token", "GoCardless API token", "GOCARDLESS_ACCESS_TOKEN", /gocardless/, `live_${WORD(40)}`),
  named("hubspot-api-key", "HubSpot API key", "HUBSPOT_API_KEY", /hubspot/, UUID),
  named("intercom-token", "Intercom access token", "INTERCOM_ACCESS_TOKEN", /intercom/, WORD(60)),
  named("kraken-secret", "Kraken API secret", "KRAKEN_API_SECRET", /kraken/, "[A-Za-z0-9/=_+-]{80,90}"),
  named("kucoin-secret", "KuCoin API secret", "KUCOIN_API_SECRET", /kucoin/, UUID),
  named("launchdarkly-token", "LaunchDarkly access token", "LAUNCHDARKLY_ACCESS_TOKEN", /launchdarkly/, WORD(40)),
  named("linear-client-secret", "Linear OAuth client secret", "LINEAR_CLIENT_SECRET", /linear/, HEX(32)),
  named("mattermost-token", "Mattermost access token", "MATTERMOST_TOKEN", /mattermost/, B62(26)),
  named("messagebird-api-key", "MessageBird API key", "MESSAGEBIRD_API_KEY", /messagebird|message_bird/, B62(25)),
  named("nytimes-api-key", "New York Times API key", "NYTIMES_API_KEY", /nytimes|new_?york_?times/, WORD(32)),
  named("plaid-secret", "Plaid secret", "PLAID_SECRET", /plaid/, HEX(30)),
  named("rapidapi-key", "RapidAPI key", "RAPIDAPI_KEY", /rapidapi|rapid_api/, WORD(50)),
  named("sendbird-token", "Sendbird API token", "SENDBIRD_API_TOKEN", /sendbird/, HEX(40)),
  named("sentry-access-token", "Sentry access token (legacy)", "SENTRY_AUTH_TOKEN", /sentry/, HEX(64)),
  named("snyk-token", "Snyk API token", "SNYK_TOKEN", /snyk/, UUID),
  named("squarespace-token", "Squarespace API key", "SQUARESPACE_API_KEY", /squarespace/, UUID),
  named("sumologic-access-key", "Sumo Logic access key", "SUMOLOGIC_ACCESS_KEY", /sumo/, B62(64)),
  named("travis-ci-token", "Travis CI access token", "TRAVIS_TOKEN", /travis/, B62(22)),
  named("trello-token", "Trello API token", "TRELLO_TOKEN", /trello/, B62(32)),
  named("twitter-secret", "Twitter (X) API secret or token", "TWITTER_API_SECRET", /twitter/, `${B62(45)}|${B62(50)}|[0-9]{15,25}-${B62("20,40")}`),
  named("zendesk-token", "Zendesk API token", "ZENDESK_API_TOKEN", /zendesk/, B62(40)),
  named("alibaba-secret-key", "Alibaba Cloud access key secret", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", /alibaba|aliyun/, B62(30)),
];
