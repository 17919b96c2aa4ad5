import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { PROVIDER_SAMPLES } from "../rules/config/secrets/samples";
import { copyFixture, ensureBuilt, runCli } from "./helpers";

const STRIPE = PROVIDER_SAMPLES["stripe-live-secret-key"].value;
const TEST_FILE = `const stripe = new Stripe("${STRIPE}");\nconst res = await request(app).post("/login").send({ email, password: "Password123$" });\n`;
const APP_FILE = `import http from "node:http";\nexport const server = http.createServer((_req, res) => res.end("ok"));\nserver.listen(4000);\n`;

describe("--fix leaves test code alone", () => {
  before(ensureBuilt);

  it("a test's findings are shown, not counted as fixable, and untouched by --fix", () => {
    const project = copyFixture("clean", { ".gitignore": ".env\n", "test/payments.test.ts": TEST_FILE, "src/app.ts": APP_FILE });
    try {
      const secret = `test/payments.test.ts\n  1:27  warning  Hardcoded secret "sk_l…" (32 chars): Stripe live secret key format. Read it from process.env.STRIPE_SECRET_KEY instead.  config/no-hardcoded-secret\n`;
      const port = `src/app.ts\n  3:15  warning  Port 4000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.  port-binding/no-fixed-port\n`;
      const before = runCli(project.root, []);
      assert.equal(before.stdout, `${port}\n${secret}\n✖ 2 problems (0 errors, 2 warnings, 0 infos)\n  1 problem is fixable with --fix; 1 with a suggested fix to review in the editor.\n`);

      const json = JSON.parse(runCli(project.root, ["--format", "json"]).stdout) as { findings: { file: string; fixable: boolean }[]; summary: { fixable: number } };
      assert.deepEqual(json.findings.map((finding) => [finding.file, finding.fixable]), [["src/app.ts", true], ["test/payments.test.ts", false]]);
      assert.equal(json.summary.fixable, 1);

      const fixed = runCli(project.root, ["--fix"]);
      assert.equal(fixed.stdout, `${secret}\n✖ 1 problem (0 errors, 1 warning, 0 infos)\n  1 problem with a suggested fix to review in the editor.\n`);
      assert.match(fixed.stderr, /^Fixed 1 problem, changing 1 file:\n {2}src\/app\.ts$/m);
      assert.equal(project.read("test/payments.test.ts"), TEST_FILE);
      assert.equal(project.read(".env.example"), undefined);
      assert.equal(project.read(".env"), undefined);
      assert.equal(project.read("src/app.ts"), APP_FILE.replace("listen(4000)", "listen(Number(process.env.PORT ?? 4000))"));
    } finally {
      project.cleanup();
    }
  });
});
