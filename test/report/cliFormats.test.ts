import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Factor } from "../../server/src/engine/types";
import { encodePath } from "../../server/src/report/escape";
import type { ReportFinding } from "../../server/src/report/findings";
import { RULES } from "../../server/src/rules/registry";
import { copyFixture, ensureBuilt, REPO, runCli } from "../cli/helpers";
import { writeProject } from "../helpers/project";
import { countsByFactor, htmlScorecardRows, markdownScorecardRows, statusFor, type ScorecardRow } from "./helpers";

/*
 * The built CLI's `--format html|markdown` on real projects: the rendered scorecard must agree
 * with the findings the same run reports as JSON (counts are computed from those, never typed
 * in, since the rule set keeps growing), exit codes must not change, links must be usable.
 */

// Assembled at run time so the repository itself holds no token-shaped string.
const SECRET = ["sk", "live", "51Hq8Zt2mP4vX9kL7wN3bR6yT1cAe"].join("_");
const HOSTILE_FILE = "src/<script>x.ts";

function project() {
  return writeProject({
    "package.json": JSON.stringify({ name: "shop<&>", version: "1.0.0", dependencies: { express: "^4.19.2" } }, null, 2),
    ".gitignore": "node_modules\n",
    "src/server.ts": 'import express from "express";\nconst app = express();\napp.listen(3000);\nprocess.on("SIGTERM", () => process.exit(0));\n',
    "src/config.ts": `export const stripeKey = "${SECRET}";\n`,
    [HOSTILE_FILE]: 'import fs from "node:fs";\nexport function save(data: string) {\n  fs.writeFileSync("data/state.json", data);\n}\n',
  });
}

function jsonFindings(root: string, args: string[] = []): { code: number | null; stderr: string; findings: ReportFinding[] } {
  const run = runCli(root, ["--format", "json", ...args]);
  return { code: run.code, stderr: run.stderr, findings: (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings };
}

/** The rows the scorecard must show, computed from the flat findings alone. */
function expectedRows(findings: readonly ReportFinding[]): ScorecardRow[] {
  return [...countsByFactor(findings)].map(([factor, counts]) => ({
    factor,
    status: statusFor(counts, RULES.some((rule) => rule.factor === factor) || findings.some((item) => item.factor === factor)),
    ...counts,
  }));
}

before(() => ensureBuilt());

describe("--format html and --format markdown on a fixture project", () => {
  const fixture = project();
  after(() => fixture.cleanup());
  const json = () => jsonFindings(fixture.root);

  it("html -o writes one page whose twelve rows agree with the JSON findings; exit code unchanged", () => {
    const expected = json();
    assert.ok(expected.findings.some((item) => item.ruleId === "config/no-hardcoded-secret" && item.severity === "error"), "fixture has an error");
    assert.ok(expected.findings.some((item) => item.file === HOSTILE_FILE), "fixture has a finding in the hostile file");
    const run = runCli(fixture.root, ["--format", "html", "-o", "reports/audit.html"]);
    assert.deepEqual({ code: run.code, stdout: run.stdout, stderr: run.stderr }, { code: expected.code, stdout: "", stderr: expected.stderr });
    assert.equal(run.code, 1);
    const html = fixture.read("reports/audit.html") ?? "";
    assert.deepEqual(htmlScorecardRows(html), expectedRows(expected.findings));
    assert.ok(html.includes("<title>Twelve-Factor audit: shop&#60;&#38;&#62;</title>"));
  });

  it("html links every finding to its file and line, relative to the report's folder, escaped", () => {
    const { findings } = json();
    assert.equal(runCli(fixture.root, ["--format", "html", "--output", "reports/links.html"]).code, 1);
    const html = fixture.read("reports/links.html") ?? "";
    for (const item of findings) {
      const href = `../${encodePath(item.file)}#L${item.range.start.line}`;
      assert.ok(html.includes(`href="${href}"`), `link ${href}`);
      assert.ok(fs.existsSync(path.join(fixture.root, "reports", decodeURIComponent(href.replace(/#L\d+$/, "")))), `${href} points at a file`);
    }
    assert.ok(html.includes('href="../src/%3Cscript%3Ex.ts#L3"'));
    assert.ok(html.includes(">src/&#60;script&#62;x.ts:3</a>"));
    assert.ok(!html.includes("<script"));
    assert.ok(!html.includes(SECRET), "the secret never appears in full");
  });

  it("html to stdout links relative to the project root", () => {
    const run = runCli(fixture.root, ["--format", "html"]);
    assert.equal(run.code, 1);
    assert.ok(run.stdout.includes('href="src/server.ts#L3"'));
  });

  it("markdown prints the same scorecard to stdout, without the secret", () => {
    const expected = json();
    const run = runCli(fixture.root, ["--format", "markdown"]);
    assert.equal(run.code, expected.code);
    assert.ok(run.stdout.startsWith("## Twelve-Factor audit: shop&lt;&amp;&gt;\n"));
    assert.deepEqual(markdownScorecardRows(run.stdout), expectedRows(expected.findings));
    assert.ok(run.stdout.includes("- `src/server.ts:3` **warning** "));
    assert.ok(!run.stdout.includes(SECRET));
  });

  it("exit codes follow the findings, not the format: 0 once the only error is turned off", () => {
    const off = ["--rule", "config/no-hardcoded-secret=off"];
    assert.equal(jsonFindings(fixture.root, off).code, 0);
    assert.equal(runCli(fixture.root, ["--format", "markdown", ...off]).code, 0);
    assert.equal(runCli(fixture.root, ["--format", "html", ...off]).code, 0);
  });

  it("--help lists the new formats", () => {
    assert.match(runCli(fixture.root, ["--help"]).stdout, /-f, --format FORMAT {12}text, json, sarif, html, markdown or gitlab \(default: text\)/);
  });
});

describe("--format html on the bundled example", () => {
  const example = path.join(REPO, "examples/express-service");

  it("shows twelve rows I..XII whose statuses and counts agree with the findings, with links to existing files", () => {
    const expected = jsonFindings(example);
    const run = runCli(example, ["--format", "html"]);
    assert.equal(run.code, expected.code);
    const rows = htmlScorecardRows(run.stdout);
    assert.deepEqual(rows.map((row) => row.factor), ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] satisfies Factor[]);
    assert.deepEqual(rows, expectedRows(expected.findings));
    assert.ok(expected.findings.length > 0);
    const links = [...run.stdout.matchAll(/class="finding-link loc" href="([^"]+)#L(\d+)"/g)];
    assert.ok(links.length >= expected.findings.length);
    for (const [, file] of links) assert.ok(fs.existsSync(path.join(example, decodeURIComponent(file))), file);
    const markdown = runCli(example, ["--format", "markdown"]);
    assert.deepEqual(markdownScorecardRows(markdown.stdout), rows);
  });
});

describe("--quiet --format markdown|html", () => {
  // Two port warnings and no error: --quiet shows no finding, and no status may read "Pass" for them.
  const service = copyFixture("service");
  after(() => service.cleanup());

  it("markdown: the factor whose warnings were hidden says so, and so does the summary (exact text)", () => {
    const run = runCli(service.root, ["--quiet", "--format", "markdown"]);
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout.replace(/scanned in [^·]+ ·/, "scanned in <time> ·"),
      [
        "## Twelve-Factor audit: fixture-service",
        "",
        "**5 files** scanned in <time> · ❌ 0 errors · ⚠️ 2 warnings hidden by `--quiet` · ℹ️ 0 info · 🔧 0 fixable with `--fix`",
        "",
        "> `--quiet` hides 2 warnings: the findings below leave them out, the factors' statuses count them.",
        "",
        "### Fix first",
        "",
        "Nothing to fix among the findings shown (2 warnings hidden by `--quiet`).",
        "",
        "### Factors",
        "",
        "| Factor | Name | Status | Errors | Warnings | Info |",
        "|---|---|---|---:|---:|---:|",
        "| I | Codebase | ✅ Pass | 0 | 0 | 0 |",
        "| II | Dependencies | ✅ Pass | 0 | 0 | 0 |",
        "| III | Config | ✅ Pass | 0 | 0 | 0 |",
        "| IV | Backing services | ✅ Pass | 0 | 0 | 0 |",
        "| V | Build, release, run | ✅ Pass | 0 | 0 | 0 |",
        "| VI | Processes | ✅ Pass | 0 | 0 | 0 |",
        "| VII | Port binding | ⚠️ 2 warnings hidden (--quiet) | 0 | 0 | 0 |",
        "| VIII | Concurrency | ✅ Pass | 0 | 0 | 0 |",
        "| IX | Disposability | ✅ Pass | 0 | 0 | 0 |",
        "| X | Dev/prod parity | ✅ Pass | 0 | 0 | 0 |",
        "| XI | Logs | ✅ Pass | 0 | 0 | 0 |",
        "| XII | Admin processes | ✅ Pass | 0 | 0 | 0 |",
        "",
        "### Findings",
        "",
        "No findings shown (2 warnings hidden by `--quiet`).",
        "",
      ].join("\n"),
    );
    // Without --quiet the same factor shows its warnings as such.
    assert.ok(runCli(service.root, ["--format", "markdown"]).stdout.includes("| VII | Port binding | ⚠️ Warnings | 0 | 2 | 0 |\n"));
  });

  it("html: the same status in the scorecard, and the summary says what was hidden", () => {
    const run = runCli(service.root, ["--quiet", "--format", "html"]);
    assert.ok(run.stdout.includes(`<tr data-factor="VII" data-status="warnings">`));
    assert.ok(run.stdout.includes(`<span class="status status-warnings"><span aria-hidden="true">⚠</span> 2 warnings hidden (--quiet)</span>`));
    assert.ok(run.stdout.includes(`<p class="hidden-findings muted">2 warnings hidden by --quiet: the findings below leave them out, the factors' statuses count them.</p>`));
  });
});
