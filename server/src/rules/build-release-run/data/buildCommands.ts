/**
 * Library knowledge for build-release-run/build-at-runtime: commands that install dependencies,
 * compile or bundle, or run TypeScript through a compile-on-the-fly loader. A new tool is a row.
 */

/** Package managers: the subcommands that install dependencies and those that run a script. */
export interface PackageManagerRow {
  /** Install subcommands; `""` stands for the bare command (`yarn` alone installs). */
  install: ReadonlySet<string>;
  run: ReadonlySet<string>;
  /**
   * Whether `<pm> <name>` runs the script `name` (or else the package bin of that name), as
   * `yarn build` and `pnpm build` do; `npm build` does not.
   */
  implicitRun: boolean;
  /** Subcommands that are neither (`yarn workspace`, `pnpm why` …), never taken for a script name. */
  builtins: ReadonlySet<string>;
}

export const PACKAGE_MANAGERS: ReadonlyMap<string, PackageManagerRow> = new Map([
  ["npm", { install: new Set(["install", "i", "in", "ins", "inst", "insta", "instal", "isntall", "add", "ci", "clean-install", "ic", "install-clean"]), run: new Set(["run", "run-script", "rum", "urn"]), implicitRun: false, builtins: new Set<string>() }],
  ["yarn", { install: new Set(["", "install", "add"]), run: new Set(["run"]), implicitRun: true, builtins: new Set(["start", "test", "node", "workspace", "workspaces", "why", "info", "config", "cache", "bin", "dlx", "exec", "global", "link", "unlink", "remove", "upgrade", "up", "set", "version", "init", "create", "pack", "publish", "npm", "plugin", "constraints", "explain"]) }],
  ["pnpm", { install: new Set(["install", "i", "add", "ci"]), run: new Set(["run", "run-script"]), implicitRun: true, builtins: new Set(["start", "test", "exec", "dlx", "why", "store", "config", "bin", "root", "list", "ls", "outdated", "remove", "rm", "update", "up", "link", "unlink", "pack", "publish", "create", "init", "env", "setup", "server", "deploy", "fetch", "prune", "rebuild"]) }],
  ["bun", { install: new Set(["install", "i", "add"]), run: new Set(["run"]), implicitRun: false, builtins: new Set<string>() }],
]);

/**
 * Launchers that run the program after them: `npx tsc`, `pnpm exec tsc`, `cross-env NODE_ENV=x
 * ts-node`, `dotenv -e .env -- node`. `words` is how many words name the launcher; `valued`
 * the options that take a value.
 */
export const LAUNCHERS: ReadonlyArray<{ words: readonly string[]; valued: ReadonlySet<string> }> = [
  { words: ["npx"], valued: new Set(["-p", "--package", "-c", "--call"]) },
  { words: ["bunx"], valued: new Set(["-p", "--package"]) },
  { words: ["pnpx"], valued: new Set<string>() },
  { words: ["npm", "exec"], valued: new Set(["-p", "--package", "-c", "--call"]) },
  { words: ["npm", "x"], valued: new Set(["-p", "--package"]) },
  { words: ["pnpm", "exec"], valued: new Set<string>() },
  { words: ["pnpm", "dlx"], valued: new Set<string>() },
  { words: ["yarn", "dlx"], valued: new Set(["-p", "--package"]) },
  { words: ["yarn", "exec"], valued: new Set<string>() },
  { words: ["cross-env"], valued: new Set<string>() },
  { words: ["cross-env-shell"], valued: new Set<string>() },
  { words: ["dotenv"], valued: new Set(["-e", "-c", "-v", "-p"]) },
  { words: ["env-cmd"], valued: new Set(["-f", "--file", "-e", "--environments", "-r", "--rc-file"]) },
];

/**
 * Compilers and bundlers. `subcommands`: the tool only builds with one of them (`next build`,
 * not `next start`); absent, any use compiles (`tsc`, `webpack`, `babel`).
 */
export const BUILD_TOOLS: ReadonlyMap<string, { subcommands?: ReadonlySet<string> }> = new Map([
  ["tsc", {}],
  ["webpack", {}],
  ["webpack-cli", {}],
  ["esbuild", {}],
  ["rollup", {}],
  ["babel", {}],
  ["swc", {}],
  ["tsup", {}],
  ["microbundle", {}],
  ["ncc", { subcommands: new Set(["build"]) }],
  ["parcel", { subcommands: new Set(["build"]) }],
  ["vite", { subcommands: new Set(["build"]) }],
  ["next", { subcommands: new Set(["build"]) }],
  ["nuxt", { subcommands: new Set(["build", "generate"]) }],
  ["nuxi", { subcommands: new Set(["build", "generate"]) }],
  ["nest", { subcommands: new Set(["build"]) }],
  ["ng", { subcommands: new Set(["build"]) }],
  ["gatsby", { subcommands: new Set(["build"]) }],
  ["remix", { subcommands: new Set(["build"]) }],
  ["astro", { subcommands: new Set(["build"]) }],
  ["svelte-kit", { subcommands: new Set(["build"]) }],
  ["react-scripts", { subcommands: new Set(["build"]) }],
  ["vue-cli-service", { subcommands: new Set(["build"]) }],
  ["bun", { subcommands: new Set(["build"]) }],
  // Generated code (the Prisma client) belongs to the build too.
  ["prisma", { subcommands: new Set(["generate"]) }],
]);

/** Programs that compile TypeScript (or newer JavaScript) in memory every time they start the app. */
export const TS_RUNNERS: ReadonlySet<string> = new Set(["ts-node", "ts-node-dev", "tsnd", "ts-node-esm", "ts-node-transpile-only", "tsx", "babel-node", "esno", "esr", "sucrase-node", "vite-node", "swc-node"]);

/** `node` options that load a module before the app: with a compile hook, the same thing. */
export const NODE_PRELOAD_FLAGS: ReadonlySet<string> = new Set(["-r", "--require", "--loader", "--experimental-loader", "--import"]);

/** Modules that hook a compiler into `require`/`import`. */
export const COMPILE_HOOKS = /^(ts-node|tsx|@babel\/register|babel-register|esbuild-register|@swc\/register|@swc-node\/register|sucrase\/register|@esbuild-kit\/(cjs|esm)-loader)(\/|$)/;

/** Script names that build by their name alone (`npm run build`, `yarn build:server`). */
export const BUILD_SCRIPT_NAME = /^(build|compile|bundle|transpile)(:|$)/;

/**
 * Compose commands that run a dev loop: such a service is a local development setup, where
 * installing and compiling on start is the point, so its command is left alone.
 */
export const DEV_LOOP_WORDS: ReadonlySet<string> = new Set(["dev", "watch", "nodemon", "ts-node-dev", "tsnd", "--watch", "-w", "start:dev", "serve:dev"]);

/** Compose files named for development or tests (`docker-compose.dev.yml`, `compose.override.yaml`). */
export const DEV_COMPOSE_FILE = /(^|[.-])(dev|develop|development|local|override|test|ci)([.-]|$)/i;
