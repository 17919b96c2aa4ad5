import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { roleFromPath, type FileRole } from "../../server/src/engine/fileRoles";
import { diskHost } from "../../server/src/engine/host";
import { ProjectModel } from "../../server/src/engine/project";
import { isProjectFactFile } from "../../server/src/engine/projectFiles";
import { writeProject } from "../helpers/project";

describe("roleFromPath", () => {
  const cases: [string, FileRole][] = [
    ["src/server.ts", "app"],
    ["src/user.test.ts", "test"],
    ["src/user.spec.js", "test"],
    ["src/__tests__/user.ts", "test"],
    ["test/helpers/db.ts", "test"],
    ["tests/login.ts", "test"],
    ["e2e/checkout.ts", "test"],
    ["cypress/support/commands.ts", "test"],
    ["src/setupTests.ts", "test"],
    ["src/test-utils.tsx", "test"],
    ["src/testing-utils.ts", "test"],
    ["jest.setup.js", "test"],
    [".env.test", "test"],
    [".env.e2e", "test"],
    [".env.test.local", "test"],
    ["apps/api/.env.testing", "test"],
    [".env", "app"],
    [".env.production", "app"],
    [".env.contest", "app"],
    [".storybook/main.ts", "config"],
    [".stylelint/no-important.js", "config"],
    ["packages/ui/.storybook/preview.tsx", "config"],
    [".github/scripts/release.js", "config"],
    ["src/.well-known.ts", "app"],
    [".next/server/app.js", "build"],
    ["test/fixtures/users.ts", "fixture"],
    ["src/__fixtures__/order.ts", "fixture"],
    ["src/mocks/handlers.ts", "fixture"],
    ["src/__mocks__/pg.ts", "fixture"],
    ["db/seeds/users.js", "fixture"],
    ["src/database/seeders/admin.ts", "fixture"],
    ["src/user.fixture.ts", "fixture"],
    ["src/payment.mock.ts", "fixture"],
    ["test/factories/user.ts", "fixture"],
    ["src/database/factories/user.factory.ts", "fixture"],
    ["scripts/deploy.ts", "script"],
    ["bin/www", "script"],
    ["migrations/001-init.js", "script"],
    ["vite.config.ts", "config"],
    ["jest.config.js", "config"],
    ["e2e/playwright.config.ts", "test"],
    ["build/webpack.config.js", "config"],
    [".eslintrc.js", "config"],
    ["dist/server.js", "build"],
    ["packages/web/.next/server/page.js", "build"],
    ["build/index.js", "build"],
    ["coverage/lcov-report/prettify.js", "build"],
    // Traps: whole folder names only; a dash is no test-double suffix; factories in app code are app code.
    ["src/contest/entries.ts", "app"],
    ["src/latest.ts", "app"],
    ["src/services/mock-payment.ts", "app"],
    ["src/mockingbird.ts", "app"],
    ["src/factories/connection.ts", "app"],
    ["src/build/pipeline.ts", "app"],
    ["src/testimonials/list.ts", "app"],
    ["src/seedling.ts", "app"],
  ];
  for (const [file, role] of cases) {
    it(`${file} → ${role}`, () => assert.equal(roleFromPath(file), role));
  }

  it("build/ and out/ count as output only at a package root", () => {
    assert.equal(roleFromPath("apps/web/build/main.js", "build/main.js"), "build");
    assert.equal(roleFromPath("apps/web/src/build/main.js", "src/build/main.js"), "app");
  });
});

/** The role of each listed file in a project written to disk. */
function rolesIn(files: Record<string, string>, paths: string[]): Record<string, FileRole> {
  const project = writeProject(files);
  try {
    const model = new ProjectModel(project.root, diskHost);
    return Object.fromEntries(paths.map((file) => [file, model.roleOf(path.join(project.root, file))]));
  } finally {
    project.cleanup();
  }
}

describe("roles from the project's test-runner configs", () => {
  it("jest testMatch in jest.config.js, with <rootDir>, read without running the file", () => {
    const config = `const path = require("path");\nprocess.exit(3);\nmodule.exports = { roots: ["<rootDir>/src"], testMatch: ["<rootDir>/src/**/*.it.ts", "**/checks/**/*.ts"] };\n`;
    assert.deepEqual(rolesIn({ "jest.config.js": config, "package.json": "{}" }, ["src/api/user.it.ts", "src/api/user.ts", "src/checks/login.ts", "other/checks/login.ts"]), {
      "src/api/user.it.ts": "test",
      "src/api/user.ts": "app",
      "src/checks/login.ts": "test",
      // Outside `roots`, jest never looks.
      "other/checks/login.ts": "app",
    });
  });

  it("jest testRegex in a TypeScript config, and the jest key of package.json", () => {
    const ts = `import type { Config } from "jest";\nexport default { testRegex: "/verify/.*\\\\.ts$" } satisfies Config;\n`;
    assert.deepEqual(rolesIn({ "jest.config.ts": ts, "package.json": "{}" }, ["src/verify/a.ts", "src/verify.ts"]), { "src/verify/a.ts": "test", "src/verify.ts": "app" });
    const pkg = JSON.stringify({ jest: { testMatch: ["**/*.check.js"] } });
    assert.deepEqual(rolesIn({ "package.json": pkg }, ["src/a.check.js", "src/a.js"]), { "src/a.check.js": "test", "src/a.js": "app" });
  });

  it("vitest test.include in vitest.config.ts and vite.config.ts; other include keys do not count", () => {
    const vitest = `import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { include: ["src/**/*.check.ts"] }, build: { include: ["src/**"] } });\n`;
    assert.deepEqual(rolesIn({ "vitest.config.ts": vitest, "package.json": "{}" }, ["src/a.check.ts", "src/a.ts"]), { "src/a.check.ts": "test", "src/a.ts": "app" });
    const vite = `export default { test: { include: ["verify/**/*.ts"] } };\n`;
    assert.deepEqual(rolesIn({ "vite.config.ts": vite, "package.json": "{}" }, ["verify/a.ts"]), { "verify/a.ts": "test" });
  });

  it("mocha spec in .mocharc.json (comments allowed), .mocharc.yml and package.json", () => {
    assert.deepEqual(rolesIn({ ".mocharc.jsonc": `{ // specs\n "spec": ["src/**/*.unit.js", "checks"] }`, "package.json": "{}" }, ["src/a.unit.js", "checks/b.js", "src/a.js"]), {
      "src/a.unit.js": "test",
      "checks/b.js": "test",
      "src/a.js": "app",
    });
    assert.deepEqual(rolesIn({ ".mocharc.yml": "spec: 'src/**/*.unit.js'\n", "package.json": "{}" }, ["src/a.unit.js"]), { "src/a.unit.js": "test" });
    assert.deepEqual(rolesIn({ "package.json": JSON.stringify({ mocha: { spec: "lib/**/*.t.js" } }) }, ["lib/x.t.js", "lib/x.js"]), { "lib/x.t.js": "test", "lib/x.js": "app" });
  });

  it("playwright testDir: everything in it is test code; cypress specPattern", () => {
    const playwright = `import { defineConfig } from "@playwright/test";\nexport default defineConfig({ testDir: "./browser", use: { baseURL: "http://localhost:3000" } });\n`;
    assert.deepEqual(rolesIn({ "playwright.config.ts": playwright, "package.json": "{}" }, ["browser/checkout.ts", "browser/pages/cart.ts", "src/browser.ts"]), {
      "browser/checkout.ts": "test",
      "browser/pages/cart.ts": "test",
      "src/browser.ts": "app",
    });
    const cypress = `module.exports = { e2e: { specPattern: "ui/**/*.flow.ts" } };\n`;
    assert.deepEqual(rolesIn({ "cypress.config.js": cypress, "package.json": "{}" }, ["ui/a.flow.ts", "ui/a.ts"]), { "ui/a.flow.ts": "test", "ui/a.ts": "app" });
  });

  it("a runner config in a workspace package applies to that package", () => {
    const files = { "package.json": JSON.stringify({ workspaces: ["packages/*"] }), "packages/api/package.json": "{}", "packages/api/jest.config.js": `module.exports = { testMatch: ["**/*.it.ts"] };\n`, "packages/web/package.json": "{}" };
    assert.deepEqual(rolesIn(files, ["packages/api/src/a.it.ts", "packages/web/src/a.it.ts"]), { "packages/api/src/a.it.ts": "test", "packages/web/src/a.it.ts": "app" });
  });

  it("broken or odd configs give no test role and no crash", () => {
    const files = { "jest.config.js": "module.exports = { testMatch: [", ".mocharc.json": "{ not json", "vitest.config.ts": "export default { test: { include: computeIt() } };", "package.json": JSON.stringify({ jest: { testRegex: "([" } }) };
    assert.deepEqual(rolesIn(files, ["src/a.ts"]), { "src/a.ts": "app" });
  });
});

describe("roles from package.json scripts", () => {
  const scripts = {
    test: "eslint src/index.js && c8 mocha 'src/**/*.unit.js' --exit",
    "test:node": "node --test lib/check-me.js",
    "test:it": 'jest "src/**/*.integration.ts"',
    seed: "node -r dotenv/config ./db/seed.js",
    migrate: "tsx tasks/migrate",
    start: "node bin/www",
    dev: "nodemon src/server.js",
  };
  const files = { "package.json": JSON.stringify({ scripts }) };

  it("test script arguments are tests; files run by other scripts are scripts; start scripts run the app", () => {
    assert.deepEqual(rolesIn(files, ["src/user.unit.js", "src/db.integration.ts", "lib/check-me.js", "db/seed.js", "tasks/migrate.ts", "bin/www", "src/server.js", "src/index.js"]), {
      "src/user.unit.js": "test",
      "src/db.integration.ts": "test",
      "lib/check-me.js": "test",
      "db/seed.js": "script",
      "tasks/migrate.ts": "script",
      // bin/ is a script folder, but the start script runs this one: it is the app.
      "bin/www": "app",
      "src/server.js": "app",
      // A linter's argument in a test script is no test.
      "src/index.js": "app",
    });
  });
});

describe("roles are project facts", () => {
  it("runner configs are project fact files", () => {
    for (const file of ["jest.config.ts", "vitest.config.mts", "vite.config.js", "playwright.config.ts", "cypress.config.js", ".mocharc.yml", "/p/apps/a/.mocharc.json"]) {
      assert.ok(isProjectFactFile(file), file);
    }
    assert.ok(!isProjectFactFile("src/jest.helpers.ts"));
  });

  it("editing a runner config re-judges roles after invalidate", () => {
    const project = writeProject({ "package.json": "{}", "jest.config.js": `module.exports = {};\n`, "src/a.check.ts": "" });
    try {
      const model = new ProjectModel(project.root, diskHost);
      const file = path.join(project.root, "src/a.check.ts");
      assert.equal(model.roleOf(file), "app");
      const config = path.join(project.root, "jest.config.js");
      writeFileSync(config, `module.exports = { testMatch: ["**/*.check.ts"] };\n`);
      assert.equal(model.roleOf(file), "app", "cached until the project is told");
      model.invalidate(config);
      assert.equal(model.roleOf(file), "test");
    } finally {
      project.cleanup();
    }
  });
});
