// `node bench/gracefulShutdown.mjs [files]`: what the project-level fact behind
// disposability/no-graceful-shutdown costs on a generated project (default 5,000 sources).
// It measures and prints; it never asserts on time.
//
//   1. the first analysis of the server file: discovery plus a text pre-scan of every source
//      (the worst case: no handler anywhere, so no early exit), against the same analysis with
//      the rule off;
//   2. a re-analysis with nothing changed;
//   3. a re-analysis after a one-file edit (an unsaved buffer, then `invalidate`), as the
//      language server does on a keystroke in another file;
//   4. the same after an edit that adds a SIGTERM handler (the finding must go away);
//   5. a whole-project audit (worker threads, as the CLI runs it) with and without the rule.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { bundleEngine } from "./bundle.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const count = Number(process.argv[2] ?? 5000);

/** A service-like file of ~2 KB; every 50th one mentions `.listen(` in a comment (pre-scan hit, no call). */
function moduleText(i) {
  const lines = [`import { helper${i % 7} } from "../lib/helpers${i % 7}";`, `// module ${i}${i % 50 === 0 ? ": started elsewhere, see app.listen(port)" : ""}`];
  for (let f = 0; f < 12; f++) {
    lines.push(`export function handler${i}_${f}(input: { id: string; count: number }): string {`, `  const value = helper${i % 7}(input.id) + String(input.count * ${f});`, `  return value.length > ${f} ? value.slice(0, ${f + 3}) : value;`, `}`);
  }
  return `${lines.join("\n")}\n`;
}

function generate(root) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const rel = `src/features/f${Math.floor(i / 100)}/module${i}.ts`;
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), moduleText(i));
    files.push(path.join(root, rel));
  }
  writeFileSync(path.join(root, "package.json"), `{ "name": "bench", "dependencies": { "express": "^5.0.0" } }\n`);
  writeFileSync(path.join(root, ".gitignore"), "node_modules\n");
  const server = path.join(root, "src/app/server.ts");
  mkdirSync(path.dirname(server), { recursive: true });
  writeFileSync(server, `import express from "express";\nconst app = express();\napp.listen(Number(process.env.PORT ?? 3000));\n`);
  return { files, server };
}

function time(run) {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

const { Engine, OverlayHost, RULES, discoverFiles, auditProject, defaultConfig } = await bundleEngine(repoRoot);
const workerScript = path.join(repoRoot, "dist/auditWorker.js");
const root = mkdtempSync(path.join(os.tmpdir(), "tfl-bench-shutdown-"));
try {
  const { files, server } = generate(root);
  const rule = RULES.find((r) => r.id === "disposability/no-graceful-shutdown");
  const others = RULES.filter((r) => r !== rule);
  const ids = (analysis) => analysis.findings.filter((f) => f.ruleId === rule.id).length;

  const discovery = time(() => discoverFiles(root));
  const baseline = time(() => new Engine({ root, rules: others }).analyzeFile(server));
  const host = new OverlayHost();
  const engine = new Engine({ root, rules: RULES, host });
  const first = time(() => engine.analyzeFile(server));
  const again = time(() => engine.analyzeFile(server));

  const edited = files[Math.floor(files.length / 2)];
  const edits = [];
  for (let i = 0; i < 20; i++) {
    host.set(edited, `${moduleText(i)}// edit ${i}\n`);
    engine.invalidate(edited);
    edits.push(time(() => engine.analyzeFile(server)).ms);
  }
  host.set(edited, `${moduleText(1)}process.on("SIGTERM", () => process.exit(0));\n`);
  engine.invalidate(edited);
  const handled = time(() => engine.analyzeFile(server));
  edits.sort((a, b) => a - b);

  const round = (ms) => Math.round(ms * 10) / 10;
  console.log(`project: ${files.length + 1} sources (no SIGTERM handler: the full scan)`);
  console.log(`first analysis of the server file, all rules:        ${round(first.ms)} ms (finding: ${ids(first.result)})`);
  console.log(`  same, without no-graceful-shutdown (fresh engine): ${round(baseline.ms)} ms`);
  console.log(`  of which discovery alone (measured apart):          ${round(discovery.ms)} ms`);
  console.log(`re-analysis, nothing changed:                        ${round(again.ms)} ms`);
  console.log(`re-analysis after a one-file edit (20 runs):         median ${round(edits[10])} ms, max ${round(edits[19])} ms`);
  console.log(`re-analysis after the edit adds a SIGTERM handler:   ${round(handled.ms)} ms (finding: ${ids(handled.result)})`);

  const audit = async (rules) => {
    const started = performance.now();
    const result = await auditProject({ root, rules, config: defaultConfig(), workerScript });
    return { ms: performance.now() - started, threads: result.stats.threads, findings: result.findings.filter((f) => f.ruleId === rule.id).length };
  };
  const without = await audit(others);
  const withRule = await audit(RULES);
  console.log(`audit of the whole project, without the rule:        ${round(without.ms)} ms on ${without.threads} threads`);
  console.log(`audit of the whole project, with the rule:           ${round(withRule.ms)} ms on ${withRule.threads} threads (findings: ${withRule.findings})`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
