import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { matchRows, refOf } from "./moduleRefs";

/** What a call does to the disk, for messages and for telling logs from state. */
export type FsWriteKind = "write" | "append" | "stream" | "mkdir" | "copy";

export interface FsWriteRow {
  module: string;
  paths: ReadonlyArray<readonly string[]>;
  kind: FsWriteKind;
  /** Index of the argument naming the written path. */
  pathArg: number;
}

/** `name`, `nameSync` and (for modules with a `promises` namespace) `promises.name`. */
function forms(names: readonly string[], options: { sync?: boolean; promises?: boolean } = {}): string[][] {
  const out: string[][] = [];
  for (const name of names) {
    out.push([name]);
    if (options.sync !== false) out.push([`${name}Sync`]);
    if (options.promises) out.push(["promises", name]);
  }
  return out;
}

/**
 * Library knowledge: calls that create or change files. Each row is one family of functions in
 * one module; a new library is a new row. Node's `fs` API is shared by `graceful-fs` and
 * `fs-extra` (which re-export it), so those modules get the same rows.
 */
export const FS_WRITES: readonly FsWriteRow[] = [
  ...["fs", "graceful-fs", "fs-extra"].flatMap((module): FsWriteRow[] => [
    // writeFile / writeFileSync / promises.writeFile: create or overwrite a file.
    { module, paths: forms(["writeFile"], { promises: true }), kind: "write", pathArg: 0 },
    // appendFile*: add to a file, the usual way to hand-roll a log.
    { module, paths: forms(["appendFile"], { promises: true }), kind: "append", pathArg: 0 },
    // createWriteStream: a stream into a file.
    { module, paths: [["createWriteStream"]], kind: "stream", pathArg: 0 },
    // mkdir*: a folder that outlives the request.
    { module, paths: forms(["mkdir"], { promises: true }), kind: "mkdir", pathArg: 0 },
    // copyFile* / cp*: the destination is the second argument.
    { module, paths: forms(["copyFile", "cp"], { promises: true }), kind: "copy", pathArg: 1 },
  ]),
  // fs/promises: the promise API as its own module.
  { module: "fs/promises", paths: [["writeFile"]], kind: "write", pathArg: 0 },
  { module: "fs/promises", paths: [["appendFile"]], kind: "append", pathArg: 0 },
  { module: "fs/promises", paths: [["mkdir"]], kind: "mkdir", pathArg: 0 },
  { module: "fs/promises", paths: [["copyFile"], ["cp"]], kind: "copy", pathArg: 1 },
  // fs-extra's own helpers: outputFile/outputJson create parent folders, writeJson writes JSON.
  { module: "fs-extra", paths: forms(["outputFile", "outputJson", "outputJSON", "writeJson", "writeJSON", "ensureFile"]), kind: "write", pathArg: 0 },
  // fs-extra folder helpers.
  { module: "fs-extra", paths: forms(["ensureDir", "mkdirp", "mkdirs"]), kind: "mkdir", pathArg: 0 },
  // fs-extra copy/move: the destination is the second argument.
  { module: "fs-extra", paths: forms(["copy", "move"]), kind: "copy", pathArg: 1 },
  // jsonfile: writeFile(Sync) of JSON.
  { module: "jsonfile", paths: forms(["writeFile"]), kind: "write", pathArg: 0 },
  // write-file-atomic: the default export and its `sync` member.
  { module: "write-file-atomic", paths: [[], ["sync"]], kind: "write", pathArg: 0 },
  // mkdirp (default export, `sync`, named `mkdirp`/`mkdirpSync`) and make-dir.
  { module: "mkdirp", paths: [[], ["sync"], ["mkdirp"], ["mkdirpSync"]], kind: "mkdir", pathArg: 0 },
  { module: "make-dir", paths: [[], ["sync"], ["makeDirectory"], ["makeDirectorySync"]], kind: "mkdir", pathArg: 0 },
];

/**
 * Modules a trigger must look for: those reached through a default export (`writeFileAtomic(...)`
 * under any local name). The others are always called by a member name the trigger matches.
 */
export const FS_DEFAULT_EXPORT_MODULES: readonly string[] = [...new Set(FS_WRITES.filter((row) => row.paths.some((path) => path.length === 0)).map((row) => row.module))];

/** Member names of fs writes, for triggers. */
export const FS_WRITE_NAMES: readonly string[] = [...new Set(FS_WRITES.flatMap((row) => row.paths.map((path) => path[path.length - 1] ?? "")))];

export interface FsWriteCall {
  row: FsWriteRow;
  call: ts.CallExpression;
  pathArgument: ts.Expression;
}

/** The fs write a call performs, recognised by what its callee is bound to (any import style). */
export function fsWriteCall(semantics: Semantics, node: ts.Node): FsWriteCall | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const row = matchRows(FS_WRITES, refOf(semantics, node.expression));
  const pathArgument = row ? node.arguments[row.pathArg] : undefined;
  return row && pathArgument ? { row, call: node, pathArgument } : undefined;
}

/** Verbs for messages: "fs.writeFileSync writes to ...". */
export const FS_VERBS: Readonly<Record<FsWriteKind, string>> = {
  write: "writes to",
  append: "appends to",
  stream: "opens a write stream to",
  mkdir: "creates a folder at",
  copy: "copies a file to",
};
