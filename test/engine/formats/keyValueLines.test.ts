import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { configStringValues } from "../../../server/src/engine/formats/configValues";
import { DOTENV_SYNTAX, NPMRC_SYNTAX, keyValueLines } from "../../../server/src/engine/formats/keyValueLines";

const at = (text: string, start: number, end: number): [string, number] => [text.slice(start, end), start];

describe("keyValueLines", () => {
  it("reads .npmrc lines: scoped keys, ini spacing, quotes, comments and CRLF", () => {
    const text = '; comment\r\n# another\r\n//registry.npmjs.org/:_authToken=abc\r\n_auth = "x y" \r\n[section]\r\nempty=\r\n';
    assert.deepEqual(
      keyValueLines(text, NPMRC_SYNTAX).map((l) => [l.key, l.keyStart, l.value, ...at(text, l.valueStart, l.valueEnd), l.quoted]),
      [
        ["//registry.npmjs.org/:_authToken", 22, "abc", "abc", 55, false],
        ["_auth", 60, "x y", '"x y"', 68, true],
        ["empty", 87, "", "", 93, false],
      ],
    );
  });

  it("reads dotenv lines: export prefix and inline comments after unquoted values", () => {
    const text = "export A=1 # note\nB='#not a comment'\nC=a#b\n  # D=commented\n";
    assert.deepEqual(
      keyValueLines(text, DOTENV_SYNTAX).map((l) => [l.key, l.value, ...at(text, l.valueStart, l.valueEnd)]),
      [
        ["A", "1", "1", 9],
        ["B", "#not a comment", "'#not a comment'", 20],
        ["C", "a#b", "a#b", 39],
      ],
    );
  });

  it("skips lines without a key", () => {
    assert.deepEqual(keyValueLines("=x\nno equals\nkey with space=1\n", NPMRC_SYNTAX), []);
  });
});

describe("configStringValues", () => {
  it("gives JSON string leaves with their key path and quoted range; arrays add no key", () => {
    const text = '{\n  // comment\n  "db": { "password": "p\\"w", "port": 5432 },\n  "keys": ["a1", "b2"],\n}\n';
    assert.deepEqual(
      configStringValues(text, "json").map((v) => [v.path.join("."), v.key, v.value, ...at(text, v.start, v.end)]),
      [
        ["db.password", "password", 'p"w', '"p\\"w"', 37],
        ["keys", "keys", "a1", '"a1"', 72],
        ["keys", "keys", "b2", '"b2"', 78],
      ],
    );
  });

  it("gives YAML string leaves (plain and quoted) with their ranges", () => {
    const text = "auth:\r\n  secret: 'abc'\r\n  list:\r\n    - x1\r\nport: 80\r\n";
    assert.deepEqual(
      configStringValues(text, "yaml").map((v) => [v.path.join("."), v.value, ...at(text, v.start, v.end)]),
      [
        ["auth.secret", "abc", "'abc'", 17],
        ["auth.list", "x1", "x1", 39],
      ],
    );
  });

  it("gives nothing for broken files", () => {
    assert.deepEqual(configStringValues('{ "a": "b", ', "json"), []);
    assert.deepEqual(configStringValues("a: [\n", "yaml"), []);
    assert.deepEqual(configStringValues("", "json"), []);
  });
});
