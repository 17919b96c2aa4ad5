import type { ValidCase } from "../../../../helpers/ruleTester";
import { PROVIDER_SAMPLES, random, uuid } from "../samples";

const R = random("alnum", 24);
const STRIPE = PROVIDER_SAMPLES["stripe-live-secret-key"].value;
const GITHUB = PROVIDER_SAMPLES["github-pat"].value;
const HEX40 = random("hex", 40);
const SRI = "sha512-" + random("b64", 86) + "==";
const v = (name: string, code: string, extra: Partial<ValidCase> = {}): ValidCase => ({ name, code, ...extra });

/** Every "must NOT flag" entry of the rule's contract, each as a project the rule must stay silent on. */
export const VALID_CASES: ValidCase[] = [
  // Placeholders, in the slots where the rule is most eager.
  ...["changeme", "<your-key>", "xxx", "XXXXXXXXXXXXXXXX", "your_api_key_here", "${API_KEY}", "{{token}}", "%s", "", "TODO", "dummy", "example", "test", "secret", "password", "*****"].flatMap((placeholder) => [
    v(`placeholder ${JSON.stringify(placeholder)} as a password option`, `createClient({ password: ${JSON.stringify(placeholder)} });\n`),
    v(`placeholder ${JSON.stringify(placeholder)} as an apiKey`, `const apiKey = ${JSON.stringify(placeholder)};\n`),
    v(`placeholder ${JSON.stringify(placeholder)} as jwt.sign's secret`, `import jwt from "jsonwebtoken";\njwt.sign(payload, ${JSON.stringify(placeholder)});\n`),
  ]),
  v("placeholder token body", `const stripe = new Stripe("sk_live_" + "${"x".repeat(24)}");\n`),
  // Values read from the environment or from config.
  v("process.env read", `const apiKey = process.env.API_KEY;\nconst client = createClient({ password: process.env.DB_PASSWORD });\n`),
  v("env read with an empty fallback", `const apiKey = process.env.API_KEY ?? "";\n`),
  v("env read with a word fallback for local runs", `const password = process.env.DB_PASSWORD || "postgres";\n`),
  v("a secret read through a config module", `import jwt from "jsonwebtoken";\nimport { config } from "./config";\nexport const sign = (p: object) => jwt.sign(p, config.jwtSecret);\n`, {
    files: { "src/config.ts": `export const config = { jwtSecret: process.env.JWT_SECRET ?? "" };\n` },
  }),
  // Low-entropy words and labels.
  v("a label that mentions a password", `const passwordLabel = "Enter your password";\n`),
  v("the word Bearer", `const token = "Bearer";\n`),
  v("a template Authorization header", "const headers = { Authorization: `Bearer ${token}` };\n"),
  v("a concatenated Authorization header", `const headers = { Authorization: "Bearer " + token };\n`),
  v("a word under a secret name (not a password slot)", `const sessionSecret = "keyboardcat";\nconst apiKey = "development";\n`),
  v("a sentence under a secret name", `app.use(session({ secret: "keyboard cat" }));\n`),
  v("an i18n message under password", `const messages = { password: "Password is required", token: "Your session expired" };\n`),
  v("an i18n key under password", `const labels = { password: "auth.password.label" };\n`),
  v("a form field's name and autocomplete", `const field = { name: "password", type: "password", autoComplete: "current-password" };\nconst input = { password: "userPassword" };\n`),
  // Hashes and ids that are not secrets.
  v("SRI integrity", `const script = { src: "/app.js", integrity: "${SRI}" };\n`),
  v("git SHA and content hashes by name", `const sha = "${HEX40}";\nconst commitHash = "${HEX40}";\nconst etag = "${random("hex", 32)}";\nconst checksum = "${random("hex", 64)}";\n`),
  v("UUIDs named id", `const userId = "${uuid()}";\nconst requestId = "${uuid()}";\nconst id = "${uuid()}";\n`),
  v("a bcrypt hash in a seed user", `const admin = { email: "a@b.c", password: "$2b$10$${random("alnum", 53).replace(/[^./A-Za-z0-9]/g, "a")}" };\n`),
  // Values that name something rather than hold a secret.
  v("a value that spells its own name", `const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";\nconst events = { CryptoOptsSignJwt: "cryptoOptsSignJwt" };\n`),
  v("an identifier wrapped in punctuation under a token name", `let lastSignificantToken = "?InterpolationInJSX";\n`),
  v("a URN under a token header", `headers["Lock-Token"] = "urn:uuid:${uuid()}";\n`),
  v("numbered placeholder passwords in fixtures", `const users = [{ name: "john", password: "secret123" }, { name: "jane", password: "test_2" }];\n`),
  v("a product's default credentials in a URL", `const broker = "amqp://guest:guest@localhost:5672";\n`),
  // Names of variables, not values.
  v("an env var's name", `const key = "STRIPE_SECRET_KEY";\nconst token = process.env["API_TOKEN"];\nconst tokenName = "API_TOKEN";\n`),
  v("header names", `const apiKeyHeader = "x-api-key";\nheaders.set("Authorization", authorization);\n`),
  // Published example keys.
  v("AWS documentation keys", `const credentials = { accessKeyId: "${"AKIA" + "IOSFODNN7" + "EXAMPLE"}", secretAccessKey: "${"wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY"}" };\n`),
  v("Stripe documentation key", `const stripe = new Stripe("${"sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc"}");\n`),
  v("jwt.io sample token", `const token = "${"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"}";\n`),
  // Positions that are not values.
  v("string literal types", `type Key = "${STRIPE}";\ninterface Config { token: "${GITHUB}" }\nlet k: "${STRIPE}" | undefined;\n`),
  v("import specifiers and module names", `import thing from "${GITHUB}";\nconst other = require("${STRIPE}");\nconst lazy = import("${STRIPE}");\nexport * from "${GITHUB}";\n`),
  v("regular expressions", `const re = /sk_live_[0-9a-zA-Z]{24}/;\nconst re2 = new RegExp("${GITHUB}");\n`),
  v("object keys", `const byKey = { "${STRIPE}": 1, ["${GITHUB}"]: 2 };\nconst value = byKey["${STRIPE}"];\n`),
  v("a key tested with in", `if ("${STRIPE}" in cache) {}\n`),
  // URLs without credentials.
  v("URLs without a password", `const tokenUrl = "https://oauth2.googleapis.com/token";\nconst url = "https://user@example.com/x";\nconst db = "postgres://app:@db/app";\nconst redis = "redis://:password@localhost:6379";\nconst tpl = "postgres://app:\${DB_PASSWORD}@db/app";\n`),
  // Publishable keys.
  v("Stripe publishable key", `const stripe = loadStripe("${"pk_" + "live_" + R}");\n`),
  // Suppression markers the engine honours for secrets.
  v("gitleaks:allow", `const clientSecret = "${R}"; // gitleaks:allow\n`),
  v("secretlint-disable-line", `const clientSecret = "${R}"; // secretlint-disable-line\n`),
  v("pragma: allowlist secret", `const clientSecret = "${R}"; // pragma: allowlist secret\n`),
  v("NOSONAR", `const clientSecret = "${R}"; // NOSONAR\n`),
  v("twelve-factor-disable-next-line", `// twelve-factor-disable-next-line config/no-hardcoded-secret\nconst clientSecret = "${R}";\n`),
  // The project's allow-list.
  v("allow-list: exact value", `const clientSecret = "${R}";\n`, { secretsAllowList: [R] }),
  v("allow-list: regular expression", `const stripe = new Stripe("${STRIPE}");\n`, { secretsAllowList: ["/^sk_live_/"] }),
];
