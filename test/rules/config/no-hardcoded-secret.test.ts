import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noHardcodedSecret } from "../../../server/src/rules/config/no-hardcoded-secret";
import { analyze, runRuleTests } from "../../helpers/ruleTester";
import { ENV_FILE_CASES } from "./secrets/cases/envFileCases";
import { GENERIC_CASES } from "./secrets/cases/genericCases";
import { PROVIDER_CASES } from "./secrets/cases/providerCases";
import { SINK_CASES, SINK_VALID_CASES } from "./secrets/cases/sinkCases";
import { VALID_CASES } from "./secrets/cases/validCases";

const INVALID = [...PROVIDER_CASES, ...GENERIC_CASES, ...ENV_FILE_CASES, ...SINK_CASES];

runRuleTests(noHardcodedSecret, { valid: [...VALID_CASES, ...SINK_VALID_CASES], invalid: INVALID });

describe("config/no-hardcoded-secret pre-scan and redaction", () => {
  it("the trigger matches every invalid case", () => {
    for (const testCase of INVALID) assert.match(testCase.code, noHardcodedSecret.trigger, testCase.name);
  });

  it("no finding prints a secret in full", () => {
    for (const testCase of INVALID) {
      const result = analyze(noHardcodedSecret, testCase);
      try {
        for (const finding of result.findings) {
          const shown = JSON.stringify({ message: finding.message, signals: finding.signals, fixTitles: finding.fixes.map((fix) => fix.title) });
          const quoted = /"([^"]*)…" \((\d+) chars\)/.exec(finding.message);
          assert.ok(quoted, `no redacted value in ${finding.message}`);
          assert.ok(quoted[1].length <= 4 && quoted[1].length <= Number(quoted[2]) / 4, `${testCase.name}: shows too much`);
          // Every quoted run of 8+ visible characters mixing letters and digits is a fixture secret or holds one.
          for (const part of testCase.code.split(/["'`]/)) {
            if (part.length >= 8 && /^\S+$/.test(part) && /[0-9]/.test(part) && /[A-Za-z]/.test(part)) assert.ok(!shown.includes(part), `${testCase.name}: prints ${part.slice(0, 4)}…`);
          }
        }
      } finally {
        result.cleanup();
      }
    }
  });
});
