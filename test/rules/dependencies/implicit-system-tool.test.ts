import { implicitSystemTool } from "../../../server/src/rules/dependencies/implicit-system-tool";
import { runRuleTests } from "../../helpers/ruleTester";

const HTTP = "fetch() (built into Node) or an HTTP client such as undici";
const IMAGES = "an image library that ships its binaries in node_modules, such as sharp";
const ARCHIVES = "an archive library such as archiver, yauzl, tar (npm) or node:zlib";
const FFMPEG = "ffmpeg-static / ffprobe-static and spawn the path they export";

const msg = (label: string, tool: string, instead: string): string =>
  `${label} runs \`${tool}\`, a system tool the app neither declares nor ships; install it explicitly in the image or buildpack, or use ${instead}.`;

const CP = `import { exec, execSync, spawn, execFile } from "node:child_process";\n`;

runRuleTests(implicitSystemTool, {
  valid: [
    // Node itself and its package tools come with the runtime.
    { code: `${CP}spawn("node", ["worker.js"]);` },
    { code: `${CP}exec("npm run build");` },
    { code: `${CP}execSync("npx prisma migrate deploy");` },
    { code: `${CP}spawn(process.execPath, ["worker.js"]);` },
    // Binaries from node_modules/.bin, by path or installed there by a declared package.
    { code: `${CP}execFile("./node_modules/.bin/tsc", ["-p", "."]);` },
    { code: `${CP}spawn("node_modules/.bin/esbuild", []);` },
    {
      name: "a tool a package installs into node_modules/.bin",
      code: `${CP}spawn("convert", ["a.png", "b.jpg"]);`,
      files: { "package.json": `{ "dependencies": { "imagemagick-bin": "1.0.0" } }`, "node_modules/.bin/convert": "#!/bin/sh\n" },
    },
    // A path exported by a declared package (ffmpeg-static) is the app's own binary.
    { code: `import ffmpegPath from "ffmpeg-static";\nimport { spawn } from "node:child_process";\nspawn(ffmpegPath!, ["-i", "in.mp4", "out.webm"]);` },
    // The app's own scripts and vendored binaries.
    { code: `${CP}exec("./scripts/backup.sh");` },
    { code: `${CP}execFile("bin/ffmpeg", ["-i", "x"]);` },
    { code: `${CP}spawn("../tools/convert", []);` },
    { code: `${CP}spawn("/app/vendor/ffmpeg", []);` },
    // Test folders and tool configuration run on developer machines and CI.
    { code: `${CP}execSync("git rev-parse HEAD");`, filename: "test/setup.ts" },
    { code: `${CP}execSync("git rev-parse HEAD");`, filename: "src/__tests__/build.spec.ts" },
    { code: `${CP}const sha = execSync("git rev-parse --short HEAD").toString();\nexport default { define: { SHA: sha } };`, filename: "vite.config.ts" },
    // Unknown or dynamic commands.
    { code: `${CP}export function run(cmd: string) { return exec(cmd); }` },
    { code: `${CP}export function run(tool: string) { return exec(\`\${tool} --version\`); }` },
    { code: `${CP}exec(process.env.CONVERT_CMD!);` },
    // A tool name as an argument, not as the program.
    { code: `${CP}exec("echo curl is not needed");` },
    { code: `${CP}spawn("grep", ["-r", "git", "."]);` },
    { code: `${CP}exec("ls -la && grep -c tar files.txt");` },
    // POSIX basics are everywhere; a shell without -c runs a script file.
    { code: `${CP}exec("mkdir -p out && cp a b");` },
    { code: `${CP}spawn("sh", ["./scripts/deploy.sh"]);` },
    // Not child_process: a local function and an unrelated module.
    { code: `function exec(command: string) { return command; }\nexec("curl -s https://example.com");` },
    { code: `import { exec } from "./db";\nexec("psql");` },
    // A comment is not a command.
    { code: `${CP}exec("# curl would go here\\nnpm ci");` },
  ],
  invalid: [
    {
      name: "exec: the first word of the shell string, and every command of a pipeline",
      code: `${CP}exec("curl -s https://example.com/a.tgz | tar xz");`,
      errors: [
        { message: msg("exec()", "curl", HTTP), line: 2, column: 7, endLine: 2, endColumn: 11, severity: "info" },
        { message: msg("exec()", "tar", ARCHIVES), line: 2, column: 43, endLine: 2, endColumn: 46, severity: "info" },
      ],
    },
    {
      name: "node: prefix, destructured require",
      code: `const { spawn } = require("node:child_process");\nspawn("ffmpeg", ["-i", input, output]);`,
      errors: [{ message: msg("spawn()", "ffmpeg", FFMPEG), line: 2, column: 8, endLine: 2, endColumn: 14 }],
    },
    {
      name: "a namespace import, a template, sudo with options and a VAR=x assignment skipped",
      code: `import * as cp from "child_process";\ncp.execSync(\`PGPASSWORD=\${pass} sudo -u postgres pg_dump \${db} > out.sql\`);`,
      errors: [{ message: msg("cp.execSync()", "pg_dump", "the pg driver"), line: 2, column: 50, endLine: 2, endColumn: 57 }],
    },
    {
      name: "execFile with an absolute system path",
      code: `${CP}execFile("/usr/bin/convert", ["in.png", "out.jpg"]);`,
      errors: [{ message: msg("execFile()", "convert", IMAGES), line: 2, column: 11, endLine: 2, endColumn: 27 }],
    },
    {
      name: "a constant command: reported on the argument that names it",
      code: `${CP}const MAGICK = "magick";\nspawn(MAGICK, ["in.png", "out.webp"]);`,
      errors: [{ message: msg("spawn()", "magick", IMAGES), line: 3, column: 7, endLine: 3, endColumn: 13 }],
    },
    {
      name: "a command constant from another file",
      code: `${CP}import { BACKUP } from "./commands";\nexecSync(BACKUP);`,
      files: { "src/commands.ts": `export const BACKUP = "mongodump --archive=backup.gz";\n` },
      errors: [{ message: msg("execSync()", "mongodump", "the mongodb driver"), line: 3, column: 10, endLine: 3, endColumn: 16 }],
    },
    {
      name: "util.promisify(exec) under another name",
      code: `import { exec } from "child_process";\nimport util from "node:util";\nconst run = util.promisify(exec);\nawait run("git rev-parse HEAD");`,
      errors: [{ message: msg("run()", "git", "isomorphic-git or the hosting provider's API"), line: 4, column: 12, endLine: 4, endColumn: 15 }],
    },
    {
      name: "sh -c hides the real command",
      code: `${CP}spawn("sh", ["-c", "cd /tmp && zip -r site.zip public"]);`,
      errors: [{ message: msg("spawn()", "zip", ARCHIVES), line: 2, column: 32, endLine: 2, endColumn: 35 }],
    },
    {
      name: "zx $ template",
      code: `import { $ } from "zx";\nawait $\`wget -q \${url} -O page.html\`;`,
      errors: [{ message: msg("$`…`", "wget", HTTP), line: 2, column: 9, endLine: 2, endColumn: 13 }],
    },
    {
      name: "execa file and arguments, and execa's $ with options",
      code: `import { execa, $ } from "execa";\nawait execa("pdftk", [a, "cat", "output", b]);\nawait $({ cwd })\`unzip \${file}\`;`,
      errors: [
        { message: msg("execa()", "pdftk", "a PDF library such as pdf-lib or pdfjs-dist"), line: 2, column: 14, endLine: 2, endColumn: 19 },
        { message: msg("$({ cwd })`…`", "unzip", ARCHIVES), line: 3, column: 18, endLine: 3, endColumn: 23 },
      ],
    },
    {
      name: "cross-spawn and shelljs",
      code: `import spawn from "cross-spawn";\nimport shell from "shelljs";\nspawn.sync("python3", ["tool.py"]);\nshell.exec("openssl rand -hex 16");`,
      errors: [
        { message: msg("spawn.sync()", "python3", "a Node implementation or a separate service that declares its own runtime"), line: 3, column: 13, endLine: 3, endColumn: 20 },
        { message: msg("shell.exec()", "openssl", "node:crypto"), line: 4, column: 13, endLine: 4, endColumn: 20 },
      ],
    },
    {
      name: "string concatenation",
      code: `${CP}exec("gs -sDEVICE=png16m -o " + out + " " + input);`,
      errors: [{ message: msg("exec()", "gs", "a PDF library such as pdf-lib or pdfjs-dist"), line: 2, column: 7, endLine: 2, endColumn: 9 }],
    },
    {
      name: "an escape sequence before the tool: the whole literal is reported",
      code: `${CP}exec("cd /srv\\ncurl -O https://example.com/x");`,
      errors: [{ message: msg("exec()", "curl", HTTP), line: 2, column: 6, endLine: 2, endColumn: 46 }],
    },
    {
      name: "one-off scripts are reported too (at lower severity)",
      code: `${CP}execSync("pg_dump app > backup.sql");`,
      filename: "scripts/backup.ts",
      errors: [{ message: msg("execSync()", "pg_dump", "the pg driver"), line: 2, column: 11, endLine: 2, endColumn: 18, severity: "info" }],
    },
    {
      name: "require(...).exec without a binding, in a .js file",
      code: `require("child_process").exec("ffprobe -v quiet " + file, cb);`,
      filename: "src/probe.js",
      errors: [{ message: msg('require("child_process").exec()', "ffprobe", FFMPEG), line: 1, column: 32, endLine: 1, endColumn: 39 }],
    },
  ],
});
