import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { Engine } from "../../server/src/engine/analyzer";
import { createBaseline, filterByBaseline, loadBaseline, readBaseline, serializeBaseline, type Baseline } from "../../server/src/engine/baseline";
import { diskHost } from "../../server/src/engine/host";
import type { Finding } from "../../server/src/engine/types";
import { RULES } from "../../server/src/rules/registry";
import { writeProject } from "../helpers/project";

/** Assembled at run time so the repository never holds a token-shaped string. */
const SECRET = ["sk", "live", "51HqLyjWDarjtT1zdp7dcQ8xPz"].join("_");
const OTHER_SECRET = ["sk", "live", "51HqLyjWDarjtT1zdp7dcQ8xQa"].join("_");

const SERVER = `import express from "express";
import http from "node:http";
const app = express();
const stripeKey = "${SECRET}";

export function startApi() {
  app.listen(3000);
}

export function startMetrics() {
  http.createServer().listen(9100);
}

export function headers() {
  return { Authorization: "Bearer " + stripeKey };
}
`;

const SHUTDOWN = `process.on("SIGTERM", () => process.exit(0));\n`;

const projects: Array<{ cleanup(): void }> = [];
after(() => projects.forEach((project) => project.cleanup()));

/** A project holding `src/server.ts`; `analyse(text)` runs the real rules on a new version of it. */
function project(text: string, extra: Record<string, string> = {}) {
  const made = writeProject({
    "package.json": JSON.stringify({ name: "svc", dependencies: { express: "4.18.2" } }),
    "package-lock.json": "{}",
    "src/server.ts": text,
    // A graceful shutdown, so that secrets and ports are the only findings.
    "src/shutdown.ts": SHUTDOWN,
    ...extra,
  });
  projects.push(made);
  const file = path.join(made.root, "src/server.ts");
  const engine = new Engine({ root: made.root, rules: RULES });
  const analyse = (next: string): { findings: Finding[]; textOf: (f: string) => string | undefined } => {
    engine.invalidate(file);
    return { findings: engine.analyzeFile(file, next).findings, textOf: (f) => (f === file ? next : diskHost.readFile(f)) };
  };
  return { root: made.root, file, analyse };
}

const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);

function baselineOf(setup: ReturnType<typeof project>, text: string, salt = "00112233445566778899aabbccddeeff"): Baseline {
  const { findings, textOf } = setup.analyse(text);
  return createBaseline(findings, textOf, { root: setup.root, salt });
}

function filtered(setup: ReturnType<typeof project>, baseline: Baseline, text: string) {
  const { findings, textOf } = setup.analyse(text);
  return filterByBaseline(findings, baseline, textOf, setup.root);
}

describe("baseline fingerprints", () => {
  it("records the findings of the example with counts, relative files and sha256 fingerprints", () => {
    const setup = project(SERVER);
    const { findings } = setup.analyse(SERVER);
    assert.deepEqual(describeFindings(findings), [
      `config/no-hardcoded-secret 4:19 Hardcoded secret "sk_l…" (34 chars): Stripe live secret key format. Read it from process.env.STRIPE_KEY instead.`,
      "port-binding/no-fixed-port 7:14 Port 3000 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.",
      "port-binding/no-fixed-port 11:30 Port 9100 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT.",
    ]);
    const baseline = baselineOf(setup, SERVER);
    assert.deepEqual(
      baseline.findings.map((entry) => [entry.rule, entry.file, entry.count]),
      [
        ["config/no-hardcoded-secret", "src/server.ts", 1],
        ["port-binding/no-fixed-port", "src/server.ts", 1],
        ["port-binding/no-fixed-port", "src/server.ts", 1],
      ],
    );
    for (const entry of baseline.findings) assert.match(entry.fingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual(filtered(setup, baseline, SERVER), { fresh: [], baselined: 3 });
  });

  it("keeps baselined findings hidden when lines are added above them", () => {
    const setup = project(SERVER);
    const baseline = baselineOf(setup, SERVER);
    const moved = `// A header comment\n/** and a doc block */\nimport "node:process";\n\n${SERVER}`;
    const result = filtered(setup, baseline, moved);
    assert.deepEqual(result, { fresh: [], baselined: 3 });
    // The findings really did move: the hiding is not an accident of unchanged positions.
    assert.deepEqual(
      setup.analyse(moved).findings.map((f) => f.range.start.line + 1),
      [8, 11, 15],
    );
  });

  it("keeps them hidden when a function moves within the file and is re-indented", () => {
    const setup = project(SERVER);
    const baseline = baselineOf(setup, SERVER);
    const moved = SERVER.replace("export function startApi() {\n  app.listen(3000);\n}\n", "").replace(
      "export function headers() {",
      "export const api = {\n    start() {\n        app.listen(3000);\n    },\n};\n\nexport function headers() {",
    );
    assert.notEqual(moved, SERVER);
    assert.deepEqual(filtered(setup, baseline, moved), { fresh: [], baselined: 3 });
  });

  it("shows a finding again when the secret's value changes", () => {
    const setup = project(SERVER);
    const baseline = baselineOf(setup, SERVER);
    const result = filtered(setup, baseline, SERVER.replace(SECRET, OTHER_SECRET));
    // Same prefix, same length: the message is the same, only the hashed value differs.
    assert.deepEqual(describeFindings(result.fresh), [
      `config/no-hardcoded-secret 4:19 Hardcoded secret "sk_l…" (34 chars): Stripe live secret key format. Read it from process.env.STRIPE_KEY instead.`,
    ]);
    assert.equal(result.baselined, 2);
  });

  it("shows a finding again when the port number changes, also when it comes through a constant", () => {
    const setup = project(SERVER);
    const baseline = baselineOf(setup, SERVER);
    const changed = filtered(setup, baseline, SERVER.replace("listen(3000)", "listen(3001)"));
    assert.deepEqual(describeFindings(changed.fresh), ["port-binding/no-fixed-port 7:14 Port 3001 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."]);

    const viaConstant = `import express from "express";\nconst PORT = 3000;\nexpress().listen(PORT);\n`;
    const constantSetup = project(viaConstant);
    const constantBaseline = baselineOf(constantSetup, viaConstant);
    assert.deepEqual(filtered(constantSetup, constantBaseline, `// moved\n${viaConstant}`), { fresh: [], baselined: 1 });
    // The reported line `express().listen(PORT)` is unchanged; the value behind it is not.
    const result = filtered(constantSetup, constantBaseline, viaConstant.replace("3000", "4000"));
    assert.deepEqual(describeFindings(result.fresh), ["port-binding/no-fixed-port 3:18 Port 4000 is hardcoded in listen() (via `PORT`); bind to the port the platform gives in process.env.PORT."]);
  });

  it("counts identical lines: two recorded hide two, a third identical one is new", () => {
    const line = "http.createServer().listen(8080);\n";
    const two = `import http from "node:http";\n${line}${line}`;
    const setup = project(two);
    const baseline = baselineOf(setup, two);
    assert.deepEqual(
      baseline.findings.map((entry) => [entry.rule, entry.count]),
      [["port-binding/no-fixed-port", 2]],
    );
    assert.deepEqual(filtered(setup, baseline, two), { fresh: [], baselined: 2 });
    const three = filtered(setup, baseline, `${two}${line}`);
    assert.equal(three.baselined, 2);
    assert.deepEqual(describeFindings(three.fresh), ["port-binding/no-fixed-port 4:28 Port 8080 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."]);
  });

  it("does not carry a finding over to another file or another rule", () => {
    const setup = project(SERVER);
    const baseline = baselineOf(setup, SERVER);
    const renamed: Baseline = { ...baseline, findings: baseline.findings.map((entry) => ({ ...entry, file: "src/other.ts" })) };
    assert.equal(filtered(setup, renamed, SERVER).fresh.length, 3);
    const otherRule: Baseline = { ...baseline, findings: baseline.findings.map((entry) => ({ ...entry, rule: "logs/no-file-logging" })) };
    assert.equal(filtered(setup, otherRule, SERVER).fresh.length, 3);
  });

  it("depends on the salt: another salt gives other fingerprints, the same salt the same ones", () => {
    const setup = project(SERVER);
    const a = baselineOf(setup, SERVER, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    const again = baselineOf(setup, SERVER, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    const b = baselineOf(setup, SERVER, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    assert.deepEqual(again, a);
    const prints = (baseline: Baseline) => new Set(baseline.findings.map((entry) => entry.fingerprint));
    assert.equal([...prints(a)].filter((print) => prints(b).has(print)).length, 0);
  });
});

describe("baseline file", () => {
  it("is sorted, one entry per line, timestamp-free and ends with a newline", () => {
    const setup = project(SERVER, { "src/b.ts": `import http from "node:http";\nhttp.createServer().listen(7000);\n` });
    const { findings, textOf } = setup.analyse(SERVER);
    const other = new Engine({ root: setup.root, rules: RULES }).analyzeFile(path.join(setup.root, "src/b.ts")).findings;
    const salt = "0123456789abcdef0123456789abcdef";
    const text = serializeBaseline(createBaseline([...other, ...findings], textOf, { root: setup.root, salt }));
    // Input order does not matter.
    assert.equal(serializeBaseline(createBaseline([...findings].reverse().concat(other), textOf, { root: setup.root, salt })), text);
    const lines = text.split("\n");
    assert.deepEqual(lines.slice(0, 4), ["{", '  "version": 1,', `  "salt": "${salt}",`, '  "findings": [']);
    assert.deepEqual(lines.slice(-3), ["  ]", "}", ""]);
    const entries = lines.slice(4, -3);
    assert.equal(entries.length, 4);
    const parsed = entries.map((line) => JSON.parse(line.replace(/,$/, "")) as Record<string, unknown>);
    for (const entry of parsed) assert.deepEqual(Object.keys(entry), ["rule", "file", "fingerprint", "count"]);
    const keys = parsed.map((entry) => `${entry.file} ${entry.rule} ${entry.fingerprint}`);
    assert.deepEqual(keys, [...keys].sort());
    assert.equal(parsed[0].file, "src/b.ts");
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}|time|date/i);
    assert.deepEqual(JSON.parse(text), { version: 1, salt, findings: parsed });
  });

  it("holds no secret in any form but a hash", () => {
    const setup = project(SERVER);
    const text = serializeBaseline(baselineOf(setup, SERVER));
    assert.ok(!text.includes(SECRET));
    assert.ok(!text.includes(SECRET.slice(0, 8)));
    assert.ok(!text.includes(SECRET.slice(-8)));
    assert.ok(!text.includes("3000"), "no raw code either");
  });

  it("lets git merge two branches that add findings in different files, giving the baseline of the merged code", { skip: spawnSync("git", ["--version"]).status !== 0 }, () => {
    const salt = "feedfacefeedfacefeedfacefeedface";
    const listen = (port: number) => `import http from "node:http";\nhttp.createServer().listen(${port});\n`;
    const base = { "src/b.ts": `${listen(5000)}http.createServer().listen(5001);\n`, "src/shutdown.ts": SHUTDOWN };
    const ours = { ...base, "src/a.ts": listen(4000) };
    const theirs = { ...base, "src/c.ts": listen(6000) };
    const merged = { ...ours, ...theirs };
    const made = writeProject(merged);
    projects.push(made);
    const engine = new Engine({ root: made.root, rules: RULES });
    const baselineText = (files: Record<string, string>): string => {
      const findings = Object.keys(files).flatMap((rel) => engine.analyzeFile(path.join(made.root, rel)).findings);
      return serializeBaseline(createBaseline(findings, diskHost.readFile, { root: made.root, salt }));
    };
    const write = (name: string, files: Record<string, string>): string => {
      const file = path.join(made.root, `${name}.json`);
      writeFileSync(file, baselineText(files));
      return file;
    };
    const [oursFile, baseFile, theirsFile] = [write("ours", ours), write("base", base), write("theirs", theirs)];
    const result = spawnSync("git", ["merge-file", oursFile, baseFile, theirsFile], { encoding: "utf8" });
    assert.equal(result.status, 0, `git reported conflicts: ${result.stdout}${result.stderr}`);
    assert.equal(readFileSync(oursFile, "utf8"), baselineText(merged));
  });
});

describe("readBaseline and loadBaseline", () => {
  const print = "a".repeat(64);
  const valid = { version: 1, salt: "00ff00ff00ff00ff", findings: [{ rule: "port-binding/no-fixed-port", file: "src/a.ts", fingerprint: print, count: 2 }] };

  it("reads what serializeBaseline writes", () => {
    const baseline: Baseline = valid as Baseline;
    assert.deepEqual(readBaseline(serializeBaseline(baseline)), { ok: true, baseline });
  });

  it("names the first problem of a broken file, and never quotes its text", () => {
    const cases: Array<[string, string]> = [
      ["", "1:1: invalid JSON (ValueExpected)"],
      [`{\n  "version": 1,\n  STRIPE=${SECRET}\n}`, "3:3: invalid JSON (InvalidSymbol)"],
      ["[]", "must be a JSON object"],
      [JSON.stringify({ ...valid, version: 2 }), `"version" must be 1`],
      [JSON.stringify({ ...valid, salt: "not hex" }), `"salt" must be a lowercase hex string`],
      [JSON.stringify({ ...valid, findings: {} }), `"findings" must be a list`],
      [JSON.stringify({ ...valid, findings: ["x"] }), "findings[0] must be an object"],
      [JSON.stringify({ ...valid, findings: [{ ...valid.findings[0], rule: 3 }] }), "findings[0].rule must be a rule id"],
      [JSON.stringify({ ...valid, findings: [{ ...valid.findings[0], file: "" }] }), "findings[0].file must be a relative path"],
      [JSON.stringify({ ...valid, findings: [{ ...valid.findings[0], fingerprint: "abc" }] }), "findings[0].fingerprint must be 64 lowercase hex digits"],
      [JSON.stringify({ ...valid, findings: [valid.findings[0], { ...valid.findings[0], count: 0 }] }), "findings[1].count must be a whole number of 1 or more"],
    ];
    for (const [text, problem] of cases) assert.deepEqual(readBaseline(text), { ok: false, problem }, text);
  });

  it("loads nothing, silently, when there is no file, and a warning note for a broken one", () => {
    const made = writeProject({ "broken.json": "{ nope" });
    projects.push(made);
    assert.deepEqual(loadBaseline(path.join(made.root, ".twelve-factor-baseline.json"), diskHost), {});
    assert.deepEqual(loadBaseline(path.join(made.root, "broken.json"), diskHost), {
      note: { level: "warning", file: path.join(made.root, "broken.json"), message: "broken.json: 1:3: invalid JSON (InvalidSymbol); the baseline is ignored and every finding is shown." },
    });
  });
});
