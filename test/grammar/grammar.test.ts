import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

/**
 * Runs the TextMate grammar cases (test/grammar/cases/*.tmtest, vscode-tmgrammar-test's `^^^`
 * format) through the real vscode-textmate engine, with the grammars registered exactly as
 * test/grammar/contributes.json (the snippet for package.json) registers them. The TypeScript,
 * TSX, JavaScript and JSX host grammars for the injection come from the tm-grammars package.
 */
const REPO = path.resolve(__dirname, "../..");
const CASES = path.join(REPO, "test/grammar/cases");
const CONTRIBUTES_FILE = path.join(REPO, "test/grammar/contributes.json");
const HOST_GRAMMARS = ["typescript", "tsx", "javascript", "jsx"].map((name) => path.join(REPO, "node_modules/tm-grammars/grammars", `${name}.json`));
const INJECTION_SCOPE = "comment.twelve-factor.directive.injection";

interface Contributes {
  languages: Array<Record<string, unknown>>;
  grammars: Array<{ scopeName: string; path: string; language?: string; injectTo?: string[] }>;
}

const contributes = JSON.parse(readFileSync(CONTRIBUTES_FILE, "utf8")) as Contributes;
const workDir = mkdtempSync(path.join(os.tmpdir(), "tf-grammar-"));
after(() => rmSync(workDir, { recursive: true, force: true }));

/** The same program npm links as node_modules/.bin/vscode-tmgrammar-test, started through node so it runs on Windows too. */
function toolScript(): string {
  const dir = path.join(REPO, "node_modules/vscode-tmgrammar-test");
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { bin: Record<string, string> };
  return path.join(dir, manifest.bin["vscode-tmgrammar-test"]);
}

/** The tool resolves grammar paths against its config file's folder, so the config is written with paths relative to it. */
function writeConfig(name: string, grammars: Contributes["grammars"]): string {
  const configDir = path.join(workDir, name);
  const rebased = grammars.map((grammar) => ({ ...grammar, path: path.relative(configDir, path.join(REPO, grammar.path)) }));
  const configPath = path.join(configDir, "package.json");
  mkdirSync(configDir, { recursive: true });
  writeFileSync(configPath, JSON.stringify({ contributes: { grammars: rebased } }));
  return configPath;
}

function runTool(configPath: string, caseFiles: string[]): { status: number | null; output: string } {
  const args = [toolScript(), "--config", configPath, ...HOST_GRAMMARS.flatMap((grammar) => ["-g", grammar]), ...caseFiles];
  const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const caseFiles = readdirSync(CASES)
  .filter((name) => name.endsWith(".tmtest"))
  .sort()
  .map((name) => path.posix.join("test/grammar/cases", name)); // the tool globs its arguments, so forward slashes on every OS

describe("TextMate grammars", () => {
  it("pass every grammar case", () => {
    assert.ok(caseFiles.length >= 6, `expected the dotenv and directive cases, found ${caseFiles.join(", ")}`);
    const { status, output } = runTool(writeConfig("all", contributes.grammars), caseFiles);
    assert.equal(status, 0, output);
    for (const file of caseFiles) assert.match(output, new RegExp(`✓ ${escapeRegExp(file)} run successfuly`), `${file} did not run:\n${output}`);
  });

  it("fail on a wrong scope assertion, so the run above cannot pass vacuously", () => {
    const wrong = path.join(workDir, "wrong.tmtest");
    writeFileSync(wrong, ['# SYNTAX TEST "source.dotenv"', "KEY=value", "#   ^^^^^ comment.line.number-sign.dotenv", ""].join("\n"));
    const failed = runTool(writeConfig("wrong", contributes.grammars), [wrong]);
    assert.notEqual(failed.status, 0, failed.output);
    assert.match(failed.output, /missing required scopes: comment\.line\.number-sign\.dotenv/);

    const right = path.join(workDir, "right.tmtest");
    writeFileSync(right, ['# SYNTAX TEST "source.dotenv"', "KEY=value", "#   ^^^^^ string.unquoted.dotenv", ""].join("\n"));
    assert.equal(runTool(writeConfig("right", contributes.grammars), [right]).status, 0);
  });

  it("need the injection grammar for the directive cases", () => {
    const withoutInjection = contributes.grammars.filter((grammar) => grammar.scopeName !== INJECTION_SCOPE);
    const directiveCases = caseFiles.filter((file) => path.basename(file).startsWith("directives."));
    assert.equal(directiveCases.length, 4);
    const { status, output } = runTool(writeConfig("no-injection", withoutInjection), directiveCases);
    assert.notEqual(status, 0, output);
    assert.match(output, /missing required scopes: .*keyword\.control\.directive\.twelve-factor/);
  });
});

describe("manifest snippet for the grammars", () => {
  it("is the same in docs/grammar.md as in test/grammar/contributes.json", () => {
    const markdown = readFileSync(path.join(REPO, "docs/grammar.md"), "utf8");
    const block = /<!-- contributes -->\s*```json\n([\s\S]*?)\n```/.exec(markdown);
    assert.ok(block, "docs/grammar.md has no <!-- contributes --> json block");
    assert.deepEqual(JSON.parse(block[1]), contributes);
  });

  it("names files that exist and parse, with '#' as the dotenv line comment", () => {
    const files = [...contributes.grammars.map((grammar) => grammar.path), ...contributes.languages.map((language) => String(language.configuration))];
    for (const file of files) assert.ok(existsSync(path.join(REPO, file)), `${file} is missing`);
    for (const grammar of contributes.grammars) {
      const parsed = JSON.parse(readFileSync(path.join(REPO, grammar.path), "utf8")) as { scopeName: string };
      assert.equal(parsed.scopeName, grammar.scopeName, grammar.path);
    }
    const configuration = JSON.parse(readFileSync(path.join(REPO, "syntaxes/dotenv.language-configuration.json"), "utf8")) as { comments: { lineComment: string } };
    assert.equal(configuration.comments.lineComment, "#");
  });

  it("is what package.json contributes, once merged there", (t) => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { contributes?: Partial<Contributes> };
    const grammars = manifest.contributes?.grammars ?? [];
    if (!grammars.some((grammar) => grammar.scopeName === "source.dotenv")) {
      t.skip("package.json does not contribute the dotenv grammar yet");
      return;
    }
    for (const entry of contributes.grammars) assert.deepEqual(grammars.find((grammar) => grammar.scopeName === entry.scopeName), entry);
    const languages = manifest.contributes?.languages ?? [];
    for (const entry of contributes.languages) assert.deepEqual(languages.find((language) => language.id === entry.id), entry);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
