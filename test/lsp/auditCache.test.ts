import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ensureBuilt } from "../cli/helpers";
import { CACHE_PROJECT } from "../helpers/cacheProject";
import { writeProject } from "../helpers/project";
import { TestClient } from "./lspClient";

/**
 * The language server's workspace audit keeps its results in the folder the client gives as
 * `initializationOptions.cacheDir` (VS Code: the extension's storage for the workspace), so after
 * a restart an unchanged workspace comes from the cache; unsaved buffers never get into it.
 */
interface Summary {
  files: number;
  findings: number;
  byRule: Record<string, number>;
  durationMs: number;
  cached: number;
  cancelled: boolean;
}

before(() => ensureBuilt());

describe("the workspace audit's cache", () => {
  const project = writeProject(CACHE_PROJECT);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-lsp-cache-"));
  after(() => {
    project.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  async function auditOnce(edit?: (client: TestClient) => void): Promise<Summary> {
    const client = await TestClient.start({ root: project.root, initializationOptions: { cacheDir } });
    try {
      edit?.(client);
      return (await client.executeCommand("twelveFactor.server.auditWorkspace")) as Summary;
    } finally {
      await client.shutdown();
    }
  }

  it("serves an unchanged workspace from the cache after a restart, with the same findings", async () => {
    const first = await auditOnce();
    assert.equal(first.cancelled, false);
    assert.equal(first.cached, 0);
    assert.deepEqual(fs.readdirSync(cacheDir).length, 1);
    const second = await auditOnce();
    assert.equal(second.cached, first.files);
    assert.deepEqual({ ...second, cached: 0 }, { ...first, durationMs: second.durationMs, cached: 0 });
  });

  it("audits the disk, not an unsaved buffer, and stores the disk's results", async () => {
    const server = path.join(project.root, "apps/api/src/server.ts");
    const before = await auditOnce();
    const withBuffer = await auditOnce((client) => client.open(server, "export {};\n"));
    assert.deepEqual(withBuffer.byRule, before.byRule);
    assert.equal(withBuffer.cached, before.files);
    const after = await auditOnce();
    assert.deepEqual(after.byRule, before.byRule);
  });

  it("re-checks a file changed on disk between sessions", async () => {
    const before = await auditOnce();
    fs.writeFileSync(path.join(project.root, "apps/api/src/config/ports.ts"), "export const PORT = Number(process.env.PORT);\n");
    const after = await auditOnce();
    assert.equal(after.byRule["port-binding/no-fixed-port"], undefined);
    assert.equal(before.byRule["port-binding/no-fixed-port"], 1);
    assert.equal(after.cached, after.files - 2);
  });
});
