import type { InvalidCase } from "../../../../helpers/ruleTester";
import { PROVIDER_SAMPLES, jwt, pem, random } from "../samples";
import { at, fallbackMessage, readFrom } from "./support";

const R1 = random("alnum", 24);
const R2 = random("alnum", 32);
const STRIPE = PROVIDER_SAMPLES["stripe-live-secret-key"].value;
const OPENAI = PROVIDER_SAMPLES["openai-project-key"].value;
const GITHUB = PROVIDER_SAMPLES["github-pat"].value;
const BASIC = Buffer.from("deploy:hunter22").toString("base64");
/** Assembled so that no URL with a password is written in this file. */
const PW = ["s3cret", "Pw"].join("");
const PEM = pem("");
const SERVICE_ROLE = PROVIDER_SAMPLES["supabase-service-role-key"].value;
const JWT = jwt({ sub: "7", scope: "orders:write" });

/** A finding on `needle` with its exact message; severity and signals as given. */
function finding(code: string, needle: string, message: string, signals: string[], severity: "error" | "warning" | "info" = "warning", occurrence = 0) {
  return { ...at(code, needle, occurrence), message, signals, severity };
}

function generic(name: string, code: string, needle: string, secret: string, signal: string, envName: string, output: string | undefined, extra: Partial<InvalidCase> = {}): InvalidCase {
  return {
    name,
    code,
    // Provider formats are errors; heuristics keep the rule's default.
    errors: [finding(code, needle, readFrom(secret, signal, envName), [signal], signal.endsWith(" format") ? "error" : "warning")],
    ...(output === undefined ? {} : { output, outputFiles: { ".env.example": `${envName}=\n` } }),
    ...extra,
  };
}

/** Name, position and value heuristics, in TS, TSX, ESM and CommonJS. */
export const GENERIC_CASES: InvalidCase[] = [
  generic("high-entropy value in a secret-named variable", `const clientSecret = "${R1}";\n`, `"${R1}"`, R1, "high-entropy value assigned to `clientSecret`", "CLIENT_SECRET", `const clientSecret = process.env.CLIENT_SECRET;\n`),
  generic("Authorization header in a headers object", `await fetch(url, { headers: { Authorization: "Bearer ${R1}" } });\n`, `"Bearer ${R1}"`, R1, "Authorization header value", "API_TOKEN", "await fetch(url, { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } });\n"),
  generic("headers.set(\"Authorization\", …)", `headers.set("Authorization", "Bearer ${R1}");\n`, `"Bearer ${R1}"`, R1, "Authorization header value", "API_TOKEN", "headers.set(\"Authorization\", `Bearer ${process.env.API_TOKEN}`);\n"),
  generic("literal second argument of jwt.sign", `import jwt from "jsonwebtoken";\nexport const sign = (p: object) => jwt.sign(p, "shhhhh");\n`, `"shhhhh"`, "shhhhh", "argument of jwt.sign", "JWT_SECRET", `import jwt from "jsonwebtoken";\nexport const sign = (p: object) => jwt.sign(p, process.env.JWT_SECRET);\n`),
  generic("jwt.verify in CommonJS", `const jwt = require("jsonwebtoken");\nmodule.exports = (t) => jwt.verify(t, "shhhhh");\n`, `"shhhhh"`, "shhhhh", "argument of jwt.verify", "JWT_SECRET", `const jwt = require("jsonwebtoken");\nmodule.exports = (t) => jwt.verify(t, process.env.JWT_SECRET);\n`, { filename: "src/auth.cjs" }),
  generic("crypto.createHmac key", `import { createHmac } from "node:crypto";\nexport const sign = (b: string) => createHmac("sha256", "t0p-s3cret!").update(b).digest("hex");\n`, `"t0p-s3cret!"`, "t0p-s3cret!", "argument of crypto.createHmac", "HMAC_SECRET", `import { createHmac } from "node:crypto";\nexport const sign = (b: string) => createHmac("sha256", process.env.HMAC_SECRET).update(b).digest("hex");\n`),
  generic("cookieParser secret", `import cookieParser from "cookie-parser";\napp.use(cookieParser("c00kie-s1gner"));\n`, `"c00kie-s1gner"`, "c00kie-s1gner", "argument of cookieParser", "COOKIE_SECRET", `import cookieParser from "cookie-parser";\napp.use(cookieParser(process.env.COOKIE_SECRET));\n`),
  generic("parameter default", `export function connect(apiKey = "${R1}") {\n  return apiKey;\n}\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiKey`", "API_KEY", `export function connect(apiKey = process.env.API_KEY) {\n  return apiKey;\n}\n`),
  generic("class field with a type annotation", `export class Api {\n  private readonly apiToken: string = "${R1}";\n}\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiToken`", "API_TOKEN", `export class Api {\n  private readonly apiToken: string = process.env.API_TOKEN;\n}\n`),
  generic("property assignment", `stripe.apiKey = "${R1}";\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiKey`", "API_KEY", `stripe.apiKey = process.env.API_KEY;\n`),
  generic("element-access assignment", `config["apiKey"] = "${R1}";\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiKey`", "API_KEY", `config["apiKey"] = process.env.API_KEY;\n`),
  generic("new Client({ apiKey })", `const client = new Client({ apiKey: "${R2}" });\n`, `"${R2}"`, R2, "high-entropy value assigned to `apiKey`", "API_KEY", `const client = new Client({ apiKey: process.env.API_KEY });\n`),
  generic("JSX attribute string", `export const App = () => <Map apiKey="${R1}" />;\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiKey`", "API_KEY", `export const App = () => <Map apiKey={process.env.API_KEY} />;\n`, { filename: "src/App.tsx" }),
  generic("JSX attribute expression", `export const App = () => <Map apiKey={"${R1}"} />;\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiKey`", "API_KEY", `export const App = () => <Map apiKey={process.env.API_KEY} />;\n`, { filename: "src/App.tsx" }),
  generic("CommonJS config object", `module.exports = {\n  dbPassword: "hunter2",\n};\n`, `"hunter2"`, "hunter2", "password literal assigned to `dbPassword`", "DB_PASSWORD", `module.exports = {\n  dbPassword: process.env.DB_PASSWORD,\n};\n`, { filename: "src/config.js" }),
  generic("provider token in an ES module", `export const client = new OpenAI({ apiKey: "${OPENAI}" });\n`, `"${OPENAI}"`, OPENAI, "OpenAI project/service-account/admin API key format", "OPENAI_API_KEY", `export const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`, { filename: "src/client.mjs" }),
  generic("X-API-Key header", `const headers = { "X-API-Key": "${R1}" };\n`, `"${R1}"`, R1, "high-entropy `X-API-Key` header value", "API_KEY", `const headers = { "X-API-Key": process.env.API_KEY };\n`),
  generic("Basic credentials", `const headers = { Authorization: "Basic ${BASIC}" };\n`, `"Basic ${BASIC}"`, BASIC, "Authorization header value", "API_TOKEN", "const headers = { Authorization: `Basic ${process.env.API_TOKEN}` };\n"),
  generic("a Bearer value in an unnamed slot", `client.setDefault("Bearer ${R1}");\n`, `"Bearer ${R1}"`, R1, "Authorization header value", "API_TOKEN", "client.setDefault(`Bearer ${process.env.API_TOKEN}`);\n"),
  generic("password in a connection URL", `const databaseUrl = "postgres://app:${PW}@db.internal:5432/app";\n`, `"postgres://app:${PW}@db.internal:5432/app"`, PW, "password in a postgres:// URL", "DATABASE_URL", `const databaseUrl = process.env.DATABASE_URL;\n`),
  generic("password in a URL inside a message: no fix", `console.log("connecting to postgres://app:${PW}@db/app");\n`, `"connecting to postgres://app:${PW}@db/app"`, PW, "password in a postgres:// URL", "DATABASE_URL", undefined),
  generic("password in a template URL: no fix", "const url = `redis://:" + PW + "@${host}:6379`;\n", "`redis://:" + PW + "@${host}:6379`", PW, "password in a redis:// URL", "REDIS_URL", undefined),
  generic("provider token inside a template with substitutions", "const url = `https://api.acme.io/${path}?access_token=" + GITHUB + "`;\n", "`https://api.acme.io/${path}?access_token=" + GITHUB + "`", GITHUB, "GitHub personal access token format", "GITHUB_TOKEN", "const url = `https://api.acme.io/${path}?access_token=${process.env.GITHUB_TOKEN}`;\n"),
  generic("a token split across a concatenation", `const key = "${STRIPE.slice(0, 8)}" + "${STRIPE.slice(8)}";\n`, `"${STRIPE.slice(0, 8)}" + "${STRIPE.slice(8)}"`, STRIPE, "Stripe live secret key format", "STRIPE_SECRET_KEY", `const key = process.env.STRIPE_SECRET_KEY;\n`),
  generic("a PEM key in a multi-line template", `const privateKey = \`${PEM}\`;\n`, `\`${PEM}\``, PEM, "private key block (PEM) format", "PRIVATE_KEY", `const privateKey = process.env.PRIVATE_KEY;\n`),
  generic("Supabase service-role key", `const supabase = createClient(url, "${SERVICE_ROLE}");\n`, `"${SERVICE_ROLE}"`, SERVICE_ROLE, "Supabase service-role key (JWT) format", "SUPABASE_SERVICE_ROLE_KEY", `const supabase = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY);\n`),
  generic("a JWT under a specific name keeps that name", `const sessionToken = "${JWT}";\n`, `"${JWT}"`, JWT, "JSON Web Token format", "SESSION_TOKEN", `const sessionToken = process.env.SESSION_TOKEN;\n`),
  generic("a setter's name argument", `settings.set("apiKey", "${R1}");\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiKey`", "API_KEY", `settings.set("apiKey", process.env.API_KEY);\n`),
  generic("localStorage.setItem", `localStorage.setItem("authToken", "${R1}");\n`, `"${R1}"`, R1, "high-entropy value assigned to `authToken`", "AUTH_TOKEN", `localStorage.setItem("authToken", process.env.AUTH_TOKEN);\n`),
  generic("elements of an array under a secret name", `app.use(session({ secret: ["${R1}"] }));\n`, `"${R1}"`, R1, "high-entropy value assigned to `secret`", "SECRET", `app.use(session({ secret: [process.env.SECRET] }));\n`),
  generic("a token with other text around it: rebuilt as a template", `const header = "token ${GITHUB}";\n`, `"token ${GITHUB}"`, GITHUB, "GitHub personal access token format", "GITHUB_TOKEN", "const header = `token ${process.env.GITHUB_TOKEN}`;\n"),
  generic("a literal part of a concatenation with a variable", `const key = "${STRIPE}" + suffix;\n`, `"${STRIPE}"`, STRIPE, "Stripe live secret key format", "STRIPE_SECRET_KEY", `const key = process.env.STRIPE_SECRET_KEY + suffix;\n`),
  generic("as const: reported, no fix", `const apiKey = "${R1}" as const;\n`, `"${R1}"`, R1, "high-entropy value assigned to `apiKey`", "API_KEY", undefined),
  generic("enum member: reported, no fix", `enum Keys {\n  Stripe = "${STRIPE}",\n}\n`, `"${STRIPE}"`, STRIPE, "Stripe live secret key format", "STRIPE_SECRET_KEY", undefined),
  generic("tagged template: reported, no fix", "const q = gql`" + GITHUB + "`;\n", "`" + GITHUB + "`", GITHUB, "GitHub personal access token format", "GITHUB_TOKEN", undefined),
  generic("a string concatenated with a Basic prefix", `const auth = "Basic " + "${BASIC}";\n`, `"Basic " + "${BASIC}"`, BASIC, "Authorization header value", "AUTH", undefined),
  {
    name: "env fallback with a random default: no fix",
    code: `const sessionSecret = process.env.SESSION_SECRET ?? "${R1}";\n`,
    errors: [finding(`const sessionSecret = process.env.SESSION_SECRET ?? "${R1}";\n`, `"${R1}"`, fallbackMessage(R1, "high-entropy fallback for process.env.SESSION_SECRET", "SESSION_SECRET"), ["high-entropy fallback for process.env.SESSION_SECRET"])],
  },
  {
    name: "env fallback holding a provider token: error, no fix",
    code: `const stripe = new Stripe(process.env.STRIPE_KEY || "${STRIPE}");\n`,
    errors: [finding(`const stripe = new Stripe(process.env.STRIPE_KEY || "${STRIPE}");\n`, `"${STRIPE}"`, fallbackMessage(STRIPE, "Stripe live secret key format", "STRIPE_KEY"), ["Stripe live secret key format"], "error")],
  },
  {
    name: "test folder: provider error lowered to warning",
    filename: "test/payments.test.ts",
    code: `const stripe = new Stripe("${STRIPE}");\n`,
    errors: [finding(`const stripe = new Stripe("${STRIPE}");\n`, `"${STRIPE}"`, readFrom(STRIPE, "Stripe live secret key format", "STRIPE_SECRET_KEY"), ["Stripe live secret key format"], "warning")],
    output: `const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`,
  },
  {
    name: "Stripe test key is a warning",
    code: `const stripe = new Stripe("${PROVIDER_SAMPLES["stripe-test-secret-key"].value}");\n`,
    errors: [finding(`const stripe = new Stripe("${PROVIDER_SAMPLES["stripe-test-secret-key"].value}");\n`, `"${PROVIDER_SAMPLES["stripe-test-secret-key"].value}"`, readFrom(PROVIDER_SAMPLES["stripe-test-secret-key"].value, "Stripe test secret key format", "STRIPE_SECRET_KEY"), ["Stripe test secret key format"], "warning")],
    output: `const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`,
  },
  {
    name: "a provider token under a specific name keeps that name",
    code: `const stripeKey = "${STRIPE}";\n`,
    errors: [finding(`const stripeKey = "${STRIPE}";\n`, `"${STRIPE}"`, readFrom(STRIPE, "Stripe live secret key format", "STRIPE_KEY"), ["Stripe live secret key format"], "error")],
    output: `const stripeKey = process.env.STRIPE_KEY;\n`,
  },
];
