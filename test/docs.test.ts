import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { RULES } from "../server/src/rules/registry";
import { analyze } from "./helpers/ruleTester";

/**
 * Docs are part of the product: every registered rule has a page at docs/rules/<id>.md, every
 * page belongs to a registered rule, and every ❌/✅ example runs through the engine
 * (typescript-eslint's docs test). An example is a fenced block right after a
 * `<!-- invalid [file] -->` or `<!-- valid [file] -->` marker; a `<!-- file NAME -->` block above
 * examples adds that project file (a `.env.example`, say) to each of them.
 */
interface Example {
  kind: "valid" | "invalid";
  filename: string;
  code: string;
  line: number;
  /** Project files declared on the page by `<!-- file NAME -->` blocks above the example. */
  files: Record<string, string>;
}

const FENCE_EXTENSION: Record<string, string> = { ts: "ts", typescript: "ts", tsx: "tsx", js: "js", javascript: "js", jsx: "jsx", mjs: "mjs", cjs: "cjs" };

export function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  const pattern = /<!--\s*(valid|invalid|file)(?:\s+([^\s>]+))?\s*-->\s*\n```(\w*)[^\n]*\n([\s\S]*?)\n```/g;
  const files: Record<string, string> = {};
  for (const match of markdown.matchAll(pattern)) {
    const [, kind, file, lang, code] = match;
    if (kind === "file") {
      if (file) files[file] = `${code}\n`;
      continue;
    }
    const filename = file ?? `src/example.${FENCE_EXTENSION[lang] ?? "ts"}`;
    examples.push({ kind: kind as Example["kind"], filename, code, line: markdown.slice(0, match.index).split("\n").length, files: { ...files } });
  }
  return examples;
}

function docsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? docsFiles(path.join(dir, entry.name)) : entry.name.endsWith(".md") ? [path.join(dir, entry.name)] : [],
  );
}

const docsRoot = path.resolve("docs/rules");

describe("rule docs", () => {
  it("every page under docs/rules belongs to a registered rule", () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    const orphans = docsFiles(docsRoot).map((file) => path.relative(docsRoot, file).replace(/\\/g, "/").replace(/\.md$/, "")).filter((id) => !ids.has(id));
    assert.deepEqual(orphans, []);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const file = path.join(docsRoot, `${rule.id}.md`);
      it("has a page whose title is the rule id and whose docs URL points at it", () => {
        assert.ok(existsSync(file), `missing ${path.relative(process.cwd(), file)}`);
        assert.match(readFileSync(file, "utf8"), new RegExp(`^# \`${rule.id}\``));
        assert.ok(rule.docs.endsWith(`docs/rules/${rule.id}.md`));
      });
      if (!existsSync(file)) return;
      const examples = examplesOf(readFileSync(file, "utf8"));
      it("has at least one ❌ and one ✅ example", () => {
        assert.ok(examples.some((e) => e.kind === "invalid"), "no <!-- invalid --> example");
        assert.ok(examples.some((e) => e.kind === "valid"), "no <!-- valid --> example");
      });
      for (const example of examples) {
        it(`${example.kind} example at line ${example.line} (${example.filename})`, () => {
          const result = analyze(rule, { code: example.code, filename: example.filename, files: example.files });
          try {
            if (example.kind === "invalid") assert.ok(result.findings.length > 0, "the ❌ example produced no finding");
            else assert.deepEqual(result.findings.map((f) => f.message), [], "the ✅ example produced findings");
          } finally {
            result.cleanup();
          }
        });
      }
    });
  }
});
