/** A two-package workspace for the audit cache tests: each project file it has changes a finding. */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export const CACHE_PROJECT: Record<string, string> = {
  "package.json": json({ name: "acme", private: true, workspaces: ["apps/*"] }),
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n",
  "apps/api/package.json": json({ name: "api", dependencies: { express: "^4.19.2" } }),
  "apps/api/.env.example": "PORT=\n",
  "apps/api/.env": "API_KEY=abc\n",
  "apps/api/tsconfig.json": json({ compilerOptions: { baseUrl: ".", paths: { "@cfg/*": ["src/config/*"] } } }),
  "apps/api/src/config/ports.ts": "export const PORT = 3000;\n",
  "apps/api/src/server.ts": [
    'import express from "express";',
    'import helmet from "helmet";',
    'import { PORT } from "@cfg/ports";',
    "const app = express();",
    "app.use(helmet());",
    "const key = process.env.API_KEY;",
    "app.listen(PORT);",
    "",
  ].join("\n"),
  "apps/worker/package.json": json({ name: "worker", dependencies: {} }),
  "apps/worker/src/job.ts": "export function run(): string | undefined {\n  return process.env.QUEUE_URL;\n}\n",
};

/** `rule file:line` of each finding the project starts with, in report order. */
export const CACHE_PROJECT_FINDINGS = [
  "config/env-file-not-ignored apps/api/.env:0",
  "dependencies/undeclared-dependency apps/api/src/server.ts:1",
  "config/undocumented-env-var apps/api/src/server.ts:5",
  "disposability/no-graceful-shutdown apps/api/src/server.ts:6",
  "port-binding/no-fixed-port apps/api/src/server.ts:6",
];
