import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commandOf, envAssignments, parseDockerfile, unquoteDockerWord } from "../../../server/src/engine/formats/dockerfile";

/** [text at the range, start offset] so a wrong range fails even when the slice looks right. */
const at = (text: string, start: number, end: number): [string, number] => [text.slice(start, end), start];

describe("parseDockerfile", () => {
  it("reads instructions with their keyword, range, arguments and words", () => {
    const text = "FROM node:20 AS build\n\n# a comment\nrun npm ci\nCMD\n";
    const { instructions, escapeChar } = parseDockerfile(text);
    assert.equal(escapeChar, "\\");
    assert.deepEqual(instructions.map((i) => [i.keyword, ...at(text, i.start, i.end), i.args, i.form]), [
      ["FROM", "FROM node:20 AS build", 0, "node:20 AS build", null],
      ["RUN", "run npm ci", 35, "npm ci", "shell"],
      ["CMD", "CMD", 46, "", "shell"],
    ]);
    assert.deepEqual(instructions[0].words.map((w) => [w.value, ...at(text, w.start, w.end)]), [
      ["node:20", "node:20", 5],
      ["AS", "AS", 13],
      ["build", "build", 16],
    ]);
    assert.deepEqual([instructions[2].argsStart, instructions[2].argsEnd], [49, 49]);
    assert.equal(commandOf(instructions[2]), null);
  });

  it("joins continuation lines (CRLF too), skipping comment and blank lines inside them", () => {
    const text = "FROM x\r\nRUN apt-get update && \\\r\n# why we install it\r\n\r\n    apt-get install -y curl\r\nUSER app\r\n";
    const [, run, user] = parseDockerfile(text).instructions;
    assert.deepEqual(at(text, run.start, run.end), ["RUN apt-get update && \\\r\n# why we install it\r\n\r\n    apt-get install -y curl", 8]);
    assert.equal(run.args, "apt-get update &&     apt-get install -y curl");
    const install = run.words[3];
    assert.deepEqual([install.value, ...at(text, install.start, install.end)], ["apt-get", "apt-get", 60]);
    assert.deepEqual([user.keyword, ...at(text, user.start, user.end)], ["USER", "USER app", 85]);
  });

  it("honours the escape directive only in the leading lines", () => {
    const text = "# escape=`\nFROM x\nENV A=1 `\n  B=2\n";
    const { escapeChar, instructions } = parseDockerfile(text);
    assert.equal(escapeChar, "`");
    assert.deepEqual(envAssignments(instructions[1]).map((a) => [a.name, a.value, ...at(text, a.valueStart, a.valueEnd)]), [
      ["A", "1", "1", 24],
      ["B", "2", "2", 32],
    ]);
    assert.equal(parseDockerfile("FROM x\n# escape=`\nRUN a `\n").instructions[1].args, "a `");
  });

  it("tells exec form (a JSON string array) from shell form", () => {
    const text = 'CMD ["node", "dist/a b.js"]\nENTRYPOINT [ "tini" , "--" ]\nCMD ["broken",\nCMD [node]\nCMD []\n';
    const [exec, spaced, broken, bare, empty] = parseDockerfile(text).instructions;
    assert.equal(exec.form, "exec");
    assert.deepEqual(exec.words.map((w) => [w.value, ...at(text, w.start, w.end)]), [
      ["node", '"node"', 5],
      ["dist/a b.js", '"dist/a b.js"', 13],
    ]);
    assert.deepEqual(commandOf(exec), { text: "node dist/a b.js", start: 4, end: 27, form: "exec", argv: exec.words });
    assert.equal(spaced.form, "exec");
    assert.deepEqual(spaced.words.map((w) => w.value), ["tini", "--"]);
    assert.equal(broken.form, "shell");
    assert.equal(bare.form, "shell");
    assert.deepEqual(bare.words.map((w) => w.value), ["[node]"]);
    assert.deepEqual([empty.form, empty.words], ["exec", []]);
    assert.equal(commandOf(parseDockerfile("ENV A=1").instructions[0]), null);
  });

  it("decodes JSON escapes in exec form and keeps the quoted range", () => {
    const text = 'CMD ["sh", "-c", "echo \\"hi\\""]';
    const [, , echo] = parseDockerfile(text).instructions[0].words;
    assert.deepEqual([echo.value, ...at(text, echo.start, echo.end)], ['echo "hi"', '"echo \\"hi\\""', 17]);
  });

  it("leaves heredoc bodies alone and ends the instruction at the delimiter", () => {
    const text = "RUN <<EOF\nENV SECRET=x\nEOF\nCOPY <<-'CONF' /etc/app.conf\n\tkey=1\n\tCONF\nUSER app\n";
    const [run, copy, user] = parseDockerfile(text).instructions;
    assert.deepEqual(at(text, run.start, run.end), ["RUN <<EOF\nENV SECRET=x\nEOF", 0]);
    assert.deepEqual(run.heredocs.map((h) => at(text, h.start, h.end)), [["ENV SECRET=x\nEOF", 10]]);
    assert.deepEqual(copy.heredocs.map((h) => at(text, h.start, h.end)), [["\tkey=1\n\tCONF", 56]]);
    assert.equal(user.keyword, "USER");
    assert.equal(parseDockerfile(text).instructions.length, 3);
  });

  it("never throws on odd input", () => {
    for (const text of ["", "\\", "ENV \\", "   \n\t\n", "123 abc\nFROM", "RUN <<EOF\nno end", 'ENV A="open', 'CMD ["a\\"]']) {
      const parsed = parseDockerfile(text);
      for (const instruction of parsed.instructions) envAssignments(instruction);
    }
    assert.deepEqual(parseDockerfile("123 abc\nFROM").instructions.map((i) => i.keyword), ["FROM"]);
    assert.deepEqual(parseDockerfile("ENV \\").instructions.map((i) => [i.args, i.end]), [["", 5]]);
  });
});

describe("envAssignments", () => {
  it("reads ENV key=value pairs with quotes, escapes and continuations", () => {
    const text = 'ENV A=1 B="two words" \\\n    C=a\\ b D=\'$HOME\' E=\nENV F=${TOKEN}';
    const [env, ref] = parseDockerfile(text).instructions;
    assert.deepEqual(envAssignments(env).map((a) => [a.name, a.value, ...at(text, a.valueStart, a.valueEnd), a.quoted, at(text, a.nameStart, a.nameEnd)[0]]), [
      ["A", "1", "1", 6, false, "A"],
      ["B", "two words", '"two words"', 10, true, "B"],
      ["C", "a b", "a\\ b", 30, false, "C"],
      ["D", "$HOME", "'$HOME'", 37, true, "D"],
      ["E", "", "", 47, false, "E"],
    ]);
    assert.deepEqual(envAssignments(ref).map((a) => [a.value, a.raw]), [["${TOKEN}", "${TOKEN}"]]);
  });

  it("reads the legacy ENV form: the rest of the line is the value", () => {
    const text = "env GREETING hello   big world  \nENV ALONE\n";
    const [legacy, alone] = parseDockerfile(text).instructions;
    assert.deepEqual(envAssignments(legacy).map((a) => [a.name, a.value, ...at(text, a.valueStart, a.valueEnd), a.form]), [
      ["GREETING", "hello   big world", "hello   big world", 13, "legacy"],
    ]);
    assert.deepEqual(envAssignments(alone), []);
  });

  it("reads ARG with and without a default", () => {
    const text = "ARG NODE_VERSION=20 TOKEN\nARG =x EMPTY=\n";
    const [first, second] = parseDockerfile(text).instructions;
    assert.deepEqual(envAssignments(first).map((a) => [a.name, a.value, a.valueStart, a.valueEnd, a.form]), [
      ["NODE_VERSION", "20", 17, 19, "key=value"],
      ["TOKEN", null, 25, 25, "name-only"],
    ]);
    assert.deepEqual(envAssignments(second).map((a) => [a.name, a.value, a.valueStart]), [["EMPTY", "", 39]]);
    assert.deepEqual(envAssignments(parseDockerfile("LABEL a=b").instructions[0]), []);
  });
});

describe("unquoteDockerWord", () => {
  it("removes quotes and resolves escapes like Docker's word lexer", () => {
    assert.equal(unquoteDockerWord(`"a \\"b\\" \\$c \\d"`), 'a "b" $c \\d');
    assert.equal(unquoteDockerWord("'a \\b'x\\ y"), "a \\bx y");
    assert.equal(unquoteDockerWord("a`b", "`"), "ab");
  });
});
