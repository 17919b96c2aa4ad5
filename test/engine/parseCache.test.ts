import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParseCache } from "../../server/src/engine/parseCache";

const text = (name: string, length: number): string => `export const ${name} = "${"x".repeat(length - 20 - name.length)}";\n`;

describe("the parse cache", () => {
  it("keeps trees while their texts fit the byte budget, and drops the least recently used beyond it", () => {
    const cache = new ParseCache(300, 250);
    const a = text("a", 100);
    const b = text("b", 100);
    const c = text("c", 100);
    const treeA = cache.get("/p/a.ts", a);
    const treeB = cache.get("/p/b.ts", b);
    // Both fit (200 of 250 bytes): the same trees come back.
    assert.equal(cache.get("/p/a.ts", a), treeA);
    assert.equal(cache.get("/p/b.ts", b), treeB);
    // A third does not: the least recently used (a, before b was asked for again) goes.
    cache.get("/p/c.ts", c);
    assert.equal(cache.get("/p/b.ts", b), treeB);
    assert.notEqual(cache.get("/p/a.ts", a), treeA);
  });

  it("counts a replaced or invalidated file's text out of the budget", () => {
    const cache = new ParseCache(300, 250);
    const a = text("a", 100);
    const b = text("b", 100);
    cache.get("/p/a.ts", a);
    // A new version of a replaces the old one instead of adding to it.
    const treeA2 = cache.get("/p/a.ts", `${a}//\n`);
    const treeB = cache.get("/p/b.ts", b);
    assert.equal(cache.get("/p/a.ts", `${a}//\n`), treeA2);
    cache.invalidate("/p/a.ts");
    const treeC = cache.get("/p/c.ts", text("c", 100));
    assert.equal(cache.get("/p/b.ts", b), treeB);
    assert.equal(cache.get("/p/c.ts", text("c", 100)), treeC);
  });

  it("still holds at most the given number of trees", () => {
    const cache = new ParseCache(2);
    const first = cache.get("/p/1.ts", "export const one = 1;\n");
    cache.get("/p/2.ts", "export const two = 2;\n");
    cache.get("/p/3.ts", "export const three = 3;\n");
    assert.notEqual(cache.get("/p/1.ts", "export const one = 1;\n"), first);
  });
});
