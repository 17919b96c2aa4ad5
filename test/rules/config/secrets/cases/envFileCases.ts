import type { InvalidCase } from "../../../../helpers/ruleTester";
import { random } from "../samples";
import { at, readFrom } from "./support";

const SECRET = random("alnum", 28);
const code = `const clientSecret = "${SECRET}";\n`;
const fixed = `const clientSecret = process.env.CLIENT_SECRET;\n`;
const errors = [{ ...at(code, `"${SECRET}"`), message: readFrom(SECRET, "high-entropy value assigned to `clientSecret`", "CLIENT_SECRET") }];

/** What the fix does to `.env.example` and `.env` around the same finding. */
export const ENV_FILE_CASES: InvalidCase[] = [
  {
    name: ".env.example absent: created; .env not ignored: value not written",
    code,
    files: { ".gitignore": "node_modules\n" },
    errors,
    output: fixed,
    outputFiles: { ".env.example": "CLIENT_SECRET=\n", ".env": null },
  },
  {
    name: ".env.example with comments and CRLF: appended, comments and line endings kept",
    code,
    files: { ".env.example": "# Settings for local runs\r\nPORT=3000\r\n" },
    errors,
    output: fixed,
    outputFiles: { ".env.example": "# Settings for local runs\r\nPORT=3000\r\nCLIENT_SECRET=\r\n" },
  },
  {
    name: ".env.example without a final newline: the new key starts on its own line",
    code,
    files: { ".env.example": "PORT=3000" },
    errors,
    output: fixed,
    outputFiles: { ".env.example": "PORT=3000\nCLIENT_SECRET=\n" },
  },
  {
    name: "key already in .env.example: not duplicated",
    code,
    files: { ".env.example": "# keys\nCLIENT_SECRET=\n" },
    errors,
    output: fixed,
    outputFiles: { ".env.example": "# keys\nCLIENT_SECRET=\n" },
  },
  {
    name: ".env git-ignored and absent: created with the value",
    code,
    files: { ".gitignore": ".env\n" },
    errors,
    output: fixed,
    outputFiles: { ".env.example": "CLIENT_SECRET=\n", ".env": `CLIENT_SECRET=${SECRET}\n` },
  },
  {
    name: ".env git-ignored without the key: value appended",
    code,
    files: { ".gitignore": ".env\n", ".env": "PORT=3000\n" },
    errors,
    output: fixed,
    outputFiles: { ".env": `PORT=3000\nCLIENT_SECRET=${SECRET}\n` },
  },
  {
    name: ".env git-ignored that already defines the key: left alone",
    code,
    files: { ".gitignore": ".env\n", ".env": "CLIENT_SECRET=from-vault\n" },
    errors,
    output: fixed,
    outputFiles: { ".env": "CLIENT_SECRET=from-vault\n", ".env.example": "CLIENT_SECRET=\n" },
  },
  {
    name: ".env present but not git-ignored: value never written",
    code,
    files: { ".env": "PORT=3000\n" },
    errors,
    output: fixed,
    outputFiles: { ".env": "PORT=3000\n", ".env.example": "CLIENT_SECRET=\n" },
  },
];
