import assert from "node:assert/strict";
import path from "node:path";
import { it } from "node:test";
import { runCli } from "./cli/helpers";

/**
 * The README's first command audits examples/express-service. Its comments mark each hit and
 * each trap; this pins the complete list, so a trap that starts being flagged (or a hit that
 * stops) fails here, and the README's sample output stays true.
 */
it("the bundled example shows every headline rule, and none of its traps", () => {
  const run = runCli(path.resolve("examples/express-service"), [".", "--format", "json"]);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; ruleId: string; severity: string; range: { start: { line: number; column: number } } }> };
  assert.deepEqual(
    report.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId}`),
    [
      "package.json:9:42 warning port-binding/no-fixed-port",
      "package.json:14:3 info dependencies/no-lockfile",
      "src/lib/db.ts:7:13 warning config/no-hardcoded-secret",
      "src/lib/logger.ts:6:50 warning logs/no-file-logging",
      "src/lib/payments.ts:4:22 warning config/no-hardcoded-secret",
      "src/lib/payments.ts:7:35 warning config/undocumented-env-var",
      "src/routes/uploads.ts:10:25 warning processes/no-local-state",
      "src/routes/uploads.ts:14:21 warning processes/no-local-state",
      "src/server.ts:11:12 warning port-binding/no-fixed-port",
    ],
  );
});
