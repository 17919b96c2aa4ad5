import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import type { ApplySafeFixesResult, AuditReportResult, RuleCatalog } from "../../server/src/lsp/reportCommands";
import type { SafeFixPlan } from "../../server/src/lsp/safeFixes";
import { Engine } from "../../server/src/engine/analyzer";
import { BASELINE_FILE_NAME, createBaseline, serializeBaseline } from "../../server/src/engine/baseline";
import { diskHost } from "../../server/src/engine/host";
import { FACTORS } from "../../server/src/engine/types";
import { RULES } from "../../server/src/rules/registry";
import { writeProject } from "../helpers/project";
import { SERVER, serverSessions } from "./lspClient";

/**
 * The report view's server commands over stdio: the last audit as a twelve-factor report (data,
 * webview HTML, Markdown), the rule catalog the tree view groups by, and "fix all safe problems"
 * across the workspace (the plan the user confirms, then one applied WorkspaceEdit).
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

const FILES = {
  "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0", "winston": "^3.0.0" } }\n`,
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n",
  ".env.example": "DATABASE_URL=\n",
  "src/server.ts": `import express from "express";\nconst app = express();\nconst PORT = 3000;\napp.listen(PORT);\nconst api = process.env.API_URL;\nconst db = process.env.DATABASE_URL;\nexport { api, db };\n`,
  "src/worker.ts": `import express from "express";\nconst jobs = express();\njobs.listen(8080);\nconst metrics = express();\nmetrics.listen(9090);\n`,
  "src/logger.ts": `import winston from "winston";\nexport const log = winston.createLogger({ transports: [new winston.transports.File({ filename: "logs/app.log" })] });\n`,
  "src/health.ts": `export const healthy = (): boolean => true;\n`,
};

const ZERO = { error: 0, warning: 0, info: 0 };
/**
 * Only the rules this fixture is about: rules added later must not change its exact counts.
 * Turned off through the editor settings, as a user would.
 */
const KEPT_RULES = new Set(["port-binding/no-fixed-port", "logs/no-file-logging", "config/undocumented-env-var", "dependencies/no-lockfile", "dependencies/undeclared-dependency", "dependencies/unpinned-version"]);
const SETTINGS = { rules: Object.fromEntries(RULES.filter((rule) => !KEPT_RULES.has(rule.id)).map((rule) => [rule.id, "off"])) };

describe("report commands over stdio", () => {
  const session = serverSessions();
  async function start(options: { resourceOperations?: boolean } = {}) {
    const { client, project, file } = await session(FILES, { settings: SETTINGS, ...options });
    const plan = async () => (await client.executeCommand("twelveFactor.server.safeFixPlan")) as SafeFixPlan;
    return { client, project, file, plan };
  }

  it("has no report before the first audit, then the audit as twelve factor sections with exact counts", async () => {
    const { client, project } = await start();
    assert.deepEqual(await client.executeCommand("twelveFactor.server.auditReport"), { report: null });
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    const { report, rendered } = (await client.executeCommand("twelveFactor.server.auditReport")) as AuditReportResult;
    assert.ok(report);
    assert.equal(rendered, undefined, "no format asked, nothing rendered");
    assert.equal(report.root, project.root);
    assert.equal(report.projectName, "svc");
    const { durationMs, ...stats } = report.stats;
    assert.equal(typeof durationMs, "number");
    // 8 files: package.json, package-lock.json, .gitignore, .env.example and four sources, three of which any rule's pre-scan wants parsed.
    assert.deepEqual({ files: stats.files, parsed: stats.parsed, skipped: stats.skipped }, { files: 8, parsed: 3, skipped: 0 });
    assert.deepEqual(report.totals, { error: 0, warning: 5, info: 0, fixable: 4, suggested: 1 });
    assert.deepEqual(
      report.factors.map((factor) => factor.factor),
      [...FACTORS],
    );
    const byFactor = Object.fromEntries(report.factors.map((factor) => [factor.factor, { status: factor.status, counts: factor.counts }]));
    assert.deepEqual(byFactor.III, { status: "warnings", counts: { ...ZERO, warning: 1 } });
    assert.deepEqual(byFactor.VII, { status: "warnings", counts: { ...ZERO, warning: 3 } });
    assert.deepEqual(byFactor.XI, { status: "warnings", counts: { ...ZERO, warning: 1 } });
    assert.deepEqual(byFactor.II, { status: "pass", counts: ZERO });
    // Its rules are all turned off: nothing checked it, so it does not pass either.
    assert.deepEqual(byFactor.VI, { status: "not-applicable", counts: ZERO });
    assert.deepEqual(report.factors[5].rules, []);
    const portRule = report.factors[6].rules.find((rule) => rule.id === "port-binding/no-fixed-port");
    assert.deepEqual(
      portRule?.findings.map((finding) => [`${finding.file}:${finding.range.start.line}:${finding.range.start.column}`, finding.message, finding.fixable]),
      [
        ["src/server.ts:4:12", "Port 3000 is hardcoded in listen() (via `PORT`); bind to the port the platform gives in process.env.PORT.", true],
        ["src/worker.ts:3:13", "Port 8080 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.", true],
        ["src/worker.ts:5:16", "Port 9090 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.", true],
      ],
    );
    assert.deepEqual(
      report.topFixes.map((fix) => [fix.ruleId, fix.count, fix.fixable]),
      [
        ["port-binding/no-fixed-port", 3, 3],
        ["logs/no-file-logging", 1, 0],
        ["config/undocumented-env-var", 1, 1],
      ],
    );
  });

  it("renders the report with the server's renderer: webview HTML with the given CSP source and nonce, or Markdown", async () => {
    const { client } = await start();
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    const nonce = "bm9uY2UtZm9yLXRoZS10ZXN0";
    const webview = { cspSource: "https://webview.test", nonce };
    const html = (await client.executeCommand("twelveFactor.server.auditReport", [{ format: "html", webview }])) as AuditReportResult;
    assert.ok(html.rendered);
    // The CSP sits in an attribute, so its quotes are escaped.
    assert.match(html.rendered, new RegExp(`script-src &#39;nonce-${nonce}&#39;`));
    assert.match(html.rendered, new RegExp(`<script nonce="${nonce}">`));
    assert.match(html.rendered, /style-src https:\/\/webview\.test /);
    assert.equal(html.rendered.match(/<details class="factor"/g)?.length, 12);
    // Every finding is a link the webview script turns into an "open" message.
    assert.deepEqual(
      [...html.rendered.matchAll(/data-file="([^"]+)" data-line="(\d+)"/g)].map((match) => `${match[1]}:${match[2]}`).filter((value, index, all) => all.indexOf(value) === index).sort(),
      ["src/logger.ts:2", "src/server.ts:4", "src/server.ts:5", "src/worker.ts:3", "src/worker.ts:5"],
    );
    const file = (await client.executeCommand("twelveFactor.server.auditReport", [{ format: "html", linkBase: "../" }])) as AuditReportResult;
    assert.doesNotMatch(file.rendered ?? "", /<script/, "an exported file has no script");
    assert.match(file.rendered ?? "", /href="\.\.\/src\/worker\.ts#L3"/);
    const markdown = (await client.executeCommand("twelveFactor.server.auditReport", [{ format: "markdown" }])) as AuditReportResult;
    assert.match(markdown.rendered ?? "", /`src\/worker\.ts:5` \*\*warning\*\* Port 9090 is hardcoded in listen\(\)/);
  });

  it("gives the rule catalog: every registered rule with its factor, and the twelve factors", async () => {
    const { client } = await start();
    const catalog = (await client.executeCommand("twelveFactor.server.ruleCatalog")) as RuleCatalog;
    assert.deepEqual(
      catalog.factors.map((factor) => factor.factor),
      [...FACTORS],
    );
    assert.equal(catalog.factors[6].name, "Port binding");
    assert.deepEqual(
      catalog.rules.map((rule) => [rule.id, rule.factor]),
      RULES.map((rule) => [rule.id, rule.factor]),
    );
  });

  it("plans the safe fixes across the workspace: exactly the files they change, with counts", async () => {
    const { client, file, plan } = await start();
    assert.deepEqual(await plan(), { files: [], fixes: 0, deferred: 0 }, "nothing before an audit");
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    assert.deepEqual(await plan(), {
      files: [
        { file: ".env.example", path: file(".env.example"), fixes: 1, created: false },
        { file: "src/server.ts", path: file("src/server.ts"), fixes: 1, created: false },
        { file: "src/worker.ts", path: file("src/worker.ts"), fixes: 2, created: false },
      ],
      fixes: 4,
      deferred: 0,
    });
  });

  it("applies nothing when the confirmed files differ from the plan", async () => {
    const { client, file, project } = await start();
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    const result = (await client.executeCommand("twelveFactor.server.applySafeFixes", [{ files: [file("src/worker.ts")] }])) as ApplySafeFixesResult;
    assert.equal(result.applied, false);
    assert.equal(result.reason, "The files to fix changed since they were listed; review the new list.");
    assert.equal(client.appliedEdits.length, 0);
    assert.equal(project.read("src/worker.ts"), FILES["src/worker.ts"]);
  });

  it("leaves baselined findings out of the report (counted as baselined) and out of the safe-fix plan", async () => {
    const project = writeProject(FILES);
    const worker = path.join(project.root, "src/worker.ts");
    const recorded = new Engine({ root: project.root, rules: RULES }).analyzeFile(worker).findings;
    assert.equal(recorded.length, 2, "the two fixed ports of src/worker.ts");
    writeFileSync(path.join(project.root, BASELINE_FILE_NAME), serializeBaseline(createBaseline(recorded, diskHost.readFile, { root: project.root })));
    const { client } = await session(project, { settings: SETTINGS });
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    const { report } = (await client.executeCommand("twelveFactor.server.auditReport")) as AuditReportResult;
    assert.equal(report?.baselined, 2);
    assert.deepEqual(report?.factors[6].counts, { ...ZERO, warning: 1 });
    const planned = (await client.executeCommand("twelveFactor.server.safeFixPlan")) as SafeFixPlan;
    assert.deepEqual(
      planned.files.map((entry) => [entry.file, entry.fixes]),
      [
        [".env.example", 1],
        ["src/server.ts", 1],
      ],
    );
  });

  it("moves a secret into the git-ignored .env without its value ever crossing the protocol", async () => {
    // Assembled at run time: the repository holds no token-shaped strings.
    const key = ["sk", "live", "9vT2mQ7xR4kP8zW1nB6yC3dF"].join("_");
    const { client, project } = await session({ ...FILES, "src/pay.ts": `export const stripe = { apiKey: "${key}" };\n` }, { settings: { rules: { ...SETTINGS.rules, "config/no-hardcoded-secret": "warning" } }, resourceOperations: true });
    await client.executeCommand("twelveFactor.server.auditWorkspace");
    const planned = (await client.executeCommand("twelveFactor.server.safeFixPlan")) as SafeFixPlan;
    // Both .env.example additions insert at its end: the secret's (src/pay.ts comes first) goes
    // in the first pass, the API_URL one in the second, and the plan counts both.
    assert.deepEqual(
      planned.files.map((entry) => [entry.file, entry.fixes, entry.created]),
      [
        [".env", 1, true],
        [".env.example", 2, false],
        ["src/pay.ts", 1, false],
        ["src/server.ts", 1, false],
        ["src/worker.ts", 2, false],
      ],
    );
    assert.deepEqual([planned.fixes, planned.deferred], [5, 0]);
    const result = (await client.executeCommand("twelveFactor.server.applySafeFixes", [{ files: planned.files.map((entry) => entry.path) }])) as ApplySafeFixesResult;
    assert.equal(result.applied, true, result.reason);
    assert.equal(project.read("src/pay.ts"), "export const stripe = { apiKey: process.env.STRIPE_SECRET_KEY };\n");
    assert.equal(project.read(".env"), `STRIPE_SECRET_KEY=${key}\n`);
    assert.equal(project.read(".env.example"), "DATABASE_URL=\nSTRIPE_SECRET_KEY=\nAPI_URL=\n");
    const sent = JSON.stringify(client.appliedEdits);
    assert.ok(client.appliedEdits.length > 0);
    assert.equal(sent.includes(key.slice(8)), false, "the value never travels in a WorkspaceEdit");
  });

  for (const resourceOperations of [false, true]) {
    it(`applies every safe fix in one WorkspaceEdit (${resourceOperations ? "documentChanges" : "changes map"}), and the next audit shows what is left`, async () => {
      const { client, project, plan } = await start({ resourceOperations });
      await client.executeCommand("twelveFactor.server.auditWorkspace");
      const planned = await plan();
      const result = (await client.executeCommand("twelveFactor.server.applySafeFixes", [{ files: planned.files.map((entry) => entry.path) }])) as ApplySafeFixesResult;
      assert.deepEqual(result, { applied: true, plan: planned });
      assert.equal(client.appliedEdits.length, 1);
      assert.equal(Boolean(client.appliedEdits[0].documentChanges), resourceOperations);
      assert.equal(project.read("src/server.ts"), FILES["src/server.ts"].replace("const PORT = 3000;", "const PORT = Number(process.env.PORT ?? 3000);"));
      assert.equal(
        project.read("src/worker.ts"),
        `import express from "express";\nconst jobs = express();\njobs.listen(Number(process.env.PORT ?? 8080));\nconst metrics = express();\nmetrics.listen(Number(process.env.PORT ?? 9090));\n`,
      );
      assert.equal(project.read(".env.example"), "DATABASE_URL=\nAPI_URL=\n");
      assert.equal(project.read("src/logger.ts"), FILES["src/logger.ts"], "the file transport has no safe fix");

      // The editor saves the files; the watcher tells the server, then the audit runs again.
      await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: planned.files.map((entry) => ({ uri: `file://${entry.path}`, type: 2 })) });
      await client.executeCommand("twelveFactor.server.auditWorkspace");
      const { report } = (await client.executeCommand("twelveFactor.server.auditReport")) as AuditReportResult;
      assert.equal(report?.factors[6].status, "pass");
      assert.deepEqual(report?.factors[10].counts, { ...ZERO, warning: 1 });
    });
  }
});
