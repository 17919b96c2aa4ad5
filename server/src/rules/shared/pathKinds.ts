import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import { matchRows, refIs, refOf } from "./moduleRefs";
import { TEMP_SOURCES, TEMP_VALUES } from "./tempSources";

/**
 * Where a path expression points, judged from how it is built:
 * - `local`: inside the app or at a fixed absolute place (`"data/x.json"`, `__dirname`, `process.cwd()`);
 * - `env`: configured (`process.env.DATA_DIR`, possibly inside `path.join` or a template);
 * - `temp`: the OS temp folder (`os.tmpdir()`, `"/tmp/x"`, `mkdtemp` results);
 * - `stdio`: a device such as `/dev/stdout`; `descriptor`: a numeric file descriptor;
 * - `unknown`: anything else, e.g. a parameter. Unknown paths are never reported (precision first).
 */
export type PathKind = "local" | "env" | "temp" | "stdio" | "descriptor" | "unknown";

export interface PathInfo {
  kind: PathKind;
  /** Short reason for signals: "relative path", "path under __dirname", "path from process.env.DATA_DIR". */
  reason: string;
  /** For messages: `"data/users.json"` when the path is one literal, else the code that builds it. */
  display: string;
  /** The last literal piece ("app.log" in `path.join(LOG_DIR, "app.log")`), when there is one. */
  tail?: string;
  envName?: string;
}

type Kind = Omit<PathInfo, "display">;

/** Path builders: how the result's location follows from the arguments. */
const PATH_BUILDERS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; mode: "join" | "resolve" | "first" }> = [
  // path.join and friends: the first piece is the base.
  { module: "path", paths: [["join"], ["posix", "join"], ["win32", "join"]], mode: "join" },
  { module: "path/posix", paths: [["join"]], mode: "join" },
  { module: "pathe", paths: [["join"]], mode: "join" },
  { module: "upath", paths: [["join"]], mode: "join" },
  // path.resolve: the right-most absolute piece is the base (else the working directory).
  { module: "path", paths: [["resolve"], ["posix", "resolve"], ["win32", "resolve"]], mode: "resolve" },
  { module: "path/posix", paths: [["resolve"]], mode: "resolve" },
  { module: "pathe", paths: [["resolve"]], mode: "resolve" },
  { module: "upath", paths: [["resolve"]], mode: "resolve" },
  // Same place as the first argument.
  { module: "path", paths: [["dirname"], ["normalize"], ["posix", "dirname"], ["posix", "normalize"]], mode: "first" },
  { module: "url", paths: [["fileURLToPath"]], mode: "first" },
];

/** Calls that name a fixed place on the local disk. */
const LOCAL_ANCHORS: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]>; reason: string }> = [
  { module: "process", paths: [["cwd"]], reason: "path under process.cwd()" },
  { module: "os", paths: [["homedir"]], reason: "path under the home folder" },
];

const UNKNOWN: Kind = { kind: "unknown", reason: "unknown path" };
const MAX_DEPTH = 16;

export function literalPathKind(text: string): Kind {
  if (text === "") return UNKNOWN;
  if (text.startsWith("file://")) return literalPathKind(text.slice("file://".length));
  if (/^\/(tmp|var\/tmp|dev\/shm)(\/|$)/.test(text)) return { kind: "temp", reason: "OS temp folder", tail: text };
  if (/^\/dev\//.test(text)) return { kind: "stdio", reason: "device", tail: text };
  const absolute = text.startsWith("/") || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith("\\\\");
  return { kind: "local", reason: absolute ? "absolute path" : "relative path", tail: text };
}

function isAbsoluteLiteral(text: string): boolean {
  return text.startsWith("/") || /^[A-Za-z]:[\\/]/.test(text);
}

/** Code for messages, on one line and at most 60 characters. */
export function codeText(node: ts.Node): string {
  const text = node.getText(node.getSourceFile()).replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function classifyPath(semantics: Semantics, expression: ts.Expression): PathInfo {
  const kind = kindOf(semantics, expression, 0);
  const value = semantics.valueOf(expression);
  let display: string;
  if (value.kind === "literal") display = JSON.stringify(String(value.value));
  else if (value.kind === "env" && value.name) display = `process.env.${value.name}`;
  else display = codeText(skipOuterExpressions(semantics.resolve(expression).node));
  return { ...kind, display };
}

function kindOf(semantics: Semantics, expression: ts.Expression, depth: number): Kind {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const value = semantics.valueOf(expression);
  if (value.kind === "literal") {
    if (typeof value.value === "string") return literalPathKind(value.value);
    return typeof value.value === "number" ? { kind: "descriptor", reason: "file descriptor" } : UNKNOWN;
  }
  if (value.kind === "env" && value.name) return { kind: "env", reason: `path from process.env.${value.name}`, envName: value.name };
  // A path built from env pieces (`${process.env.DIR}/x`, or under os.tmpdir()) is judged by its pieces.
  const built = builtKind(semantics, expression, depth);
  if (value.kind === "env" && built.kind === "unknown") return { kind: "env", reason: "path from process.env", tail: built.tail };
  return built;
}

function builtKind(semantics: Semantics, expression: ts.Expression, depth: number): Kind {
  if (matchRows(TEMP_VALUES, refOf(semantics, expression))) return { kind: "temp", reason: "OS temp folder" };
  const node = skipOuterExpressions(semantics.resolve(expression).node);
  if (ts.isAwaitExpression(node)) return kindOf(semantics, node.expression, depth + 1);
  if (ts.isIdentifier(node)) {
    if ((node.text === "__dirname" || node.text === "__filename") && !findDeclaration(node)) return { kind: "local", reason: `path under ${node.text}` };
    return UNKNOWN;
  }
  if (ts.isPropertyAccessExpression(node)) {
    if (ts.isMetaProperty(node.expression) && ["url", "dirname", "filename"].includes(node.name.text)) return { kind: "local", reason: `path under import.meta.${node.name.text}` };
    if (node.name.text === "name" || node.name.text === "path") {
      const holder = skipOuterExpressions(semantics.resolve(node.expression).node);
      const call = ts.isAwaitExpression(holder) ? skipOuterExpressions(holder.expression) : holder;
      if (ts.isCallExpression(call) && matchRows(TEMP_SOURCES, refOf(semantics, call.expression))?.holder) return { kind: "temp", reason: "OS temp folder" };
    }
    return UNKNOWN;
  }
  if (ts.isTemplateExpression(node)) {
    const pieces: Array<string | ts.Expression> = [node.head.text];
    for (const span of node.templateSpans) pieces.push(span.expression, span.literal.text);
    return compose(semantics, pieces, depth);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return compose(semantics, flattenConcat(node), depth);
  if (ts.isConditionalExpression(node)) {
    const a = kindOf(semantics, node.whenTrue, depth + 1);
    const b = kindOf(semantics, node.whenFalse, depth + 1);
    if (a.kind === b.kind) return a;
    if ((a.kind === "env" && b.kind !== "unknown") || (b.kind === "env" && a.kind !== "unknown")) return a.kind === "env" ? a : b;
    return UNKNOWN;
  }
  if (ts.isCallExpression(node)) return callKind(semantics, node, depth);
  if (ts.isNewExpression(node) && refIs(refOf(semantics, node.expression), "url", ["URL"])) {
    const [spec, base] = node.arguments ?? [];
    const specValue = spec ? semantics.valueOf(spec) : undefined;
    if (specValue?.kind === "literal" && typeof specValue.value === "string" && specValue.value.startsWith("file:")) return literalPathKind(specValue.value);
    if (base) return withTail(kindOf(semantics, base, depth + 1), specValue?.kind === "literal" ? String(specValue.value) : undefined);
  }
  return UNKNOWN;
}

function callKind(semantics: Semantics, call: ts.CallExpression, depth: number): Kind {
  const ref = refOf(semantics, call.expression);
  const temp = matchRows(TEMP_SOURCES, ref);
  if (temp && !temp.holder) return { kind: "temp", reason: "OS temp folder" };
  const anchor = matchRows(LOCAL_ANCHORS, ref);
  if (anchor) return { kind: "local", reason: anchor.reason };
  const builder = matchRows(PATH_BUILDERS, ref);
  if (!builder || call.arguments.length === 0) return UNKNOWN;
  if (builder.mode === "first") return kindOf(semantics, call.arguments[0], depth + 1);
  if (builder.mode === "join") return compose(semantics, [...call.arguments], depth);
  // resolve: scan from the right for the piece that fixes the location; relative and unknown
  // pieces after the first (file names from a request, say) do not move it.
  let anchorIndex = 0;
  for (let i = call.arguments.length - 1; i > 0; i--) {
    const value = semantics.valueOf(call.arguments[i]);
    if (value.kind === "literal") {
      if (typeof value.value === "string" && isAbsoluteLiteral(value.value)) { anchorIndex = i; break; }
      continue;
    }
    const kind = kindOf(semantics, call.arguments[i], depth + 1).kind;
    if (kind !== "unknown") { anchorIndex = i; break; }
  }
  return compose(semantics, call.arguments.slice(anchorIndex), depth);
}

function flattenConcat(node: ts.Expression): ts.Expression[] {
  const inner = skipOuterExpressions(node);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...flattenConcat(inner.left), ...flattenConcat(inner.right)];
  return [inner];
}

function withTail(kind: Kind, tail: string | undefined): Kind {
  return tail === undefined ? kind : { ...kind, tail };
}

/**
 * A path built from pieces: the first non-empty piece is the base and decides where it points;
 * a configured piece anywhere makes the whole path configured (unless it is under the temp folder).
 */
function compose(semantics: Semantics, pieces: ReadonlyArray<string | ts.Expression>, depth: number): Kind {
  const kinds = pieces
    .filter((piece) => piece !== "")
    .map((piece) => (typeof piece === "string" ? literalPathKind(piece) : kindOf(semantics, piece, depth + 1)));
  if (kinds.length === 0) return UNKNOWN;
  const tail = kinds[kinds.length - 1].tail;
  const base = kinds[0];
  // An unknown base keeps its tail: `path.join(dir, "app.log")` is still a log file, somewhere.
  if (base.kind === "unknown" || base.kind === "descriptor") return withTail(UNKNOWN, tail);
  if (base.kind === "temp" || base.kind === "stdio") return withTail(base, tail);
  return withTail(kinds.find((kind) => kind.kind === "env") ?? base, tail);
}
