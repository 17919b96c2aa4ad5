import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { it } from "node:test";

/** Entry names from a zip's central directory (a .vsix is a zip). */
export function zipEntries(buffer: Buffer): string[] {
  const endSignature = 0x06054b50;
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== endSignature) end--;
  assert.ok(end >= 0, "not a zip file");
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(offset), 0x02014b50, "bad central directory entry");
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names.sort();
}

it("the .vsix holds the bundles, grammars, schema, manifest and docs, and nothing else", { timeout: 180000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tfl-vsix-"));
  try {
    const out = path.join(dir, "ext.vsix");
    execFileSync(process.execPath, [path.resolve("node_modules/@vscode/vsce/vsce"), "package", "--no-dependencies", "--out", out], { stdio: "pipe" });
    const entries = zipEntries(readFileSync(out));
    assert.deepEqual(entries, [
      "[Content_Types].xml",
      "extension.vsixmanifest",
      "extension/LICENSE.txt",
      "extension/changelog.md",
      "extension/dist/auditWorker.js",
      "extension/dist/extension.js",
      "extension/dist/server.js",
      "extension/dist/typescript.js",
      "extension/images/activity-bar.svg",
      "extension/images/icon.png",
      "extension/package.json",
      "extension/readme.md",
      "extension/schema/twelve-factor.schema.json",
      "extension/syntaxes/dotenv.language-configuration.json",
      "extension/syntaxes/dotenv.tmLanguage.json",
      "extension/syntaxes/twelve-factor-directives.injection.tmLanguage.json",
    ]);
    for (const entry of entries) {
      assert.doesNotMatch(entry, /node_modules|\/src\/|\/test\/|\.map$|\.ts$/, `unexpected ${entry}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
