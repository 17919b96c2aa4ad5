import type { Random } from "./random";
import type { Seed } from "./seeds";

export interface FuzzCase {
  /** What kind of damage, for the report. */
  category: string;
  /** Path relative to the case's own folder (the extension or file name picks the handling). */
  name: string;
  content: Buffer;
}

const TOKENS = [
  "{", "}", "(", ")", "[", "]", "\"", "'", "`", "${", "/*", "*/", "//", "\\", "\u0000", "\uFFFD", "\uFEFF",
  "\u2028", "\u{1F600}", "=>", "async ", "await ", "process.env.", "listen(", "require(\"fs\")", "import ", "export default ",
  ".listen(3000)", "\"sk_live_", "password: \"", "new Pool({", "// twelve-factor-disable-next-line ", "<div>", "</", "@decorator\n",
];
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];
const PROJECT_FILE_NAMES = ["package.json", "Dockerfile", "docker-compose.yml", "Procfile", ".npmrc", ".env", ".env.example", ".gitignore", "config/default.json", "compose.yaml"];

function utf8(text: string): Buffer {
  return Buffer.from(text, "utf8");
}

/** Text-level damage to a well-formed file. */
export function mutateText(random: Random, text: string): string {
  let result = text;
  const rounds = 1 + random.int(4);
  for (let round = 0; round < rounds; round++) {
    const at = random.int(result.length + 1);
    switch (random.int(7)) {
      case 0:
        result = result.slice(0, at);
        break;
      case 1:
        result = result.slice(0, at) + result.slice(Math.min(result.length, at + 1 + random.int(200)));
        break;
      case 2: {
        const from = random.int(result.length + 1);
        result = result.slice(0, at) + result.slice(from, from + random.int(300)) + result.slice(at);
        break;
      }
      case 3:
        result = result.slice(0, at) + random.pick(TOKENS) + result.slice(at);
        break;
      case 4: {
        const lines = result.split("\n");
        const a = random.int(lines.length);
        const b = random.int(lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        result = lines.join("\n");
        break;
      }
      case 5:
        result = result.replace(/\r?\n/g, () => random.pick(["\n", "\r\n", "\r", "\n\n"]));
        break;
      default:
        result = result.slice(0, at) + result.slice(at).replace(/["'`]/, "");
    }
  }
  return result;
}

/** Byte-level damage: flipped bits, cut multi-byte sequences, stray continuation bytes. */
export function mutateBytes(random: Random, bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const flips = 1 + random.int(8);
  for (let i = 0; i < flips && copy.length > 0; i++) copy[random.int(copy.length)] ^= 1 << random.int(8);
  const insert = random.pick([[0xc3], [0xe2, 0x82], [0x80], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]);
  const at = random.int(copy.length + 1);
  return Buffer.concat([copy.subarray(0, at), Buffer.from(insert), copy.subarray(at)]);
}

function randomBytes(random: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(256);
  return bytes;
}

function sourceName(random: Random, index: number): string {
  return `src/case${index}${random.pick(SOURCE_EXTENSIONS)}`;
}

/** Pathological but valid-ish sources: deep nesting, huge literals, long chains. */
function extremeSource(random: Random): { category: string; text: string } {
  const depth = 20_000;
  switch (random.int(9)) {
    case 0:
      return { category: "deep-parens", text: `const x = ${"(".repeat(depth)}1${")".repeat(depth)};\n` };
    case 1:
      return { category: "deep-arrays", text: `export const x = ${"[".repeat(depth)}${"]".repeat(depth)};\n` };
    case 2:
      return { category: "deep-objects", text: `const config = ${"{ a: ".repeat(depth)}3000${" }".repeat(depth)};\napp.listen(config.a);\n` };
    case 3:
      return { category: "deep-blocks", text: `${"if (x) {\n".repeat(depth)}fs.writeFileSync("a.log", "x");\n${"}\n".repeat(depth)}` };
    case 4:
      return { category: "long-binary-chain", text: `const port = ${Array.from({ length: 50_000 }, () => "1").join(" + ")};\nserver.listen(port);\n` };
    case 5:
      return { category: "huge-string", text: `const apiKey = "${"aZ9".repeat(150_000)}";\n` };
    case 6:
      return { category: "huge-template", text: `const password = \`${Array.from({ length: 20_000 }, (_, i) => `x${i}\${v}`).join("")}\`;\n` };
    case 7:
      return { category: "deep-templates", text: `const t = ${"`${".repeat(5000)}1${"}`".repeat(5000)};\n` };
    default:
      return { category: "deep-jsx", text: `export const X = () => ${"<div>".repeat(5000)}x${"</div>".repeat(5000)};\n` };
  }
}

/** Project files with the wrong shape or broken syntax. */
function brokenProjectFile(random: Random, seeds: readonly Seed[]): { name: string; text: string; category: string } {
  const shapes: Array<[string, string]> = [
    ["package.json", "{"],
    ["package.json", "[]"],
    ["package.json", "null"],
    ["package.json", '{"dependencies": ["express"], "scripts": 42, "workspaces": {"packages": 7}}'],
    ["package.json", '{"scripts": {"start": {"nested": true}}, "dependencies": {"x": null}}'],
    ["package.json", `{"dependencies": {${Array.from({ length: 5000 }, (_, i) => `"p${i}": "*"`).join(",")}}}`],
    ["docker-compose.yml", "services:\n  a: &a [*a]\n"],
    ["docker-compose.yml", "services: [1, 2\n"],
    ["docker-compose.yml", `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`],
    ["docker-compose.yml", "services:\n  web:\n    environment:\n      - \n      - =\n      - PASSWORD\n      PASSWORD: [1]\n"],
    ["Dockerfile", "ENV \\\n"],
    ["Dockerfile", 'CMD ["node", "server.js"\nENTRYPOINT [\n'],
    ["Dockerfile", `RUN ${"a \\\n".repeat(20_000)}`],
    ["Dockerfile", "ARG\nENV\nENV =\nENV a b c d e\n# escape=`\n"],
    [".env", "=\n==\nexport \nKEY\n\"unterminated\nA='b\n"],
    [".npmrc", "//registry.npmjs.org/:_authToken=\n_auth\n=\n[section\n"],
    ["Procfile", "web\n:\nweb: \nweb:" + " ".repeat(10_000) + "\n"],
    ["config/default.json", '{"password": {"nested": ["x"]}, "token": 42'],
    [".twelve-factor.json", '{"rules": {"config/no-hardcoded-secret": "loud"}, "ignore": "src"}'],
    [".twelve-factor.json", '{"rules": ["x"], "secrets": {"allow": ["/(a+)+$/", "/[/"]}}'],
    [".twelve-factor.json", "{\"rules\": {"],
    [".twelve-factor.json", "[1, 2, 3]"],
  ];
  if (random.chance(0.5) || seeds.length === 0) {
    const [name, text] = random.pick(shapes);
    return { name, text, category: "broken-project-file" };
  }
  const seed = random.pick(seeds);
  const name = seed.name === "docker-compose.yml" || seed.name === "compose.yaml" ? "docker-compose.yml" : random.chance(0.8) ? seed.name : random.pick(PROJECT_FILE_NAMES);
  return { name, text: mutateText(random, seed.text), category: "mutated-project-file" };
}

/** The `index`-th input of a run: a fixed mix of categories, all derived from the seeded RNG. */
export function generateCase(random: Random, index: number, seeds: { sources: Seed[]; projectFiles: Seed[] }): FuzzCase {
  const roll = random.int(100);
  if (roll < 45) {
    const seed = random.pick(seeds.sources);
    return { category: "mutated-source", name: sourceName(random, index), content: utf8(mutateText(random, seed.text)) };
  }
  if (roll < 55) {
    const seed = random.pick(seeds.sources);
    return { category: "mutated-bytes", name: sourceName(random, index), content: mutateBytes(random, utf8(seed.text)) };
  }
  if (roll < 60) return { category: "random-bytes", name: sourceName(random, index), content: randomBytes(random, random.int(4096)) };
  if (roll < 65) {
    const seed = random.pick(seeds.sources);
    const bom = random.pick([[0xef, 0xbb, 0xbf], [0xfe, 0xff], [0xff, 0xfe], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]);
    const ending = random.pick(["\r\n", "\r", "\n\r"]);
    return { category: "bom-and-line-endings", name: sourceName(random, index), content: Buffer.concat([Buffer.from(bom), utf8(seed.text.replace(/\n/g, ending))]) };
  }
  if (roll < 68) {
    const extreme = extremeSource(random);
    return { category: extreme.category, name: sourceName(random, index), content: utf8(extreme.text) };
  }
  if (roll < 69) {
    // Minified-bundle sized: one line just under or over the 1 MiB cap, and the 5 MB case.
    const size = random.pick([900 * 1024, 1024 * 1024 + 1, 5 * 1024 * 1024]);
    const unit = 'app.listen(3000);var a="x";';
    return { category: "huge-single-line", name: sourceName(random, index), content: utf8(unit.repeat(Math.ceil(size / unit.length)).slice(0, size)) };
  }
  const file = brokenProjectFile(random, seeds.projectFiles);
  return { category: file.category, name: file.name, content: utf8(file.text) };
}
