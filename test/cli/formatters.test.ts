import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { wantsColor } from "../../server/src/cli/formatters/colors";
import { formatJson, toJsonReport } from "../../server/src/cli/formatters/json";
import { formatSarif, pascalCase, toSarif } from "../../server/src/cli/formatters/sarif";
import { formatText } from "../../server/src/cli/formatters/text";
import { buildReport, type Report } from "../../server/src/cli/reportModel";
import { defineRule, type RuleDefinition } from "../../server/src/engine/rule";
import type { Finding, Fix, Note, Severity } from "../../server/src/engine/types";
import { sarifValidator } from "./helpers";

const ROOT = path.resolve("/proj");
// Assembled at run time so the repository holds no token-shaped string.
const SECRET = ["abcd", "Q9x7", "Lm2P", "v8Rt", "Kw3Z", "n5Yb", "Hc6J", "d1Fs", "Ge4U", "a0Wq"].join("");

function rule(id: string, factor: RuleDefinition["factor"], defaultSeverity: Severity, headline: boolean): RuleDefinition {
  return defineRule({ id, factor, headline, defaultSeverity, description: `${id} description.`, rationale: `${id} rationale.`, fixable: true, trigger: /x/, create: () => ({}) });
}

const RULES = [
  rule("config/no-hardcoded-secret", "III", "warning", true),
  rule("port-binding/no-fixed-port", "VII", "warning", true),
  rule("logs/no-file-logging", "XI", "info", true),
];

function finding(file: string, ruleId: string, severity: Severity, message: string, start: [number, number], end: [number, number], fixes: Fix[] = []): Finding {
  const factor = RULES.find((r) => r.id === ruleId)?.factor;
  return {
    ruleId,
    ...(factor ? { factor } : {}),
    severity,
    message,
    file: path.join(ROOT, file),
    range: { start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] }, startOffset: 0, endOffset: 0 },
    signals: ruleId === "config/no-hardcoded-secret" ? ["high-entropy value assigned to a secret-like name"] : [],
    fixes,
  };
}

const secretFix: Fix = {
  title: "Move the secret to .env",
  safe: true,
  edits: [
    { file: path.join(ROOT, "src/a.ts"), start: 30, end: 72, newText: "process.env.API_KEY" },
    { file: path.join(ROOT, ".env"), start: 0, end: 0, newText: `API_KEY=${SECRET}\n` },
  ],
  creates: [{ file: path.join(ROOT, ".env.example"), text: "API_KEY=\n" }],
};
const portFix: Fix = { title: "Read the port", safe: true, edits: [{ file: path.join(ROOT, "src/a.ts"), start: 100, end: 104, newText: "Number(process.env.PORT ?? 3000)" }], creates: [] };
const unsafeFix: Fix = { title: "Review", safe: false, edits: [{ file: path.join(ROOT, "src/b/c.ts"), start: 0, end: 1, newText: "x" }], creates: [] };

const FINDINGS: Finding[] = [
  finding("src/a.ts", "config/no-hardcoded-secret", "error", 'Hardcoded secret "abcd…" (40 chars) in apiKey; read it from process.env.API_KEY.', [1, 14], [1, 44], [secretFix]),
  finding("src/a.ts", "port-binding/no-fixed-port", "warning", "Port 3000 is hardcoded; use process.env.PORT.", [9, 11], [9, 15], [portFix]),
  finding("src/b/c.ts", "logs/no-file-logging", "info", "Logs go to app.log; write them to stdout.", [0, 0], [0, 19], [unsafeFix]),
  finding("src/b/c.ts", "twelve-factor/unknown-rule", "warning", 'Unknown rule id "nope" in a twelve-factor-disable comment; it disables nothing.', [6, 3], [6, 9]),
];
const NOTES: Note[] = [
  { level: "warning", file: path.join(ROOT, ".twelve-factor.json"), message: '.twelve-factor.json: rules["x/y"] is not a known rule id; using the defaults for it.' },
  { level: "info", file: path.join(ROOT, "big.js"), message: "big.js: 2.0 MiB is over the 1 MiB limit; skipped." },
];
const STATS = { files: 5, parsed: 2, skipped: 1, bytes: 1234, durationMs: 17 };

function report(findings = FINDINGS, notes = NOTES): Report {
  return buildReport({ root: ROOT, stats: STATS, findings, notes, rules: RULES });
}

describe("text format", () => {
  it("groups by file with aligned columns and ends with the summary", () => {
    assert.equal(
      formatText(report(), { color: false }),
      [
        "src/a.ts",
        '  2:15   error    Hardcoded secret "abcd…" (40 chars) in apiKey; read it from process.env.API_KEY.  config/no-hardcoded-secret',
        "  10:12  warning  Port 3000 is hardcoded; use process.env.PORT.                                     port-binding/no-fixed-port",
        "",
        "src/b/c.ts",
        "  1:1  info     Logs go to app.log; write them to stdout.                                        logs/no-file-logging",
        '  7:4  warning  Unknown rule id "nope" in a twelve-factor-disable comment; it disables nothing.  twelve-factor/unknown-rule',
        "",
        "✖ 4 problems (1 error, 2 warnings, 1 info)",
        "  2 problems are fixable with --fix; 1 with a suggested fix to review in the editor.",
        "",
      ].join("\n"),
    );
  });

  it("says so in one line when clean, and counts the files checked", () => {
    assert.equal(formatText(report([], []), { color: false }), "✔ No problems found (5 files checked).\n");
    assert.equal(formatText({ ...report([], []), stats: { ...STATS, files: 1 } }, { color: false, quiet: true }), "✔ No errors found (1 file checked).\n");
  });

  it("with --quiet, says how many warnings and infos it hid instead of counting them as none", () => {
    const hidden = { errors: 0, warnings: 2, infos: 1, fixable: 1, suggested: 1 };
    assert.equal(
      formatText(report([FINDINGS[0]], []), { color: false, quiet: true, hidden }),
      [
        "src/a.ts",
        '  2:15  error  Hardcoded secret "abcd…" (40 chars) in apiKey; read it from process.env.API_KEY.  config/no-hardcoded-secret',
        "",
        "✖ 1 problem (1 error; 2 warnings and 1 info hidden by --quiet)",
        "  1 problem is fixable with --fix.",
        "",
      ].join("\n"),
    );
    assert.equal(formatText(report([], []), { color: false, quiet: true, hidden: { ...hidden, infos: 0 }, baselined: 3 }), "✔ No errors found (5 files checked, 3 baselined findings hidden, 2 warnings hidden by --quiet).\n");
  });

  it("uses singular words and omits the fixable line when nothing is fixable", () => {
    assert.equal(
      formatText(report([FINDINGS[3]]), { color: false }),
      'src/b/c.ts\n  7:4  warning  Unknown rule id "nope" in a twelve-factor-disable comment; it disables nothing.  twelve-factor/unknown-rule\n\n✖ 1 problem (0 errors, 1 warning, 0 infos)\n',
    );
  });

  it("keeps a message with a line break on one row", () => {
    const broken = { ...FINDINGS[1], message: "Port 3000 is hardcoded;\n  use process.env.PORT." };
    assert.match(formatText(report([broken]), { color: false }), /^ {2}10:12 {2}warning {2}Port 3000 is hardcoded; use process\.env\.PORT\. {2}port-binding\/no-fixed-port$/m);
  });

  it("colors the header, location, severity, rule id and summary when asked", () => {
    assert.equal(
      formatText(report([FINDINGS[1]]), { color: true }),
      "\u001b[4msrc/a.ts\u001b[24m\n" +
        "  \u001b[2m10:12\u001b[22m  \u001b[33mwarning\u001b[39m  Port 3000 is hardcoded; use process.env.PORT.  \u001b[2mport-binding/no-fixed-port\u001b[22m\n\n" +
        "\u001b[33m\u001b[1m✖ 1 problem (0 errors, 1 warning, 0 infos)\u001b[22m\u001b[39m\n" +
        "  1 problem is fixable with --fix.\n",
    );
  });
});

describe("wantsColor", () => {
  it("follows --no-color, NO_COLOR, FORCE_COLOR, then the terminal", () => {
    assert.equal(wantsColor({ noColor: true, isTTY: true, env: { FORCE_COLOR: "1" } }), false);
    assert.equal(wantsColor({ noColor: false, isTTY: true, env: { NO_COLOR: "1" } }), false);
    assert.equal(wantsColor({ noColor: false, isTTY: false, env: { FORCE_COLOR: "1" } }), true);
    assert.equal(wantsColor({ noColor: false, isTTY: true, env: { FORCE_COLOR: "0" } }), false);
    assert.equal(wantsColor({ noColor: false, isTTY: true, env: {} }), true);
    assert.equal(wantsColor({ noColor: false, isTTY: true, env: { TERM: "dumb" } }), false);
    assert.equal(wantsColor({ noColor: false, isTTY: false, env: {} }), false);
  });
});

describe("json format", () => {
  it("has the documented, versioned shape with 1-based ranges and relative paths", () => {
    assert.deepEqual(toJsonReport(report()), {
      version: 1,
      root: ROOT,
      stats: STATS,
      summary: { problems: 4, errors: 1, warnings: 2, infos: 1, fixable: 2, suggested: 1 },
      findings: [
        {
          ruleId: "config/no-hardcoded-secret",
          factor: "III",
          severity: "error",
          message: 'Hardcoded secret "abcd…" (40 chars) in apiKey; read it from process.env.API_KEY.',
          file: "src/a.ts",
          range: { start: { line: 2, column: 15 }, end: { line: 2, column: 45 } },
          signals: ["high-entropy value assigned to a secret-like name"],
          fixable: true,
          suggestedFix: false,
          docs: "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/config/no-hardcoded-secret.md",
        },
        {
          ruleId: "port-binding/no-fixed-port",
          factor: "VII",
          severity: "warning",
          message: "Port 3000 is hardcoded; use process.env.PORT.",
          file: "src/a.ts",
          range: { start: { line: 10, column: 12 }, end: { line: 10, column: 16 } },
          signals: [],
          fixable: true,
          suggestedFix: false,
          docs: "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/port-binding/no-fixed-port.md",
        },
        {
          ruleId: "logs/no-file-logging",
          factor: "XI",
          severity: "info",
          message: "Logs go to app.log; write them to stdout.",
          file: "src/b/c.ts",
          range: { start: { line: 1, column: 1 }, end: { line: 1, column: 20 } },
          signals: [],
          fixable: false,
          suggestedFix: true,
          docs: "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/logs/no-file-logging.md",
        },
        {
          ruleId: "twelve-factor/unknown-rule",
          factor: null,
          severity: "warning",
          message: 'Unknown rule id "nope" in a twelve-factor-disable comment; it disables nothing.',
          file: "src/b/c.ts",
          range: { start: { line: 7, column: 4 }, end: { line: 7, column: 10 } },
          signals: [],
          fixable: false,
          suggestedFix: false,
          docs: null,
        },
      ],
      notes: [
        { level: "warning", file: ".twelve-factor.json", message: '.twelve-factor.json: rules["x/y"] is not a known rule id; using the defaults for it.' },
        { level: "info", file: "big.js", message: "big.js: 2.0 MiB is over the 1 MiB limit; skipped." },
      ],
    });
    assert.deepEqual(JSON.parse(formatJson(report())), toJsonReport(report()));
  });
});

describe("sarif format", () => {
  const sarif = toSarif(report(), { rules: RULES, version: "1.2.3" });

  it("validates against the SARIF 2.1.0 JSON schema", () => {
    const validate = sarifValidator();
    assert.equal(validate(JSON.parse(formatSarif(report(), { rules: RULES, version: "1.2.3" }))), true, JSON.stringify(validate.errors, null, 2));
    // The validator is not vacuous: a wrong version and a string region line are rejected.
    assert.equal(validate({ ...sarif, version: "2.0.0" }), false);
    const broken = structuredClone(sarif) as { runs: { results: { locations: { physicalLocation: { region: Record<string, unknown> } }[] }[] }[] };
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = "2";
    assert.equal(validate(broken), false);
  });

  it("describes the tool and every rule from its metadata, plus the engine's own ids", () => {
    const driver = sarif.runs[0].tool.driver;
    assert.deepEqual({ ...driver, rules: undefined }, {
      name: "twelve-factor-lint",
      informationUri: "https://github.com/twelve-factor-lint/twelve-factor-lint",
      version: "1.2.3",
      semanticVersion: "1.2.3",
      rules: undefined,
    });
    assert.deepEqual(driver.rules[0], {
      id: "config/no-hardcoded-secret",
      name: "ConfigNoHardcodedSecret",
      shortDescription: { text: "config/no-hardcoded-secret description." },
      fullDescription: { text: "config/no-hardcoded-secret rationale." },
      helpUri: "https://github.com/twelve-factor-lint/twelve-factor-lint/blob/main/docs/rules/config/no-hardcoded-secret.md",
      defaultConfiguration: { level: "warning" },
      properties: { factor: "III", headline: true, tags: ["twelve-factor", "factor-III"] },
    });
    assert.deepEqual(driver.rules[2].defaultConfiguration, { level: "note" });
    assert.deepEqual(driver.rules.map((r) => r.id), ["config/no-hardcoded-secret", "port-binding/no-fixed-port", "logs/no-file-logging", "twelve-factor/unknown-rule"]);
    assert.equal(driver.rules[3].name, "TwelveFactorUnknownRule");
  });

  it("reports results with levels, rule indexes and 1-based UTF-16 regions relative to %SRCROOT%", () => {
    const run = sarif.runs[0];
    assert.equal(run.columnKind, "utf16CodeUnits");
    assert.deepEqual(run.originalUriBaseIds, { "%SRCROOT%": { uri: "file:///proj/" } });
    assert.deepEqual(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level]), [
      ["config/no-hardcoded-secret", 0, "error"],
      ["port-binding/no-fixed-port", 1, "warning"],
      ["logs/no-file-logging", 2, "note"],
      ["twelve-factor/unknown-rule", 3, "warning"],
    ]);
    assert.deepEqual(run.results[1], {
      ruleId: "port-binding/no-fixed-port",
      ruleIndex: 1,
      level: "warning",
      message: { text: "Port 3000 is hardcoded; use process.env.PORT." },
      locations: [{ physicalLocation: { artifactLocation: { uri: "src/a.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 10, startColumn: 12, endLine: 10, endColumn: 16 } } }],
    });
  });

  it("turns notes into tool execution notifications", () => {
    assert.deepEqual(sarif.runs[0].invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: "warning",
            message: { text: '.twelve-factor.json: rules["x/y"] is not a known rule id; using the defaults for it.' },
            locations: [{ physicalLocation: { artifactLocation: { uri: ".twelve-factor.json", uriBaseId: "%SRCROOT%" } } }],
          },
          {
            level: "note",
            message: { text: "big.js: 2.0 MiB is over the 1 MiB limit; skipped." },
            locations: [{ physicalLocation: { artifactLocation: { uri: "big.js", uriBaseId: "%SRCROOT%" } } }],
          },
        ],
      },
    ]);
    const failed = toSarif(report([], [{ level: "error", message: "rule x failed" }]), { rules: RULES, version: "1.2.3" });
    assert.equal(failed.runs[0].invocations[0].executionSuccessful, false);
    assert.deepEqual(failed.runs[0].invocations[0].toolExecutionNotifications, [{ level: "error", message: { text: "rule x failed" } }]);
  });

  it("percent-encodes paths into URI references", () => {
    const spaced = { ...FINDINGS[1], file: path.join(ROOT, "src/my app/#1.ts") };
    const run = toSarif(report([spaced], []), { rules: RULES, version: "1.2.3" }).runs[0];
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, "src/my%20app/%231.ts");
  });

  it("names rules in PascalCase", () => {
    assert.equal(pascalCase("port-binding/no-fixed-port"), "PortBindingNoFixedPort");
    assert.equal(pascalCase("dev-prod-parity/environment-specific-backing-service"), "DevProdParityEnvironmentSpecificBackingService");
  });
});

describe("no output format ever carries fix edit contents", () => {
  it("keeps the secret that a fix would move into .env out of text, JSON and SARIF", () => {
    const outputs = [
      formatText(report(), { color: false }),
      formatText(report(), { color: true }),
      formatJson(report()),
      formatSarif(report(), { rules: RULES, version: "1.2.3" }),
    ];
    for (const output of outputs) {
      assert.equal(output.includes(SECRET), false);
      assert.equal(output.includes(SECRET.slice(4, 20)), false, "not even a middle part of it");
      assert.equal(output.includes("API_KEY=\n"), false, "no created-file text");
      assert.equal(output.includes("Number(process.env.PORT ?? 3000)"), false, "no edit text at all");
    }
  });
});
