import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { Engine } from "../../server/src/engine/analyzer";
import { changeBetween, ParseCache } from "../../server/src/engine/parseCache";
import { RULES } from "../../server/src/rules/registry";
import { writeProject } from "../helpers/project";

const projects: Array<{ cleanup(): void }> = [];
after(() => projects.forEach((p) => p.cleanup()));

const SERVER = readFileSync(path.resolve("examples/express-service/src/server.ts"), "utf8");

/** Edits as typed in an editor, each applied to the text the previous one left. */
const EDITS: Array<{ what: string; edit(text: string): string }> = [
  { what: "a port typed at the end", edit: (text) => `${text}\napp.listen(3001);\n` },
  { what: "the port changed", edit: (text) => text.replace("app.listen(3001)", "app.listen(3002)") },
  { what: "a token typed one key at a time (unterminated string)", edit: (text) => `${text}const apiKey = "sk_live_4eC39Hq` },
  { what: "the string closed", edit: (text) => `${text}LyjWDarjtT1zdp7dc";\n` },
  { what: "a brace left open in the middle", edit: (text) => text.replace("app.listen(3002);", "function later() {\napp.listen(3002);") },
  { what: "the brace closed", edit: (text) => text.replace("app.listen(3002);", "app.listen(3002);\n}") },
  { what: "the first line deleted", edit: (text) => text.slice(text.indexOf("\n") + 1) },
  { what: "the first line back", edit: (text) => `${SERVER.slice(0, SERVER.indexOf("\n") + 1)}${text}` },
  { what: "a disable comment above the port", edit: (text) => text.replace("function later() {", "function later() {\n// twelve-factor-disable-next-line port-binding/no-fixed-port") },
  { what: "everything replaced", edit: () => `import fs from "node:fs";\nfs.writeFileSync("/var/data/state.json", "{}");\n` },
];

describe("incremental parsing of an open file", () => {
  it("finds, after every edit, exactly what a fresh analysis of the same text finds", () => {
    const project = writeProject({ "package.json": `{ "name": "svc", "dependencies": { "express": "^5.0.0" } }\n`, "src/server.ts": SERVER });
    projects.push(project);
    const file = path.join(project.root, "src/server.ts");
    const editing = new Engine({ root: project.root, rules: RULES });
    let text = SERVER;
    editing.analyzeFile(file, text, { incremental: true });
    for (const { what, edit } of EDITS) {
      text = edit(text);
      editing.invalidate(file);
      const incremental = editing.analyzeFile(file, text, { incremental: true });
      const fresh = new Engine({ root: project.root, rules: RULES }).analyzeFile(file, text);
      assert.deepEqual(incremental, fresh, what);
    }
    // The walk-through above ends on a file-system write: the last analysis did find something.
    assert.deepEqual(editing.analyzeFile(file, text, { incremental: true }).findings.map((f) => f.ruleId), ["processes/no-local-state"]);
  });

  it("reuses the unchanged statements of the previous tree, and parses anew once the file was closed", () => {
    const cache = new ParseCache();
    const before = cache.forAnalysis("/p/a.ts", "const a = 1;\nconst b = 2;\n", true);
    const after = cache.forAnalysis("/p/a.ts", "const a = 1;\nconst b = 2;\nconst c = 3;\n", true);
    assert.ok(before && after);
    assert.equal(after.statements[0], before.statements[0]);
    assert.deepEqual(after.statements.map((s) => s.getText(after)), ["const a = 1;", "const b = 2;", "const c = 3;"]);
    cache.release("/p/a.ts");
    const reopened = cache.forAnalysis("/p/a.ts", "const a = 1;\nconst b = 2;\nconst c = 4;\n", true);
    assert.notEqual(reopened?.statements[0], after.statements[0]);
    // Without `incremental` (the CLI, an audit) nothing is kept.
    const once = cache.forAnalysis("/p/b.ts", "let x = 1;\n");
    assert.notEqual(cache.forAnalysis("/p/b.ts", "let x = 1;\nlet y = 2;\n")?.statements[0], once?.statements[0]);
  });

  it("hands the parser the one span that changed", () => {
    assert.deepEqual(changeBetween("const port = 3000;", "const port = 30001;"), { span: { start: 17, length: 0 }, newLength: 1 });
    assert.deepEqual(changeBetween("abcabc", "abc"), { span: { start: 3, length: 3 }, newLength: 0 });
    assert.deepEqual(changeBetween("same", "same"), { span: { start: 4, length: 0 }, newLength: 0 });
    assert.deepEqual(changeBetween("", "new"), { span: { start: 0, length: 0 }, newLength: 3 });
  });
});
