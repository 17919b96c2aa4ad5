import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noHardcodedSecret } from "../../../../server/src/rules/config/no-hardcoded-secret";
import { allowListOf } from "../../../../server/src/rules/config/secrets/allowList";
import { CREDENTIAL_SINKS, PRODUCT_DEFAULTS, type CredentialSink } from "../../../../server/src/rules/config/secrets/credentialSinks";
import { detectSecret } from "../../../../server/src/rules/config/secrets/detector";
import { random } from "./samples";
import { analyze } from "../../../helpers/ruleTester";
import { slot } from "./slotStub";

const none = allowListOf([]);
const WEAK = "hunter2";

/** `{ auth: { pass: "hunter2" } }` for the option path `auth.pass`. */
function optionsWith(path: readonly string[]): string {
  return path.reduceRight((inner, key) => `{ ${key}: ${inner} }`, JSON.stringify(WEAK));
}

/** A call of the row's first callee passing a weak literal where the row says a credential goes. */
function callOf(row: CredentialSink): { code: string; label: string } {
  const callee = ["client", ...row.paths[0]].join(".");
  const head = `const client = require(${JSON.stringify(row.module)});\n`;
  const index = row.positional?.[0];
  if (index !== undefined) {
    const args = Array.from({ length: index + 1 }, (_, i) => (i === index ? JSON.stringify(WEAK) : `"app"`));
    return { code: `${head}export const made = new ${callee}(${args.join(", ")});\n`, label: `argument ${index + 1} of ${row.label}` };
  }
  const option = row.options[0];
  return { code: `${head}export const made = ${callee}(${optionsWith(option)});\n`, label: `\`${option.join(".")}\` option of ${row.label}` };
}

describe("credential sinks table: each row reports a weak literal where it takes a credential", () => {
  for (const row of CREDENTIAL_SINKS) {
    const { code, label } = callOf(row);
    it(`${row.module} ${row.paths[0].join(".") || "(module)"}: ${label}`, () => {
      const result = analyze(noHardcodedSecret, { code });
      try {
        assert.deepEqual(result.findings.map((f) => [f.signals, f.severity]), [[[label], "warning"]], code);
      } finally {
        result.cleanup();
      }
    });
  }
  it("every row names a credential place", () => {
    for (const row of CREDENTIAL_SINKS) assert.ok(row.options.length > 0 || (row.positional ?? []).length > 0, row.label);
  });
});

describe("where a weak password is config", () => {
  const sink = slot("password", { role: "sink", call: { label: "`password` option of pg Pool()", envName: "DB_PASSWORD" } });
  it("product defaults in a sink are reported at info", () => {
    for (const value of PRODUCT_DEFAULTS) assert.equal(detectSecret(value, sink, none)?.severity, "info", value);
  });
  it("a weak value under a name that says which service it logs in to is reported", () => {
    for (const name of ["dbPassword", "DB_PASSWORD", "smtpPass", "MYSQL_ROOT_PASSWORD", "redisPassword", "mailPassword"]) {
      assert.deepEqual(detectSecret(WEAK, slot(name), none)?.signals, [`password literal assigned to \`${name}\``], name);
    }
  });
  it("a weak value under a user's password name is data", () => {
    for (const name of ["password", "userPassword", "newPassword", "adminPassword", "confirmPassword", "pwd"]) assert.equal(detectSecret(WEAK, slot(name), none), undefined, name);
  });
  it("a random value under any password name is still reported", () => {
    const value = random("alnum", 24);
    assert.deepEqual(detectSecret(value, slot("password"), none)?.signals, ["high-entropy value assigned to `password`"]);
  });
  it("a passphrase with spaces is a credential in a sink, a message elsewhere", () => {
    assert.deepEqual(detectSecret("correct horse battery", sink, none)?.signals, ["`password` option of pg Pool()"]);
    assert.equal(detectSecret("correct horse battery", slot("sessionSecret"), none), undefined);
  });
});
