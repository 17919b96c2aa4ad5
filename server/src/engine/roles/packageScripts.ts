import picomatch from "picomatch";

/**
 * What a package's `scripts` say about its files: the globs and files its test scripts hand to a
 * runner (`"test": "mocha 'src/**\/*.spec.js'"`), the files other scripts run with node and its
 * cousins (`"seed": "node scripts/seed.js"`, a script), and the files start scripts run (the app).
 */
export interface ScriptFacts {
  /** Paths relative to the package, without a leading `./`. */
  isTest(file: string): boolean;
  runBy(file: string): "start" | "other" | undefined;
}

/** Scripts that start the app itself, in production or while developing, with their `pre`/`post` hooks. */
export const START_SCRIPT_NAME = /^(pre|post)?(start|serve|server|dev|develop|prod|production|watch|preview)(:|$)/;
const TEST_SCRIPT_NAME = /^(pre|post)?(test|tests|e2e|spec|cy|cypress|playwright)(:|$)|:(test|e2e|spec)$/;
/** Programs that run the file named after their options. */
const RUNNERS = new Set(["node", "ts-node", "ts-node-esm", "tsx", "babel-node", "bun", "esno", "vite-node", "nodemon", "zx"]);
/** Options of those runners that take the next word as their value. */
const VALUE_OPTIONS = new Set(["-r", "--require", "--loader", "--import", "--experimental-loader", "-P", "--project", "--env-file", "--watch-path", "-w", "--watch"]);
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;

/** Words of a command line, quotes removed; `&&`, `||`, `;` and `|` end a command. */
function commandsOf(line: string): string[][] {
  const commands: string[][] = [[]];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(&&|\|\||[;|&])|([^\s"';|&]+)/g)) {
    if (match[3]) commands.push([]);
    else commands[commands.length - 1].push(match[1] ?? match[2] ?? match[4]);
  }
  return commands.filter((words) => words.length > 0);
}

const clean = (word: string): string => word.replace(/^\.\//, "");

/** The file a runner command executes: `node -r dotenv/config ./scripts/seed.js` → `scripts/seed.js`. */
function runFile(words: readonly string[]): string | undefined {
  const start = words.findIndex((word) => RUNNERS.has(word));
  if (start < 0) return undefined;
  for (let index = start + 1; index < words.length; index++) {
    const word = words[index];
    if (VALUE_OPTIONS.has(word)) index++;
    else if (word === "run" && words[start] === "bun") continue;
    else if (!word.startsWith("-")) return clean(word);
  }
  return undefined;
}

/** Test runners whose arguments name test files (`c8 mocha …`, `nyc ava …`: the runner may come later). */
const TEST_RUNNERS = new Set(["mocha", "jest", "vitest", "ava", "tap", "tape", "jasmine", "uvu", "lab", "playwright", "cypress", "_mocha"]);

/** Arguments of a test runner that name test files: globs and source files, not options (`eslint src/x.js && jest` names none). */
function testArguments(words: readonly string[]): string[] {
  let at = words.findIndex((word) => TEST_RUNNERS.has(word.replace(/^.*\//, "")));
  if (at < 0 && RUNNERS.has(words[0]) && words.includes("--test")) at = 0;
  if (at < 0) return [];
  return words.slice(at + 1).filter((word) => !word.startsWith("-") && (picomatch.scan(word).isGlob || SOURCE_FILE.test(word))).map(clean);
}

export function scriptFactsOf(scripts: Readonly<Record<string, string>>): ScriptFacts {
  const testPatterns: string[] = [];
  const run = new Map<string, "start" | "other">();
  for (const [name, line] of Object.entries(scripts)) {
    const testScript = TEST_SCRIPT_NAME.test(name);
    for (const words of commandsOf(line)) {
      if (testScript) testPatterns.push(...testArguments(words));
      const file = runFile(words);
      if (!file || testScript) continue;
      // A file that some start script runs is the app, whatever else runs it too.
      if (START_SCRIPT_NAME.test(name)) run.set(file, "start");
      else if (!run.has(file)) run.set(file, "other");
    }
  }
  const matchers = testPatterns.map((pattern) => picomatch(pattern, { dot: true }));
  return {
    isTest: (file) => matchers.some((match) => match(file)),
    // `tsx scripts/seed` names the file without its extension.
    runBy: (file) => run.get(file) ?? run.get(file.replace(SOURCE_FILE, "")),
  };
}
