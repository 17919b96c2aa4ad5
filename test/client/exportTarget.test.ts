import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultExportPath } from "../../client/src/report/exportTarget";

// "Export Report…" proposes a file outside the repository, named after the project.
describe("the export dialog's proposed file", () => {
  const base = { extension: "html", home: "/home/ada", tmp: "/tmp" };

  it("sits in the home folder, named after the project, when the workspace is elsewhere", () => {
    assert.equal(defaultExportPath({ ...base, projectName: "orders", workspaceFolders: ["/home/ada/src/orders"] }), "/home/ada/orders-twelve-factor-report.html");
    assert.equal(defaultExportPath({ ...base, extension: "md", projectName: "orders", workspaceFolders: ["/srv/orders"] }), "/home/ada/orders-twelve-factor-report.md");
  });

  it("falls back to the temp folder when home is inside the workspace", () => {
    assert.equal(defaultExportPath({ ...base, projectName: "ada", workspaceFolders: ["/home/ada"] }), "/tmp/ada-twelve-factor-report.html");
    assert.equal(defaultExportPath({ ...base, projectName: "root", workspaceFolders: ["/"] }), "/tmp/root-twelve-factor-report.html");
    // A sibling whose name merely starts the same is not inside.
    assert.equal(defaultExportPath({ ...base, projectName: "x", workspaceFolders: ["/home/ad"] }), "/home/ada/x-twelve-factor-report.html");
  });

  it("makes a file name of any project name", () => {
    assert.equal(defaultExportPath({ ...base, projectName: "@acme/orders api", workspaceFolders: [] }), "/home/ada/acme-orders-api-twelve-factor-report.html");
    assert.equal(defaultExportPath({ ...base, projectName: "../..", workspaceFolders: [] }), "/home/ada/project-twelve-factor-report.html");
  });
});
