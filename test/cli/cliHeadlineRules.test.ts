import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { copyFixture, ensureBuilt, runCli, sarifValidator, type CliRun } from "./helpers";

/*
 * The built CLI on a service that breaks all four headline rules. The fake Stripe keys are
 * assembled here at run time and written into the temp copy only, so the repository holds none.
 */

const SECRET_KEY = ["sk", "live", "Zq8Xv3Lm7Tn2Pw5Rk9Jd4Hc6"].join("_");
const RESTRICTED_KEY = ["rk", "live", "Tb4Ny7Qs2Wm9Kx3Vc8Lp5Fg1"].join("_");
const SOURCES = {
  "src/payments.ts": `const stripeSecretKey = "${SECRET_KEY}";\n\nexport const stripeConfig = { apiKey: stripeSecretKey, timeout: 8000 };\n`,
  "src/refunds.ts": `export function refundClient() {\n  return { key: "${RESTRICTED_KEY}" };\n}\n`,
};

const SERVER_BLOCK = [
  "src/server.ts",
  '  7:16   warning  winston File transport writes logs to "logs/app.log"; log to stdout (winston.transports.Console) and let the platform route the stream.                                          logs/no-file-logging',
  '  10:25  warning  multer stores uploads in "uploads/" on the local disk; use multer.memoryStorage() and send the files to object storage.                                                          processes/no-local-state',
  '  14:20  warning  fs.writeFileSync writes to "data/last-upload.json" on the local disk; keep state in a backing service (database, cache or object storage) so any process can serve any request.  processes/no-local-state',
  "",
];

const FULL_TEXT = [
  "src/payments.ts",
  '  1:25  error  Hardcoded secret "sk_l…" (32 chars): Stripe live secret key format. Read it from process.env.STRIPE_SECRET_KEY instead.  config/no-hardcoded-secret',
  "",
  "src/refunds.ts",
  '  2:17  error  Hardcoded secret "rk_l…" (32 chars): Stripe live restricted key format. Read it from process.env.STRIPE_RESTRICTED_KEY instead.  config/no-hardcoded-secret',
  "",
  ...SERVER_BLOCK,
  "✖ 5 problems (2 errors, 3 warnings, 0 infos)",
  "  2 problems are fixable with --fix; 2 with suggested fixes to review in the editor.",
  "",
].join("\n");

function assertNoSecret(run: CliRun): void {
  for (const secret of [SECRET_KEY, RESTRICTED_KEY]) {
    for (const output of [run.stdout, run.stderr]) {
      assert.equal(output.includes(secret), false, "a secret was printed in full");
      assert.equal(output.includes(secret.slice(8, 20)), false, "part of a secret was printed");
    }
  }
}

before(() => ensureBuilt());

describe("twelve-factor-lint on a service breaking the four headline rules", () => {
  const project = copyFixture("kitchen", SOURCES);
  after(() => project.cleanup());

  it("reports every finding, secrets redacted, and exits 1 on the errors", () => {
    const run = runCli(project.root, []);
    assert.deepEqual(run, { code: 1, stdout: FULL_TEXT, stderr: "" });
  });

  it("never prints a secret in any format", () => {
    for (const args of [[], ["--format", "json"], ["--format", "sarif"], ["--quiet"], ["--no-color", "src/payments.ts"]]) {
      const run = runCli(project.root, args);
      assert.equal(run.code, 1);
      assertNoSecret(run);
    }
  });

  it("emits SARIF that the official 2.1.0 schema accepts, with error and warning levels", () => {
    const run = runCli(project.root, ["--format", "sarif"]);
    const sarif = JSON.parse(run.stdout);
    const validate = sarifValidator();
    assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string }>;
    assert.deepEqual(results.map((r) => `${r.level} ${r.ruleId}`), [
      "error config/no-hardcoded-secret",
      "error config/no-hardcoded-secret",
      "warning logs/no-file-logging",
      "warning processes/no-local-state",
      "warning processes/no-local-state",
    ]);
    const ruleIds = (sarif.runs[0].tool.driver.rules as Array<{ id: string; properties: { tags: string[] } }>).map((r) => `${r.id} ${r.properties.tags.join(",")}`);
    // Every registered rule, in catalogue order, with its factor tag.
    assert.deepEqual(ruleIds, [
      "config/no-hardcoded-secret twelve-factor,factor-III",
      "config/secret-in-project-file twelve-factor,factor-III",
      "config/secret-in-client-bundle twelve-factor,factor-III",
      "config/env-file-not-ignored twelve-factor,factor-III",
      "config/undocumented-env-var twelve-factor,factor-III",
      "backing-services/hardcoded-service-url twelve-factor,factor-IV",
      "dependencies/undeclared-dependency twelve-factor,factor-II",
      "dependencies/no-lockfile twelve-factor,factor-II",
      "dependencies/unpinned-version twelve-factor,factor-II",
      "dependencies/implicit-system-tool twelve-factor,factor-II",
      "build-release-run/build-at-runtime twelve-factor,factor-V",
      "processes/no-local-state twelve-factor,factor-VI",
      "processes/no-in-memory-session twelve-factor,factor-VI",
      "port-binding/no-fixed-port twelve-factor,factor-VII",
      "concurrency/no-daemon-or-pidfile twelve-factor,factor-VIII",
      "disposability/no-graceful-shutdown twelve-factor,factor-IX",
      "dev-prod-parity/environment-specific-backing-service twelve-factor,factor-X",
      "logs/no-file-logging twelve-factor,factor-XI",
      "admin-processes/schema-sync-on-boot twelve-factor,factor-XII",
      "codebase/no-out-of-repo-import twelve-factor,factor-I",
    ]);
  });

  it("--quiet keeps the two errors; --rule and --max-warnings change the exit code", () => {
    const quiet = runCli(project.root, ["--quiet"]);
    assert.equal(quiet.stdout.endsWith("✖ 2 problems (2 errors, 0 infos; 3 warnings hidden by --quiet)\n  2 problems are fixable with --fix.\n"), true, quiet.stdout);
    assert.equal(quiet.stdout.includes("src/server.ts"), false);

    const relaxed = runCli(project.root, ["--rule", "config/no-hardcoded-secret=warning", "--max-warnings", "5"]);
    assert.equal(relaxed.code, 0);
    assert.equal(relaxed.stdout.endsWith("✖ 5 problems (0 errors, 5 warnings, 0 infos)\n  2 problems are fixable with --fix; 2 with suggested fixes to review in the editor.\n"), true);
    const strict = runCli(project.root, ["--rule", "config/no-hardcoded-secret=warning", "--max-warnings", "4"]);
    assert.deepEqual([strict.code, strict.stderr], [1, "✖ Too many warnings: 5 (maximum: 4).\n"]);
  });
});

describe("twelve-factor-lint --fix with secrets", () => {
  it("moves both secrets into the git-ignored .env over two passes and documents them in .env.example", () => {
    const project = copyFixture("kitchen", SOURCES);
    try {
      const run = runCli(project.root, ["--fix"]);
      assert.deepEqual(run, { code: 0, stdout: [...SERVER_BLOCK, "✖ 3 problems (0 errors, 3 warnings, 0 infos)", "  2 problems with suggested fixes to review in the editor.", ""].join("\n"), stderr: "Fixed 2 problems, changing 4 files:\n  .env\n  .env.example\n  src/payments.ts\n  src/refunds.ts\n" });
      assertNoSecret(run);
      assert.equal(project.read("src/payments.ts"), "const stripeSecretKey = process.env.STRIPE_SECRET_KEY;\n\nexport const stripeConfig = { apiKey: stripeSecretKey, timeout: 8000 };\n");
      assert.equal(project.read("src/refunds.ts"), "export function refundClient() {\n  return { key: process.env.STRIPE_RESTRICTED_KEY };\n}\n");
      assert.equal(project.read(".env"), `STRIPE_SECRET_KEY=${SECRET_KEY}\nSTRIPE_RESTRICTED_KEY=${RESTRICTED_KEY}\n`);
      assert.equal(project.read(".env.example"), "PORT=\nSTRIPE_SECRET_KEY=\nSTRIPE_RESTRICTED_KEY=\n");

      const again = runCli(project.root, ["--fix"]);
      assert.deepEqual([again.code, again.stderr], [0, "No safe fixes to apply.\n"]);
      assert.equal(project.read(".env.example"), "PORT=\nSTRIPE_SECRET_KEY=\nSTRIPE_RESTRICTED_KEY=\n");
    } finally {
      project.cleanup();
    }
  });
});
