import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { runCli } from "../cli/helpers";
import { IGNORED_EXAMPLE_APP, LOADED_EXAMPLE, WORKSPACE } from "../helpers/packageFixtures";
import { writeProject } from "../helpers/project";
import { SERVER, serverSessions } from "./lspClient";

/**
 * The language server judges packages as the CLI does: a package's findings come from its own
 * facts whether the workspace folder is the monorepo root or the member itself (a multi-root
 * workspace), and an open git-ignored file shows what the audit shows: nothing.
 */
before(() => assert.ok(existsSync(SERVER), "run `npm run build` first (npm test does)"));

/** `rule line:col-line:col`, 0-based as LSP counts. */
const shown = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

/** The CLI's findings of one file, in the same shape (its JSON is 1-based). */
function cliFindings(cwd: string, target: string, file: string): string[] {
  const report = JSON.parse(runCli(cwd, [target, "--format", "json"]).stdout) as {
    root: string;
    findings: Array<{ ruleId: string; file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }>;
  };
  return report.findings
    .filter((finding) => path.resolve(report.root, finding.file) === file)
    .map(({ ruleId, range: { start, end } }) => `${ruleId} ${start.line - 1}:${start.column - 1}-${end.line - 1}:${end.column - 1}`)
    .sort();
}

const B_SERVER = ["config/undocumented-env-var 2:26-2:35", "disposability/no-graceful-shutdown 3:0-3:10"];

describe("packages in the language server", () => {
  const session = serverSessions();

  it("one folder holding a workspace: apps/b is judged by its own .env.example and handlers, as the CLI judges it", async () => {
    const { client, file, project } = await session(WORKSPACE);
    for (const name of ["apps/a/src/server.ts", "apps/b/src/server.ts"]) client.open(file(name));
    const b = await client.diagnosticsFor(file("apps/b/src/server.ts"));
    const a = await client.diagnosticsFor(file("apps/a/src/server.ts"));
    assert.deepEqual(shown(b), B_SERVER);
    assert.deepEqual(shown(a), []);
    assert.deepEqual(shown(b), cliFindings(project.root, ".", file("apps/b/src/server.ts")));
    assert.deepEqual(shown(a), cliFindings(project.root, ".", file("apps/a/src/server.ts")));
  });

  it("a multi-root workspace with the root and apps/b as folders: apps/b gives what the CLI gives on apps/b", async () => {
    const project = writeProject(WORKSPACE);
    const { client, file } = await session(project, { folders: [project.root, path.join(project.root, "apps/b")] });
    client.open(file("apps/b/src/server.ts"));
    client.open(file("apps/b/package.json"), readFileSync(file("apps/b/package.json"), "utf8"), "json");
    const b = await client.diagnosticsFor(file("apps/b/src/server.ts"));
    assert.deepEqual(shown(b), B_SERVER);
    assert.deepEqual(shown(b), cliFindings(project.root, "apps/b", file("apps/b/src/server.ts")));
    // The member's lockfile is the workspace root's: no no-lockfile, in the editor as in the CLI.
    assert.deepEqual(shown(await client.diagnosticsFor(file("apps/b/package.json"))), []);
    assert.deepEqual(cliFindings(project.root, "apps/b", file("apps/b/package.json")), []);
  });

  it("an open git-ignored .env.example shows nothing, like the audit, before and after a quick fix of another file", async () => {
    const { client, file } = await session(IGNORED_EXAMPLE_APP);
    client.open(file(".env.example"), LOADED_EXAMPLE, "dotenv");
    client.open(file("src/db.ts"));
    const db = await client.diagnosticsFor(file("src/db.ts"), (d) => d.length > 0);
    assert.deepEqual(shown(db), ["backing-services/hardcoded-service-url 3:49-3:83"]);
    assert.deepEqual(await client.diagnosticsFor(file(".env.example")), []);
    // The fix moves a URL into .env, so the server carries it out itself (a command).
    const [action] = await client.codeActions(file("src/db.ts"), db);
    assert.ok(action?.command);
    await client.executeCommand(action.command.command, action.command.arguments);
    await client.until(() => (readFileSync(file("src/db.ts"), "utf8").includes("process.env.DATABASE_URL") ? true : undefined), "the fix applied");
    assert.equal(readFileSync(file(".env.example"), "utf8"), LOADED_EXAMPLE);
    assert.equal(readFileSync(file(".env"), "utf8"), "DATABASE_URL=postgres://db.internal:5432/shop\n");
    const touched = client.appliedEdits.flatMap((edit) => [...Object.keys(edit.changes ?? {}), ...(edit.documentChanges ?? []).map((change) => ("textDocument" in change ? change.textDocument.uri : "uri" in change ? change.uri : ""))]);
    assert.ok(!touched.some((uri) => uri.endsWith("/.env.example")), touched.join(", "));
    client.change(file(".env.example"), `${LOADED_EXAMPLE}EXTRA=1\n`);
    assert.deepEqual(await client.diagnosticsFor(file(".env.example")), []);
    const pulled = await client.pullDiagnostics(file(".env.example"));
    assert.deepEqual(pulled.items, []);
  });
});
