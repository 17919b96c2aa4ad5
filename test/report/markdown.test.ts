import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codeSpan, escapeMarkdown } from "../../server/src/report/escape";
import { renderMarkdown } from "../../server/src/report/markdown";
import { buildAuditReport } from "../../server/src/report/model";
import { finding, markdownScorecardRows, quietHiddenWarnings, rule, STATS } from "./helpers";

const RULES = [rule("config/no-hardcoded-secret", "III", "warning", true), rule("port-binding/no-fixed-port", "VII", "warning", true), rule("dependencies/no-lockfile", "II", "info")];

function sampleReport() {
  return buildAuditReport({
    root: "/srv/shop",
    stats: STATS,
    rules: RULES,
    findings: [
      finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/server.ts", line: 3, fixable: true, message: "Port 3000 is hardcoded in `listen()`; use process.env.PORT." }),
      finding({ ruleId: "config/no-hardcoded-secret", factor: "III", severity: "error", file: "src/we`ird|name.ts", line: 4, message: "Value | with <script>alert(1)</script> and *stars* and [link](x)." }),
      finding({ ruleId: "dependencies/no-lockfile", factor: "II", severity: "info", file: "package.json", line: 1 }),
      finding({ ruleId: "twelve-factor/unknown-rule", factor: null, file: "src/a.ts", line: 1, docs: null, message: "Unknown rule id x in a disable comment." }),
    ],
  });
}

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(sampleReport());

  it("starts with a title and a one-line summary fit for a job summary", () => {
    assert.deepEqual(markdown.split("\n").slice(0, 3), [
      "## Twelve-Factor audit: shop",
      "",
      "**7 files** scanned in 1.5 s · ❌ 1 error · ⚠️ 2 warnings · ℹ️ 1 info · 🔧 1 fixable with `--fix`",
    ]);
  });

  it("counts findings with only a fix to review apart from the fixable ones", () => {
    const report = buildAuditReport({
      root: "/srv/shop",
      stats: STATS,
      rules: RULES,
      findings: [
        finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/server.ts", line: 3, fixable: true }),
        finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/server.ts", line: 9, suggestedFix: true }),
      ],
    });
    assert.deepEqual(report.totals, { error: 0, warning: 2, info: 0, fixable: 1, suggested: 1 });
    assert.equal(renderMarkdown(report).split("\n")[2], "**7 files** scanned in 1.5 s · ❌ 0 errors · ⚠️ 2 warnings · ℹ️ 0 info · 🔧 1 fixable with `--fix` · 💡 1 with suggested fixes");
  });

  it("has a scorecard table of the twelve factors in order, with status emoji and counts", () => {
    assert.ok(markdown.includes("| Factor | Name | Status | Errors | Warnings | Info |\n|---|---|---|---:|---:|---:|\n| I | Codebase | ➖ Not applicable | 0 | 0 | 0 |\n"));
    assert.deepEqual(
      markdownScorecardRows(markdown).map((row) => `${row.factor} ${row.status} ${row.error}/${row.warning}/${row.info}`),
      ["I not-applicable 0/0/0", "II info 0/0/1", "III errors 1/0/0", "IV not-applicable 0/0/0", "V not-applicable 0/0/0", "VI not-applicable 0/0/0", "VII warnings 0/1/0", "VIII not-applicable 0/0/0", "IX not-applicable 0/0/0", "X not-applicable 0/0/0", "XI not-applicable 0/0/0", "XII not-applicable 0/0/0"],
    );
  });

  it("lists the top three fixes with counts, factor and first location", () => {
    const top = /### Fix first\n\n(.*?)\n\n###/s.exec(markdown)?.[1].split("\n");
    assert.deepEqual(top, [
      "1. **[`config/no-hardcoded-secret`](https://example.invalid/docs/config/no-hardcoded-secret.md)** (Factor III · Config): 1 finding (error). Checks config/no-hardcoded-secret. First at ``src/we`ird|name.ts:4``.",
      "2. **[`port-binding/no-fixed-port`](https://example.invalid/docs/port-binding/no-fixed-port.md)** (Factor VII · Port binding): 1 finding (warning, 1 fixable). Checks port-binding/no-fixed-port. First at `src/server.ts:3`.",
      "3. **`twelve-factor/unknown-rule`**: 1 finding (warning). First at `src/a.ts:1`.",
    ]);
  });

  it("lists findings per rule as file:line items, escaping pipes, backticks, HTML and emphasis in messages", () => {
    assert.ok(
      markdown.includes(
        "#### III. Config ❌\n\n**★ [`config/no-hardcoded-secret`](https://example.invalid/docs/config/no-hardcoded-secret.md)** (1 finding) — Checks config/no-hardcoded-secret.\n\n- ``src/we`ird|name.ts:4`` **error** Value \\| with &lt;script&gt;alert(1)&lt;/script&gt; and \\*stars\\* and \\[link\\](x).\n",
      ),
    );
    assert.ok(markdown.includes("- `src/server.ts:3` **warning** Port 3000 is hardcoded in \\`listen()\\`; use process.env.PORT. _(fixable)_\n"));
    assert.ok(markdown.includes("#### Other findings\n\n- `twelve-factor/unknown-rule` `src/a.ts:1` **warning** Unknown rule id x in a disable comment.\n"));
    assert.ok(!markdown.includes("<script>"));
    // Factors without findings get no findings block.
    assert.ok(!markdown.includes("#### I. Codebase"));
  });

  it("says so when there is nothing to report, and mentions baselined findings", () => {
    const clean = renderMarkdown(buildAuditReport({ root: "/srv/shop", stats: { ...STATS, durationMs: 250 }, rules: RULES, findings: [], baselined: 1 }));
    assert.ok(clean.includes("scanned in 250 ms"));
    assert.ok(clean.includes("> 1 finding recorded in the baseline is not shown."));
    assert.ok(clean.includes("### Fix first\n\nNothing to fix: no findings.\n"));
    assert.ok(clean.endsWith("### Findings\n\nNo findings.\n"));
  });

  it("never shows a pass for a factor whose findings --quiet hid, and says what was hidden", () => {
    const report = buildAuditReport({
      root: "/srv/shop",
      stats: STATS,
      rules: RULES,
      findings: [finding({ ruleId: "config/no-hardcoded-secret", factor: "III", severity: "error", file: "src/pay.ts", line: 2, message: "Hardcoded secret." })],
      hidden: {
        by: "--quiet",
        findings: [...quietHiddenWarnings(), finding({ ruleId: "dependencies/no-lockfile", factor: "II", severity: "info", file: "package.json", line: 1 })],
      },
    });
    assert.equal(
      renderMarkdown(report),
      [
        "## Twelve-Factor audit: shop",
        "",
        "**7 files** scanned in 1.5 s · ❌ 1 error · ⚠️ 3 warnings hidden by `--quiet` · ℹ️ 1 info hidden by `--quiet` · 🔧 0 fixable with `--fix`",
        "",
        "> `--quiet` hides 3 warnings and 1 info: the findings below leave them out, the factors' statuses count them.",
        "",
        "### Fix first",
        "",
        "1. **[`config/no-hardcoded-secret`](https://example.invalid/docs/config/no-hardcoded-secret.md)** (Factor III · Config): 1 finding (error). Checks config/no-hardcoded-secret. First at `src/pay.ts:2`.",
        "",
        "### Factors",
        "",
        "| Factor | Name | Status | Errors | Warnings | Info |",
        "|---|---|---|---:|---:|---:|",
        "| I | Codebase | ➖ Not applicable | 0 | 0 | 0 |",
        "| II | Dependencies | ℹ️ 1 info hidden (--quiet) | 0 | 0 | 0 |",
        "| III | Config | ❌ Errors, 1 warning hidden (--quiet) | 1 | 0 | 0 |",
        "| IV | Backing services | ➖ Not applicable | 0 | 0 | 0 |",
        "| V | Build, release, run | ➖ Not applicable | 0 | 0 | 0 |",
        "| VI | Processes | ➖ Not applicable | 0 | 0 | 0 |",
        "| VII | Port binding | ⚠️ 2 warnings hidden (--quiet) | 0 | 0 | 0 |",
        "| VIII | Concurrency | ➖ Not applicable | 0 | 0 | 0 |",
        "| IX | Disposability | ➖ Not applicable | 0 | 0 | 0 |",
        "| X | Dev/prod parity | ➖ Not applicable | 0 | 0 | 0 |",
        "| XI | Logs | ➖ Not applicable | 0 | 0 | 0 |",
        "| XII | Admin processes | ➖ Not applicable | 0 | 0 | 0 |",
        "",
        "### Findings",
        "",
        "#### III. Config ❌",
        "",
        "**★ [`config/no-hardcoded-secret`](https://example.invalid/docs/config/no-hardcoded-secret.md)** (1 finding) — Checks config/no-hardcoded-secret.",
        "",
        "- `src/pay.ts:2` **error** Hardcoded secret.",
        "",
      ].join("\n"),
    );
  });

  it("with nothing shown but findings hidden, claims neither a pass nor a clean run", () => {
    const hidden = [finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/server.ts", line: 3 })];
    const markdown = renderMarkdown(buildAuditReport({ root: "/srv/shop", stats: STATS, rules: RULES, findings: [], hidden: { by: "--quiet", findings: hidden } }));
    assert.ok(markdown.includes("| VII | Port binding | ⚠️ 1 warning hidden (--quiet) | 0 | 0 | 0 |\n"));
    assert.ok(markdown.includes("### Fix first\n\nNothing to fix among the findings shown (1 warning hidden by `--quiet`).\n"));
    assert.ok(markdown.endsWith("### Findings\n\nNo findings shown (1 warning hidden by `--quiet`).\n"));
    assert.ok(markdown.includes("| III | Config | ✅ Pass | 0 | 0 | 0 |\n"), "a factor with nothing hidden still passes");
  });

  it("is deterministic", () => {
    assert.equal(renderMarkdown(sampleReport()), markdown);
  });
});

describe("Markdown escaping helpers", () => {
  it("code spans hold any text verbatim", () => {
    assert.equal(codeSpan("a.ts"), "`a.ts`");
    assert.equal(codeSpan("a`b"), "``a`b``");
    assert.equal(codeSpan("`a``"), "``` `a`` ```");
    assert.equal(codeSpan("a|b", true), "`a\\|b`");
    assert.equal(codeSpan("a\nb"), "`a b`");
  });

  it("message text cannot open HTML, emphasis, links, code or table cells, or break the line", () => {
    assert.equal(escapeMarkdown("a|b `c` <d> *e* _f_ [g] ~h~ \\ &amp;\nnext"), "a\\|b \\`c\\` &lt;d&gt; \\*e\\* \\_f\\_ \\[g\\] \\~h\\~ \\\\ &amp;amp; next");
  });
});
