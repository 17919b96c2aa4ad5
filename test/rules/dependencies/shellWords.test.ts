import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HOLE, programWords, simpleCommands } from "../../../server/src/rules/dependencies/shellWords";
import { implicitSystemTool } from "../../../server/src/rules/dependencies/implicit-system-tool";

/** Each simple command as its words' text; `@start-end` added where offsets matter. */
const words = (text: string): string[][] => simpleCommands(text).map((command) => command.map((word) => word.text));

describe("simpleCommands", () => {
  it("splits at &&, ||, |, ;, & and newlines, not inside quotes", () => {
    assert.deepEqual(words(`cd /tmp && curl -s "a && b" | tar xz; echo 'x;y' & wait\nls`), [
      ["cd", "/tmp"],
      ["curl", "-s", "a && b"],
      ["tar", "xz"],
      ["echo", "x;y"],
      ["wait"],
      ["ls"],
    ]);
  });

  it("removes quotes and escapes, keeps offsets of the word as written", () => {
    const [command] = simpleCommands(`say "hi there" it\\'s ''`);
    assert.deepEqual(
      command.map((word) => [word.text, word.start, word.end]),
      [
        ["say", 0, 3],
        ["hi there", 4, 14],
        ["it's", 15, 20],
        ["", 21, 23],
      ],
    );
  });

  it("skips comments, continues backslash-newline lines, and treats sub-shell parentheses as separators", () => {
    assert.deepEqual(words(`# curl here\nnpm \\\n ci && (git pull)`), [["npm", "ci"], ["git", "pull"]]);
  });

  it("marks words with unknown parts as dynamic", () => {
    const [command] = simpleCommands(`${HOLE} -v && ffmpeg-${HOLE}`);
    assert.deepEqual(command.map((word) => word.dynamic), [true, false]);
    assert.equal(simpleCommands(`${HOLE} -v && ffmpeg-${HOLE}`)[1][0].dynamic, true);
  });

  it("never throws on unterminated quotes or a trailing backslash", () => {
    assert.deepEqual(words(`curl "unterminated`), [["curl", "unterminated"]]);
    assert.deepEqual(words(`zip 'open`), [["zip", "open"]]);
    assert.deepEqual(words(`tar \\`), [["tar"]]);
    assert.deepEqual(words(""), []);
  });
});

describe("programWords", () => {
  const program = (text: string): string | undefined => programWords(simpleCommands(text)[0])[0]?.text;
  it("skips assignments and wrappers with their options", () => {
    assert.equal(program("PGPASSWORD=x LANG=C pg_dump db"), "pg_dump");
    assert.equal(program("sudo -u postgres -E psql"), "psql");
    assert.equal(program("env -u HOME X=1 nice -n 10 nohup ffmpeg -i a"), "ffmpeg");
    assert.equal(program("exec node dist/server.js"), "node");
    assert.equal(program("X=1"), undefined);
  });
});

describe("implicit-system-tool trigger", () => {
  const trigger = implicitSystemTool.trigger;
  it("matches the runner modules and command strings that start with a tool", () => {
    assert.ok(trigger.test(`import { exec } from "node:child_process";`));
    assert.ok(trigger.test(`const { execa } = await import("execa");`));
    assert.ok(trigger.test(`const cp = require('child_process');`));
    assert.ok(trigger.test(`import { run } from "./shell";\nrun("sudo pg_dump app");`));
  });
  it("stays selective", () => {
    assert.equal(trigger.test(`import fs from "node:fs";\nfs.readFileSync("a.txt");`), false);
    assert.equal(trigger.test(`const convert = (x: number) => x * 2;\nexport const git = "https://github.com";`), false);
  });
});
