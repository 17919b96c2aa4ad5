/**
 * What a file is for. Every file has exactly one role; rules say in their metadata what each role
 * does to them (`RolePolicy`), and the analyzer applies that in one place. The path and name give
 * a first answer (`roleFromPath`); the project's test-runner configs and package.json scripts
 * refine it (`ProjectRoles`, cached by the project model).
 */
export type FileRole = "test" | "fixture" | "script" | "config" | "build" | "client" | "app";

export const FILE_ROLES: readonly FileRole[] = ["test", "fixture", "script", "config", "build", "client", "app"];

/** One line per role, for the docs and the README. */
export const ROLE_DESCRIPTIONS: Readonly<Record<FileRole, string>> = {
  test: "tests and their helpers: `*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`, `e2e/`, `.env.test`, `.env.e2e`, files the project's jest, vitest, mocha, playwright or cypress config or its `test` scripts select",
  fixture: "fixture, mock and seed data: `fixtures/`, `__fixtures__/`, `mocks/`, `__mocks__/`, `seeds/`, `seeders/`, `*.fixture.*`, `*.mock.*`, factories under a test or database folder",
  script: "one-off and CLI scripts: `scripts/`, `bin/`, `tools/`, `migrations/`, `bench/`, files a package.json script runs (other than `start`, `dev`, `serve` …)",
  config: "tool configuration: `*.config.*` (`vite.config.ts`, `jest.config.js`), `.*rc.js`, `Gruntfile.js`, `gulpfile.js`, files in dot-folders (`.storybook/`, `.github/`)",
  build: "build output: `dist/`, `.next/`, `.nuxt/`, `.output/`, `coverage/`, and `build/` or `out/` at a package root",
  client: "code bundled for the browser: a Next.js `pages/` file, the `src/` of a Vite or react-scripts front-end (also when an Express-style API sits beside it in `server/`)",
  app: "everything else: the code that runs the app",
};

/**
 * What a role does to a rule's findings:
 * - `on`: reported as in app code;
 * - `lowered`: reported one severity step lower (error → warning → info; info stays info);
 * - `self-identifying only`: only findings that identify themselves whatever their name (provider
 *   token formats, private keys, JWTs, URLs with a random-looking password), lowered;
 * - `off`: the rule does not look at these files.
 * In test and fixture code no fix is ever applied by `--fix` or fix-all, whatever the policy.
 */
export type RolePolicy = "on" | "lowered" | "self-identifying only" | "off";

/** Per role; a role left out is `on`, except build output, which is `off` (its source is checked). */
export type RolePolicies = Partial<Record<FileRole, RolePolicy>>;

export function policyOf(policies: RolePolicies | undefined, role: FileRole): RolePolicy {
  return policies?.[role] ?? (role === "build" ? "off" : "on");
}

/** Test and fixture code is never deployed: its findings are shown, never fixed automatically. */
export function isTestCode(role: FileRole): boolean {
  return role === "test" || role === "fixture";
}

const SOURCE_EXT = String.raw`\.[cm]?[jt]sx?$`;
const TEST_NAME = new RegExp(String.raw`\.(test|spec|e2e|cy)${SOURCE_EXT}`);
/** Set-up and helper modules named for tests (`setupTests.ts`, `test-utils.tsx`, `jest.setup.js`). */
const TEST_HELPER_NAME = new RegExp(String.raw`(^|/)((setup-?tests?|tests?-?setup|(test|testing)[-_]?(utils?|helpers?|setup))|(jest|vitest)\.setup)${SOURCE_EXT}`, "i");
/** Env files a test runner loads (`.env.test`, `.env.e2e`, `.env.test.local`): test settings, not the app's config. */
const TEST_ENV_NAME = /(^|\/)\.env(\.[^/]+)*\.(test|testing|e2e)(\.[^/]+)*$/;
const TEST_DIR = /(^|\/)(test|tests|__tests__|spec|specs|e2e|testing|cypress|playwright)\//;
const FIXTURE_DIR = /(^|\/)(fixtures|__fixtures__|mocks|__mocks__|seeds|seeders)\//;
const FIXTURE_NAME = new RegExp(String.raw`\.(fixtures?|mocks?|seeds?)${SOURCE_EXT}`);
/** Factories make test or seed data only where tests or the database live; elsewhere a factory is app code. */
const FACTORY = new RegExp(String.raw`(^|/)factories/|\.factory${SOURCE_EXT}`);
const FACTORY_HOME = /(^|\/)(test|tests|__tests__|spec|specs|e2e|testing|db|database)\//;
const SCRIPT_DIR = /(^|\/)(scripts|bin|tools|migrations|bench|benchmarks)\//;
/** Dot-folders hold tool setup (`.storybook/`, `.stylelint/`, `.github/`, `.husky/`), never the app. */
const DOT_TOOL_DIR = /(^|\/)\.[^/.][^/]*\//;
const CONFIG_NAME = /(^|\/)([^/]+\.config\.[cm]?[jt]s|\.[^/]+rc\.[cm]?js|Gruntfile\.js|gulpfile\.[cm]?[jt]s)$/;
/** Output folders of bundlers and frameworks, wherever they sit. */
const BUILD_DIR = /(^|\/)(dist|\.next|\.nuxt|\.output|\.svelte-kit|\.vercel|\.netlify|coverage|storybook-static)\//;
/** `build/` and `out/` hold output only at a package root; deeper they are often source. */
const ROOT_BUILD_DIR = /^(build|out)\//;

/**
 * The role a path and file name give, before the project's own configuration is consulted.
 * `packagePath` is the path relative to the file's package (defaults to `relativePath`).
 * Traps: `src/contest/` is not a test folder (whole folder names only); `mock-payment.ts` is app
 * code (only the `.mock.` suffix names a test double; a mock provider chosen at run time ships).
 */
export function roleFromPath(relativePath: string, packagePath: string = relativePath): FileRole {
  const path = relativePath.replace(/\\/g, "/");
  const inPackage = packagePath.replace(/\\/g, "/");
  if (TEST_NAME.test(path) || TEST_HELPER_NAME.test(path) || TEST_ENV_NAME.test(path)) return "test";
  if (FIXTURE_DIR.test(path) || FIXTURE_NAME.test(path) || (FACTORY.test(path) && FACTORY_HOME.test(path))) return "fixture";
  // A config inside a test folder (`test/playwright.config.js`) is test tooling.
  if (TEST_DIR.test(path)) return "test";
  // Before build output: `build/webpack.config.js` is the build's own config.
  if (CONFIG_NAME.test(path)) return "config";
  if (BUILD_DIR.test(path) || ROOT_BUILD_DIR.test(path) || ROOT_BUILD_DIR.test(inPackage)) return "build";
  if (DOT_TOOL_DIR.test(path)) return "config";
  if (SCRIPT_DIR.test(path)) return "script";
  return "app";
}
