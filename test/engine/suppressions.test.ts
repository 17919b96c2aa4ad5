import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSuppressions } from "../../server/src/engine/suppressions";

describe("secret scanner markers (secrets rules only)", () => {
  const secret = "config/no-hardcoded-secret";
  const markers = ["// gitleaks:allow", "// secretlint-disable-line", "// pragma: allowlist secret", "// NOSONAR"];
  for (const marker of markers) {
    it(`${marker} on the same line`, () => {
      const s = parseSuppressions(`const a = 1;\nconst key = "x"; ${marker}\n`);
      assert.equal(s.isSuppressed(secret, 1), true);
      assert.equal(s.isSuppressed(secret, 0), false);
      assert.equal(s.isSuppressed("port-binding/no-fixed-port", 1), false, "other rules are not silenced by secret markers");
    });
  }
  it("secretlint-disable-next-line", () => {
    const s = parseSuppressions(`// secretlint-disable-next-line\nconst key = "x";\nconst other = "y";`);
    assert.deepEqual([0, 1, 2].map((line) => s.isSuppressed(secret, line)), [false, true, false]);
  });
  it("twelve-factor directives with no id disable every rule on that line", () => {
    const s = parseSuppressions(`f(); // twelve-factor-disable-line\ng();`);
    assert.deepEqual([s.isSuppressed("a/b", 0), s.isSuppressed("a/b", 1)], [true, false]);
  });
});

describe("directive syntax", () => {
  it("a misspelt keyword is not a directive (and so disables nothing)", () => {
    const s = parseSuppressions(`f(); // twelve-factor-disable-lines a/b\n`);
    assert.deepEqual(s.directives, []);
    assert.equal(s.isSuppressed("a/b", 0), false);
  });
  it("a directive at the end of a block comment or the file", () => {
    assert.deepEqual(parseSuppressions(`/* twelve-factor-disable a/b*/`).directives.map((d) => [d.kind, d.ids]), [["file", ["a/b"]]]);
    assert.deepEqual(parseSuppressions(`// twelve-factor-disable-line`).directives.map((d) => [d.kind, d.ids]), [["line", []]]);
  });
});
