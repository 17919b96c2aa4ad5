import { CLIENT_SINKS } from "../../backing-services/data/serviceClients";
import { SESSION_MIDDLEWARES } from "../../processes/data/sessionMiddlewares";
import type { ServiceKind } from "../../shared/backingServices";

/**
 * Places where a value is used as a credential: a client's password option, a session or JWT
 * secret, an API client's key. A literal that reaches one is config, whatever its name and
 * however weak it is (`password: "root"` in `new Pool({...})`), while the same literal in a
 * domain object (`new User({ password: "root" })`) is data. Built from the client tables the
 * backing-service rules keep; a new library is a new row.
 */
export interface CredentialSink {
  /** For messages: how the user knows this call (`pg Pool()`, `express-session`). */
  label: string;
  module: string;
  /** Member paths of the callee (`[]`: the module itself). */
  paths: ReadonlyArray<readonly string[]>;
  /** Option paths, in any object argument, whose value is a credential (`["auth", "pass"]`). */
  options: ReadonlyArray<readonly string[]>;
  /** Positional credential arguments: `new Sequelize(db, user, "pw")`, `new Stripe(key)`. */
  positional?: readonly number[];
  /** The variable the credential conventionally lives in. */
  envName: string;
}

const PASSWORD: ReadonlyArray<readonly string[]> = [["password"]];

/** Credential options and variables per service kind, for the clients the service-URL rule knows. */
const BY_KIND: Partial<Record<ServiceKind, { options: ReadonlyArray<readonly string[]>; envName: string }>> = {
  postgres: { options: PASSWORD, envName: "DB_PASSWORD" },
  mysql: { options: PASSWORD, envName: "DB_PASSWORD" },
  mssql: { options: [["password"], ["authentication", "options", "password"]], envName: "DB_PASSWORD" },
  redis: { options: [["password"], ["connection", "password"], ["redis", "password"]], envName: "REDIS_PASSWORD" },
  smtp: { options: [["auth", "pass"], ["auth", "password"]], envName: "SMTP_PASSWORD" },
  amqp: { options: PASSWORD, envName: "AMQP_PASSWORD" },
  kafka: { options: [["sasl", "password"]], envName: "KAFKA_PASSWORD" },
  nats: { options: [["pass"], ["token"]], envName: "NATS_PASSWORD" },
};

/** ORMs name the service in their options; their credential options are the same. */
const ORM_OPTIONS: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
  sequelize: PASSWORD,
  "@sequelize/core": PASSWORD,
  typeorm: PASSWORD,
  knex: [["connection", "password"]],
};

/** `new Sequelize(database, username, password, options)`: the password is also an argument, and the call is the name. */
const POSITIONAL: Readonly<Record<string, { indexes: readonly number[]; label: string }>> = {
  sequelize: { indexes: [2], label: "Sequelize()" },
  "@sequelize/core": { indexes: [2], label: "Sequelize()" },
};

const fromClients: CredentialSink[] = CLIENT_SINKS.flatMap((client) => {
  const known = client.kind ? BY_KIND[client.kind] : undefined;
  const options = known?.options ?? ORM_OPTIONS[client.module];
  if (!options) return [];
  const positional = POSITIONAL[client.module];
  return [{ label: positional?.label ?? client.label, module: client.module, paths: client.paths, options, positional: positional?.indexes, envName: known?.envName ?? "DB_PASSWORD" }];
});

const fromSessions: CredentialSink[] = SESSION_MIDDLEWARES.filter((row) => row.usage === "call").map((row) => ({
  label: row.module,
  module: row.module,
  paths: row.paths,
  options: [["secret"]],
  envName: "SESSION_SECRET",
}));

/** Clients and middlewares the backing-service tables do not list. */
const OTHERS: readonly CredentialSink[] = [
  { label: "mongoose connect()", module: "mongoose", paths: [["connect"], ["createConnection"]], options: [["pass"], ["auth", "password"]], envName: "MONGODB_PASSWORD" },
  { label: "MongoClient", module: "mongodb", paths: [["MongoClient"], ["MongoClient", "connect"]], options: [["auth", "password"]], envName: "MONGODB_PASSWORD" },
  { label: "cookie-session", module: "cookie-session", paths: [[]], options: [["secret"], ["keys"]], envName: "SESSION_SECRET" },
  { label: "passport-jwt Strategy", module: "passport-jwt", paths: [["Strategy"]], options: [["secretOrKey"]], envName: "JWT_SECRET" },
  { label: "express-jwt", module: "express-jwt", paths: [[], ["expressjwt"]], options: [["secret"]], envName: "JWT_SECRET" },
  { label: "JwtModule.register()", module: "@nestjs/jwt", paths: [["JwtModule", "register"]], options: [["secret"], ["privateKey"]], envName: "JWT_SECRET" },
  { label: "axios auth", module: "axios", paths: [["create"], ["get"], ["post"], ["put"], ["patch"], ["delete"], []], options: [["auth", "password"]], envName: "API_PASSWORD" },
  { label: "Stripe()", module: "stripe", paths: [[], ["Stripe"]], options: [], positional: [0], envName: "STRIPE_SECRET_KEY" },
  { label: "OpenAI()", module: "openai", paths: [[], ["OpenAI"]], options: [["apiKey"]], envName: "OPENAI_API_KEY" },
  { label: "Anthropic()", module: "@anthropic-ai/sdk", paths: [[], ["Anthropic"]], options: [["apiKey"]], envName: "ANTHROPIC_API_KEY" },
  { label: "sgMail.setApiKey()", module: "@sendgrid/mail", paths: [["setApiKey"]], options: [], positional: [0], envName: "SENDGRID_API_KEY" },
  { label: "twilio()", module: "twilio", paths: [[]], options: [], positional: [1], envName: "TWILIO_AUTH_TOKEN" },
];

export const CREDENTIAL_SINKS: readonly CredentialSink[] = [...fromClients, ...fromSessions, ...OTHERS];

/** Modules of the table, for the rule's file pre-scan. */
export const CREDENTIAL_SINK_MODULES: readonly string[] = [...new Set(CREDENTIAL_SINKS.map((sink) => sink.module))];

/**
 * Values that products ship as their default or documentation credential (`root` for MySQL,
 * `keyboard cat` from express-session's README): still config where they reach a sink, but
 * reported at a lower severity, since they are rather a default left in place than a leak.
 */
export const PRODUCT_DEFAULTS: ReadonlySet<string> = new Set(["root", "postgres", "mysql", "admin", "guest", "redis", "mongo", "rabbitmq", "keyboard cat"]);
