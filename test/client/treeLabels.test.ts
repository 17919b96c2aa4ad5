import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingLabel, ruleLabel, shortSubject } from "../../client/src/report/treeLabels";

// The Findings tree's rows as the sidebar shows them, from messages the rules really write.
describe("Findings tree labels", () => {
  it("names a rule without its factor under the factor node, and in full when tied to no factor", () => {
    assert.equal(ruleLabel("port-binding/no-fixed-port", true), "no-fixed-port");
    assert.equal(ruleLabel("config/no-hardcoded-secret", true), "no-hardcoded-secret");
    assert.equal(ruleLabel("port-binding/no-fixed-port", false), "port-binding/no-fixed-port");
    // Nothing to strip: an id without a slash, or one that ends in it, stays whole.
    assert.equal(ruleLabel("unknown-rule", true), "unknown-rule");
    assert.equal(ruleLabel("odd/", true), "odd/");
  });

  it("leads a finding's row with file:line, then the message's first clause", () => {
    assert.equal(
      findingLabel("src/worker.ts", 13, "Port 8080 is hardcoded in listen(); bind to the port the platform gives in process.env.PORT."),
      "src/worker.ts:13 · Port 8080 is hardcoded in listen()",
    );
    assert.equal(
      findingLabel("src/server.ts", 11, "Port 3000 is hardcoded in listen() (via `PORT`); bind to the port the platform gives in process.env.PORT."),
      "src/server.ts:11 · Port 3000 is hardcoded in listen() (via…",
    );
  });

  it("cuts a long clause at a word, never inside the redacted secret's note", () => {
    assert.equal(shortSubject('Hardcoded secret "q8Zt…" (32 chars): high-entropy value assigned to `clientSecret`. Read it from process.env.CLIENT_SECRET instead.'), 'Hardcoded secret "q8Zt…" (32 chars)');
    assert.equal(
      shortSubject('fs.appendFileSync appends to path.join(__dirname, "receipts.jsonl") on the local disk; keep state in a backing service'),
      "fs.appendFileSync appends to…",
    );
    assert.equal(shortSubject("app.listen() binds a port, but no file of its package handles SIGTERM or SIGINT; on SIGTERM, close the server"), "app.listen() binds a port, but no file…");
    assert.equal(shortSubject("A short one."), "A short one");
    assert.equal(shortSubject("line one\n  line two"), "line one line two");
  });
});
