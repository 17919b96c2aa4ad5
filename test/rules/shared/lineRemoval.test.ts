import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ts from "typescript";
import { statementLines } from "../../../server/src/rules/shared/lineRemoval";

/** The text left when the statement that starts with `marker` is removed by its lines. */
function removeStatement(text: string, marker: string): string {
  const sourceFile = ts.createSourceFile("a.ts", text, ts.ScriptTarget.Latest, true);
  const statement = sourceFile.statements.find((candidate) => candidate.getText(sourceFile).startsWith(marker)) as ts.Statement;
  const span = statementLines(sourceFile, statement);
  assert.ok(span, "whole lines");
  return text.slice(0, span.start) + text.slice(span.end);
}

describe("statementLines", () => {
  it("takes a statement's lines and one of the blank lines around it, so no double gap is left", () => {
    assert.equal(removeStatement("a();\n\nremove();\n\nb();\n", "remove"), "a();\n\nb();\n");
    assert.equal(removeStatement("a();\nremove();\nb();\n", "remove"), "a();\nb();\n");
    assert.equal(removeStatement("a();\n  \nremove();\n", "remove"), "a();\n");
  });

  it("does the same with CRLF line breaks", () => {
    assert.equal(removeStatement("a();\r\n\r\nremove();\r\n\r\nb();\r\n", "remove"), "a();\r\n\r\nb();\r\n");
    assert.equal(removeStatement("a();\r\n\r\nremove();\r\n", "remove"), "a();\r\n");
  });

  it("keeps a line that holds other code", () => {
    const sourceFile = ts.createSourceFile("a.ts", "a(); remove();\n", ts.ScriptTarget.Latest, true);
    assert.equal(statementLines(sourceFile, sourceFile.statements[1]), undefined);
  });
});
