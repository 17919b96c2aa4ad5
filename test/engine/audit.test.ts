import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import ts from "typescript";
import { auditProject, defaultWorkerScript, type AuditOptions, type AuditResult } from "../../server/src/engine/audit";
import { defaultConfig } from "../../server/src/engine/configTypes";
import { defineRule, type RuleDefinition } from "../../server/src/engine/rule";
import { RULES } from "../../server/src/rules/registry";
import { writeProject } from "../helpers/project";

const REPO = path.resolve(__dirname, "../..");
const FILE_COUNT = 300;
const DIRECTIVE_EVERY = 4;

/** Assembled at run time so the repository never holds a token-shaped string. */
const FAKE_KEY = ["sk", "live", "51HqLyjWDarjtT1zdp7dcQ8xPz"].join("_");

/** Varied service code, so the rules the registry holds by now have something to find. */
function generatedSource(i: number): { name: string; text: string } {
  const directive = i % DIRECTIVE_EVERY === 0 ? `// twelve-factor-disable-next-line not-a-rule-${i % 3}\n` : "";
  const broken = i % 50 === 7 ? "function broken( {\n" : "";
  switch (i % 6) {
    case 0:
      return { name: `src/servers/server${i}.ts`, text: `${directive}import express from "express";\nconst app = express();\napp.get("/", (_req, res) => res.send("ok"));\napp.listen(${3000 + i});\n${broken}` };
    case 1:
      return { name: `src/logging/logger${i}.ts`, text: `${directive}import winston from "winston";\nexport const logger${i} = winston.createLogger({ transports: [new winston.transports.File({ filename: "app${i}.log" })] });\n${broken}` };
    case 2:
      return { name: `src/config/ports${i}.ts`, text: `${directive}export const PORT = ${8000 + i};\nexport const HOST = "0.0.0.0";\n${broken}` };
    case 3:
      return { name: `src/listeners/listen${i}.ts`, text: `${directive}import http from "node:http";\nimport { PORT } from "../config/ports${i - 1}";\nhttp.createServer(() => undefined).listen(PORT);\n${broken}` };
    case 4:
      return { name: `src/clients/client${i}.ts`, text: `${directive}const apiKey = "${FAKE_KEY}${i}";\nexport function headers() {\n  return { Authorization: "Bearer " + apiKey };\n}\n${broken}` };
    default:
      return { name: `lib/legacy${i}.js`, text: `${directive}const http = require("http");\nhttp.createServer().listen(process.env.PORT || ${9000 + i});\nmodule.exports = {};\n${broken}` };
  }
}

function generatedProject(): Record<string, string> {
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "generated", scripts: { start: "node lib/legacy5.js" }, dependencies: { express: "^4.0.0", winston: "^3.0.0" } }),
    ".gitignore": "node_modules/\n.env\n",
  };
  for (let i = 0; i < FILE_COUNT; i++) {
    const { name, text } = generatedSource(i);
    files[name] = text;
  }
  return files;
}

/** Everything but the clock and the thread count, which legitimately differ between runs. */
function comparable(result: AuditResult): unknown {
  return { root: result.root, findings: result.findings, notes: result.notes, stats: { ...result.stats, durationMs: 0, threads: 0 } };
}

function ensureWorkerBundle(): void {
  // `npm test` builds first; building here only when the bundle is missing avoids rewriting
  // dist/ under other test files that may be running it.
  if (defaultWorkerScript()) return;
  const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: REPO, encoding: "utf8" });
  assert.equal(build.status, 0, build.stderr);
}

describe("auditProject", () => {
  let project: ReturnType<typeof writeProject>;
  let base: AuditOptions;
  let single: AuditResult;
  before(async () => {
    ensureWorkerBundle();
    project = writeProject(generatedProject());
    base = { root: project.root, config: defaultConfig(), rules: RULES };
    single = await auditProject({ ...base, workers: 1 });
  });
  after(() => project.cleanup());

  it("analyses every discovered file on one thread", () => {
    assert.equal(single.stats.files, FILE_COUNT + 2);
    assert.equal(single.stats.threads, 1);
    assert.equal(single.stats.skipped, 0);
    const unknown = single.findings.filter((finding) => finding.ruleId === "twelve-factor/unknown-rule");
    assert.equal(unknown.length, FILE_COUNT / DIRECTIVE_EVERY);
    const first = unknown.find((finding) => finding.file === path.join(project.root, "src/servers/server0.ts"));
    assert.equal(first?.message, 'Unknown rule id "not-a-rule-0" in a twelve-factor-disable comment; it disables nothing.');
    const start = "// twelve-factor-disable-next-line ".length;
    const end = start + "not-a-rule-0".length;
    assert.deepEqual(first?.range, { start: { line: 0, character: start }, end: { line: 0, character: end }, startOffset: start, endOffset: end });
  });

  it("sorts findings by file, then offset", () => {
    const keys = single.findings.map((finding) => [finding.file, finding.range.startOffset] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    assert.deepEqual(keys, sorted);
  });

  it("finds exactly the same on worker threads", async () => {
    const threaded = await auditProject({ ...base, workers: 2 });
    assert.equal(threaded.stats.threads, 2);
    assert.deepEqual(comparable(threaded), comparable(single));
  });

  it("uses workers by default for more than 200 files", async () => {
    const auto = await auditProject(base);
    assert.equal(auto.stats.threads, Math.min(os.availableParallelism(), 4));
    assert.deepEqual(comparable(auto), comparable(single));
  });

  it("reports progress up to the total, in both modes", async () => {
    for (const workers of [1, 2]) {
      const calls: Array<[number, number]> = [];
      await auditProject({ ...base, workers, onProgress: (done, total) => calls.push([done, total]) });
      assert.equal(calls.length, FILE_COUNT + 2);
      assert.deepEqual(calls.at(-1), [FILE_COUNT + 2, FILE_COUNT + 2]);
      assert.ok(calls.every(([done], index) => done === index + 1));
    }
  });

  it("re-runs a crashed worker's files (on the main thread once no worker is left), with one note", async () => {
    const crashing = path.join(project.root, "crashing-worker.js");
    writeFileSync(crashing, 'require("node:worker_threads").parentPort.on("message", () => { throw new Error("simulated crash"); });\n');
    const result = await auditProject({ ...base, workers: 2, workerScript: crashing });
    const crashNote = "A worker thread stopped unexpectedly (simulated crash); the other files it held were analysed again.";
    assert.deepEqual(result.findings, single.findings);
    assert.deepEqual(result.notes.filter((note) => note.message === crashNote).length, 1);
    assert.deepEqual(result.notes.filter((note) => note.message !== crashNote), single.notes);
  });

  describe("in the background (the editor's audit)", () => {
    const onServerThread = "The audit's background thread stopped";

    it("runs on a coordinator thread and finds exactly the same, with progress that ends at the total", async () => {
      const calls: Array<[number, number]> = [];
      const result = await auditProject({ ...base, background: true, onProgress: (done, total) => calls.push([done, total]) });
      // The crash test above left its worker script in the project: one file more, no finding.
      assert.deepEqual([result.findings, result.notes, result.stats.parsed], [single.findings, single.notes, single.stats.parsed]);
      assert.equal(result.stats.threads, Math.max(1, Math.min(os.availableParallelism() - 1, 4)));
      // Throttled on the coordinator (at most one report per 50 ms), so only the last is certain.
      assert.deepEqual(calls.at(-1), [result.stats.files, result.stats.files]);
      assert.ok(calls.every(([done], index) => index === 0 || done > calls[index - 1][0]), "progress only goes up");
    });

    it("sends more findings than fit one message in slices, in order", async () => {
      const many = writeProject({
        "package.json": JSON.stringify({ name: "many" }),
        ...Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`src/m${String(i).padStart(4, "0")}.js`, `app.listen(${3000 + i});\n`])),
      });
      try {
        const options = { root: many.root, config: defaultConfig(), rules: RULES };
        const background = await auditProject({ ...options, background: true });
        assert.equal(background.findings.filter((finding) => finding.ruleId === "port-binding/no-fixed-port").length, 1200);
        assert.deepEqual(background.findings, (await auditProject({ ...options, workers: 1 })).findings);
      } finally {
        many.cleanup();
      }
    });

    it("keeps its cache across runs on the coordinator, as the CLI's --cache does", async () => {
      const location = mkdtempSync(path.join(os.tmpdir(), "tfl-background-cache-")) + path.sep;
      const cold = await auditProject({ ...base, background: true, cache: { location } });
      const warm = await auditProject({ ...base, background: true, cache: { location } });
      assert.equal(cold.stats.cached, 0);
      assert.deepEqual(warm.findings, single.findings);
      // As many as on the calling thread: all but the files whose findings hold a secret (never stored).
      const here = mkdtempSync(path.join(os.tmpdir(), "tfl-calling-thread-cache-")) + path.sep;
      await auditProject({ ...base, workers: 1, cache: { location: here } });
      const hereWarm = await auditProject({ ...base, workers: 1, cache: { location: here } });
      assert.equal(warm.stats.cached, hereWarm.stats.cached);
      assert.equal(warm.stats.cached, warm.stats.files - FILE_COUNT / 6);
    });

    it("runs again from the calling thread, with a note, when the coordinator thread dies", async () => {
      const dying = path.join(mkdtempSync(path.join(os.tmpdir(), "tfl-dying-")), "dying-coordinator.js");
      // A coordinator that exits at once; as a pool worker it is the real bundle.
      writeFileSync(dying, `const { workerData } = require("node:worker_threads");\nif (workerData.kind === "coordinator") process.exit(7);\nrequire(${JSON.stringify(defaultWorkerScript())});\n`);
      const result = await auditProject({ ...base, background: true, workerScript: dying });
      assert.deepEqual(result.findings, single.findings);
      const notes = result.notes.filter((note) => note.message.startsWith(onServerThread));
      assert.deepEqual(notes, [{ level: "warning", message: `${onServerThread} (exit code 7); the audit ran again, coordinated from the language server's thread.` }]);
      assert.deepEqual(result.notes.filter((note) => !note.message.startsWith(onServerThread)), single.notes);
    });

    // Without the coordinator's watchdog this audit never ends: the timeout turns that into a failure.
    it("runs again from the calling thread when the coordinator stays on one file, and the pool skips that file", { timeout: 30_000 }, async () => {
      const hanging = path.resolve(__dirname, "../fixtures/workers/hangingWorker.js");
      // Local-state writes: no rule reads another file for them, so only hang.js's own analysis hangs.
      const write = 'require("node:fs").writeFileSync("state.json", "{}");\n';
      const small = writeProject({ "package.json": JSON.stringify({ name: "small" }), "src/a.js": write, "src/hang.js": write, "src/z.js": write });
      try {
        const result = await auditProject({ root: small.root, config: defaultConfig(), rules: RULES, background: true, workerScript: hanging, fileTimeoutMs: 1000 });
        const writes = result.findings.filter((finding) => finding.ruleId === "processes/no-local-state").map((finding) => path.relative(small.root, finding.file));
        assert.deepEqual(writes, [path.join("src", "a.js"), path.join("src", "z.js")]);
        assert.deepEqual(
          result.notes.filter((note) => note.level === "warning").map((note) => note.message),
          [
            `${onServerThread} (it spent over 1 s on one file); the audit ran again, coordinated from the language server's thread.`,
            "src/hang.js: analysis did not finish within 1 s; skipped.",
          ],
        );
      } finally {
        small.cleanup();
      }
    });

    it("rejects with the abort reason and stops the coordinator", async () => {
      const controller = new AbortController();
      const run = auditProject({ ...base, background: true, signal: controller.signal, onProgress: () => controller.abort(new Error("stop background")) });
      await assert.rejects(run, { message: "stop background" });
    });
  });

  it("stays on one thread, and says why, for rules outside the registry", async () => {
    const result = await auditProject({ ...base, rules: [...RULES, neverFires], workers: 2 });
    assert.equal(result.stats.threads, 1);
    assert.deepEqual(result.findings, single.findings);
    const before = new Set(single.notes.map((note) => note.message));
    assert.deepEqual(
      result.notes.filter((note) => !before.has(note.message)).map((note) => note.message),
      ["Analysed on one thread: worker threads run only the built-in rules."],
    );
  });

  it("rejects with the abort reason, before or during the run, in both modes", async () => {
    const early = new AbortController();
    early.abort();
    await assert.rejects(auditProject({ ...base, signal: early.signal }), { name: "AbortError" });

    for (const workers of [1, 2]) {
      const controller = new AbortController();
      let lastDone = 0;
      const run = auditProject({
        ...base,
        workers,
        signal: controller.signal,
        onProgress: (done) => {
          lastDone = done;
          if (done === 10) controller.abort(new Error(`stop ${workers}`));
        },
      });
      await assert.rejects(run, { message: `stop ${workers}` });
      if (workers === 1) assert.equal(lastDone, 10);
      assert.ok(lastDone < FILE_COUNT, "the run stopped early");
    }
  });
});

const neverFires: RuleDefinition = defineRule({
  id: "test/never-fires",
  factor: "III",
  headline: false,
  defaultSeverity: "info",
  description: "Test rule.",
  rationale: "Test rule.",
  fixable: false,
  trigger: /$^/,
  create: () => ({}),
});

/** Reports every string literal, so a test can see the audit went on past a broken file. */
const stringLiterals: RuleDefinition = defineRule({
  id: "test/string-literal",
  factor: "III",
  headline: false,
  defaultSeverity: "info",
  description: "Test rule.",
  rationale: "Test rule.",
  fixable: false,
  trigger: /["']/,
  create: (context) => ({
    [ts.SyntaxKind.StringLiteral]: (node) => context.report({ node, message: `string ${(node as ts.StringLiteral).text}` }),
  }),
});

describe("auditProject with failing rules", () => {
  it("notes a rule that throws and an engine failure on one file, and audits the rest", async () => {
    const project = writeProject({
      "src/a.ts": 'export const a = "first";\n',
      "src/explodes.ts": 'export const b = "kaboom";\n',
      "src/z.ts": 'export const z = "last";\n',
    });
    try {
      const throwingListener = defineRule({
        ...neverFires,
        id: "test/throws-in-listener",
        trigger: /kaboom/,
        create: () => ({
          [ts.SyntaxKind.StringLiteral]: () => {
            throw new Error("listener broke");
          },
        }),
      });
      // A trigger that throws escapes the engine's per-rule guard: the audit must catch it.
      const throwingTrigger = defineRule({ ...neverFires, id: "test/throws-in-trigger", trigger: /$^/ });
      throwingTrigger.trigger = {
        test: (text: string) => {
          if (text.includes("kaboom")) throw new Error("trigger broke");
          return false;
        },
      } as RegExp;
      const result = await auditProject({ root: project.root, config: defaultConfig(), rules: [stringLiterals, throwingTrigger], workers: 1 });
      assert.deepEqual(result.findings.map((f) => `${path.basename(f.file)}:${f.message}`), ["a.ts:string first", "z.ts:string last"]);
      assert.deepEqual(result.notes.map((note) => note.message), ["src/explodes.ts: analysis failed (trigger broke); skipped."]);
      assert.equal(result.stats.skipped, 1);

      const guarded = await auditProject({ root: project.root, config: defaultConfig(), rules: [stringLiterals, throwingListener], workers: 1 });
      assert.deepEqual(guarded.findings.map((f) => `${path.basename(f.file)}:${f.message}`), ["a.ts:string first", "explodes.ts:string kaboom", "z.ts:string last"]);
      assert.deepEqual(guarded.notes.map((note) => note.message), ["src/explodes.ts: rule test/throws-in-listener failed (listener broke); its other findings in this file are skipped."]);
    } finally {
      project.cleanup();
    }
  });
});

describe("auditProject on nothing", () => {
  it("returns empty results for an empty folder", async () => {
    const project = writeProject({});
    try {
      const result = await auditProject({ root: project.root, config: defaultConfig(), rules: RULES });
      assert.deepEqual(result.findings, []);
      assert.deepEqual(result.notes, []);
      assert.deepEqual({ ...result.stats, durationMs: 0 }, { files: 0, parsed: 0, skipped: 0, bytes: 0, durationMs: 0, threads: 1 });
      assert.ok(existsSync(project.root));
    } finally {
      project.cleanup();
    }
  });
});
