import fs from "node:fs";
import path from "node:path";
import {
  BASELINE_FILE_NAME,
  createBaseline,
  filterByBaseline,
  loadBaseline,
  readBaseline,
  serializeBaseline,
  type BaselineEntry,
} from "../engine/baseline";
import { diskHost } from "../engine/host";
import type { Finding, Note } from "../engine/types";
import type { BaselineOptions } from "./baselineArgs";
import { isInsideOrSame } from "./projectRoot";

/** A problem the user must fix in how they called the tool (exit code 2), said in one line. */
export type StepResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface BaselineApplied {
  fresh: Finding[];
  /** Findings the baseline hid. */
  baselined: number;
  notes: Note[];
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/**
 * Hides the findings the baseline holds: the default file at the project root when it exists,
 * `--baseline FILE` (which must exist) instead, none with `--no-baseline`. A broken file is a
 * warning note and every finding is shown: silently hiding nothing would look like a clean run
 * of a baseline that works.
 */
export function applyBaseline(input: { root: string; cwd: string; findings: Finding[]; options: BaselineOptions }): StepResult<BaselineApplied> {
  const all: BaselineApplied = { fresh: input.findings, baselined: 0, notes: [] };
  if (input.options.noBaseline) return { ok: true, value: all };
  const explicit = input.options.baseline;
  const file = explicit === undefined ? path.join(input.root, BASELINE_FILE_NAME) : path.resolve(input.cwd, explicit);
  if (explicit !== undefined && !diskHost.fileExists(file)) return { ok: false, message: `no such baseline file: ${explicit}` };
  const loaded = loadBaseline(file, diskHost, displayPath(input.cwd, file));
  if (!loaded.baseline) return { ok: true, value: { ...all, notes: loaded.note ? [loaded.note] : [] } };
  const { fresh, baselined } = filterByBaseline(input.findings, loaded.baseline, diskHost.readFile, input.root);
  return { ok: true, value: { fresh, baselined, notes: [] } };
}

/**
 * The salt of the file being replaced, so unchanged findings keep their fingerprints and a
 * rewrite only touches the lines that changed. A file with merge-conflict markers is not JSON,
 * but its salt line is still there and still the one both branches share.
 */
function previousSalt(text: string | undefined): { salt?: string; entries: BaselineEntry[] } {
  if (text === undefined) return { entries: [] };
  const read = readBaseline(text);
  if (read.ok) return { salt: read.baseline.salt, entries: read.baseline.findings };
  return { salt: /^\s*"salt"\s*:\s*"([0-9a-f]{8,128})"/m.exec(text)?.[1], entries: [] };
}

/**
 * `--write-baseline [FILE]`: records `findings`. When only some paths were analysed, the entries
 * of files outside them are kept, so baselining one folder does not forget the rest.
 */
export function writeBaselineFile(input: { root: string; cwd: string; findings: Finding[]; file?: string; paths?: readonly string[] }): StepResult<string> {
  const target = input.file === undefined ? path.join(input.root, BASELINE_FILE_NAME) : path.resolve(input.cwd, input.file);
  const previous = previousSalt(diskHost.readFile(target));
  const baseline = createBaseline(input.findings, diskHost.readFile, { root: input.root, salt: previous.salt });
  if (input.paths && previous.salt !== undefined) {
    const analysed = input.paths;
    const outside = previous.entries.filter((entry) => !analysed.some((folder) => isInsideOrSame(folder, path.join(input.root, entry.file))));
    baseline.findings.push(...outside);
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, serializeBaseline(baseline));
  } catch (error) {
    return { ok: false, message: `could not write the baseline to ${displayPath(input.cwd, target)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const count = baseline.findings.reduce((sum, entry) => sum + entry.count, 0);
  return { ok: true, value: `Wrote ${count} finding${count === 1 ? "" : "s"} to ${displayPath(input.cwd, target)}.` };
}
