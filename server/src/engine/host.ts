import fs from "node:fs";

/**
 * Where the engine reads files. The CLI reads the disk; the language server layers the unsaved
 * editor buffers over it, so every rule sees what the user is typing.
 */
export interface DocumentHost {
  /** The text, or `undefined` when the file is missing, unreadable or not text. */
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
}

// Most misses are expected (the engine asks for a dozen test-runner configs, tsconfigs and
// manifests per folder): answered without an exception, whose stack costs more than the look-up.
export const diskHost: DocumentHost = {
  readFile(path) {
    if (!fs.existsSync(path)) return undefined;
    try {
      return fs.readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  fileExists(path) {
    try {
      return fs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  },
};

/** Open editor buffers over another host (the disk). */
export class OverlayHost implements DocumentHost {
  private readonly overlays = new Map<string, string>();

  constructor(private readonly base: DocumentHost = diskHost) {}

  set(path: string, text: string): void {
    this.overlays.set(path, text);
  }

  delete(path: string): void {
    this.overlays.delete(path);
  }

  readFile(path: string): string | undefined {
    return this.overlays.get(path) ?? this.base.readFile(path);
  }

  fileExists(path: string): boolean {
    return this.overlays.has(path) || this.base.fileExists(path);
  }
}
