import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ts from "typescript";
import { walk } from "../../server/src/engine/walker";

describe("walk", () => {
  it("dispatches in post-order with every parent linked, like setParentNodes", () => {
    const text = "const a = f(1, g(2));\nfunction h() { return [3, { k: 4 }]; }\n";
    const linked = ts.createSourceFile("a.ts", text, ts.ScriptTarget.Latest, true);
    const tree = ts.createSourceFile("a.ts", text, ts.ScriptTarget.Latest, false);
    const seen: string[] = [];
    walk(tree, new Map([[ts.SyntaxKind.NumericLiteral, [(node: ts.Node) => seen.push(`${node.getText(tree)}<${ts.SyntaxKind[node.parent.kind]}`)]]]));
    assert.deepEqual(seen, ["1<CallExpression", "2<CallExpression", "3<ArrayLiteralExpression", "4<PropertyAssignment"]);
    const parents = (sf: ts.SourceFile): string[] => {
      const out: string[] = [];
      const visit = (node: ts.Node): void => {
        out.push(`${ts.SyntaxKind[node.kind]}<${node.parent ? ts.SyntaxKind[node.parent.kind] : "-"}`);
        ts.forEachChild(node, visit);
      };
      visit(sf);
      return out;
    };
    assert.deepEqual(parents(tree), parents(linked));
  });

  it("walks 20,000-deep trees without overflowing the stack, still post-order", () => {
    // `a + a + … + a` is left-nested: the parser builds it in a loop, so it can be this deep.
    const depth = 20000;
    const text = `x = 1${" + a".repeat(depth)};`;
    const tree = ts.createSourceFile("deep.ts", text, ts.ScriptTarget.Latest, false);
    let binaries = 0;
    let literalDepth = -1;
    walk(tree, new Map([
      [ts.SyntaxKind.BinaryExpression, [() => binaries++]],
      [ts.SyntaxKind.NumericLiteral, [(node: ts.Node) => {
        assert.equal(binaries, 0, "the innermost literal is dispatched before any enclosing expression");
        let count = 0;
        for (let p: ts.Node | undefined = node.parent; p; p = p.parent) count++;
        literalDepth = count;
      }]],
    ]));
    assert.equal(binaries, depth + 1, "the additions and the assignment");
    assert.equal(literalDepth, depth + 3, "the literal's parent chain reaches the source file");
  });
});
