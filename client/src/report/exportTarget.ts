import path from "node:path";

/** `inside` is `folder` itself or below it. */
function isWithin(inside: string, folder: string): boolean {
  const relative = path.relative(folder, inside);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Where the save dialog proposes an exported report: the home folder, as a file named after the
 * project, never inside the audited folders (a report there shows up as an untracked file, or
 * gets committed). When home is itself one of them, the temp folder.
 */
export function defaultExportPath(options: { projectName: string; extension: string; workspaceFolders: readonly string[]; home: string; tmp: string }): string {
  const name = `${options.projectName.replace(/[^\w.-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "project"}-twelve-factor-report.${options.extension}`;
  const outside = (folder: string) => !options.workspaceFolders.some((workspace) => isWithin(folder, workspace));
  const folder = [options.home, options.tmp].find(outside) ?? options.tmp;
  return path.join(folder, name);
}
