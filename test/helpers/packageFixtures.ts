/** Fixture projects for the package and fix-scope tests (CLI, engine and language server). */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** An npm-workspaces root: `apps/a` handles SIGTERM and documents its variables, `apps/b` does neither. */
export const WORKSPACE: Record<string, string> = {
  "package.json": json({ name: "acme", private: true, workspaces: ["apps/*"] }),
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n",
  ".env.example": "ROOT_ONLY=\n",
  "apps/a/package.json": json({ name: "a", dependencies: { express: "^4.19.2" } }),
  "apps/a/.env.example": "PORT=\nDATABASE_URL=\n",
  "apps/a/src/server.ts": [
    'import express from "express";',
    "const app = express();",
    "const db = process.env.DATABASE_URL;",
    "const server = app.listen(process.env.PORT);",
    'process.on("SIGTERM", () => server.close());',
    "",
  ].join("\n"),
  "apps/b/package.json": json({ name: "b", dependencies: { express: "^4.19.2" } }),
  "apps/b/.env.example": "PORT=\n",
  "apps/b/src/server.ts": [
    'import express from "express";',
    "const app = express();",
    "const token = process.env.API_TOKEN;",
    "app.listen(process.env.PORT);",
    "",
  ].join("\n"),
};

/**
 * An app that loads its git-ignored `.env.example` as its env file (nine real values), with one
 * fixable finding whose fix would, before, have appended to that file.
 */
/** Assembled at run time, so the repository itself does not trip secret scanners. */
const fake = (...parts: string[]): string => parts.join("");
export const LOADED_EXAMPLE = [
  "PORT=8080",
  "DB_HOST=db.internal",
  "DB_USER=shop",
  `DB_PASSWORD=${fake("Vq7x", "L2pR9mWz4K")}`,
  "REDIS_URL=redis://cache.internal:6379",
  "SMTP_HOST=mail.internal",
  "SMTP_USER=mailer",
  `SMTP_PASSWORD=${fake("Ht5n", "B8wQ3cXe6J")}`,
  `SESSION_SECRET=${fake("Zr4m", "N7vK2pL9xQ8w")}`,
  "",
].join("\n");

export const IGNORED_EXAMPLE_APP: Record<string, string> = {
  "package.json": JSON.stringify({ name: "shop", dependencies: { dotenv: "^16.0.0", pg: "^8.0.0" } }),
  "package-lock.json": "{}\n",
  ".gitignore": "node_modules\n.env\n.env.example\n",
  ".env.example": LOADED_EXAMPLE,
  "src/db.ts": 'import "dotenv/config";\nimport { Pool } from "pg";\n\nexport const pool = new Pool({ connectionString: "postgres://db.internal:5432/shop" });\n',
};

