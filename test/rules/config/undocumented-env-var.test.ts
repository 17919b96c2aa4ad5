import assert from "node:assert/strict";
import path from "node:path";
import { it } from "node:test";
import { Engine } from "../../../server/src/engine/analyzer";
import { applyFixes } from "../../../server/src/engine/applyFixes";
import { undocumentedEnvVar } from "../../../server/src/rules/config/undocumented-env-var";
import { runRuleTests } from "../../helpers/ruleTester";
import { writeProject } from "../../helpers/project";

const msg = (name: string, holder = "process.env"): string =>
  `${holder}.${name} is read but not listed in .env.example; add ${name}= there so every deploy knows to set it.`;

const example = { ".env.example": "DATABASE_URL=\n" };

runRuleTests(undocumentedEnvVar, {
  valid: [
    // Documented variables, in every read form.
    { code: `const url = process.env.DATABASE_URL;`, files: example },
    { code: `const url = process.env["DATABASE_URL"];`, files: example },
    { code: `const { DATABASE_URL } = process.env;`, files: example },
    { code: `const url = import.meta.env.VITE_API_URL;`, files: { ".env.example": "VITE_API_URL=\n" } },
    { name: "export, spaces and CRLF in .env.example", code: `use(process.env.A, process.env.B);`, files: { ".env.example": "export A=1\r\n  B = x\r\n" } },
    { name: "a commented-out key documents an optional variable", code: `const level = process.env.LOG_LEVEL;`, files: { ".env.example": "DATABASE_URL=\n# LOG_LEVEL=info\n" } },
    // Variables the platform sets.
    { code: `if (process.env.NODE_ENV === "production") enableCache();`, files: example },
    { code: `app.listen(process.env.PORT ?? 3000);`, files: example },
    { code: `const home = process.env.HOME + process.env.PATH + process.env.PWD + process.env.HOSTNAME + process.env.TZ;`, files: example },
    { code: `const onCi = Boolean(process.env.CI);`, files: example },
    { code: `const version = process.env.npm_package_version;`, files: example },
    { code: `const url = process.env.VERCEL_URL ?? process.env.VERCEL;`, files: example },
    { code: `const { NODE_ENV, PORT } = process.env;`, files: example },
    { code: `if (import.meta.env.DEV || import.meta.env.MODE === "test") debug();`, files: example },
    // Reads in test files.
    { code: `const key = process.env.STRIPE_KEY;`, filename: "test/billing.test.ts", files: example },
    { code: `const key = process.env.STRIPE_KEY;`, filename: "src/__tests__/billing.ts", files: example },
    // Projects without a .env.example.
    { code: `const key = process.env.STRIPE_KEY;` },
    { code: `const key = process.env.STRIPE_KEY;`, files: { ".env": "STRIPE_KEY=\n", ".gitignore": ".env\n" } },
    // A git-ignored template is the app's env file, not a contract; other `.env.*` names are no templates.
    { code: `const key = process.env.STRIPE_KEY;`, files: { ".env.local.example": "A=\n", ".gitignore": ".env*\n" } },
    { code: `const key = process.env.STRIPE_KEY;`, files: { ".env.local": "A=\n", ".env.production": "B=\n" } },
    // Dynamic keys, rest elements, writes.
    { code: `export function read(name: string) { return process.env[name]; }`, files: example },
    { code: `const { DATABASE_URL, ...rest } = process.env;`, files: example },
    { code: `process.env.TOKEN = "set-by-test";\ndelete process.env.OTHER;`, files: example },
    // Methods of the env object are not variables.
    { code: `if (process.env.hasOwnProperty("DATABASE_URL")) connect();`, files: example },
    // Someone else's `process` or `env`.
    { code: `const process = { env: { SECRET: 1 } };\nconsole.log(process.env.SECRET);`, files: example },
    { code: `const config = { env: {} as Record<string, string> };\nconfig.env.TOKEN;`, files: example },
  ],
  invalid: [
    {
      name: "a Next.js .env.local.example is the template: reported against it, the fix appends there",
      code: `const key = process.env.STRIPE_KEY;`,
      files: { ".env.local.example": "# Copy to .env.local\nAUTH_SECRET=\n" },
      errors: [{ message: msg("STRIPE_KEY").replace(".env.example", ".env.local.example"), line: 1, column: 25, endLine: 1, endColumn: 35, severity: "warning" }],
      output: `const key = process.env.STRIPE_KEY;`,
      outputFiles: { ".env.local.example": "# Copy to .env.local\nAUTH_SECRET=\nSTRIPE_KEY=\n", ".env.example": null },
    },
    {
      name: ".env.example is preferred over .env.sample in the same folder",
      code: `const key = process.env.STRIPE_KEY;`,
      files: { ".env.sample": "A=\n", ".env.example": "B=\n" },
      errors: [{ message: msg("STRIPE_KEY"), line: 1, column: 25, endLine: 1, endColumn: 35 }],
      output: `const key = process.env.STRIPE_KEY;`,
      outputFiles: { ".env.example": "B=\nSTRIPE_KEY=\n", ".env.sample": "A=\n" },
    },
    {
      name: "process.env.X: reported on the name, fix appends X=",
      code: `const key = process.env.STRIPE_KEY;`,
      files: example,
      errors: [{ message: msg("STRIPE_KEY"), line: 1, column: 25, endLine: 1, endColumn: 35, severity: "warning" }],
      output: `const key = process.env.STRIPE_KEY;`,
      outputFiles: { ".env.example": "DATABASE_URL=\nSTRIPE_KEY=\n" },
    },
    {
      name: "process.env[\"X\"]: the name inside the quotes",
      code: `const key = process.env["STRIPE_KEY"];`,
      files: example,
      errors: [{ message: msg("STRIPE_KEY"), line: 1, column: 26, endLine: 1, endColumn: 36 }],
      output: `const key = process.env["STRIPE_KEY"];`,
      outputFiles: { ".env.example": "DATABASE_URL=\nSTRIPE_KEY=\n" },
    },
    {
      name: "destructuring: each missing key, renamed or with a default",
      code: `const { DATABASE_URL, REDIS_URL: redis = "redis://localhost" } = process.env;`,
      files: example,
      errors: [{ message: msg("REDIS_URL"), line: 1, column: 23, endLine: 1, endColumn: 32 }],
      output: `const { DATABASE_URL, REDIS_URL: redis = "redis://localhost" } = process.env;`,
      outputFiles: { ".env.example": "DATABASE_URL=\nREDIS_URL=\n" },
    },
    {
      name: "two reads of one variable: both reported, one line appended",
      code: `const a = process.env.API_TOKEN;\nconst b = process.env.API_TOKEN;`,
      files: example,
      errors: [
        { message: msg("API_TOKEN"), line: 1, column: 23, endLine: 1, endColumn: 32 },
        { message: msg("API_TOKEN"), line: 2, column: 23, endLine: 2, endColumn: 32 },
      ],
      output: `const a = process.env.API_TOKEN;\nconst b = process.env.API_TOKEN;`,
      outputFiles: { ".env.example": "DATABASE_URL=\nAPI_TOKEN=\n" },
    },
    {
      name: "CRLF .env.example without a final newline keeps CRLF",
      code: `export const secret = process.env.SESSION_SECRET;`,
      files: { ".env.example": "DATABASE_URL=\r\nPORT=" },
      errors: [{ message: msg("SESSION_SECRET"), line: 1, column: 35, endLine: 1, endColumn: 49 }],
      output: `export const secret = process.env.SESSION_SECRET;`,
      outputFiles: { ".env.example": "DATABASE_URL=\r\nPORT=\r\nSESSION_SECRET=\r\n" },
    },
    {
      name: "an empty .env.example still counts as the project's contract",
      code: `const key = process.env.STRIPE_KEY;`,
      files: { ".env.example": "" },
      errors: [{ message: msg("STRIPE_KEY"), line: 1, column: 25, endLine: 1, endColumn: 35 }],
      output: `const key = process.env.STRIPE_KEY;`,
      outputFiles: { ".env.example": "STRIPE_KEY=\n" },
    },
    {
      name: "import.meta.env (Vite) in a .tsx file",
      code: `export const api = import.meta.env.VITE_API_URL;`,
      filename: "src/app.tsx",
      files: example,
      errors: [{ message: msg("VITE_API_URL", "import.meta.env"), line: 1, column: 36, endLine: 1, endColumn: 48 }],
      output: `export const api = import.meta.env.VITE_API_URL;`,
      outputFiles: { ".env.example": "DATABASE_URL=\nVITE_API_URL=\n" },
    },
    {
      name: "import process from node:process; parentheses and a non-null assertion",
      code: `import process from "node:process";\nconst key = (process.env).MAILER_KEY!;`,
      files: example,
      errors: [{ message: msg("MAILER_KEY"), line: 2, column: 27, endLine: 2, endColumn: 37 }],
      output: `import process from "node:process";\nconst key = (process.env).MAILER_KEY!;`,
      outputFiles: { ".env.example": "DATABASE_URL=\nMAILER_KEY=\n" },
    },
    {
      name: "a read with a fallback is still a read; scripts are app code too",
      code: `const level = process.env.LOG_LEVEL ?? "info";`,
      filename: "scripts/migrate.js",
      files: example,
      errors: [{ message: msg("LOG_LEVEL"), line: 1, column: 27, endLine: 1, endColumn: 36 }],
      output: `const level = process.env.LOG_LEVEL ?? "info";`,
      outputFiles: { ".env.example": "DATABASE_URL=\nLOG_LEVEL=\n" },
    },
    {
      name: "PORT-like names are not the platform's PORT; Bun.env",
      code: `const port = Bun.env.METRICS_PORT;`,
      files: example,
      errors: [{ message: msg("METRICS_PORT", "Bun.env"), line: 1, column: 22, endLine: 1, endColumn: 34 }],
      output: `const port = Bun.env.METRICS_PORT;`,
      outputFiles: { ".env.example": "DATABASE_URL=\nMETRICS_PORT=\n" },
    },
  ],
});

it("config/undocumented-env-var: fix-all documents several variables of one file over passes, in order", async () => {
  const project = writeProject({ ".env.example": "DATABASE_URL=\n", "src/index.ts": `const a = process.env.B_KEY;\nconst b = process.env.A_KEY;\nconst c = process.env.B_KEY;\n` });
  try {
    const file = path.join(project.root, "src/index.ts");
    const analyze = (): ReturnType<Engine["analyzeFile"]>["findings"] => new Engine({ root: project.root, rules: [undocumentedEnvVar] }).analyzeFile(file).findings;
    assert.equal(analyze().length, 3);
    const result = await applyFixes({ root: project.root, findings: analyze(), reanalyze: () => analyze() });
    assert.equal(project.read(".env.example"), "DATABASE_URL=\nB_KEY=\nA_KEY=\n");
    assert.equal(result.fixesApplied, 3);
    assert.deepEqual(analyze(), []);
  } finally {
    project.cleanup();
  }
});

it("config/undocumented-env-var: the trigger selects env reads and skips files without any", () => {
  for (const code of [`process.env.X`, `process.env["X"]`, `const { X } = process.env;`, `import.meta.env.VITE_X`, `Bun.env.X`]) {
    assert.ok(undocumentedEnvVar.trigger.test(code), code);
  }
  assert.equal(undocumentedEnvVar.trigger.test(`import express from "express";\nconst app = express();\napp.listen(port);`), false);
});
