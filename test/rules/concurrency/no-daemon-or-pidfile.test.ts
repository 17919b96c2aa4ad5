import rule from "../../../server/src/rules/concurrency/no-daemon-or-pidfile";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

const FOREGROUND = "run the app in the foreground and let the process manager (systemd, Docker, Kubernetes, Heroku) start, track and restart it";
const pidFile = (callee: string, display: string): string => `${callee} writes a PID file (${display}); ${FOREGROUND}, and drop the PID file.`;
const daemon = (callee: string, module: string, does = "turns the process into a background daemon"): string => `${callee} (${module}) ${does}; ${FOREGROUND}.`;
const detached = (callee: string): string => `${callee} with \`detached: true\` and \`unref()\` starts the app's own code as a background daemon; ${FOREGROUND}, and scale out by running more processes.`;

function at(code: string, snippet: string, message: string): InvalidCase["errors"][number] {
  return { message, ...spanOf(code, snippet), severity: "info" };
}

function invalid(name: string, code: string, errors: (code: string) => InvalidCase["errors"], rest: Partial<InvalidCase> = {}): InvalidCase {
  return { name, code, errors: errors(code), ...rest };
}

const valid: ValidCase[] = [
  { name: "cluster.fork() for multi-core scale-out", code: `import cluster from "node:cluster";\nimport os from "node:os";\nif (cluster.isPrimary) for (let i = 0; i < os.availableParallelism(); i++) cluster.fork();` },
  { name: "a job queue", code: `import { Queue, Worker } from "bullmq";\nconst queue = new Queue("mail");\nnew Worker("mail", async (job) => job.data);\nawait queue.add("send", {});` },
  { name: "spawn without detached", code: `import { spawn } from "node:child_process";\nconst child = spawn(process.execPath, ["worker.js"]);\nchild.unref();` },
  { name: "detached spawn of node not unref'd (the parent waits)", code: `import { spawn } from "node:child_process";\nconst child = spawn("node", ["worker.js"], { detached: true });\nchild.on("exit", () => {});` },
  { name: "a detached spawn of another binary", code: `import { spawn } from "node:child_process";\nspawn("xdg-open", [url], { detached: true, stdio: "ignore" }).unref();` },
  { name: "a state file that is not a PID file", code: `import fs from "node:fs";\nfs.writeFileSync("status.json", JSON.stringify({ pid: info.pid }));` },
  { name: "reading a PID file", code: `import fs from "node:fs";\nconst pid = Number(fs.readFileSync("/var/run/app.pid", "utf8"));` },
  { name: "logging process.pid", code: `console.log("started", process.pid);` },
  { name: "a one-off script under scripts/", code: `const fs = require("fs");\nfs.writeFileSync("tmp/app.pid", String(process.pid));`, filename: "scripts/start-local.js" },
  { name: "a test file", code: `import pm2 from "pm2";\npm2.connect(() => pm2.start({ script: "app.js" }, () => {}));`, filename: "src/pm2.test.ts" },
  { name: "a project module named daemon", code: `import daemon from "./daemon";\ndaemon();`, files: { "src/daemon.ts": `export default function daemon() { return 1; }` } },
];

const invalidCases: InvalidCase[] = [
  invalid("writing process.pid to a file", `import fs from "node:fs";\nfs.writeFileSync(process.env.PID_FILE!, String(process.pid));`, (code) => [
    at(code, `process.env.PID_FILE!`, pidFile("fs.writeFileSync", "process.env.PID_FILE")),
  ]),
  invalid("writing to a *.pid path (CommonJS, promises)", `const { writeFile } = require("fs/promises");\nawait writeFile("/var/run/api.pid", "" + pid);`, (code) => [
    at(code, `"/var/run/api.pid"`, pidFile("writeFile", `"/var/run/api.pid"`)),
  ], { filename: "src/boot.js" }),
  invalid("process.pid through a const", `import { writeFileSync } from "fs";\nconst pidText = \`\${process.pid}\\n\`;\nwriteFileSync(pidPath, pidText);`, (code) => [
    at(code, `pidPath`, pidFile("writeFileSync", "pidPath")),
  ]),
  invalid("the daemon package", `require("daemon")();\nrequire("./server");`, (code) => [at(code, `require("daemon")()`, daemon(`require("daemon")`, "daemon"))], { filename: "src/main.js" }),
  invalid("daemonize2 setup in bin/www", `const daemon = require("daemonize2").setup({ main: "app.js", name: "api", pidfile: "api.pid" });\ndaemon.start();`, (code) => [
    at(code, `require("daemonize2").setup({ main: "app.js", name: "api", pidfile: "api.pid" })`, daemon(`require("daemonize2").setup`, "daemonize2")),
  ], { filename: "bin/www.js" }),
  invalid("pm2 from app code", `import pm2 from "pm2";\npm2.connect((err) => {\n  pm2.start({ script: "worker.js", instances: 4 }, () => pm2.disconnect());\n});`, (code) => [
    at(code, `pm2.start({ script: "worker.js", instances: 4 }, () => pm2.disconnect())`, daemon("pm2.start", "pm2", "manages processes from inside the app")),
  ]),
  invalid("pm2.connect alone (a file that only starts the daemon) is still reported", `import pm2 from "pm2";\nexport const ready = new Promise((resolve) => pm2.connect(resolve));`, (code) => [
    at(code, `pm2.connect(resolve)`, daemon("pm2.connect", "pm2", "manages processes from inside the app")),
  ]),
  invalid("spawn(process.execPath, ..., { detached: true }).unref()", `import { spawn } from "node:child_process";\nspawn(process.execPath, [__filename, "--worker"], { detached: true, stdio: "ignore" }).unref();\nprocess.exit(0);`, (code) => [
    at(code, `spawn(process.execPath, [__filename, "--worker"], { detached: true, stdio: "ignore" })`, detached("spawn")),
  ]),
  invalid("child_process.spawn of process.argv[0] through a const, unref'd later", `const cp = require("child_process");\nconst options = { detached: true };\nconst child = cp.spawn(process.argv[0], ["worker.js"], options);\nchild.unref();`, (code) => [
    at(code, `cp.spawn(process.argv[0], ["worker.js"], options)`, detached("cp.spawn")),
  ], { filename: "src/start.js" }),
  invalid("spawn of \"node\" with options from another file, and daemonize-process", `import { spawn } from "child_process";\nimport daemonizeProcess from "daemonize-process";\nimport { background } from "./spawnOptions";\nspawn("node", ["dist/worker.js"], background).unref();\ndaemonizeProcess();`, (code) => [
    at(code, `spawn("node", ["dist/worker.js"], background)`, detached("spawn")),
    at(code, `daemonizeProcess()`, daemon("daemonizeProcess", "daemonize-process")),
  ], { files: { "src/spawnOptions.ts": `export const background = { detached: true, stdio: "ignore" as const };` } }),
  invalid("a detached fork", `import { fork } from "child_process";\nconst worker = fork("./worker.js", { detached: true });\nworker.unref();`, (code) => [
    at(code, `fork("./worker.js", { detached: true })`, detached("fork")),
  ]),
];

runRuleTests(rule, { valid, invalid: invalidCases });
