import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";
import { Engine } from "../../server/src/engine/analyzer";
import type { RolePolicies } from "../../server/src/engine/fileRoles";
import { defineRule, type ReportDescriptor } from "../../server/src/engine/rule";
import type { Finding } from "../../server/src/engine/types";
import { writeProject } from "../helpers/project";

/** A rule that reports every numeric literal 7 (warning), 8 (error, self-identifying) and 9 (lowered by the rule itself), each with a safe fix. */
function ruleWith(roles: RolePolicies, created: string[]) {
  return defineRule({
    id: "processes/no-local-state",
    factor: "VI",
    headline: false,
    defaultSeverity: "warning",
    description: "test rule",
    rationale: "test",
    fixable: true,
    roles,
    trigger: /[789]/,
    create(context) {
      created.push(context.relativePath);
      return {
        [ts.SyntaxKind.NumericLiteral]: (node) => {
          const text = (node as ts.NumericLiteral).text;
          const fix = { title: "fix", safe: true, edits: [{ file: context.file, start: node.getStart(), end: node.getEnd(), newText: "0" }], creates: [] };
          const descriptor: ReportDescriptor = { node, message: `found ${text}`, fixes: [fix] };
          if (text === "8") context.report({ ...descriptor, severity: "error", selfIdentifying: true });
          else if (text === "9") context.report({ ...descriptor, lowered: true });
          else if (text === "7") context.report(descriptor);
        },
      };
    },
  });
}

function run(roles: RolePolicies, file: string): { findings: Pick<Finding, "message" | "severity" | "inTestCode">[]; safe: boolean[]; created: string[] } {
  const project = writeProject({ "package.json": "{}", [file]: "const a = 7, b = 8, c = 9;\n" });
  const created: string[] = [];
  try {
    const engine = new Engine({ root: project.root, rules: [ruleWith(roles, created)] });
    const { findings } = engine.analyzeFile(path.join(project.root, file));
    return {
      findings: findings.map(({ message, severity, inTestCode }) => (inTestCode ? { message, severity, inTestCode } : { message, severity })),
      safe: findings.map((finding) => finding.fixes[0].safe),
      created,
    };
  } finally {
    project.cleanup();
  }
}

describe("the analyzer applies each rule's role policy", () => {
  it("app code: as reported, fixes safe", () => {
    assert.deepEqual(run({ test: "off" }, "src/a.ts"), {
      findings: [{ message: "found 7", severity: "warning" }, { message: "found 8", severity: "error" }, { message: "found 9", severity: "info" }],
      safe: [true, true, true],
      created: ["src/a.ts"],
    });
  });

  it("off: the rule is never created for the file", () => {
    assert.deepEqual(run({ test: "off" }, "test/a.test.ts"), { findings: [], safe: [], created: [] });
  });

  it("build output is off unless the rule says otherwise", () => {
    assert.deepEqual(run({}, "dist/a.js").created, []);
    assert.equal(run({ build: "on" }, "dist/a.js").findings.length, 3);
  });

  it("lowered: one step down, once, whatever else lowers it; fixes stay safe outside test code", () => {
    assert.deepEqual(run({ script: "lowered" }, "scripts/a.ts"), {
      findings: [{ message: "found 7", severity: "info" }, { message: "found 8", severity: "warning" }, { message: "found 9", severity: "info" }],
      safe: [true, true, true],
      created: ["scripts/a.ts"],
    });
  });

  it("self-identifying only: the rest is dropped, the self-identifying finding lowered, its fix unsafe in a fixture", () => {
    assert.deepEqual(run({ fixture: "self-identifying only" }, "test/fixtures/a.ts"), {
      findings: [{ message: "found 8", severity: "warning", inTestCode: true }],
      safe: [false],
      created: ["test/fixtures/a.ts"],
    });
  });

  it("on in test code: reported as is, but no fix is safe", () => {
    const result = run({}, "src/a.spec.ts");
    assert.deepEqual(result.findings.map((finding) => [finding.severity, finding.inTestCode]), [["warning", true], ["error", true], ["info", true]]);
    assert.deepEqual(result.safe, [false, false, false]);
  });
});
