import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { serviceCommands, serviceEnvironments } from "../../../server/src/engine/formats/compose";

const at = (text: string, start: number, end: number): [string, number] => [text.slice(start, end), start];

describe("serviceEnvironments", () => {
  it("reads map-form entries with the whole scalar as the value range (CRLF)", () => {
    const text = 'services:\r\n  web:\r\n    image: node\r\n    environment:\r\n      API_KEY: "abc"\r\n      PORT: 3000\r\n      EMPTY:\r\n      REF: ${TOKEN}\r\n';
    assert.deepEqual(
      serviceEnvironments(text).map((e) => [e.service, e.name, e.nameStart, e.value, ...at(text, e.valueStart, e.valueEnd), e.style, e.quoted]),
      [
        ["web", "API_KEY", 60, "abc", '"abc"', 69, "map", true],
        ["web", "PORT", 82, "3000", "3000", 88, "map", false],
        ["web", "EMPTY", 100, null, "", 105, "map", false],
        ["web", "REF", 114, "${TOKEN}", "${TOKEN}", 119, "map", false],
      ],
    );
  });

  it("reads list-form entries: the value is what follows `=`, inside the item's quotes", () => {
    const text = 'services:\n  worker:\n    environment:\n      - SECRET=abc def\n      - "QUOTED=xyz"\n      - PASS\n      - "ESC=a\\tb"\n';
    assert.deepEqual(
      serviceEnvironments(text).map((e) => [e.name, ...at(text, e.nameStart, e.nameEnd), e.value, ...at(text, e.valueStart, e.valueEnd), e.quoted, e.exact]),
      [
        ["SECRET", "SECRET", 45, "abc def", "abc def", 52, false, true],
        ["QUOTED", "QUOTED", 69, "xyz", "xyz", 76, true, true],
        ["PASS", "PASS", 89, null, "", 93, false, true],
        // An escape: the characters are not the source's, so the range is the whole item.
        ["ESC", '"ESC=a\\tb"', 102, "a\tb", '"ESC=a\\tb"', 102, true, false],
      ],
    );
  });

  it("follows anchors, merge keys and the legacy format without `services:`", () => {
    const merged = "x-common: &common\n  environment:\n    TOKEN: abc\nservices:\n  api:\n    <<: *common\n    image: x\n";
    assert.deepEqual(serviceEnvironments(merged).map((e) => [e.service, e.name, ...at(merged, e.valueStart, e.valueEnd)]), [["api", "TOKEN", "abc", 44]]);
    const legacy = "web:\n  image: x\n  environment:\n    A: b\nnetworks:\n  default: {}\n";
    assert.deepEqual(serviceEnvironments(legacy).map((e) => [e.service, e.name, e.value]), [["web", "A", "b"]]);
  });

  it("gives nothing for broken or unexpected YAML, and never throws", () => {
    for (const text of ["services:\n  a: [\n", "", "- a\n", "services: 3", "services:\n  a:\n    environment: 5\n", "\t\tx: : :"]) {
      assert.deepEqual(serviceEnvironments(text), [], text);
      assert.deepEqual(serviceCommands(text), [], text);
    }
  });
});

describe("serviceCommands", () => {
  it("reads string and list forms of command and entrypoint with offsets", () => {
    const text = 'services:\n  web:\n    command: npm start\n  worker:\n    entrypoint: ["node", "w.js"]\n    command:\n      - npm\n      - "run"\n  db:\n    image: postgres\n';
    assert.deepEqual(
      serviceCommands(text).map((c) => [c.service, c.key, c.form, c.text, ...at(text, c.start, c.end), c.items.map((i) => at(text, i.start, i.end))]),
      [
        ["web", "command", "string", "npm start", "npm start", 30, [["npm start", 30]]],
        ["worker", "entrypoint", "list", "node w.js", '["node", "w.js"]', 66, [['"node"', 67], ['"w.js"', 75]]],
        ["worker", "command", "list", "npm run", '- npm\n      - "run"', 102, [["npm", 104], ['"run"', 116]]],
      ],
    );
  });
});
