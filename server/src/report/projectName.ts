import fs from "node:fs";
import path from "node:path";

/** The root package.json's `name`, else the folder's name. Never throws: a title is not worth a crash. */
export function readProjectName(root: string): string {
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const name = (manifest as { name?: unknown } | null)?.name;
    if (typeof name === "string" && name.trim() !== "") return name.trim();
  } catch {
    // No package.json, or not JSON: fall back to the folder name.
  }
  return path.basename(root) || root;
}
