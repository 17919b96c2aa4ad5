import assert from "node:assert/strict";
import path from "node:path";
import { it } from "node:test";
import { runCli } from "./cli/helpers";

/**
 * The README's first command audits examples/express-service. Its comments mark each hit and
 * each trap; this pins the complete list, so a trap that starts being flagged (or a hit that
 * stops) fails here, and the README's sample output stays true.
 */
it("the bundled example shows a finding of every factor, and none of its traps", () => {
  const run = runCli(path.resolve("examples/express-service"), [".", "--format", "json"]);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; ruleId: string; severity: string; range: { start: { line: number; column: number } } }> };
  assert.deepEqual(
    report.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId}`),
    [
      "Procfile:1:6 info build-release-run/build-at-runtime",
      "docker-compose.yml:8:23 warning config/secret-in-project-file",
      "package.json:9:42 warning port-binding/no-fixed-port",
      "package.json:14:3 info dependencies/no-lockfile",
      "src/jobs/receipts.ts:7:41 info backing-services/hardcoded-service-url",
      "src/jobs/receipts.ts:12:15 info dependencies/implicit-system-tool",
      "src/jobs/receipts.ts:20:17 info concurrency/no-daemon-or-pidfile",
      "src/lib/auditLog.ts:9:9 info admin-processes/schema-sync-on-boot",
      "src/lib/cache.ts:5:22 info dev-prod-parity/environment-specific-backing-service",
      "src/lib/db.ts:7:13 warning config/no-hardcoded-secret",
      "src/lib/logger.ts:6:50 warning logs/no-file-logging",
      "src/lib/payments.ts:3:30 info codebase/no-out-of-repo-import",
      "src/lib/payments.ts:6:22 warning config/no-hardcoded-secret",
      "src/lib/payments.ts:9:35 warning config/undocumented-env-var",
      "src/routes/uploads.ts:10:25 warning processes/no-local-state",
      "src/routes/uploads.ts:14:21 warning processes/no-local-state",
      "src/server.ts:15:1 info disposability/no-graceful-shutdown",
      "src/server.ts:15:12 warning port-binding/no-fixed-port",
    ],
  );
});

it("the example's SARIF, as a CI gets it, has results from all twelve factors", () => {
  const run = runCli(path.resolve("examples/express-service"), [".", "--format", "sarif"]);
  assert.equal(run.code, 0, run.stderr);
  const sarif = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties: { tags: string[] } }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
  const [sarifRun] = sarif.runs;
  const factorOf = (index: number): string | undefined => sarifRun.tool.driver.rules[index].properties.tags.find((tag) => tag.startsWith("factor-"))?.slice("factor-".length);
  const factors = new Set(sarifRun.results.map((result) => factorOf(result.ruleIndex)));
  assert.deepEqual([...factors].sort(), ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"].sort());
  assert.equal(sarifRun.results.length, 18);
});
