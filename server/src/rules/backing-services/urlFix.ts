import type ts from "typescript";
import { envFileTarget, envVariableFix, toEnvName } from "../../engine/fixes/envConfig";
import type { ProjectModel } from "../../engine/project";
import type { Fix } from "../../engine/types";

/** Names that say nothing beyond "a connection": a value named so gets the scheme's conventional variable. */
const GENERIC_NAMES = new Set(["URL", "URI", "DSN", "CONNECTION", "CONNECTION_STRING", "CONNECTION_URL", "CONNECTION_URI", "DB", "DB_URL", "DB_URI", "DATABASE", "DATABASE_URI", "CONN", "CONN_STR", "CONNECTION_STR"]);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the file already reads `name` from the environment (`process.env.NAME`, `["NAME"]`, `{ NAME } = process.env`). */
function readsEnv(text: string, name: string): boolean {
  const n = escape(name);
  return new RegExp(`(?:process\\.env|import\\.meta\\.env)\\??\\.${n}\\b|process\\.env\\[\\s*["'\`]${n}["'\`]\\s*\\]|\\{[^{}]*\\b${n}\\b[^{}]*\\}\\s*=\\s*process\\.env\\b`).test(text);
}

/**
 * Picks the variable each URL of one file moves to. The scheme's conventional name
 * (`DATABASE_URL`) is used unless it already stands for something else in the file: the file
 * reads it, or another URL of the file with a different value got it first. Then the value's own
 * name gives a specific one (`replicaUrl` → `REPLICA_URL`), else a numbered one. Two different
 * databases never end up sharing one variable.
 */
export class EnvNamer {
  private readonly given = new Map<string, string>();

  constructor(private readonly text: string) {}

  private free(name: string, value: string): boolean {
    const owner = this.given.get(name);
    if (owner !== undefined) return owner === value;
    return !readsEnv(this.text, name);
  }

  private take(name: string, value: string): string {
    this.given.set(name, value);
    return name;
  }

  choose(base: string, value: string, valueName: string | undefined): string {
    if (this.free(base, value)) return this.take(base, value);
    // One- and two-letter names (`u`, `db`) say too little to name a variable after.
    if (valueName && valueName.length > 2) {
      const specific = toEnvName(valueName);
      if (!GENERIC_NAMES.has(specific) && specific !== base) {
        const candidate = /_(URL|URI|DSN)$/.test(specific) ? specific : `${specific}_URL`;
        if (this.free(candidate, value)) return this.take(candidate, value);
      }
    }
    for (let n = 2; ; n++) if (this.free(`${base}_${n}`, value)) return this.take(`${base}_${n}`, value);
  }
}

export interface UrlFixRequest {
  project: ProjectModel;
  sourceFile: ts.SourceFile;
  target: ts.Node;
  jsx: boolean;
  envName: string;
  value: string;
  what: string;
}

/**
 * `process.env.NAME` in place of the literal, `NAME=` in `.env.example`, and the value in `.env`
 * when it is git-ignored (the URL may hold a password).
 */
export function urlFix(request: UrlFixRequest): Fix {
  const read = `process.env.${request.envName}`;
  const fix = envVariableFix({
    project: request.project,
    replacement: { file: request.sourceFile.fileName, start: request.target.getStart(request.sourceFile), end: request.target.getEnd(), newText: request.jsx ? `{${read}}` : read },
    name: request.envName,
    value: request.value,
    title: `Read the ${request.what} from ${read}`,
  });
  return reviewUnlessKept(fix, request.project);
}

/** Safe only when the value lands in `.env`: otherwise the app loses its working local setting until someone sets the variable. */
export function reviewUnlessKept(fix: Fix, project: ProjectModel): Fix {
  const dotenv = envFileTarget(project, fix.edits[0]?.file ?? project.root, ".env")?.file;
  const kept = fix.edits.some((edit) => edit.file === dotenv) || fix.creates.some((create) => create.file === dotenv);
  return { ...fix, safe: fix.safe && kept };
}
