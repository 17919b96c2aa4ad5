import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildAuditReport } from "../../server/src/report/model";
import { finding, rule, STATS } from "./helpers";

const RULES = [rule("config/no-hardcoded-secret", "III", "warning", true), rule("port-binding/no-fixed-port", "VII", "warning", true), rule("logs/no-file-logging", "XI")];

describe('"Fix first" and test code', () => {
  it("leaves out findings in test and fixture code, while the factor sections still list them", () => {
    const findings = [
      finding({ ruleId: "config/no-hardcoded-secret", file: "test/payments.test.ts", line: 1, severity: "error", inTestCode: true }),
      finding({ ruleId: "config/no-hardcoded-secret", file: "test/fixtures/keys.ts", line: 3, severity: "error", inTestCode: true }),
      finding({ ruleId: "config/no-hardcoded-secret", file: "src/payments.ts", line: 9, severity: "warning", fixable: true }),
      finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/server.ts", line: 4, fixable: true }),
      finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/admin.ts", line: 2, fixable: true }),
      finding({ ruleId: "logs/no-file-logging", factor: "XI", file: "test/log.test.ts", line: 2, severity: "error", inTestCode: true }),
    ];
    const report = buildAuditReport({ root: "/p", findings, stats: STATS, rules: RULES });
    assert.deepEqual(
      report.topFixes.map((fix) => ({ ruleId: fix.ruleId, severity: fix.severity, count: fix.count, fixable: fix.fixable, first: fix.first })),
      [
        // Two of its three findings are in tests: the rule ranks by its app finding alone (a warning, one finding).
        { ruleId: "port-binding/no-fixed-port", severity: "warning", count: 2, fixable: 2, first: { file: "src/admin.ts", line: 2, column: 5 } },
        { ruleId: "config/no-hardcoded-secret", severity: "warning", count: 1, fixable: 1, first: { file: "src/payments.ts", line: 9, column: 5 } },
      ],
    );
    const secrets = report.factors.find((factor) => factor.factor === "III")?.rules.find((section) => section.id === "config/no-hardcoded-secret");
    assert.equal(secrets?.count, 3);
    assert.equal(report.factors.find((factor) => factor.factor === "XI")?.counts.error, 1);
  });
});
