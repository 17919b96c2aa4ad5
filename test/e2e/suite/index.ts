// The extensionTestsPath module: VS Code calls run() inside the extension host and exits with its
// outcome. Every `*.test.js` bundled next to this file is one mocha file.
import { readdirSync } from "node:fs";
import path from "node:path";
import Mocha from "mocha";

export function run(): Promise<void> {
  // Failure stacks then point at test/e2e/suite/*.ts instead of the bundles.
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({
    ui: "bdd",
    reporter: "spec",
    // Output travels through the workbench log to the launcher; escape codes would only clutter it.
    color: false,
    timeout: Number(process.env.TFL_E2E_TEST_TIMEOUT_MS ?? 60_000),
    grep: process.env.TFL_E2E_GREP || undefined,
  });
  const files = readdirSync(__dirname).filter((name) => name.endsWith(".test.js")).sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    if (files.length === 0) return reject(new Error(`no *.test.js files next to ${__filename}`));
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
  });
}
