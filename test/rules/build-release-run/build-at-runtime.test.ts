import { buildAtRuntime } from "../../../server/src/rules/build-release-run/build-at-runtime";
import { runRuleTests } from "../../helpers/ruleTester";

const build = (where: string, what: string, via = ""): string =>
  `${where} runs \`${what}\`${via} every time the app starts; build once in the build stage and start the built output (for example node dist/server.js).`;
const install = (where: string, what: string): string =>
  `${where} runs \`${what}\` every time the app starts; install dependencies once in the build stage (npm ci in the Dockerfile or buildpack) and start the built release.`;
const runner = (where: string, what: string, via = ""): string =>
  `${where} starts the app through \`${what}\`${via}, which compiles the code on every start; compile it in the build stage and run the output with node.`;

const pkg = (scripts: Record<string, string>): string => `${JSON.stringify({ name: "api", scripts }, null, 2)}\n`;

runRuleTests(buildAtRuntime, {
  valid: [
    // Starting the built output.
    { filename: "package.json", code: pkg({ start: "node dist/server.js", build: "tsc -p ." }) },
    { filename: "package.json", code: pkg({ start: "next start", build: "next build" }) },
    { filename: "package.json", code: pkg({ start: "node -r dotenv/config dist/server.js" }) },
    // Dev, watch and test scripts may compile and run TypeScript directly.
    { filename: "package.json", code: pkg({ start: "node dist/index.js", dev: "tsx watch src/index.ts", watch: "tsc -w", test: "ts-node test/run.ts", "start:dev": "nest start --watch" }) },
    // Lifecycle hooks of dev scripts (and install/build hooks) are not part of starting the app.
    { filename: "package.json", code: pkg({ start: "node dist/index.js", predev: "npm run build", "prestart:dev": "tsc", postinstall: "tsc", prepare: "npm run build", prebuild: "rimraf dist" }) },
    // A script followed by name that does not build (a migration is a release-phase task, not a build).
    { filename: "package.json", code: pkg({ start: "npm run migrate && node dist/server.js", migrate: "prisma migrate deploy" }) },
    // A start script that cannot be followed (no such script) is not guessed at.
    { filename: "package.json", code: pkg({ start: "npm run boot", serve: "node dist/server.js" }) },
    // Build steps in RUN; the image starts the built output.
    { filename: "Dockerfile", code: `FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nRUN npx tsc -p .\n\nFROM node:20-slim\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n` },
    { filename: "Dockerfile", code: `FROM node:20\nCMD ["npm", "start"]\n` },
    { filename: "Dockerfile", code: `FROM node:20\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD node dist/server.js\n` },
    // Procfile: the built output, and a release-phase migration.
    { filename: "Procfile", code: `web: node dist/server.js\nrelease: npx prisma migrate deploy\nworker: npm run worker\n` },
    { filename: "Procfile", code: `web: npm start\n` },
    // Compose files for development, and services that run a dev loop.
    { filename: "docker-compose.dev.yml", code: `services:\n  api:\n    image: node:20\n    command: sh -c "npm install && node dist/server.js"\n` },
    { filename: "compose.override.yaml", code: `services:\n  api:\n    command: ["npx", "tsx", "src/index.ts"]\n` },
    { filename: "docker-compose.yml", code: `services:\n  api:\n    image: node:20\n    command: sh -c "npm install && npm run dev"\n  web:\n    image: node:20\n    command: ["npx", "nodemon", "--exec", "ts-node", "src/web.ts"]\n` },
    // Project files in test folders.
    { filename: "test/fixtures/app/package.json", code: pkg({ start: "tsc && node dist" }) },
  ],
  invalid: [
    {
      name: "npm run build in the start script",
      filename: "package.json",
      code: pkg({ start: "npm run build && node dist/server.js", build: "tsc" }),
      errors: [{ message: build('The "start" script', "npm run build"), line: 4, column: 15, endLine: 4, endColumn: 28, severity: "info" }],
    },
    {
      name: "prestart runs on every npm start, in production too",
      filename: "package.json",
      code: pkg({ prestart: "npm ci --omit=dev && tsc", start: "node dist/index.js" }),
      errors: [
        { message: install('The "prestart" script', "npm ci"), line: 4, column: 18, endLine: 4, endColumn: 24 },
        { message: build('The "prestart" script', "tsc"), line: 4, column: 39, endLine: 4, endColumn: 42 },
      ],
    },
    {
      name: "ts-node, tsx and node compile hooks as the production runner",
      filename: "package.json",
      code: pkg({ start: "ts-node src/index.ts", serve: "npx tsx src/index.ts", prod: "node -r ts-node/register src/index.ts", server: "NODE_ENV=production node --import=tsx src/index.ts" }),
      errors: [
        { message: runner('The "start" script', "ts-node"), line: 4, column: 15, endLine: 4, endColumn: 22 },
        { message: runner('The "serve" script', "tsx"), line: 5, column: 19, endLine: 5, endColumn: 22 },
        { message: runner('The "prod" script', "-r ts-node/register"), line: 6, column: 19, endLine: 6, endColumn: 38 },
        { message: runner('The "server" script', "--import=tsx"), line: 7, column: 41, endLine: 7, endColumn: 53 },
      ],
    },
    {
      name: "a script followed by name, and a start script that delegates is not reported twice",
      filename: "package.json",
      code: pkg({ start: "npm run setup && node dist", setup: "rimraf dist && tsc", "start:prod": "yarn start:prod:real", "start:prod:real": "nest build && node dist/main" }),
      errors: [
        { message: build('The "start" script', "npm run setup", " (which runs `tsc`)"), line: 4, column: 15, endLine: 4, endColumn: 28 },
        { message: build('The "start:prod" script', "yarn start:prod:real", " (which runs `nest build`)"), line: 6, column: 20, endLine: 6, endColumn: 40 },
      ],
    },
    {
      name: "next build, yarn with no subcommand, and a command inside sh -c",
      filename: "package.json",
      code: pkg({ start: "next build && next start", production: "sh -c 'yarn && yarn build'" }),
      errors: [
        { message: build('The "start" script', "next build"), line: 4, column: 15, endLine: 4, endColumn: 25 },
        { message: install('The "production" script', "yarn"), line: 5, column: 27, endLine: 5, endColumn: 31 },
        { message: build('The "production" script', "yarn build"), line: 5, column: 35, endLine: 5, endColumn: 45 },
      ],
    },
    {
      name: "an escaped quote before the command word keeps the range exact",
      filename: "package.json",
      code: `{ "scripts": { "start": "echo \\"booting\\" && webpack && node dist" } }\n`,
      errors: [{ message: build('The "start" script', "webpack"), line: 1, column: 46, endLine: 1, endColumn: 53 }],
    },
    {
      name: "Procfile: web installs, worker runs ts-node",
      filename: "Procfile",
      code: `web: npm install && node dist/server.js\nworker: ts-node src/worker.ts\nrelease: npx prisma migrate deploy\n`,
      errors: [
        { message: install('The Procfile "web" process', "npm install"), line: 1, column: 6, endLine: 1, endColumn: 17 },
        { message: runner('The Procfile "worker" process', "ts-node"), line: 2, column: 9, endLine: 2, endColumn: 16 },
      ],
    },
    {
      name: "Procfile: a build script followed into package.json",
      filename: "Procfile",
      code: `web: npm run assets && node dist/server.js\n`,
      files: { "package.json": pkg({ assets: "vite build", start: "node dist/server.js" }) },
      errors: [{ message: build('The Procfile "web" process', "npm run assets", " (which runs `vite build`)"), line: 1, column: 6, endLine: 1, endColumn: 20 }],
    },
    {
      name: "Dockerfile CMD in shell form; RUN build steps are fine",
      filename: "Dockerfile",
      code: `FROM node:20\nRUN npm ci && npm run build\nCMD npm run build && \\\n    node dist/server.js\n`,
      errors: [{ message: build("The Dockerfile CMD", "npm run build"), line: 3, column: 5, endLine: 3, endColumn: 18 }],
    },
    {
      name: "Dockerfile ENTRYPOINT and CMD in exec form, sh -c included",
      filename: "Dockerfile",
      code: `FROM node:20\nENTRYPOINT ["npx", "ts-node", "src/main.ts"]\nCMD ["sh", "-c", "pnpm install && node dist"]\n`,
      errors: [
        { message: runner("The Dockerfile ENTRYPOINT", "ts-node"), line: 2, column: 21, endLine: 2, endColumn: 28 },
        { message: install("The Dockerfile CMD", "pnpm install"), line: 3, column: 19, endLine: 3, endColumn: 31 },
      ],
    },
    {
      name: "compose command, string and list forms",
      filename: "docker-compose.yml",
      code: `services:\n  api:\n    build: .\n    command: sh -c "npm ci && node dist/server.js"\n  web:\n    image: app\n    command: ["npx", "tsx", "src/index.ts"]\n`,
      errors: [
        { message: install('The command of compose service "api"', "npm ci"), line: 4, column: 21, endLine: 4, endColumn: 27 },
        { message: runner('The command of compose service "web"', "tsx"), line: 7, column: 23, endLine: 7, endColumn: 26 },
      ],
    },
  ],
});
