import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { ensureBuilt, runCli } from "./cli/helpers";

/**
 * Realistic multi-file projects, one per framework or deploy style, each exercising several rules
 * at once. Every expected list is complete: a trap that starts being flagged, or a hit that stops,
 * fails here. Fake secrets are written at run time (`__TOKEN__` placeholders) so that the
 * repository itself never holds one.
 */
const PROJECTS = path.resolve(__dirname, "fixtures/projects");
const TOKENS: Record<string, string> = {
  __STRIPE_LIVE_KEY__: "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc9T",
};

const copies: string[] = [];
after(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

function copyWithTokens(name: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `tfl-project-${name}-`));
  copies.push(root);
  fs.cpSync(path.join(PROJECTS, name), root, { recursive: true });
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        const text = fs.readFileSync(full, "utf8");
        const replaced = text.replace(/__[A-Z_]+__/g, (token) => TOKENS[token] ?? token);
        if (replaced !== text) fs.writeFileSync(full, replaced);
      }
    }
  };
  visit(root);
  return root;
}

interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  range: { start: { line: number; column: number } };
}

function audit(name: string): string[] {
  const run = runCli(copyWithTokens(name), [".", "--format", "json"]);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  return report.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId}`);
}

const EXPECTED: Record<string, string[]> = {
  // Express + pg + express-session, deployed with a Dockerfile, compose file and Procfile.
  "express-api": [
    ".env:1:1 warning config/env-file-not-ignored",
    "Dockerfile:6:20 error config/secret-in-project-file",
    "Dockerfile:7:9 info build-release-run/build-at-runtime",
    "package.json:7:15 info build-release-run/build-at-runtime",
    "src/index.ts:9:9 info processes/no-in-memory-session",
    "src/index.ts:11:43 info backing-services/hardcoded-service-url",
    "src/index.ts:12:39 warning config/undocumented-env-var",
    "src/index.ts:23:1 info disposability/no-graceful-shutdown",
  ],
  // NestJS + TypeORM; shutdown hooks enabled, a multi-stage Dockerfile that builds in RUN.
  "nest-app": [
    "src/app.module.ts:11:7 info admin-processes/schema-sync-on-boot",
    "src/users/users.service.ts:2:25 info dependencies/undeclared-dependency",
  ],
  // Fastify (ESM) with close-with-grace, pino, @fastify/session, mongoose; yarn.
  "fastify-service": [
    "package.json:13:16 info dependencies/unpinned-version",
    "src/server.js:9:16 warning logs/no-file-logging",
    "src/server.js:14:1 info processes/no-in-memory-session",
    "src/server.js:16:24 info backing-services/hardcoded-service-url",
    "src/server.js:24:26 warning port-binding/no-fixed-port",
  ],
  // Koa with a Redis session store and a SIGTERM handler in another file; winston.
  "koa-app": [
    "src/logger.ts:7:16 warning logs/no-file-logging",
  ],
  // Next.js: a server component, a client component, an API route; pnpm.
  "next-app": [
    "components/CheckoutButton.tsx:8:21 warning config/secret-in-client-bundle",
    "package.json:8:15 info build-release-run/build-at-runtime",
  ],
  // A BullMQ worker: cluster for cores, ffmpeg for thumbnails, a PID file; no port.
  "queue-worker": [
    "src/worker.ts:8:32 info backing-services/hardcoded-service-url",
    "src/worker.ts:11:17 info concurrency/no-daemon-or-pidfile",
    "src/worker.ts:17:13 info dependencies/implicit-system-tool",
  ],
  // npm workspaces: a deep import into a sibling workspace is fine, climbing out of the repo is not.
  monorepo: [
    "packages/api/package.json:10:17 info dependencies/unpinned-version",
    "packages/api/src/index.ts:5:27 info codebase/no-out-of-repo-import",
  ],
};

describe("fixture projects: the complete list of findings", () => {
  ensureBuilt();
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, () => {
      const actual = audit(name);
      if (process.env.TFL_PRINT_PROJECTS) console.log(name, JSON.stringify(actual, null, 2));
      assert.deepEqual(actual, expected);
    });
  }
});
