import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noHardcodedSecret } from "../../../../server/src/rules/config/no-hardcoded-secret";
import { secretInProjectFile } from "../../../../server/src/rules/config/secret-in-project-file";
import { allowListOf } from "../../../../server/src/rules/config/secrets/allowList";
import { detectSecret } from "../../../../server/src/rules/config/secrets/detector";
import { embeddedValues } from "../../../../server/src/rules/config/secrets/embedded";
import { PUBLISHED_EXAMPLES } from "../../../../server/src/rules/config/secrets/notSecrets";
import { SECRET_TRIGGER } from "../../../../server/src/rules/config/secrets/trigger";
import { judgeUrlCredentials } from "../../../../server/src/rules/config/secrets/urlCredentials";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../../helpers/ruleTester";
import { at, readFrom, shown } from "./cases/support";
import { PROVIDER_SAMPLES, random } from "./samples";
import { slot } from "./slotStub";

const none = allowListOf([]);
const GITHUB = PROVIDER_SAMPLES["github-pat"].value;
const PASSWORD = "Xk29" + "fLq7-Wm3";
const TOKEN = random("alnum", 32);

const env = `const fixture = \`PORT=3000\nDB_PASSWORD=${PASSWORD}\nDEBUG=false\n\`;\n`;
const xml = `const body = "<config><apiToken>${TOKEN}</apiToken></config>";\n`;
const curlUser = `const cmd = "curl -u deploy:${PASSWORD} https://ci.acme.io/api";\n`;
const curlHeader = `const cmd = \`curl -H "X-API-Key: ${TOKEN}" https://api.acme.io\`;\n`;
const flag = `run("migrate --password=${PASSWORD} --verbose");\n`;
const nuget = `const nugetConfig = '<add key="ClearTextPassword" value="${PASSWORD}" />';\n`;
const markup = `const help = "<githubToken> is ${GITHUB} for the example account";\n`;
const tokenInEnvText = `const dotenv = "GITHUB_TOKEN=${GITHUB}\\nPORT=3000";\n`;

const invalid: InvalidCase[] = [
  {
    name: "a KEY=value line of .env text in a template: the embedded name is the name; the range is the value; the fix keeps the text around it",
    code: env,
    errors: [{ ...at(env, PASSWORD), message: readFrom(PASSWORD, "password literal assigned to `DB_PASSWORD`", "DB_PASSWORD"), severity: "warning", signals: ["password literal assigned to `DB_PASSWORD`"] }],
    // The template is rewritten with its line breaks escaped, the same text.
    output: "const fixture = `PORT=3000\\nDB_PASSWORD=${process.env.DB_PASSWORD}\\nDEBUG=false\\n`;\n",
    outputFiles: { ".env.example": "DB_PASSWORD=\n" },
  },
  {
    name: "an XML element: <apiToken>…</apiToken>",
    code: xml,
    errors: [{ ...at(xml, TOKEN), message: readFrom(TOKEN, "high-entropy value assigned to `apiToken`", "API_TOKEN"), severity: "warning" }],
    output: `const body = \`<config><apiToken>\${process.env.API_TOKEN}</apiToken></config>\`;\n`,
    outputFiles: { ".env.example": "API_TOKEN=\n" },
  },
  {
    name: "curl -u user:password",
    code: curlUser,
    errors: [{ ...at(curlUser, PASSWORD), message: readFrom(PASSWORD, "password literal assigned to `password`", "PASSWORD"), severity: "warning" }],
    output: `const cmd = \`curl -u deploy:\${process.env.PASSWORD} https://ci.acme.io/api\`;\n`,
    outputFiles: { ".env.example": "PASSWORD=\n" },
  },
  {
    name: "curl -H with a credential header",
    code: curlHeader,
    errors: [{ ...at(curlHeader, TOKEN), message: readFrom(TOKEN, "high-entropy `X-API-Key` header value", "API_KEY"), severity: "warning" }],
    output: `const cmd = \`curl -H "X-API-Key: \${process.env.API_KEY}" https://api.acme.io\`;\n`,
    outputFiles: { ".env.example": "API_KEY=\n" },
  },
  {
    name: "a --password=… flag in a command line",
    code: flag,
    errors: [{ ...at(flag, PASSWORD), message: readFrom(PASSWORD, "password literal assigned to `password`", "PASSWORD"), severity: "warning" }],
    output: `run(\`migrate --password=\${process.env.PASSWORD} --verbose\`);\n`,
    outputFiles: { ".env.example": "PASSWORD=\n" },
  },
  {
    name: "NuGet's key/value attributes",
    code: nuget,
    errors: [{ ...at(nuget, PASSWORD), message: readFrom(PASSWORD, "password literal assigned to `ClearTextPassword`", "CLEAR_TEXT_PASSWORD"), severity: "warning" }],
    output: `const nugetConfig = \`<add key="ClearTextPassword" value="\${process.env.CLEAR_TEXT_PASSWORD}" />\`;\n`,
    outputFiles: { ".env.example": "CLEAR_TEXT_PASSWORD=\n" },
  },
  {
    name: "markup and the word example elsewhere in the string do not veto a real token",
    code: markup,
    errors: [{ ...at(markup, `"<githubToken> is ${GITHUB} for the example account"`), message: readFrom(GITHUB, "GitHub personal access token format", "GITHUB_TOKEN"), severity: "error" }],
    output: `const help = \`<githubToken> is \${process.env.GITHUB_TOKEN} for the example account\`;\n`,
    outputFiles: { ".env.example": "GITHUB_TOKEN=\n" },
  },
  {
    name: "a provider token on a line of .env text held in a string is pointed at exactly",
    code: tokenInEnvText,
    errors: [{ ...at(tokenInEnvText, GITHUB), message: readFrom(GITHUB, "GitHub personal access token format", "GITHUB_TOKEN"), severity: "error" }],
    output: `const dotenv = \`GITHUB_TOKEN=\${process.env.GITHUB_TOKEN}\\nPORT=3000\`;\n`,
    outputFiles: { ".env.example": "GITHUB_TOKEN=\n" },
  },
];

const valid: ValidCase[] = [
  { name: "an embedded password that is a plain word (documentation, a translation)", code: `const de = "password: Passwort\\nuser: Benutzer";\n` },
  { name: "embedded placeholders", code: `const t = \`DB_PASSWORD=changeme\nAPI_KEY=<your-api-key>\nSECRET=\${secret}\n\`;\n` },
  { name: "an embedded masked value", code: `const t = "<apiToken>################</apiToken>";\n` },
  { name: "embedded names that are not secret", code: `const t = \`NODE_ENV=production\nREGION=${random("alnum", 24)}\n\`;\n` },
  { name: "curl with a variable", code: "const cmd = 'curl -u deploy:$CI_PASSWORD -H \"Authorization: Bearer $TOKEN\" https://x.io';\n" },
  { name: "a URL whose password equals the user is judged once, not again as a random string", code: `const url = "amqp://${"Qz8rK2mW"}:${"Qz8rK2mW"}@mq.internal:5672/vhost-${random("alnum", 20)}";\n` },
  { name: "a URL password under 4 characters", code: `const databaseUrl = "mysql://root:pw@db.internal/app";\n` },
  { name: "a variable's name left as a URL password", code: `const databaseUrl = "postgres://app:DB_PASSWORD@db.internal/app";\n` },
  { name: "mypassword", code: `const db = { password: "mypassword" };\n` },
  { name: "#### mask", code: `const apiKey = "################";\n` },
  ...PUBLISHED_EXAMPLES.map((row): ValidCase => ({ name: `published example ${row.id}`, code: `const apiKey = ${JSON.stringify(row.parts.join(""))};\n` })),
];

runRuleTests(noHardcodedSecret, { valid, invalid });

describe("embedded text", () => {
  it("every invalid case gets past the pre-scan", () => {
    for (const testCase of invalid) assert.match(testCase.code, SECRET_TRIGGER, testCase.name);
  });

  it("the pre-scan for embedded shapes stays out of ordinary and minified code", () => {
    for (const code of ["this.password = password;", "var n=t.onToken;t.onToken=function(e){}", "this.lastToken=this.token;", "if (target1.className) x();", "'uselibpqcompat=true&sslmode=verify'", "const t: Promise<ApiToken> = load();"]) {
      assert.doesNotMatch(code, SECRET_TRIGGER, code);
    }
  });

  it("reads names and exact value offsets", () => {
    const text = `PORT=3000\nexport API_KEY="abc123"\n<token>t0k3n</token>\ncurl -u bob:s3cr3t --header 'X-Auth-Token: zz11' --secret=q9`;
    assert.deepEqual(
      embeddedValues(text).map((hit) => [hit.name, text.slice(hit.start, hit.end), hit.header]),
      [["PORT", "3000", false], ["API_KEY", "abc123", false], ["token", "t0k3n", false], ["password", "s3cr3t", false], ["X-Auth-Token", "zz11", true], ["secret", "q9", false]],
    );
  });

  it("reads nothing from short or unshaped text", () => {
    assert.deepEqual(embeddedValues("a=b"), []);
    assert.deepEqual(embeddedValues("just a sentence without pairs"), []);
  });

  it("an allow-listed embedded value is not reported", () => {
    assert.equal(detectSecret(`DB_PASSWORD=${PASSWORD}\nX=1`, slot("fixture"), allowListOf([PASSWORD])), undefined);
  });
});

describe("URL credentials: one verdict", () => {
  it("rejects stand-ins and keeps real passwords", () => {
    assert.deepEqual(judgeUrlCredentials("amqp://guest:guest@mq"), { rejected: true });
    assert.deepEqual(judgeUrlCredentials("redis://:pw@cache"), { rejected: true });
    assert.deepEqual(judgeUrlCredentials("postgres://app:redis_password@db"), { rejected: true });
    assert.equal((judgeUrlCredentials(`postgres://app:${PASSWORD}@db/app`) as { password: string }).password, PASSWORD);
    assert.equal(judgeUrlCredentials("https://acme.io/path"), undefined);
  });

  it("a rejected URL under a secret name is not reported as a high-entropy value", () => {
    const value = `amqp://Qz8rK2mW:Qz8rK2mW@mq.internal:5672/${random("alnum", 24)}`;
    assert.equal(detectSecret(value, slot("clientSecret"), none), undefined);
  });
});

describe("project files read embedded text too", () => {
  const configJson = `{\n  "ci": { "script": "curl -u deploy:${PASSWORD} https://ci.acme.io" }\n}\n`;
  runRuleTests(secretInProjectFile, {
    valid: [],
    invalid: [
      {
        name: "a command line held in a config/*.json value",
        filename: "config/default.json",
        code: configJson,
        errors: [{ ...at(configJson, PASSWORD), message: `Hardcoded secret ${shown(PASSWORD)} in \`ci.script\` of config/default.json: password literal assigned to \`password\`. Read it from an environment variable instead (node-config maps variables to keys in config/custom-environment-variables.json).`, severity: "warning" }],
      },
    ],
  });
});
