import { Random } from "../fuzz/random";

/**
 * Random service projects for the fix-safety properties: sources with fixable problems of many
 * rules, and env files, .gitignore and symlinks in the shapes real projects have them (comments,
 * CRLF, missing final newline, keys the fixes would add already present with other values).
 */
export interface GeneratedProject {
  files: Record<string, string>;
  /** Relative path → target relative to the outside folder (written as symlinks). */
  symlinks: Record<string, string>;
  /** Files placed outside the project (the targets of symlinks), relative to the outside folder. */
  outside: Record<string, string>;
}

const KEY_PARTS = ["4eC39HqLyjWDarjtT1zdp7dc", "9fK2mQ7xLp4Rz8Vt1Wn6Yb3H", "R8kq2LmN5pX7vT1zW4yB6cD9"];

function secretSnippet(random: Random, i: number): string {
  const stripe = ["sk", "live", random.pick(KEY_PARTS)].join("_");
  const generic = random.pick(KEY_PARTS).split("").reverse().join("");
  switch (random.int(6)) {
    case 0:
      return `export const stripe${i} = new Stripe("${stripe}");\n`;
    case 1:
      return `const apiKey${i} = "${generic}";\nexport const headers${i} = { Authorization: apiKey${i} };\n`;
    case 2:
      return `export const db${i} = new Pool({ host: "db.internal", password: "${generic.slice(0, 14)}" });\n`;
    case 3:
      return `export const config${i} = {\n  clientSecret: '${generic}',\n};\n`;
    case 4:
      return `const apiKey = "${generic}";\nexport const client${i} = { apiKey };\n`;
    default:
      return `export const jwtSecret${i} = \`${generic}\`;\n`;
  }
}

function otherSnippet(random: Random, i: number): string {
  switch (random.int(6)) {
    case 0:
      return `app.listen(${3000 + i});\n`;
    case 1:
      return `const PORT${i} = ${8000 + i};\nhttp.createServer().listen(PORT${i});\n`;
    case 2:
      return `export const logger${i} = winston.createLogger({ transports: [new winston.transports.File({ filename: "app${i}.log" })] });\n`;
    case 3:
      return `export const upload${i} = multer({ dest: "uploads/" });\n`;
    case 4:
      return `export const redis${i} = new Redis("redis://cache.internal:6379");\n`;
    default:
      return `console.log(process.env.UNDOCUMENTED_${i});\n`;
  }
}

const IMPORTS = `import express from "express";\nimport http from "node:http";\nimport multer from "multer";\nimport Redis from "ioredis";\nimport Stripe from "stripe";\nimport winston from "winston";\nimport { Pool } from "pg";\nconst app = express();\n`;
const TAKEN_NAMES = ["STRIPE_SECRET_KEY", "API_KEY", "CLIENT_SECRET", "REDIS_URL", "PORT", "JWT_SECRET", "UNDOCUMENTED_1"];

function envFile(random: Random, withValues: boolean): string | undefined {
  if (random.chance(0.3)) return undefined;
  const eol = random.chance(0.4) ? "\r\n" : "\n";
  const lines: string[] = [];
  for (let i = 0; i < random.int(5); i++) {
    if (random.chance(0.3)) lines.push(`# section ${i}`);
    if (random.chance(0.2)) lines.push("");
    const name = random.chance(0.5) ? random.pick(TAKEN_NAMES) : `SETTING_${i}`;
    if (!lines.some((line) => line.startsWith(`${name}=`))) lines.push(`${name}=${withValues ? `existing-${i}` : ""}`);
  }
  const text = lines.join(eol);
  return random.chance(0.3) ? text : text + (lines.length > 0 ? eol : "");
}

export function generateProject(seed: number): GeneratedProject {
  const random = new Random(seed);
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: `generated-${seed}`, dependencies: { express: "^5.0.0", multer: "^2.0.0", ioredis: "^5.0.0", stripe: "^18.0.0", winston: "^3.0.0", pg: "^8.0.0" } }, null, 2) + "\n",
    "package-lock.json": "{}\n",
    "src/shutdown.ts": 'process.on("SIGTERM", () => process.exit(0));\n',
  };
  const gitignoreEol = random.chance(0.3) ? "\r\n" : "\n";
  files[".gitignore"] = ["node_modules/", ...(random.chance(0.7) ? [".env"] : [])].join(gitignoreEol) + gitignoreEol;
  const example = envFile(random, false);
  if (example !== undefined) files[".env.example"] = example;
  const dotenv = envFile(random, true);
  if (dotenv !== undefined) files[".env"] = dotenv;
  const sourceCount = 1 + random.int(4);
  let n = 0;
  for (let s = 0; s < sourceCount; s++) {
    const eol = random.chance(0.3) ? "\r\n" : "\n";
    let text = IMPORTS;
    for (let k = 0; k < 1 + random.int(4); k++) text += random.chance(0.5) ? secretSnippet(random, n++) : otherSnippet(random, n++);
    files[`src/module${s}${random.pick([".ts", ".js", ".mts"])}`] = text.replace(/\n/g, eol);
  }
  const symlinks: Record<string, string> = {};
  const outside: Record<string, string> = {};
  if (random.chance(0.25)) {
    // A project whose env template lives elsewhere: a fix must not write through the link.
    delete files[".env.example"];
    outside["shared.env.example"] = "# shared template\nSHARED=\n";
    symlinks[".env.example"] = "shared.env.example";
  }
  if (random.chance(0.15)) {
    outside["vendor.ts"] = `export const vendorKey = "${["sk", "live", random.pick(KEY_PARTS)].join("_")}";\n`;
    symlinks["src/vendor.ts"] = "vendor.ts";
  }
  return { files, symlinks, outside };
}
