import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ReportFinding } from "../../server/src/report/findings";
import { buildAuditReport } from "../../server/src/report/model";
import { finding, rule, STATS } from "./helpers";

const RULES = [
  rule("config/no-hardcoded-secret", "III", "warning", true),
  rule("config/undocumented-env-var", "III"),
  rule("dependencies/no-lockfile", "II", "info"),
  rule("port-binding/no-fixed-port", "VII", "warning", true),
  rule("logs/no-file-logging", "XI", "warning", true),
];

describe("buildAuditReport", () => {
  it("lists the twelve factors I..XII, each with its name, statement, counts and a status that follows them", () => {
    const report = buildAuditReport({
      root: "/srv/shop",
      stats: STATS,
      rules: RULES,
      findings: [
        finding({ ruleId: "config/no-hardcoded-secret", factor: "III", severity: "error", file: "src/a.ts", line: 3 }),
        finding({ ruleId: "config/undocumented-env-var", factor: "III", severity: "warning", file: "src/a.ts", line: 9 }),
        finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", severity: "warning", file: "src/server.ts", line: 12 }),
        finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", severity: "warning", file: "src/admin.ts", line: 4 }),
        finding({ ruleId: "dependencies/no-lockfile", factor: "II", severity: "info", file: "package.json", line: 1 }),
      ],
    });
    assert.deepEqual(
      report.factors.map((factor) => [factor.factor, factor.name, factor.status, factor.counts.error, factor.counts.warning, factor.counts.info]),
      [
        ["I", "Codebase", "not-applicable", 0, 0, 0],
        ["II", "Dependencies", "info", 0, 0, 1],
        ["III", "Config", "errors", 1, 1, 0],
        ["IV", "Backing services", "not-applicable", 0, 0, 0],
        ["V", "Build, release, run", "not-applicable", 0, 0, 0],
        ["VI", "Processes", "not-applicable", 0, 0, 0],
        ["VII", "Port binding", "warnings", 0, 2, 0],
        ["VIII", "Concurrency", "not-applicable", 0, 0, 0],
        ["IX", "Disposability", "not-applicable", 0, 0, 0],
        ["X", "Dev/prod parity", "not-applicable", 0, 0, 0],
        ["XI", "Logs", "pass", 0, 0, 0],
        ["XII", "Admin processes", "not-applicable", 0, 0, 0],
      ],
    );
    assert.equal(report.factors[2].statement, "Store config in the environment.");
    assert.deepEqual(report.totals, { error: 1, warning: 3, info: 1, fixable: 0, suggested: 0 });
    assert.equal(report.projectName, "shop");
    assert.equal(report.baselined, 0);
    assert.deepEqual(report.stats, STATS);
  });

  it("groups findings by rule, rules with findings first, findings in file and line order", () => {
    const report = buildAuditReport({
      root: "/srv/shop",
      stats: STATS,
      rules: RULES,
      findings: [
        finding({ ruleId: "config/undocumented-env-var", file: "src/z.ts", line: 2 }),
        finding({ ruleId: "config/undocumented-env-var", file: "src/a.ts", line: 30 }),
        finding({ ruleId: "config/undocumented-env-var", file: "src/a.ts", line: 4 }),
      ],
    });
    const config = report.factors[2];
    assert.deepEqual(
      config.rules.map((section) => [section.id, section.severity, section.headline, section.count, section.findings.map((item) => `${item.file}:${item.range.start.line}`)]),
      [
        ["config/undocumented-env-var", "warning", false, 3, ["src/a.ts:4", "src/a.ts:30", "src/z.ts:2"]],
        ["config/no-hardcoded-secret", "warning", true, 0, []],
      ],
    );
    assert.equal(config.rules[0].description, "Checks config/undocumented-env-var.");
    assert.equal(config.rules[0].docs, "https://example.invalid/docs/config/undocumented-env-var.md");
  });

  it("ranks the three things to fix first: errors, then headline rules, then count, then factor order", () => {
    const many = (ruleId: string, count: number, extra: Partial<ReportFinding>) =>
      Array.from({ length: count }, (_, index) => finding({ ruleId, file: `src/${ruleId.replace("/", "-")}.ts`, line: count - index, ...extra }));
    const report = buildAuditReport({
      root: "/srv/shop",
      stats: STATS,
      rules: RULES,
      findings: [
        ...many("dependencies/no-lockfile", 9, { factor: "II", severity: "info" }),
        ...many("config/undocumented-env-var", 6, { factor: "III", severity: "warning" }),
        ...many("logs/no-file-logging", 1, { factor: "XI", severity: "warning" }),
        ...many("port-binding/no-fixed-port", 2, { factor: "VII", severity: "warning", fixable: true }),
        ...many("config/no-hardcoded-secret", 1, { factor: "III", severity: "error" }),
      ],
    });
    assert.deepEqual(report.topFixes, [
      {
        ruleId: "config/no-hardcoded-secret",
        factor: "III",
        factorName: "Config",
        description: "Checks config/no-hardcoded-secret.",
        docs: "https://example.invalid/docs/config/no-hardcoded-secret.md",
        severity: "error",
        count: 1,
        fixable: 0,
        first: { file: "src/config-no-hardcoded-secret.ts", line: 1, column: 5 },
      },
      {
        ruleId: "port-binding/no-fixed-port",
        factor: "VII",
        factorName: "Port binding",
        description: "Checks port-binding/no-fixed-port.",
        docs: "https://example.invalid/docs/port-binding/no-fixed-port.md",
        severity: "warning",
        count: 2,
        fixable: 2,
        first: { file: "src/port-binding-no-fixed-port.ts", line: 1, column: 5 },
      },
      {
        ruleId: "logs/no-file-logging",
        factor: "XI",
        factorName: "Logs",
        description: "Checks logs/no-file-logging.",
        docs: "https://example.invalid/docs/logs/no-file-logging.md",
        severity: "warning",
        count: 1,
        fixable: 0,
        first: { file: "src/logs-no-file-logging.ts", line: 1, column: 5 },
      },
    ]);
  });

  it("breaks ties between equal rules by factor order, whatever the input order", () => {
    const findings = [
      finding({ ruleId: "logs/no-file-logging", factor: "XI", file: "b.ts", line: 1 }),
      finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "a.ts", line: 1 }),
      finding({ ruleId: "config/no-hardcoded-secret", factor: "III", file: "c.ts", line: 1 }),
    ];
    for (const order of [findings, [...findings].reverse()]) {
      const report = buildAuditReport({ root: "/srv/shop", stats: STATS, rules: RULES, findings: order });
      assert.deepEqual(report.topFixes.map((fix) => fix.ruleId), ["config/no-hardcoded-secret", "port-binding/no-fixed-port", "logs/no-file-logging"]);
    }
  });

  it("keeps findings of no factor apart, counts them in the totals, and places unknown rules by the finding's factor", () => {
    const report = buildAuditReport({
      root: "/srv/shop",
      stats: STATS,
      rules: RULES,
      baselined: 4,
      projectName: "shop-api",
      findings: [
        finding({ ruleId: "twelve-factor/unknown-rule", factor: null, severity: "warning", file: "src/a.ts", line: 1, docs: null }),
        finding({ ruleId: "backing-services/hardcoded-service-url", factor: "IV", severity: "info", file: "src/db.ts", line: 2, docs: null }),
      ],
    });
    assert.deepEqual(report.other.map((item) => item.ruleId), ["twelve-factor/unknown-rule"]);
    assert.deepEqual(report.totals, { error: 0, warning: 1, info: 1, fixable: 0, suggested: 0 });
    const backing = report.factors[3];
    assert.deepEqual([backing.status, backing.rules.map((section) => [section.id, section.description, section.docs, section.severity])], [
      "info",
      [["backing-services/hardcoded-service-url", "", null, "info"]],
    ]);
    assert.equal(report.topFixes[0].ruleId, "twelve-factor/unknown-rule");
    assert.equal(report.topFixes[0].factor, null);
    assert.equal(report.baselined, 4);
    assert.equal(report.projectName, "shop-api");
  });

  it("is deterministic: shuffled findings and notes give the same report", () => {
    const findings = [
      finding({ ruleId: "config/undocumented-env-var", file: "src/b.ts", line: 2 }),
      finding({ ruleId: "config/undocumented-env-var", file: "src/a.ts", line: 7 }),
      finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/a.ts", line: 7 }),
      finding({ ruleId: "dependencies/no-lockfile", factor: "II", severity: "info", file: "package.json", line: 1 }),
    ];
    const notes = [
      { level: "warning" as const, file: "b.bin", message: "binary file skipped" },
      { level: "info" as const, file: null, message: "no .gitignore" },
    ];
    const first = buildAuditReport({ root: "/srv/shop", stats: STATS, rules: RULES, findings, notes });
    const second = buildAuditReport({ root: "/srv/shop", stats: STATS, rules: [...RULES].reverse(), findings: [...findings].reverse(), notes: [...notes].reverse() });
    assert.deepEqual(second, first);
    assert.deepEqual(first.notes.map((note) => note.message), ["no .gitignore", "binary file skipped"]);
  });
});
