/**
 * What a file is for, judged from its project-relative path. Rules use it to skip or lower
 * findings where the Twelve-Factor concern does not apply (tests, one-off scripts, tool config).
 */
export interface FileRole {
  /** Under a test folder or named like a test (`*.test.ts`, `*.spec.js`, `__tests__/`, `fixtures/`). */
  test: boolean;
  /** A CLI, build, benchmark or one-off script (`scripts/`, `bin/`, `migrations/`, `tools/`, `bench/`). */
  script: boolean;
  /** Tool configuration such as `vite.config.ts`, `jest.config.js`, `.eslintrc.js`. */
  config: boolean;
}

const TEST_DIR = /(^|\/)(test|tests|__tests__|__mocks__|spec|specs|e2e|fixtures|__fixtures__|testing|cypress|playwright)\//;
const TEST_NAME = /\.(test|spec|e2e|cy)\.[cm]?[jt]sx?$/;
const SCRIPT_DIR = /(^|\/)(scripts|bin|tools|migrations|seeds|seeders|bench|benchmarks)\//;
const CONFIG_NAME = /(^|\/)([^/]+\.config\.[cm]?[jt]s|\.[^/]+rc\.[cm]?js|Gruntfile\.js|gulpfile\.[cm]?[jt]s)$/;

export function fileRole(relativePath: string): FileRole {
  const path = relativePath.replace(/\\/g, "/");
  return {
    test: TEST_DIR.test(path) || TEST_NAME.test(path),
    script: SCRIPT_DIR.test(path),
    config: CONFIG_NAME.test(path),
  };
}
