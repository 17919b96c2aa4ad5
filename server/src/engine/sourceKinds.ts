import ts from "typescript";

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  ".ts": ts.ScriptKind.TS,
  ".mts": ts.ScriptKind.TS,
  ".cts": ts.ScriptKind.TS,
  ".tsx": ts.ScriptKind.TSX,
  ".js": ts.ScriptKind.JS,
  ".mjs": ts.ScriptKind.JS,
  ".cjs": ts.ScriptKind.JS,
  ".jsx": ts.ScriptKind.JSX,
};

export const SOURCE_EXTENSIONS = Object.keys(SCRIPT_KINDS);

function extensionOf(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? "" : path.slice(dot).toLowerCase();
}

/** `undefined` for files that are not TS/JS sources (and for `.d.ts`, which holds no runtime code). */
export function scriptKindOf(path: string): ts.ScriptKind | undefined {
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined;
  return SCRIPT_KINDS[extensionOf(path)];
}

export function isSourceFile(path: string): boolean {
  return scriptKindOf(path) !== undefined;
}
