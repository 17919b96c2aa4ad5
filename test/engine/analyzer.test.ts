import assert from "node:assert/strict";
import path from "node:path";
import { after, describe, it } from "node:test";
import ts from "typescript";
import { Engine, MAX_FILE_BYTES } from "../../server/src/engine/analyzer";
import { defineRule, type RuleDefinition } from "../../server/src/engine/rule";
import { writeProject } from "../helpers/project";

const projects: Array<{ cleanup(): void }> = [];
after(() => projects.forEach((p) => p.cleanup()));

/** A rule that reports every numeric literal 42, so engine behaviour can be tested without real rules. */
const answerRule = defineRule({
  id: "processes/no-local-state",
  factor: "VI",
  headline: true,
  defaultSeverity: "warning",
  description: "test rule",
  rationale: "test",
  fixable: false,
  trigger: /42/,
  create(context) {
    return {
      [ts.SyntaxKind.NumericLiteral]: (node) => {
        if ((node as ts.NumericLiteral).text === "42") context.report({ node, message: "found 42", lowered: context.role === "test" });
      },
    };
  },
});

const throwingRule: RuleDefinition = defineRule({
  ...answerRule,
  id: "logs/no-file-logging",
  factor: "XI",
  create() {
    return {
      [ts.SyntaxKind.NumericLiteral]: () => {
        throw new Error("boom");
      },
    };
  },
});

function run(files: Record<string, string>, file: string, rules: RuleDefinition[] = [answerRule], config?: ConstructorParameters<typeof Engine>[0]["config"]) {
  const project = writeProject(files);
  projects.push(project);
  const engine = new Engine({ root: project.root, rules, config });
  return engine.analyzeFile(path.join(project.root, file));
}

const summary = (result: ReturnType<typeof run>) => result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.message}`);

describe("Engine.analyzeFile", () => {
  it("reports exact ranges with line/character and offsets", () => {
    const result = run({ "src/a.ts": "const a = 1;\nconst b = 42;\n" }, "src/a.ts");
    assert.deepEqual(summary(result), ["processes/no-local-state warning 2:11-2:13 found 42"]);
    assert.deepEqual([result.findings[0].range.startOffset, result.findings[0].range.endOffset], [23, 25]);
    assert.equal(result.findings[0].factor, "VI");
  });

  it("skips parsing when no rule's trigger matches", () => {
    const result = run({ "src/a.ts": "const a = 1;\n" }, "src/a.ts");
    assert.equal(result.parsed, false);
    assert.deepEqual(result.findings, []);
  });

  it("lowers severity when the rule asks (test folders)", () => {
    assert.deepEqual(summary(run({ "test/a.test.ts": "f(42);" }, "test/a.test.ts")), ["processes/no-local-state info 1:3-1:5 found 42"]);
  });

  it("applies configured severities and off", () => {
    assert.deepEqual(summary(run({ "src/a.ts": "f(42);" }, "src/a.ts", [answerRule], { rules: { "processes/no-local-state": "error" }, ignore: [], secrets: { allow: [] } })), [
      "processes/no-local-state error 1:3-1:5 found 42",
    ]);
    const off = run({ "src/a.ts": "f(42);" }, "src/a.ts", [answerRule], { rules: { "processes/no-local-state": "off" }, ignore: [], secrets: { allow: [] } });
    assert.deepEqual(off.findings, []);
    assert.equal(off.parsed, false);
  });

  it("keeps going when one rule throws, with one note", () => {
    const result = run({ "src/a.ts": "f(42, 42);" }, "src/a.ts", [throwingRule, answerRule]);
    assert.deepEqual(summary(result), ["processes/no-local-state warning 1:3-1:5 found 42", "processes/no-local-state warning 1:7-1:9 found 42"]);
    assert.deepEqual(result.notes.map((n) => n.message), ["src/a.ts: rule logs/no-file-logging failed (boom); its other findings in this file are skipped."]);
  });

  it("reports what it can in a file with syntax errors, and says so", () => {
    const result = run({ "src/a.ts": "f(42);\nconst = ;\n" }, "src/a.ts");
    assert.deepEqual(summary(result), ["processes/no-local-state warning 1:3-1:5 found 42"]);
    assert.match(result.notes[0].message, /^src\/a\.ts: \d+ syntax error\(s\); findings are what could still be read\.$/);
  });

  it("skips binary files and invalid UTF-8 with a note", () => {
    const result = run({ "src/a.ts": "f(42);\u0000\u0001" }, "src/a.ts");
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.notes.map((n) => n.message), ["src/a.ts: binary or not valid UTF-8; skipped."]);
  });

  it("skips files over the size cap with an info note", () => {
    const result = run({ "src/big.ts": `f(42);${" ".repeat(MAX_FILE_BYTES)}` }, "src/big.ts");
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.notes.map((n) => `${n.level} ${n.message}`), ["info src/big.ts: 1.0 MiB is over the 1 MiB limit; skipped."]);
  });

  it("notes an unreadable file", () => {
    const result = run({ "src/a.ts": "" }, "src/missing.ts");
    assert.deepEqual(result.notes.map((n) => n.message), ["src/missing.ts: could not be read; skipped."]);
  });

  it("analyses every source kind with the right script kind", () => {
    for (const file of ["a.ts", "a.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs"]) {
      const code = file.includes("x") ? "const el = <div>{f(42)}</div>;" : "f(42);";
      assert.equal(run({ [`src/${file}`]: code }, `src/${file}`).findings.length, 1, file);
    }
    assert.equal(run({ "src/a.d.ts": "declare const x: 42;" }, "src/a.d.ts").findings.length, 0);
  });

  it("uses the unsaved text when given", () => {
    const project = writeProject({ "src/a.ts": "const a = 1;" });
    projects.push(project);
    const engine = new Engine({ root: project.root, rules: [answerRule] });
    assert.equal(engine.analyzeFile(path.join(project.root, "src/a.ts"), "g(42);").findings.length, 1);
  });
});

describe("suppression comments", () => {
  const cases: Array<[string, string, string[]]> = [
    ["disable-next-line", "// twelve-factor-disable-next-line processes/no-local-state\nf(42);\nf(42);", ["3:3"]],
    ["disable-line", "f(42); // twelve-factor-disable-line processes/no-local-state\nf(42);", ["2:3"]],
    ["a list of ids", "// twelve-factor-disable-next-line logs/no-file-logging, processes/no-local-state\nf(42);", []],
    ["whole file", "/* twelve-factor-disable processes/no-local-state */\nf(42);\nf(42);", []],
    ["another rule's id does not suppress", "// twelve-factor-disable-next-line logs/no-file-logging\nf(42);", ["2:3"]],
    ["a reason after --", "f(42); // twelve-factor-disable-line processes/no-local-state -- fixed infra port", []],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => assert.deepEqual(run({ "src/a.ts": code }, "src/a.ts", [answerRule, throwingRule]).findings.filter((f) => f.ruleId === "processes/no-local-state").map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`), expected));
  }

  it("reports an unknown id at its exact range", () => {
    const result = run({ "src/a.ts": "// twelve-factor-disable-next-line processes/no-locl-state\nf(42);" }, "src/a.ts");
    assert.deepEqual(summary(result), [
      'twelve-factor/unknown-rule warning 1:36-1:59 Unknown rule id "processes/no-locl-state" in a twelve-factor-disable comment; it disables nothing.',
      "processes/no-local-state warning 2:3-2:5 found 42",
    ]);
  });

  it("reports unknown ids even in files no rule looks at", () => {
    const result = run({ "src/a.ts": "/* twelve-factor-disable port/typo */\nconst a = 1;" }, "src/a.ts");
    assert.deepEqual(summary(result), ['twelve-factor/unknown-rule warning 1:26-1:35 Unknown rule id "port/typo" in a twelve-factor-disable comment; it disables nothing.']);
  });
});

describe("directives are read from comments only", () => {
  const cases: Array<[string, string]> = [
    ["a string", `const s = "// twelve-factor-disable-next-line nope/typo";\nf(42);`],
    ["a template literal", "const s = `x ${1} /* twelve-factor-disable nope/typo */`;\nf(42);"],
    ["JSX text", "const el = <p>// twelve-factor-disable-line nope/typo</p>;\nf(42);"],
  ];
  for (const [where, code] of cases) {
    it(`text in ${where} is neither a directive nor an unknown id`, () => {
      const file = where === "JSX text" ? "src/a.tsx" : "src/a.ts";
      assert.deepEqual(summary(run({ [file]: code }, file)), ["processes/no-local-state warning 2:3-2:5 found 42"]);
    });
  }
  it("a comment after a string on the same line still counts", () => {
    assert.deepEqual(summary(run({ "src/a.ts": `f("x", 42); // twelve-factor-disable-line processes/no-local-state` }, "src/a.ts")), []);
  });
});
