/**
 * Plain data shared by the engine, its rules and every adapter (LSP, CLI, reports).
 * Nothing here knows about LSP, VS Code or the terminal.
 */

export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";

export const FACTORS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;
export type Factor = (typeof FACTORS)[number];

/** Zero-based line and UTF-16 character, as LSP and the TypeScript compiler count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
  /** UTF-16 offsets into the file text, so adapters never recompute them. */
  startOffset: number;
  endOffset: number;
}

/** Replace `[start, end)` (UTF-16 offsets in the file's current text) of `file` by `newText`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
  /**
   * `newText` holds a secret (the value a fix moves into `.env`). Adapters keep it off every
   * channel that can be logged: the language server writes it to disk itself.
   */
  sensitive?: boolean;
}

/** A file the fix creates. Fixes never create a file that already exists. */
export interface FileCreation {
  file: string;
  text: string;
  /** `text` holds a secret; see `TextEdit.sensitive`. */
  sensitive?: boolean;
}

export interface Fix {
  title: string;
  /** Safe fixes may be applied without review (`--fix`, fix-all, `source.fixAll`). */
  safe: boolean;
  edits: TextEdit[];
  creates: FileCreation[];
}

export interface Finding {
  ruleId: string;
  /** Absent only for findings about the tool's own comments (an unknown id in a disable directive). */
  factor?: Factor;
  severity: Severity;
  /** One sentence: what was found and what to do. Never contains a secret in full. */
  message: string;
  /** Absolute path. */
  file: string;
  range: Range;
  /** The reasons that fired ("Stripe live secret key format", ...), for hovers and reports. */
  signals: string[];
  fixes: Fix[];
  /** Found in test or fixture code: its fixes are never safe, and the report's "Fix first" leaves it out. */
  inTestCode?: true;
}

/** Something the run could not analyse, said once in one clear line (binary file, bad config, ...). */
export interface Note {
  level: "info" | "warning" | "error";
  file?: string;
  message: string;
}
