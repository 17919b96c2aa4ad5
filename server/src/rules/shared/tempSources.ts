/**
 * Library knowledge: calls whose result is a scratch location in the OS temp folder. A path built
 * on one of these is never persistent state. A new library is a new row.
 */
export interface TempSourceRow {
  module: string;
  paths: ReadonlyArray<readonly string[]>;
  /** The result is an object whose `name`/`path` property holds the path (`tmp.dirSync().name`). */
  holder?: boolean;
}

export const TEMP_SOURCES: readonly TempSourceRow[] = [
  // os.tmpdir(): the OS temp folder.
  { module: "os", paths: [["tmpdir"]] },
  // fs.mkdtemp*: a fresh folder, created under the prefix the caller gives (normally os.tmpdir()).
  { module: "fs", paths: [["mkdtemp"], ["mkdtempSync"], ["promises", "mkdtemp"]] },
  { module: "fs/promises", paths: [["mkdtemp"]] },
  { module: "fs-extra", paths: [["mkdtemp"], ["mkdtempSync"]] },
  { module: "graceful-fs", paths: [["mkdtemp"], ["mkdtempSync"]] },
  // tmp: `tmp.dirSync().name`, `tmp.fileSync().name`, `tmp.tmpNameSync()`.
  { module: "tmp", paths: [["dirSync"], ["fileSync"]], holder: true },
  { module: "tmp", paths: [["tmpNameSync"]] },
  // tmp-promise: `(await tmp.dir()).path`, `(await tmp.file()).path`, `await tmp.tmpName()`.
  { module: "tmp-promise", paths: [["dir"], ["file"]], holder: true },
  { module: "tmp-promise", paths: [["tmpName"]] },
  // tempy: `temporaryDirectory()`, `temporaryFile()` (v2+), `tempy.directory()` (v1).
  { module: "tempy", paths: [["temporaryDirectory"], ["temporaryFile"], ["directory"], ["file"]] },
];

/** Modules whose value itself is the temp folder path (`import tempDir from "temp-dir"`). */
export const TEMP_VALUES: ReadonlyArray<{ module: string; paths: ReadonlyArray<readonly string[]> }> = [
  // temp-dir: the real path of os.tmpdir().
  { module: "temp-dir", paths: [[]] },
];
