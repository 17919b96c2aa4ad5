import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { writeProject } from "../helpers/project";
import { ensureBuilt, REPO, runCli } from "./helpers";

/**
 * One meaning of "fixable": what one `--fix` fixes. The count the report promises, the JSON
 * flags and what `--fix` then says it fixed are the same number; a fix that needs review is
 * counted apart. `--fix-dry-run` shows the change and writes nothing.
 */
before(ensureBuilt);

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.join(entry.parentPath, entry.name), fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
  }
  return files;
}

function json(root: string): { summary: { fixable: number; suggested: number }; findings: Array<{ fixable: boolean; suggestedFix: boolean }> } {
  return JSON.parse(runCli(root, ["--format", "json"]).stdout);
}

const SERVICE = {
  "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`,
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n",
};

describe("fixable means what --fix fixes", () => {
  it("on the bundled example: the promised count, the JSON flags, the dry run and --fix agree", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-fixable-example-"));
    try {
      fs.cpSync(path.join(REPO, "examples/express-service"), root, { recursive: true });
      const report = json(root);
      const promised = report.summary.fixable;
      assert.ok(promised > 0);
      assert.equal(report.findings.filter((finding) => finding.fixable).length, promised);
      assert.equal(report.findings.filter((finding) => finding.suggestedFix).length, report.summary.suggested);
      assert.match(runCli(root, []).stdout, new RegExp(`\\n  ${promised} problems are fixable with --fix; ${report.summary.suggested} with suggested fixes to review in the editor\\.\\n$`));

      const before = snapshot(root);
      const dry = runCli(root, ["--fix-dry-run"]);
      assert.deepEqual(snapshot(root), before, "the dry run writes nothing");
      assert.match(dry.stderr, new RegExp(`^--fix would fix ${promised} problems, changing 7 files \\(nothing was written\\):\\n`));
      assert.equal(/q8Zt4vN2|Hw4pXe9L|v7Gq-2mX/.test(dry.stderr), false, "secrets are redacted in the dry run");

      const fixed = runCli(root, ["--fix"]);
      assert.equal(fixed.stderr.split("\n")[0], `Fixed ${promised} problems, changing 7 files:`);
      // .env is git-ignored, and listed like every other file.
      assert.deepEqual(fixed.stderr.split("\n").slice(1, -1), ["  .env", "  .env.example", "  docker-compose.yml", "  src/config.ts", "  src/jobs/receipts.ts", "  src/lib/db.ts", "  src/lib/payments.ts"]);
      assert.equal(json(root).summary.fixable, 0, "nothing fixable is left after one --fix");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("counts a fix that needs review (the SIGTERM handler) apart, never as fixable", () => {
    const project = writeProject({ ...SERVICE, "src/server.ts": `import express from "express";\nconst app = express();\napp.listen(process.env.PORT);\n` });
    try {
      const text = runCli(project.root, []);
      assert.match(text.stdout, /\n✖ 1 problem \(0 errors, 0 warnings, 1 info\)\n {2}1 problem with a suggested fix to review in the editor\.\n$/);
      assert.deepEqual(json(project.root).summary, { problems: 1, errors: 0, warnings: 0, infos: 1, fixable: 0, suggested: 1 });
      assert.equal(runCli(project.root, ["--fix"]).stderr, "No safe fixes to apply.\n");
      assert.equal(runCli(project.root, ["--fix-dry-run"]).stderr, "No safe fixes to apply.\n");
    } finally {
      project.cleanup();
    }
  });

  it("four undocumented variables and one read twice: five problems promised, dry-run shown, five fixed in one run", () => {
    const config = `export const config = {\n  db: process.env.DATABASE_URL,\n  redis: process.env.REDIS_URL,\n  again: process.env.REDIS_URL,\n  mail: process.env.SMTP_HOST,\n  token: process.env.API_TOKEN,\n};\n`;
    const project = writeProject({ ...SERVICE, ".env.example": "PORT=\n", "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n', "src/config.ts": config });
    try {
      assert.match(runCli(project.root, []).stdout, /\n✖ 5 problems \(0 errors, 5 warnings, 0 infos\)\n {2}5 problems are fixable with --fix\.\n$/);
      const dry = runCli(project.root, ["--fix-dry-run"]);
      assert.equal(dry.stderr, "--fix would fix 5 problems, changing 1 file (nothing was written):\n\n--- .env.example\n@@ line 2 @@\n+DATABASE_URL=\n+REDIS_URL=\n+SMTP_HOST=\n+API_TOKEN=\n");
      assert.equal(project.read(".env.example"), "PORT=\n");
      assert.deepEqual(runCli(project.root, ["--fix"]), { code: 0, stdout: "✔ No problems found (6 files checked).\n", stderr: "Fixed 5 problems, changing 1 file:\n  .env.example\n" });
      assert.equal(project.read(".env.example"), "PORT=\nDATABASE_URL=\nREDIS_URL=\nSMTP_HOST=\nAPI_TOKEN=\n");
    } finally {
      project.cleanup();
    }
  });

  it("shows a source change as the lines before and after, and refuses --fix with --fix-dry-run", () => {
    const project = writeProject({ ...SERVICE, "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n', "src/server.ts": "const app = express();\n\napp.listen(3000);\n" });
    try {
      assert.equal(runCli(project.root, ["--fix-dry-run"]).stderr, "--fix would fix 1 problem, changing 1 file (nothing was written):\n\n--- src/server.ts\n@@ line 3 @@\n-app.listen(3000);\n+app.listen(Number(process.env.PORT ?? 3000));\n");
      assert.deepEqual(runCli(project.root, ["--fix", "--fix-dry-run"]).code, 2);
    } finally {
      project.cleanup();
    }
  });
});
