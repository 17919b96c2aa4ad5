import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "yaml";
import { secretInProjectFile } from "../../../server/src/rules/config/secret-in-project-file";
import { analyze, runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { at, shown } from "./secrets/cases/support";
import { random } from "./secrets/samples";

// Assembled at run time so the repository itself holds no token-shaped strings.
const NPM = "npm_" + random("alnum", 36);
const STRIPE = "sk_" + "live_" + random("alnum", 24);
const HEX = random("hex", 40);
const B64 = random("alnum", 22) + "==";
const PASSWORD = "Xk29" + "fLq7-Wm3";

const found = (secret: string, where: string, signal: string, advice: string): string => `Hardcoded secret ${shown(secret)} in ${where}: ${signal}. ${advice}`;
const npmAdvice = (name: string): string => `Write \${${name}} instead and set ${name} in the environment; npm expands it.`;
const composeAdvice = (name: string): string => `Write a \${${name}} reference and keep the value in the git-ignored .env or the deployment's environment.`;
const ARG_ADVICE = "Drop the default and pass it at build time (a build secret, RUN --mount=type=secret, keeps it out of the image history).";
const envAdvice = (name: string): string => `An ENV value is baked into the image: remove it and set ${name} when the container runs (docker run -e ${name}, the platform's config).`;
const CONFIG_ADVICE = "Read it from an environment variable instead (node-config maps variables to keys in config/custom-environment-variables.json).";
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const npmrc = `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM}\n`;
const npmrcAuth = `; CI credentials\r\n_auth = ${B64}\r\n_password="${PASSWORD}"\r\n`;
const registryUrl = `registry=https://ci:${PASSWORD}@npm.corp.io/\n`;
const compose = `services:\n  web:\n    image: node:20\n    environment:\n      NODE_ENV: production\n      STRIPE_KEY: ${STRIPE}\n`;
const composeQuoted = `services:\n  web:\n    image: node:20\n    environment:\n      DB_PASSWORD: "${PASSWORD}"\n`;
const composeList = `services:\n  worker:\n    build: .\n    environment:\n      - API_TOKEN=${HEX}\n      - "DATABASE_URL=postgres://app:${PASSWORD}@db:5432/app"\n`;
const composeAnchor = `x-env: &env\n  environment:\n    SESSION_SECRET: ${HEX}\nservices:\n  a:\n    <<: *env\n    image: x\n  b:\n    <<: *env\n    image: y\n`;
const dockerArg = `FROM node:20\nARG NODE_VERSION=20 \\\n    NPM_TOKEN=${NPM}\nRUN npm ci\n`;
const dockerEnv = `FROM node:20\nENV NODE_ENV=production API_SECRET="${HEX}"\nENV DB_PASSWORD ${PASSWORD}\n`;
const configJson = json({ db: { user: "app", password: PASSWORD }, stripe: { keys: [STRIPE] } });
const configYaml = `server:\n  port: 8080\nauth:\n  jwtSecret: '${HEX}'\n`;
const scripts = json({ name: "app", scripts: { start: `API_KEY=${HEX} node server.js`, seed: `node seed.js --password=${PASSWORD}`, publish: `curl -H "Authorization: Bearer ${NPM}" https://x.io` } });
const testDockerfile = `FROM node:20\nENV STRIPE_KEY=${STRIPE}\n`;
const template = `PORT=3000\nSTRIPE_KEY=${STRIPE}\nAPI_KEY=\n`;

const invalid: InvalidCase[] = [
  {
    name: ".npmrc: a registry _authToken in a provider format is an error; the fix writes ${NPM_TOKEN}",
    filename: ".npmrc",
    code: npmrc,
    errors: [{ ...at(npmrc, NPM), severity: "error", message: found(NPM, "`_authToken` of .npmrc", "npm access token format", npmAdvice("NPM_TOKEN")) }],
    output: "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
    outputFiles: { ".env.example": null },
  },
  {
    name: ".npmrc: _auth and a quoted _password (CRLF, ini spacing)",
    filename: ".npmrc",
    code: npmrcAuth,
    errors: [
      { ...at(npmrcAuth, B64), severity: "warning", message: found(B64, "`_auth` of .npmrc", "high-entropy value assigned to `_auth`", npmAdvice("NPM_AUTH")) },
      { ...at(npmrcAuth, `"${PASSWORD}"`), severity: "warning", message: found(PASSWORD, "`_password` of .npmrc", "password literal assigned to `_password`", npmAdvice("NPM_PASSWORD")) },
    ],
    output: "; CI credentials\r\n_auth = ${NPM_AUTH}\r\n_password=${NPM_PASSWORD}\r\n",
  },
  {
    name: ".npmrc: a password inside the registry URL",
    filename: ".npmrc",
    code: registryUrl,
    errors: [{ ...at(registryUrl, `https://ci:${PASSWORD}@npm.corp.io/`), message: found(PASSWORD, "`registry` of .npmrc", "password in a https:// URL", npmAdvice("NPM_REGISTRY")) }],
    output: "registry=${NPM_REGISTRY}\n",
  },
  {
    name: "compose map form at the root: ${NAME}, NAME= in .env.example, the value into the ignored .env",
    filename: "docker-compose.yml",
    code: compose,
    files: { ".gitignore": ".env\n", ".env.example": "NODE_ENV=\n" },
    errors: [{ ...at(compose, STRIPE), severity: "error", message: found(STRIPE, "`STRIPE_KEY` of service `web`", "Stripe live secret key format", composeAdvice("STRIPE_KEY")) }],
    output: "services:\n  web:\n    image: node:20\n    environment:\n      NODE_ENV: production\n      STRIPE_KEY: ${STRIPE_KEY}\n",
    outputFiles: { ".env.example": "NODE_ENV=\nSTRIPE_KEY=\n", ".env": `STRIPE_KEY=${STRIPE}\n` },
  },
  {
    name: "compose beside a Next.js .env.local.example: NAME= goes into that template, no second template is started",
    filename: "docker-compose.yml",
    code: compose,
    files: { ".gitignore": ".env\n", ".env.local.example": "AUTH_SECRET=\n" },
    errors: [{ ...at(compose, STRIPE), severity: "error", message: found(STRIPE, "`STRIPE_KEY` of service `web`", "Stripe live secret key format", composeAdvice("STRIPE_KEY")) }],
    output: "services:\n  web:\n    image: node:20\n    environment:\n      NODE_ENV: production\n      STRIPE_KEY: ${STRIPE_KEY}\n",
    outputFiles: { ".env.local.example": "AUTH_SECRET=\nSTRIPE_KEY=\n", ".env.example": null, ".env": `STRIPE_KEY=${STRIPE}\n` },
  },
  {
    name: "compose map form: a quoted value is replaced with its quotes; an existing .env.example and .env are appended to",
    filename: "docker-compose.yml",
    code: composeQuoted,
    files: { ".gitignore": ".env\n", ".env.example": "NODE_ENV=\n", ".env": "NODE_ENV=development\n" },
    errors: [{ ...at(composeQuoted, `"${PASSWORD}"`), severity: "warning", message: found(PASSWORD, "`DB_PASSWORD` of service `web`", "password literal assigned to `DB_PASSWORD`", composeAdvice("DB_PASSWORD")) }],
    output: "services:\n  web:\n    image: node:20\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n",
    outputFiles: { ".env.example": "NODE_ENV=\nDB_PASSWORD=\n", ".env": `NODE_ENV=development\nDB_PASSWORD=${PASSWORD}\n` },
  },
  {
    name: "compose list form in a subfolder: the value after `=`, inside quotes; no .env.example (compose reads the .env beside it)",
    filename: "deploy/compose.yaml",
    code: composeList,
    errors: [
      { ...at(composeList, HEX), message: found(HEX, "`API_TOKEN` of service `worker`", "high-entropy value assigned to `API_TOKEN`", composeAdvice("API_TOKEN")) },
      { ...at(composeList, `postgres://app:${PASSWORD}@db:5432/app`), message: found(PASSWORD, "`DATABASE_URL` of service `worker`", "password in a postgres:// URL", composeAdvice("DATABASE_URL")) },
    ],
    output: 'services:\n  worker:\n    build: .\n    environment:\n      - API_TOKEN=${API_TOKEN}\n      - "DATABASE_URL=${DATABASE_URL}"\n',
    outputFiles: { ".env.example": null, "deploy/.env.example": null },
  },
  {
    name: "compose: a value shared through a merge key is reported once, where it is written",
    filename: "docker-compose.yml",
    code: composeAnchor,
    files: { ".env.example": "" },
    errors: [{ ...at(composeAnchor, HEX), message: found(HEX, "`SESSION_SECRET` of service `a`", "high-entropy value assigned to `SESSION_SECRET`", composeAdvice("SESSION_SECRET")) }],
    output: composeAnchor.replace(HEX, "${SESSION_SECRET}"),
    outputFiles: { ".env.example": "SESSION_SECRET=\n", ".env": null },
  },
  {
    name: "Dockerfile: an ARG default across a continuation line; the fix drops the default",
    filename: "Dockerfile",
    code: dockerArg,
    errors: [{ ...at(dockerArg, NPM), severity: "error", message: found(NPM, "the default of ARG NPM_TOKEN", "npm access token format", ARG_ADVICE) }],
    output: "FROM node:20\nARG NODE_VERSION=20 \\\n    NPM_TOKEN\nRUN npm ci\n",
  },
  {
    name: "Dockerfile: ENV values (quoted, and the legacy `ENV NAME value` form) have no in-file fix",
    filename: "Dockerfile",
    code: dockerEnv,
    errors: [
      { ...at(dockerEnv, `"${HEX}"`), message: found(HEX, "ENV API_SECRET", "high-entropy value assigned to `API_SECRET`", envAdvice("API_SECRET")) },
      { ...at(dockerEnv, PASSWORD), message: found(PASSWORD, "ENV DB_PASSWORD", "password literal assigned to `DB_PASSWORD`", envAdvice("DB_PASSWORD")) },
    ],
  },
  {
    name: "config/*.json: values under secret-like keys, and provider tokens in arrays; no fix",
    filename: "config/production.json",
    code: configJson,
    errors: [
      { ...at(configJson, `"${PASSWORD}"`), severity: "warning", message: found(PASSWORD, "`db.password` of config/production.json", "password literal assigned to `password`", CONFIG_ADVICE) },
      { ...at(configJson, `"${STRIPE}"`), severity: "error", message: found(STRIPE, "`stripe.keys` of config/production.json", "Stripe live secret key format", CONFIG_ADVICE) },
    ],
  },
  {
    name: "config/*.yml: a quoted value under a secret-like key",
    filename: "config/default.yml",
    code: configYaml,
    errors: [{ ...at(configYaml, `'${HEX}'`), message: found(HEX, "`auth.jwtSecret` of config/default.yml", "high-entropy value assigned to `jwtSecret`", CONFIG_ADVICE) }],
  },
  {
    name: "package.json scripts: an inline assignment (removed by the fix), a --password flag, a token in a header",
    filename: "package.json",
    code: scripts,
    errors: [
      { ...at(scripts, HEX), message: found(HEX, "the `start` script of package.json", "high-entropy value assigned to `API_KEY`", "Remove API_KEY=… from the script and set API_KEY in the environment.") },
      { ...at(scripts, PASSWORD), message: found(PASSWORD, "the `seed` script of package.json", "password literal assigned to `password`", "Pass it from the environment instead.") },
      { ...at(scripts, NPM), severity: "error", message: found(NPM, "the `publish` script of package.json", "npm access token format", "Pass it from the environment instead.") },
    ],
    output: scripts.replace(`API_KEY=${HEX} `, ""),
  },
  {
    name: "package.json scripts: offsets stay exact after JSON escapes",
    filename: "package.json",
    code: `{ "scripts": { "start": "echo \\"\\u0068i\\" && TOKEN=${HEX} node s.js" } }`,
    errors: [{ ...at(`{ "scripts": { "start": "echo \\"\\u0068i\\" && TOKEN=${HEX} node s.js" } }`, HEX), message: found(HEX, "the `start` script of package.json", "high-entropy value assigned to `TOKEN`", "Remove TOKEN=… from the script and set TOKEN in the environment.") }],
    output: `{ "scripts": { "start": "echo \\"\\u0068i\\" && node s.js" } }`,
  },
  {
    name: ".env.example: a real value in a committed template; the fix blanks it",
    filename: ".env.example",
    code: template,
    errors: [{ ...at(template, STRIPE), severity: "error", message: found(STRIPE, "`STRIPE_KEY` of .env.example", "Stripe live secret key format", "Leave it blank (STRIPE_KEY=) in the template and keep the real value in .env or the deployment's environment.") }],
    output: "PORT=3000\nSTRIPE_KEY=\nAPI_KEY=\n",
  },
  {
    name: "a Dockerfile under a test folder: one step lower",
    filename: "test/Dockerfile",
    code: testDockerfile,
    errors: [{ ...at(testDockerfile, STRIPE), severity: "warning", message: found(STRIPE, "ENV STRIPE_KEY", "Stripe live secret key format", envAdvice("STRIPE_KEY")) }],
  },
];

const valid: ValidCase[] = [
  { name: ".npmrc: ${NPM_TOKEN} reference", filename: ".npmrc", code: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n" },
  { name: ".npmrc: empty value, plain settings, comments", filename: ".npmrc", code: "_authToken=\nregistry=https://registry.npmjs.org/\nsave-exact=true\n# _authToken is set by CI\n" },
  { name: ".npmrc: settings whose names are not secrets", filename: ".npmrc", code: "always-auth=true\nemail=ci@corp.io\n//registry.npmjs.org/:username=ci-bot\n" },
  { name: ".npmrc: placeholder", filename: ".npmrc", code: "//registry.npmjs.org/:_authToken=<your-token>\n" },
  {
    name: "compose: ${VAR}, $VAR, ${VAR:-default} references, empty and pass-through entries",
    filename: "docker-compose.yml",
    code: "services:\n  web:\n    image: x\n    environment:\n      API_KEY: ${API_KEY}\n      TOKEN: $TOKEN\n      DB_PASSWORD: ${DB_PASSWORD:-}\n      SECRET:\n      EMPTY: ''\n  job:\n    image: x\n    environment:\n      - JWT_SECRET\n      - SESSION_SECRET=\n      - API_TOKEN=${API_TOKEN}\n      - DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n      - REDIS_URL=redis://:$REDIS_PASSWORD@cache:6379\n",
  },
  {
    name: "compose: placeholders, a dev default kept behind a reference, local URLs",
    filename: "docker-compose.yml",
    code: "services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n      MYSQL_ROOT_PASSWORD: changeme\n      DATABASE_URL: postgres://postgres:postgres@localhost:5432/app\n      NODE_ENV: production\n",
  },
  { name: "compose: broken YAML is not a crash", filename: "docker-compose.yml", code: `services:\n  web: [\n    environment:\n      STRIPE_KEY: ${"sk_" + "live_"}abc\n` },
  { name: "Dockerfile: ARG without default, ENV from an ARG, empty and placeholder values", filename: "Dockerfile", code: 'FROM node:20\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN} API_KEY="" SECRET=changeme\nENV NODE_ENV production\n' },
  { name: "Dockerfile: PATH extension, empty ARG default, a build secret mount", filename: "Dockerfile", code: "FROM node:20\nENV PATH=/app/node_modules/.bin:$PATH\nARG GITHUB_TOKEN=\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n" },
  { name: "config: node-config's custom-environment-variables maps keys to variable names", filename: "config/custom-environment-variables.json", code: json({ db: { password: "DB_PASSWORD" }, stripe: { secretKey: "STRIPE_SECRET_KEY" } }) },
  { name: "config: references, empty values and non-secret keys", filename: "config/default.json", code: json({ db: { password: "${DB_PASSWORD}", host: "localhost" }, apiKey: "", auth: { header: "x-api-key" } }) },
  { name: "package.json scripts: env references and test placeholders", filename: "package.json", code: json({ scripts: { start: "API_KEY=$API_KEY node server.js", test: "JWT_SECRET=test jest", deploy: "NODE_ENV=production node deploy.js --token $DEPLOY_TOKEN" } }) },
  {
    name: "package.json scripts: ordinary flags and long words",
    filename: "package.json",
    code: json({ scripts: { build: "tsc -p tsconfig.json && webpack --mode=production", start: "node --max-old-space-size=4096 dist/main.js", lint: "eslint --max-warnings=0 --ext .ts,.tsx src", docs: "typedoc --plugin typedoc-plugin-markdown-extended src/index.ts", auth: "node auth.js --token-file /run/secrets/api_token" } }),
  },
  { name: "package.json: broken JSON is not a crash", filename: "package.json", code: `{ "scripts": { "start": "TOKEN=${HEX} node` },
  {
    name: ".env.example: word-like sample values document the variable, they publish nothing",
    filename: ".env.example",
    code: "SWAGGER_USERNAME=admin\nSWAGGER_PASSWORD=1234\nDB_PASSWORD=postgres\nMONITOR_PASSWORD=admin123\n",
  },
  { name: ".env.example with blank values and placeholders", filename: ".env.example", code: "API_KEY=\nSTRIPE_KEY=<your-stripe-key>\nDB_PASSWORD=changeme\nDATABASE_URL=postgres://postgres:postgres@localhost:5432/app\n" },
  { name: "a real .env is config/env-file-not-ignored's business", filename: ".env", code: `STRIPE_KEY=${STRIPE}\n`, files: { ".gitignore": ".env\n" } },
  { name: ".env.vault is encrypted by design", filename: ".env.vault", code: `DOTENV_VAULT_PRODUCTION="${B64}${HEX}"\n` },
];

runRuleTests(secretInProjectFile, { valid, invalid });

describe("config/secret-in-project-file fixed files", () => {
  it("every fixed compose file is still valid YAML", () => {
    const composeCases = invalid.filter((testCase) => /\.ya?ml$/.test(testCase.filename ?? "") && testCase.output !== undefined);
    assert.ok(composeCases.length >= 3);
    for (const testCase of composeCases) assert.deepEqual(parseDocument(testCase.output ?? "").errors, [], testCase.name);
  });
});

describe("config/secret-in-project-file redaction", () => {
  it("no message, signal or fix title prints a fixture secret", () => {
    for (const testCase of invalid) {
      const result = analyze(secretInProjectFile, testCase);
      try {
        assert.ok(result.findings.length > 0, testCase.name);
        for (const finding of result.findings) {
          const shownText = JSON.stringify({ message: finding.message, signals: finding.signals, titles: finding.fixes.map((fix) => fix.title) });
          for (const secret of [NPM, STRIPE, HEX, B64, PASSWORD]) assert.ok(!shownText.includes(secret.slice(0, 8)), `${testCase.name}: prints ${secret.slice(0, 4)}…`);
        }
      } finally {
        result.cleanup();
      }
    }
  });
});
