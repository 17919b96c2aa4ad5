import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { applyFixes, planFixes, writableTarget } from "../../server/src/engine/applyFixes";
import { envVariableFix } from "../../server/src/engine/fixes/envConfig";
import { diskHost } from "../../server/src/engine/host";
import { ProjectModel } from "../../server/src/engine/project";
import type { Finding, Fix, TextEdit } from "../../server/src/engine/types";
import { writeProject } from "../helpers/project";

const SRC = "/p/src/a.ts";
const EXAMPLE = "/p/.env.example";

function finding(fixes: Fix[], file = SRC): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, startOffset: 0, endOffset: 1 };
  return { ruleId: "test/rule", factor: "III", severity: "warning", message: "m", file, range, signals: [], fixes };
}

function fix(edits: TextEdit[], creates: Fix["creates"] = [], safe = true): Fix {
  return { title: "t", safe, edits, creates };
}

const edit = (start: number, end: number, newText: string, file = SRC): TextEdit => ({ file, start, end, newText });

function reader(files: Record<string, string>): (file: string) => string | undefined {
  return (file) => files[file];
}

describe("planFixes", () => {
  it("applies non-conflicting fixes of one file together", () => {
    const plan = planFixes([finding([fix([edit(0, 3, "one")])]), finding([fix([edit(4, 7, "two")])])], reader({ [SRC]: "aaa bbb ccc" }));
    assert.deepEqual([...plan.files], [[SRC, "one two ccc"]]);
    assert.equal(plan.applied.length, 2);
    assert.equal(plan.deferred.length, 0);
  });

  it("defers a fix that overlaps an accepted one, or inserts inside its range", () => {
    const first = finding([fix([edit(0, 5, "X")])]);
    const overlapping = finding([fix([edit(3, 8, "Y")])]);
    const insideInsert = finding([fix([edit(2, 2, "Z")])]);
    const plan = planFixes([first, overlapping, insideInsert], reader({ [SRC]: "0123456789" }));
    assert.deepEqual([...plan.files], [[SRC, "X56789"]]);
    assert.deepEqual(plan.applied, [first]);
    assert.deepEqual(plan.deferred, [overlapping, insideInsert]);
  });

  it("accepts edits that only touch end to start", () => {
    const plan = planFixes([finding([fix([edit(0, 2, "A")])]), finding([fix([edit(2, 2, "+")])]), finding([fix([edit(2, 4, "B")])])], reader({ [SRC]: "0123" }));
    assert.deepEqual([...plan.files], [[SRC, "A+B"]]);
  });

  it("defers a different insertion at the same offset, and dedupes identical edits", () => {
    const example = "A=\n";
    const first = finding([fix([edit(0, 1, "x"), edit(3, 3, "B=\n", EXAMPLE)])]);
    const same = finding([fix([edit(2, 3, "z"), edit(3, 3, "B=\n", EXAMPLE)])]);
    const other = finding([fix([edit(4, 5, "w"), edit(3, 3, "C=\n", EXAMPLE)])]);
    const plan = planFixes([first, same, other], reader({ [SRC]: "abcde", [EXAMPLE]: example }));
    assert.deepEqual(plan.files.get(SRC), "xbzde");
    assert.deepEqual(plan.files.get(EXAMPLE), "A=\nB=\n");
    assert.deepEqual(plan.applied, [first, same]);
    assert.deepEqual(plan.deferred, [other]);
  });

  it("skips a fix whose created file exists, and defers a second, different creation of one file", () => {
    const exists = finding([fix([edit(0, 1, "x")], [{ file: EXAMPLE, text: "A=\n" }])]);
    assert.equal(planFixes([exists], reader({ [SRC]: "abc", [EXAMPLE]: "" })).files.size, 0);
    assert.equal(planFixes([exists], reader({ [SRC]: "abc", [EXAMPLE]: "" })).deferred.length, 0);

    const createA = finding([fix([edit(0, 1, "x")], [{ file: EXAMPLE, text: "A=\n" }])]);
    const createASame = finding([fix([edit(1, 2, "y")], [{ file: EXAMPLE, text: "A=\n" }])]);
    const createB = finding([fix([edit(2, 3, "z")], [{ file: EXAMPLE, text: "B=\n" }])]);
    const plan = planFixes([createA, createASame, createB], reader({ [SRC]: "abc" }));
    assert.deepEqual(Object.fromEntries(plan.files), { [SRC]: "xyc", [EXAMPLE]: "A=\n" });
    assert.deepEqual([...plan.created], [EXAMPLE]);
    assert.deepEqual(plan.deferred, [createB]);
  });

  it("takes only the preferred fix, and only when it is safe", () => {
    const unsafeFirst = finding([fix([edit(0, 1, "x")], [], false), fix([edit(0, 1, "y")])]);
    assert.equal(planFixes([unsafeFirst], reader({ [SRC]: "abc" })).files.size, 0);
    const safeFirst = finding([fix([edit(0, 1, "x")]), fix([edit(0, 1, "y")])]);
    assert.deepEqual([...planFixes([safeFirst], reader({ [SRC]: "abc" })).files], [[SRC, "xbc"]]);
  });

  it("never applies a stale fix or one whose own edits collide", () => {
    const outOfRange = finding([fix([edit(2, 9, "x")])]);
    const missingFile = finding([fix([edit(0, 0, "x", "/p/gone.ts")])]);
    const selfColliding = finding([fix([edit(0, 2, "x"), edit(1, 3, "y")])]);
    const plan = planFixes([outOfRange, missingFile, selfColliding], reader({ [SRC]: "abc" }));
    assert.equal(plan.files.size, 0);
    assert.deepEqual(plan.deferred, []);
  });

  it("keeps CRLF line endings: only the edited span changes", () => {
    const text = 'const a = 1;\r\napp.listen(3000);\r\n';
    const plan = planFixes([finding([fix([edit(25, 29, "Number(process.env.PORT ?? 3000)")])])], reader({ [SRC]: text }));
    assert.equal(plan.files.get(SRC), "const a = 1;\r\napp.listen(Number(process.env.PORT ?? 3000));\r\n");
  });
});

/** A stand-in rule: each `"@@NAME@@"` literal in src/ is moved into the environment with the real envVariableFix. */
function scan(root: string): Finding[] {
  const project = new ProjectModel(root, diskHost);
  const findings: Finding[] = [];
  const dir = path.join(root, "src");
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/"@@([A-Z_]+)@@"/g)) {
      const start = match.index;
      const replacement = { file, start, end: start + match[0].length, newText: `process.env.${match[1]}` };
      findings.push(finding([envVariableFix({ project, replacement, name: match[1], title: "move" })], file));
    }
  }
  return findings;
}

describe("applyFixes", () => {
  it("re-plans conflicting fixes in later passes until everything is fixed, and is idempotent", async () => {
    const project = writeProject({ "src/a.ts": 'export const a = "@@API_KEY@@";\n', "src/b.ts": 'export const b = "@@DB_PASSWORD@@";\n' });
    try {
      const result = await applyFixes({ root: project.root, findings: scan(project.root), reanalyze: () => scan(project.root) });
      const { applied, ...rest } = result;
      assert.deepEqual(rest, {
        changedFiles: [path.join(project.root, ".env.example"), path.join(project.root, "src/a.ts"), path.join(project.root, "src/b.ts")],
        fixesApplied: 2,
        passes: 2,
        notes: [],
      });
      assert.deepEqual(applied.map((finding) => path.relative(project.root, finding.file)), ["src/a.ts", "src/b.ts"]);
      assert.equal(project.read("src/a.ts"), "export const a = process.env.API_KEY;\n");
      assert.equal(project.read("src/b.ts"), "export const b = process.env.DB_PASSWORD;\n");
      assert.equal(project.read(".env.example"), "API_KEY=\nDB_PASSWORD=\n");

      const again = await applyFixes({ root: project.root, findings: scan(project.root), reanalyze: () => scan(project.root) });
      assert.deepEqual(again, { changedFiles: [], fixesApplied: 0, applied: [], passes: 0, notes: [] });
    } finally {
      project.cleanup();
    }
  });

  it("keeps a CRLF file's line endings and its permissions, and leaves no temporary file", async () => {
    const project = writeProject({ "src/a.ts": 'const k = "@@TOKEN@@";\r\nexport default k;\r\n', ".env.example": "PORT=\r\n" });
    try {
      fs.chmodSync(path.join(project.root, "src/a.ts"), 0o751);
      await applyFixes({ root: project.root, findings: scan(project.root), reanalyze: () => scan(project.root) });
      assert.equal(project.read("src/a.ts"), "const k = process.env.TOKEN;\r\nexport default k;\r\n");
      assert.equal(project.read(".env.example"), "PORT=\r\nTOKEN=\r\n");
      assert.equal(fs.statSync(path.join(project.root, "src/a.ts")).mode & 0o777, 0o751);
      assert.deepEqual(fs.readdirSync(path.join(project.root, "src")), ["a.ts"]);
    } finally {
      project.cleanup();
    }
  });

  it("stops after the pass limit when a fix keeps finding more to do", async () => {
    const project = writeProject({ "src/a.ts": "" });
    const file = path.join(project.root, "src/a.ts");
    const grow = (): Finding[] => [finding([fix([edit(0, 0, "x", file)])], file)];
    try {
      const result = await applyFixes({ root: project.root, findings: grow(), reanalyze: grow, maxPasses: 4 });
      assert.equal(result.passes, 4);
      assert.equal(project.read("src/a.ts"), "xxxx");
    } finally {
      project.cleanup();
    }
  });

  it("never writes outside the project root, directly or through a symlink", async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-outside-"));
    const project = writeProject({ "src/a.ts": "abc" });
    try {
      fs.writeFileSync(path.join(outside, "target.ts"), "abc");
      fs.symlinkSync(path.join(outside, "target.ts"), path.join(project.root, "src/link.ts"));
      fs.symlinkSync(outside, path.join(project.root, "linked-dir"));
      const escape = path.join(project.root, "..", path.basename(outside), "target.ts");
      const findings = [
        finding([fix([edit(0, 1, "X", path.join(project.root, "src/link.ts"))])]),
        finding([fix([edit(0, 1, "Y", path.join(project.root, "src/a.ts")), edit(0, 1, "Y", escape)])]),
        finding([fix([], [{ file: path.join(project.root, "linked-dir/new.txt"), text: "x" }])]),
      ];
      const result = await applyFixes({ root: project.root, findings, reanalyze: () => [] });
      assert.equal(result.fixesApplied, 0);
      assert.deepEqual(result.changedFiles, []);
      assert.equal(result.notes.length, 3);
      assert.match(result.notes[0].message, /^src\/link\.ts: a fix would write outside the project root; it was not applied\.$/);
      assert.equal(fs.readFileSync(path.join(outside, "target.ts"), "utf8"), "abc");
      assert.equal(project.read("src/a.ts"), "abc", "a fix is all or nothing");
      assert.equal(fs.existsSync(path.join(outside, "new.txt")), false);
    } finally {
      project.cleanup();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it("follows a symlink that stays inside the project", () => {
    const project = writeProject({ "src/real.ts": "abc" });
    try {
      fs.symlinkSync(path.join(project.root, "src/real.ts"), path.join(project.root, "src/alias.ts"));
      assert.equal(writableTarget(project.root, path.join(project.root, "src/alias.ts")), fs.realpathSync(path.join(project.root, "src/real.ts")));
      assert.equal(writableTarget(project.root, project.root), undefined);
    } finally {
      project.cleanup();
    }
  });
});
