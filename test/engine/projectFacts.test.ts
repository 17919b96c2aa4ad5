import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { Engine } from "../../server/src/engine/analyzer";
import { OverlayHost } from "../../server/src/engine/host";
import { ProjectModel } from "../../server/src/engine/project";
import { noGracefulShutdown } from "../../server/src/rules/disposability/no-graceful-shutdown";
import { writeProject } from "../helpers/project";

/**
 * Project-wide facts over every source file: computed once per file, from the text the host
 * gives (open buffers first), and dropped per file on `invalidate`, never as a whole.
 */
function counting(): { fact: (text: string, file: string) => boolean; calls: string[] } {
  const calls: string[] = [];
  return { calls, fact: (text, file) => (calls.push(path.basename(file)), text.includes("SIGTERM")) };
}

describe("SourceFileFacts (ProjectModel.sources)", () => {
  it("lists the project's sources once, leaving out node_modules, git-ignored files and non-sources", () => {
    const project = writeProject({ "src/a.ts": "", "src/b.js": "", "README.md": "", "node_modules/x/index.js": "", ".gitignore": "tmp/\n", "tmp/c.ts": "", "types.d.ts": "" });
    try {
      const model = new ProjectModel(project.root, new OverlayHost());
      assert.deepEqual(model.sources.files().map((file) => model.relative(file)), ["src/a.ts", "src/b.js"]);
    } finally {
      project.cleanup();
    }
  });

  it("computes a file's fact once, and after invalidate only that file's again", () => {
    const project = writeProject({ "src/a.ts": "one", "src/b.ts": "two" });
    try {
      const model = new ProjectModel(project.root, new OverlayHost());
      const { fact, calls } = counting();
      const [a, b] = model.sources.files();
      model.sources.of("signals", a, fact);
      model.sources.of("signals", b, fact);
      model.sources.of("signals", a, fact);
      assert.deepEqual(calls, ["a.ts", "b.ts"]);
      model.invalidate(a);
      model.sources.of("signals", a, fact);
      model.sources.of("signals", b, fact);
      assert.deepEqual(calls, ["a.ts", "b.ts", "a.ts"]);
    } finally {
      project.cleanup();
    }
  });

  it("reads through the host, so an open editor buffer wins over the disk", () => {
    const project = writeProject({ "src/a.ts": "nothing here" });
    try {
      const host = new OverlayHost();
      const model = new ProjectModel(project.root, host);
      const file = path.join(project.root, "src/a.ts");
      const { fact } = counting();
      assert.equal(model.sources.of("signals", file, fact), false);
      host.set(file, `process.on("SIGTERM", () => {});`);
      model.invalidate(file);
      assert.equal(model.sources.of("signals", file, fact), true);
    } finally {
      project.cleanup();
    }
  });

  it("adds a source created after discovery, unless ignored; a deleted file reads as unreadable", () => {
    const project = writeProject({ "src/a.ts": "", ".gitignore": "local/\n" });
    try {
      const model = new ProjectModel(project.root, new OverlayHost());
      assert.equal(model.sources.files().length, 1);
      for (const rel of ["src/new.ts", "local/x.ts", "node_modules/y/index.js", "notes.md"]) {
        mkdirSync(path.dirname(path.join(project.root, rel)), { recursive: true });
        writeFileSync(path.join(project.root, rel), "");
      }
      model.invalidate(path.join(project.root, "src/new.ts"));
      model.invalidate(path.join(project.root, "local/x.ts"));
      model.invalidate(path.join(project.root, "node_modules/y/index.js"));
      model.invalidate(path.join(project.root, "notes.md"));
      assert.deepEqual(model.sources.files().map((file) => model.relative(file)), ["src/a.ts", "src/new.ts"]);
      rmSync(path.join(project.root, "src/a.ts"));
      model.invalidate(path.join(project.root, "src/a.ts"));
      assert.equal(model.sources.of("signals", path.join(project.root, "src/a.ts"), counting().fact), undefined);
    } finally {
      project.cleanup();
    }
  });

  it("rebuilds the file list when .gitignore changes", () => {
    const project = writeProject({ "src/a.ts": "", "gen/b.ts": "" });
    try {
      const model = new ProjectModel(project.root, new OverlayHost());
      assert.equal(model.sources.files().length, 2);
      writeFileSync(path.join(project.root, ".gitignore"), "gen/\n");
      model.invalidate(path.join(project.root, ".gitignore"));
      assert.deepEqual(model.sources.files().map((file) => model.relative(file)), ["src/a.ts"]);
    } finally {
      project.cleanup();
    }
  });
});

describe("no-graceful-shutdown follows edits to other files", () => {
  const server = `import express from "express";\nconst app = express();\napp.listen(3000);\n`;
  const findingsOf = (engine: Engine, file: string): string[] => engine.analyzeFile(file).findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`);

  it("a handler added in an unsaved buffer of another file clears the finding; removing it brings it back", () => {
    const project = writeProject({ "src/server.ts": server, "src/shutdown.ts": "export {};\n" });
    try {
      const host = new OverlayHost();
      const engine = new Engine({ root: project.root, rules: [noGracefulShutdown], host });
      const serverFile = path.join(project.root, "src/server.ts");
      const shutdownFile = path.join(project.root, "src/shutdown.ts");
      assert.deepEqual(findingsOf(engine, serverFile), ["disposability/no-graceful-shutdown 3:1"]);

      host.set(shutdownFile, `process.once("SIGINT", () => process.exit(0));\n`);
      engine.invalidate(shutdownFile);
      assert.deepEqual(findingsOf(engine, serverFile), []);

      host.set(shutdownFile, `process.once("SIGHUP", () => process.exit(0));\n`);
      engine.invalidate(shutdownFile);
      assert.deepEqual(findingsOf(engine, serverFile), ["disposability/no-graceful-shutdown 3:1"]);
    } finally {
      project.cleanup();
    }
  });

  it("the finding moves to the next binding file when the first one stops binding", () => {
    const project = writeProject({ "src/a.ts": server, "src/b.ts": server });
    try {
      const host = new OverlayHost();
      const engine = new Engine({ root: project.root, rules: [noGracefulShutdown], host });
      const [a, b] = ["src/a.ts", "src/b.ts"].map((rel) => path.join(project.root, rel));
      assert.deepEqual([findingsOf(engine, a), findingsOf(engine, b)], [["disposability/no-graceful-shutdown 3:1"], []]);
      host.set(a, "export {};\n");
      engine.invalidate(a);
      assert.deepEqual([findingsOf(engine, a), findingsOf(engine, b)], [[], ["disposability/no-graceful-shutdown 3:1"]]);
    } finally {
      project.cleanup();
    }
  });
});
