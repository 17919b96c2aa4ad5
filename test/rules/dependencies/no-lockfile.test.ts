import { noLockfile } from "../../../server/src/rules/dependencies/no-lockfile";
import { runRuleTests } from "../../helpers/ruleTester";

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const msg = (file = "package.json", root = ""): string =>
  `${file} declares dependencies but has no lockfile next to it${root}; run your package manager (for example \`npm install\`) and commit the lockfile it writes.`;

const withDeps = json({ name: "app", dependencies: { express: "^4.19.2" } });

runRuleTests(noLockfile, {
  valid: [
    // Each package manager's lockfile counts.
    ...["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"].map((lockfile) => ({
      name: `${lockfile} next to package.json`,
      filename: "package.json",
      code: withDeps,
      files: { [lockfile]: "{}\n" },
    })),
    // Nothing to lock.
    { name: "no dependency sections", filename: "package.json", code: json({ name: "app", scripts: { start: "node index.js" } }) },
    { name: "empty dependency sections", filename: "package.json", code: json({ name: "app", dependencies: {}, devDependencies: {} }) },
    // Workspace members are locked by the root's lockfile.
    {
      name: "workspace member under packages/*",
      filename: "packages/api/package.json",
      code: json({ name: "@acme/api", dependencies: { fastify: "^4.0.0" } }),
      files: { "package.json": json({ name: "acme", private: true, workspaces: ["packages/*"] }), "package-lock.json": "{}\n" },
    },
    {
      name: "yarn workspaces object form with ./ prefix, two levels up",
      filename: "apps/web/client/package.json",
      code: json({ name: "client", devDependencies: { vite: "^5.0.0" } }),
      files: { "package.json": json({ private: true, workspaces: { packages: ["./apps/*/client"] } }), "yarn.lock": "\n" },
    },
    {
      name: "workspace member listed by exact path",
      filename: "services/worker/package.json",
      code: withDeps,
      files: { "package.json": json({ workspaces: ["services/worker"] }), "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" },
    },
    {
      name: "pnpm workspace member listed under importers in the root pnpm-lock.yaml",
      filename: "packages/api/package.json",
      code: withDeps,
      files: {
        "package.json": json({ name: "acme", private: true }),
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\n  packages/api:\n    dependencies:\n      express:\n        specifier: ^4.19.2\n",
      },
    },
    { name: "test fixtures are not installed", filename: "test/fixtures/app/package.json", code: withDeps },
    { name: "broken JSON is not a crash", filename: "package.json", code: `{ "dependencies": { "a": ` },
    { name: "a non-object package.json", filename: "package.json", code: `["dependencies"]` },
  ],
  invalid: [
    {
      name: "dependencies without a lockfile",
      filename: "package.json",
      code: withDeps,
      errors: [{ message: msg(), line: 3, column: 3, endLine: 3, endColumn: 17, severity: "info" }],
    },
    {
      name: "only devDependencies: reported on that key",
      filename: "package.json",
      code: json({ name: "tool", devDependencies: { typescript: "^5.4.0" }, peerDependencies: { react: "*" } }),
      errors: [{ message: msg(), line: 3, column: 3, endLine: 3, endColumn: 20 }],
    },
    {
      name: "dependencies preferred even when another kind comes first",
      filename: "package.json",
      code: json({ devDependencies: { tsx: "^4.0.0" }, dependencies: { pg: "^8.0.0" } }),
      errors: [{ message: msg(), line: 5, column: 3, endLine: 5, endColumn: 17 }],
    },
    {
      name: "a lockfile elsewhere does not count",
      filename: "package.json",
      code: withDeps,
      files: { "old/package-lock.json": "{}\n" },
      errors: [{ message: msg(), line: 3, column: 3, endLine: 3, endColumn: 17 }],
    },
    {
      name: "a workspace member whose root has no lockfile either",
      filename: "packages/api/package.json",
      code: withDeps,
      files: { "package.json": json({ private: true, workspaces: ["packages/*"] }) },
      errors: [{ message: msg("packages/api/package.json", " nor at the workspace root (.)"), line: 3, column: 3, endLine: 3, endColumn: 17 }],
    },
    {
      name: "a package outside the workspace globs is not covered by the root lockfile",
      filename: "tools/gen/package.json",
      code: withDeps,
      files: { "package.json": json({ private: true, workspaces: ["packages/*"] }), "package-lock.json": "{}\n" },
      errors: [{ message: msg("tools/gen/package.json"), line: 3, column: 3, endLine: 3, endColumn: 17 }],
    },
    {
      name: "a pnpm member missing from the root lockfile's importers",
      filename: "packages/web/package.json",
      code: withDeps,
      files: {
        "package.json": json({ name: "acme", private: true }),
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  packages/api:\n    dependencies: {}\n",
      },
      errors: [{ message: msg("packages/web/package.json"), line: 3, column: 3, endLine: 3, endColumn: 17 }],
    },
    {
      name: "a package excluded by a negated workspace glob",
      filename: "packages/legacy/package.json",
      code: withDeps,
      files: { "package.json": json({ private: true, workspaces: ["packages/*", "!packages/legacy"] }), "package-lock.json": "{}\n" },
      errors: [{ message: msg("packages/legacy/package.json"), line: 3, column: 3, endLine: 3, endColumn: 17 }],
    },
  ],
});
