import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

const dist = path.resolve(__dirname, "../../dist");

describe("the bundles' shared compiler", () => {
  // `npm test` builds dist/ first.
  for (const bundle of ["cli.js", "server.js", "auditWorker.js"]) {
    it(`${bundle} loads dist/typescript.js once, without a copy of its exports per importing module`, () => {
      const text = readFileSync(path.join(dist, bundle), "utf8");
      const loads = text.match(/require\("\.\/typescript\.js"\)/g) ?? [];
      assert.equal(loads.length, 1, `${bundle} requires the compiler ${loads.length} times`);
      // esbuild's `__toESM(require(...))` wrapper copies the 2,248 exports as getters each time.
      assert.doesNotMatch(text, /__toESM\(require\("\.\/typescript\.js"\)\)/);
    });
  }

  it("the shared copy is the compiler itself, with its in-process API", async () => {
    const ts = ((await import(path.join(dist, "typescript.js"))) as { default: typeof import("typescript") }).default;
    const sourceFile = ts.createSourceFile("a.ts", "const port = 3000;", ts.ScriptTarget.Latest);
    assert.equal(sourceFile.statements.length, 1);
  });
});
