import assert from "node:assert/strict";
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";
import { Engine } from "../../server/src/engine/analyzer";
import { applyTextEdits } from "../../server/src/engine/edits";
import type { RuleDefinition } from "../../server/src/engine/rule";
import { isSourceFile } from "../../server/src/engine/sourceKinds";
import type { Finding, Severity } from "../../server/src/engine/types";
import { writeProject } from "./project";

/**
 * Table-driven rule tests in the style of typescript-eslint's RuleTester: each case is a small
 * project on disk, the rule runs alone through the real engine, and the exact findings, the text
 * after the preferred fixes, re-parsing and idempotence are all asserted.
 */
export interface ValidCase {
  name?: string;
  code: string;
  /** Project-relative path of the file under test; `src/index.ts` by default. */
  filename?: string;
  /** Other files of the project (`package.json`, `.gitignore`, imported modules ...). */
  files?: Record<string, string>;
  /** Rule options, e.g. a secrets allow-list. */
  secretsAllowList?: string[];
}

export interface ExpectedFinding {
  /** Exact message, or a pattern when only part of it matters. */
  message: string | RegExp;
  /** 1-based, like ESLint. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: Severity;
  signals?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Text of the file under test after applying every finding's preferred fix; omit for "no fix". */
  output?: string;
  /** Other files after the fix (`null`: must not exist). */
  outputFiles?: Record<string, string | null>;
}

export const DEFAULT_FILENAME = "src/index.ts";

function label(testCase: ValidCase, index: number): string {
  return testCase.name ?? `${index}: ${testCase.code.replace(/\s+/g, " ").slice(0, 70)}`;
}

export function analyze(rule: RuleDefinition, testCase: ValidCase): { findings: Finding[]; root: string; cleanup(): void; read(rel: string): string | undefined } {
  const filename = testCase.filename ?? DEFAULT_FILENAME;
  const project = writeProject({ ...testCase.files, [filename]: testCase.code });
  const engine = new Engine({ root: project.root, rules: [rule], config: { rules: {}, ignore: [], secrets: { allow: testCase.secretsAllowList ?? [] } } });
  const { findings, notes } = engine.analyzeFile(path.join(project.root, filename));
  // A rule that throws reports nothing, which would let a "valid" case pass for the wrong reason.
  const failure = notes.find((note) => note.level === "error");
  if (failure) {
    project.cleanup();
    throw new Error(failure.message);
  }
  return { findings: findings.filter((f) => f.ruleId === rule.id), root: project.root, cleanup: project.cleanup, read: project.read };
}

function syntaxErrorCount(filename: string, text: string): number {
  const kind = /\.tsx$/.test(filename) ? ts.ScriptKind.TSX : /\.jsx$/.test(filename) ? ts.ScriptKind.JSX : /\.[cm]?js$/.test(filename) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(filename, text, ts.ScriptTarget.Latest, false, kind);
  return (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

/** Applies the preferred (first) fix of every finding to the project on disk; returns whether anything changed. */
/**
 * For rules whose fix removes the problem outright: after each case's fix, the rule finds nothing.
 * (Not every fix does: one moving a secret may leave a finding to review.)
 */
export function assertFixedCasesClean(rule: RuleDefinition, invalid: readonly InvalidCase[]): void {
  for (const testCase of invalid.filter((c) => c.output !== undefined)) {
    const files = { ...testCase.files };
    for (const [rel, text] of Object.entries(testCase.outputFiles ?? {})) if (text !== null) files[rel] = text;
    const result = analyze(rule, { ...testCase, code: testCase.output as string, files });
    const remaining = result.findings.map((f) => f.message);
    result.cleanup();
    assert.deepEqual(remaining, [], testCase.name);
  }
}

export function applyPreferredFixes(findings: Finding[]): boolean {
  const byFile = new Map<string, { start: number; end: number; newText: string }[]>();
  const creates = new Map<string, string>();
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix) continue;
    for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    for (const create of fix.creates) if (!creates.has(create.file)) creates.set(create.file, create.text);
  }
  let changed = false;
  for (const [file, text] of creates) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: "wx" });
    changed = true;
  }
  for (const [file, edits] of byFile) {
    const before = ts.sys.readFile(file) ?? "";
    const after = applyTextEdits(before, edits);
    if (after !== before) {
      writeFileSync(file, after);
      changed = true;
    }
  }
  return changed;
}

export function runRuleTests(rule: RuleDefinition, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    describe("valid", () => {
      cases.valid.forEach((testCase, index) => {
        it(label(testCase, index), () => {
          const result = analyze(rule, testCase);
          try {
            assert.deepEqual(
              result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
              [],
              "expected no findings",
            );
          } finally {
            result.cleanup();
          }
        });
      });
    });
    describe("invalid", () => {
      cases.invalid.forEach((testCase, index) => {
        it(label(testCase, index), () => {
          const filename = testCase.filename ?? DEFAULT_FILENAME;
          // A trigger that misses would leave the file unparsed: say so plainly, for every rule.
          if (isSourceFile(filename) && rule.trigger !== null) assert.ok(rule.trigger.test(testCase.code), "the rule's trigger does not match this code");
          const result = analyze(rule, testCase);
          try {
            const actual = result.findings.map((f) => ({
              line: f.range.start.line + 1,
              column: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            }));
            const expected = testCase.errors.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }));
            assert.deepEqual(actual, expected, `ranges differ; messages: ${JSON.stringify(result.findings.map((f) => f.message))}`);
            testCase.errors.forEach((error, i) => {
              const finding = result.findings[i];
              if (typeof error.message === "string") assert.equal(finding.message, error.message);
              else assert.match(finding.message, error.message);
              if (error.severity) assert.equal(finding.severity, error.severity, "severity");
              if (error.signals) assert.deepEqual(finding.signals, error.signals, "signals");
            });

            const fixable = result.findings.some((f) => f.fixes.length > 0);
            if (testCase.output === undefined) {
              assert.equal(fixable, false, "a fix was offered but the case has no `output`");
              return;
            }
            assert.ok(fixable, "expected a fix");
            const before = result.read(filename) ?? "";
            applyPreferredFixes(result.findings);
            const fixed = result.read(filename) ?? "";
            assert.equal(fixed, testCase.output, "text after the fix");
            for (const [rel, text] of Object.entries(testCase.outputFiles ?? {})) {
              assert.equal(result.read(rel) ?? null, text, `${rel} after the fix`);
            }
            // A TypeScript re-parse says nothing about YAML, Dockerfiles or .npmrc: those are re-read by the idempotence pass below.
            if (isSourceFile(filename)) assert.ok(syntaxErrorCount(filename, fixed) <= syntaxErrorCount(filename, before), "the fix introduced a syntax error");

            // Idempotent: analysing the fixed project and fixing again changes nothing.
            const engine = new Engine({ root: result.root, rules: [rule], config: { rules: {}, ignore: [], secrets: { allow: testCase.secretsAllowList ?? [] } } });
            const again = engine.analyzeFile(path.join(result.root, filename)).findings.filter((f) => f.ruleId === rule.id);
            const snapshot = JSON.stringify(Object.keys(testCase.outputFiles ?? {}).map((rel) => result.read(rel)));
            assert.equal(applyPreferredFixes(again), false, "a second fix changed files");
            assert.equal(JSON.stringify(Object.keys(testCase.outputFiles ?? {}).map((rel) => result.read(rel))), snapshot);
          } finally {
            result.cleanup();
          }
        });
      });
    });
  });
}
