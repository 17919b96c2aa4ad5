import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { REPO } from "../cli/helpers";

/* docs/ci.md stays true to action.yml and .pre-commit-hooks.yaml, and its setups parse. */

const doc = fs.readFileSync(path.join(REPO, "docs/ci.md"), "utf8");
const action = parse(fs.readFileSync(path.join(REPO, "action.yml"), "utf8")) as { inputs: Record<string, { default: string }> };
const hooks = parse(fs.readFileSync(path.join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as Array<{ id: string; args: string[] }>;

function blocks(language: string): string[] {
  return [...doc.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((match) => match[1]);
}

describe("docs/ci.md", () => {
  it("has a setup for GitHub, GitLab, pre-commit and husky, and the README links it", () => {
    for (const heading of ["## GitHub Actions", "## GitLab CI", "## pre-commit", "## husky and lint-staged"]) assert.ok(doc.includes(`\n${heading}\n`), heading);
    assert.ok(fs.readFileSync(path.join(REPO, "README.md"), "utf8").includes("[docs/ci.md](docs/ci.md)"));
  });

  it("every YAML and JSON block parses", () => {
    const yamlBlocks = blocks("yaml");
    assert.ok(yamlBlocks.length >= 6);
    // The pull-request and matrix snippets are job fragments; they still parse as YAML.
    for (const block of yamlBlocks) assert.doesNotThrow(() => parse(block), block);
    for (const block of blocks("json")) assert.doesNotThrow(() => JSON.parse(block), block);
  });

  it("the workflow uses this action and the upload permission it needs", () => {
    const workflow = parse(blocks("yaml")[0]) as { permissions: Record<string, string>; jobs: { lint: { steps: Array<{ uses?: string; with?: Record<string, string> }> } } };
    assert.equal(workflow.permissions["security-events"], "write");
    const step = workflow.jobs.lint.steps.find((item) => item.uses?.startsWith("twelve-factor-lint/twelve-factor-lint@"));
    assert.ok(step);
    for (const input of Object.keys(step.with ?? {})) assert.ok(input in action.inputs, input);
  });

  it("the inputs table lists exactly the action's inputs, with their defaults", () => {
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \|\s*([^|]*?)\s*\|/gm)].map((match) => [match[1], match[2].trim().replace(/^`|`$/g, "")]);
    assert.deepEqual(rows, Object.entries(action.inputs).map(([name, input]) => [name, input.default]));
  });

  it("the GitLab job writes the code-quality artifact, and the pre-commit config names the hook", () => {
    const gitlab = parse(blocks("yaml").find((block) => block.includes("codequality")) as string) as { "twelve-factor": { script: string[]; artifacts: { reports: { codequality: string } } } };
    const job = gitlab["twelve-factor"];
    assert.ok(job.script.some((line) => line.includes("--format gitlab --output gl-code-quality-report.json")));
    assert.equal(job.artifacts.reports.codequality, "gl-code-quality-report.json");
    const config = parse(blocks("yaml").find((block) => block.includes("pre-commit autoupdate")) as string) as { repos: Array<{ hooks: Array<{ id: string }> }> };
    assert.deepEqual(config.repos[0].hooks.map((hook) => hook.id), hooks.map((hook) => hook.id));
    assert.ok(doc.includes(`args: ${JSON.stringify(hooks[0].args)}`));
  });
});
