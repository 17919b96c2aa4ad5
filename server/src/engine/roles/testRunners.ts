import path from "node:path";
import picomatch from "picomatch";
import { parse as parseJsonc } from "jsonc-parser";
import { parse as parseYaml } from "yaml";
import type { DocumentHost } from "../host";
import { configLiterals, jsonLiterals, type ConfigKey } from "./configLiterals";

/**
 * Which files a folder's test runners run as tests, read from their config files (never executed):
 * jest (`testMatch`, `testRegex`, `roots`; `jest.config.*` or package.json's `jest`), vitest
 * (`test.include` in `vitest.config.*` or `vite.config.*`), mocha (`spec` in `.mocharc.*` or
 * package.json's `mocha`), playwright (`testDir`, `testMatch`) and cypress (`specPattern`).
 * The runners' default patterns need no config: the path rules already call those files tests.
 */
export type TestSelector = (relativeToDir: string) => boolean;

const CONFIG_EXTENSIONS = ["js", "cjs", "mjs", "ts", "cts", "mts"];
const named = (base: string): string[] => CONFIG_EXTENSIONS.map((extension) => `${base}.${extension}`);

/** The file names this module reads: editing one changes which files are tests. */
export const TEST_RUNNER_CONFIG = /(^|[\\/])((jest|vitest|vite|playwright|cypress)\.config\.[cm]?[jt]s|jest\.config\.json|vitest\.workspace\.[cm]?[jt]s|\.mocharc\.(js|cjs|mjs|json|jsonc|ya?ml))$/;

const JEST_KEYS: ConfigKey[] = [{ name: "testMatch" }, { name: "testRegex" }, { name: "roots" }];
const VITEST_KEYS: ConfigKey[] = [{ name: "include", parent: "test" }];
const MOCHA_KEYS: ConfigKey[] = [{ name: "spec" }];
const PLAYWRIGHT_KEYS: ConfigKey[] = [{ name: "testDir" }, { name: "testMatch" }];
const CYPRESS_KEYS: ConfigKey[] = [{ name: "specPattern" }];

const MATCH_OPTIONS = { dot: true } as const;

/** `<rootDir>/src/**`, `./e2e`, `/abs` → a pattern relative to the config's folder. */
function relativePattern(pattern: string): string {
  return pattern.replace(/^<rootDir>\/?/, "").replace(/^\.\//, "");
}

function globSelector(patterns: readonly string[]): TestSelector | undefined {
  const usable = patterns.map(relativePattern).filter((pattern) => pattern.length > 0 && !pattern.startsWith("!"));
  if (usable.length === 0) return undefined;
  const matchers = usable.map((pattern) => picomatch(pattern, MATCH_OPTIONS));
  return (file) => matchers.some((match) => match(file));
}

function regexSelector(sources: readonly string[]): TestSelector | undefined {
  const regexes = sources.flatMap((source) => {
    try {
      return [new RegExp(source)];
    } catch {
      return [];
    }
  });
  // Jest tests its regexes on absolute paths: a leading slash keeps `/__it__/` patterns working.
  return regexes.length === 0 ? undefined : (file) => regexes.some((regex) => regex.test(`/${file}`));
}

function under(folders: readonly string[], file: string): boolean {
  return folders.some((folder) => folder === "" || file === folder || file.startsWith(`${folder.replace(/\/$/, "")}/`));
}

function jestSelector(found: Map<string, string[]>): TestSelector | undefined {
  const match = globSelector(found.get("testMatch") ?? []) ?? regexSelector(found.get("testRegex") ?? []);
  if (!match) return undefined;
  const roots = (found.get("roots") ?? []).map(relativePattern);
  return (file) => (roots.length === 0 || under(roots, file)) && match(file);
}

/** Mocha's `spec`: globs, files, or folders whose files all run. */
function mochaSelector(found: Map<string, string[]>): TestSelector | undefined {
  const specs = (found.get("spec") ?? []).map(relativePattern);
  const globs = globSelector(specs);
  const folders = specs.filter((spec) => !picomatch.scan(spec).isGlob && !/\.[cm]?[jt]sx?$/.test(spec));
  if (!globs && folders.length === 0) return undefined;
  return (file) => globs?.(file) === true || under(folders, file);
}

function playwrightSelector(found: Map<string, string[]>): TestSelector | undefined {
  const testDir = (found.get("testDir") ?? []).map(relativePattern)[0];
  const match = globSelector(found.get("testMatch") ?? []);
  // Everything in `testDir` is test code: specs, page objects, fixtures.
  if (testDir !== undefined) return (file) => under([testDir], file);
  return match;
}

interface Runner {
  files: string[];
  keys: ConfigKey[];
  select(found: Map<string, string[]>): TestSelector | undefined;
}

const RUNNERS: Runner[] = [
  { files: [...named("jest.config"), "jest.config.json"], keys: JEST_KEYS, select: jestSelector },
  { files: [...named("vitest.config"), ...named("vite.config")], keys: VITEST_KEYS, select: (found) => globSelector(found.get("include") ?? []) },
  { files: [".mocharc.js", ".mocharc.cjs", ".mocharc.mjs", ".mocharc.json", ".mocharc.jsonc", ".mocharc.yml", ".mocharc.yaml"], keys: MOCHA_KEYS, select: mochaSelector },
  { files: named("playwright.config"), keys: PLAYWRIGHT_KEYS, select: playwrightSelector },
  { files: named("cypress.config"), keys: CYPRESS_KEYS, select: (found) => globSelector(found.get("specPattern") ?? []) },
];

function readConfig(host: DocumentHost, file: string, keys: readonly ConfigKey[]): Map<string, string[]> | undefined {
  const text = host.readFile(file);
  // A config of several hundred KiB is generated or hostile: not worth parsing to judge roles.
  if (text === undefined || text.length > 256 * 1024) return undefined;
  if (/\.jsonc?$/.test(file)) return jsonLiterals(parseJsonc(text, [], { allowTrailingComma: true }), keys);
  if (/\.ya?ml$/.test(file)) return jsonLiterals(parseYamlQuietly(text), keys);
  return configLiterals(text, file, keys);
}

function parseYamlQuietly(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

/** Everything the test runners configured in `dir` select, as one predicate over paths relative to `dir`. */
export function testSelectorsIn(host: DocumentHost, dir: string, manifest: Record<string, unknown> | undefined): TestSelector[] {
  const selectors: TestSelector[] = [];
  for (const runner of RUNNERS) {
    for (const name of runner.files) {
      const found = readConfig(host, path.join(dir, name), runner.keys);
      const selector = found && runner.select(found);
      if (selector) selectors.push(selector);
    }
  }
  const jest = jestSelector(jsonLiterals(manifest?.jest, JEST_KEYS));
  if (jest) selectors.push(jest);
  const mocha = mochaSelector(jsonLiterals(manifest?.mocha, MOCHA_KEYS));
  if (mocha) selectors.push(mocha);
  return selectors;
}
