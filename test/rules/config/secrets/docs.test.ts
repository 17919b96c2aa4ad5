import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { noHardcodedSecret } from "../../../../server/src/rules/config/no-hardcoded-secret";
import { NOT_SECRET_FORMATS, PUBLISHED_EXAMPLES } from "../../../../server/src/rules/config/secrets/notSecrets";
import { PLACEHOLDER_PATTERNS, PLACEHOLDER_WORDS } from "../../../../server/src/rules/config/secrets/placeholders";
import { PROVIDER_FORMATS } from "../../../../server/src/rules/config/secrets/providers";
import { SECRET_ARGUMENTS } from "../../../../server/src/rules/config/secrets/secretArguments";
import { CREDENTIAL_SINKS } from "../../../../server/src/rules/config/secrets/credentialSinks";
import { analyze } from "../../../helpers/ruleTester";

const doc = readFileSync(path.join(__dirname, "../../../../docs/rules/config/no-hardcoded-secret.md"), "utf8");

function blocks(marker: "invalid" | "valid"): string[] {
  return [...doc.matchAll(new RegExp(`<!-- ${marker} -->\\s*\`\`\`ts\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) => match[1]);
}

describe("docs/rules/config/no-hardcoded-secret.md", () => {
  it("lists every provider format with its variable and severity", () => {
    for (const row of PROVIDER_FORMATS) {
      const line = doc.split("\n").find((text) => text.startsWith(`| \`${row.id}\` |`));
      assert.ok(line, `${row.id} missing from the provider table`);
      assert.ok(line.includes(row.label) && line.includes(`\`${row.envName}\``) && line.endsWith(`| ${row.severity} |`), `${row.id}: stale row`);
    }
  });

  it("lists every not-a-secret table entry", () => {
    for (const word of PLACEHOLDER_WORDS) assert.ok(doc.includes(`\`${word}\``), word);
    for (const row of [...PLACEHOLDER_PATTERNS, ...NOT_SECRET_FORMATS, ...PUBLISHED_EXAMPLES]) assert.ok(doc.includes(`| \`${row.id}\` |`), row.id);
    for (const row of SECRET_ARGUMENTS) assert.ok(doc.includes(`| \`${row.label}\` (\`${row.module}\`) |`), row.label);
    for (const row of CREDENTIAL_SINKS) {
      const credentials = [...row.options.map((path) => `\`${path.join(".")}\` option`), ...(row.positional ?? []).map((index) => `argument ${index + 1}`)].join(", ");
      assert.ok(doc.includes(`| ${row.label} (\`${row.module}\`) | ${credentials} → \`${row.envName}\` |`), `credential sink ${row.label} (${row.module})`);
    }
  });

  it("has examples of both kinds", () => {
    assert.ok(blocks("invalid").length >= 5);
    assert.ok(blocks("valid").length >= 3);
  });

  blocks("invalid").forEach((code, index) => {
    it(`❌ example ${index + 1} is reported`, () => {
      const result = analyze(noHardcodedSecret, { code });
      try {
        assert.ok(result.findings.length >= 1, code);
      } finally {
        result.cleanup();
      }
    });
  });

  blocks("valid").forEach((code, index) => {
    it(`✅ example ${index + 1} is not reported`, () => {
      const result = analyze(noHardcodedSecret, { code });
      try {
        assert.deepEqual(result.findings.map((finding) => finding.message), []);
      } finally {
        result.cleanup();
      }
    });
  });
});
