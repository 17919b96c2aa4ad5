import { isSeveritySetting } from "../engine/rule";
import type { SeveritySetting } from "../engine/types";

/**
 * The `twelveFactor.*` settings, typed once for the server and the client. Per-rule severities
 * here win over `.twelve-factor.json`, as a user's own editor setting should.
 */
export interface Settings {
  enable: boolean;
  /** Analyse while typing, or only when a file is saved. */
  run: "onType" | "onSave";
  /** Extra globs (gitignore-style, relative to the workspace folder) never analysed. */
  exclude: string[];
  rules: Record<string, SeveritySetting>;
  /** Hide the findings recorded in the project's `.twelve-factor-baseline.json`; false shows everything. */
  baseline: { enabled: boolean };
  trace: { server: "off" | "messages" | "verbose" };
  /**
   * Whether the hover repeats the diagnostic's message. `auto`: not in editors that already show
   * the diagnostic in the same hover (VS Code and its forks), yes elsewhere (Neovim, Helix …).
   */
  hover: { showMessage: HoverShowMessage };
}

export type HoverShowMessage = "auto" | "always" | "never";

const HOVER_SHOW_MESSAGE: readonly HoverShowMessage[] = ["auto", "always", "never"];

/** A `hover.showMessage` value from settings or initializationOptions; `undefined` when absent or wrong. */
export function hoverShowMessageOf(raw: unknown): HoverShowMessage | undefined {
  const value = (raw as { hover?: { showMessage?: unknown } } | null | undefined)?.hover?.showMessage;
  return HOVER_SHOW_MESSAGE.find((option) => option === value);
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: "onType", exclude: [], rules: {}, baseline: { enabled: true }, trace: { server: "off" }, hover: { showMessage: "auto" } };

export const SETTINGS_SECTION = "twelveFactor";

/** Reads whatever the client sent; every wrong value is named once and replaced by its default. */
export function normalizeSettings(raw: unknown, knownRuleIds: ReadonlySet<string>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, exclude: [], rules: {}, baseline: { ...DEFAULT_SETTINGS.baseline }, trace: { ...DEFAULT_SETTINGS.trace }, hover: { ...DEFAULT_SETTINGS.hover } };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== "object" || Array.isArray(raw)) return { settings, problems: ["twelveFactor settings must be an object; using the defaults."] };
  const value = raw as Record<string, unknown>;
  if (value.enable !== undefined) {
    if (typeof value.enable === "boolean") settings.enable = value.enable;
    else problems.push("twelveFactor.enable must be true or false; using true.");
  }
  if (value.run !== undefined) {
    if (value.run === "onType" || value.run === "onSave") settings.run = value.run;
    else problems.push(`twelveFactor.run must be "onType" or "onSave"; using "onType".`);
  }
  if (value.exclude !== undefined) {
    if (Array.isArray(value.exclude) && value.exclude.every((item) => typeof item === "string")) settings.exclude = value.exclude as string[];
    else problems.push("twelveFactor.exclude must be a list of globs; ignoring it.");
  }
  if (value.rules !== undefined) {
    if (value.rules && typeof value.rules === "object" && !Array.isArray(value.rules)) {
      for (const [id, severity] of Object.entries(value.rules)) {
        if (!knownRuleIds.has(id)) problems.push(`twelveFactor.rules: "${id}" is not a known rule id; ignoring it.`);
        else if (!isSeveritySetting(severity)) problems.push(`twelveFactor.rules["${id}"] must be off, info, warning or error; using the default.`);
        else settings.rules[id] = severity;
      }
    } else {
      problems.push("twelveFactor.rules must be an object of rule id to severity; ignoring it.");
    }
  }
  const baselineEnabled = (value.baseline as { enabled?: unknown } | undefined)?.enabled;
  if (baselineEnabled !== undefined) {
    if (typeof baselineEnabled === "boolean") settings.baseline.enabled = baselineEnabled;
    else problems.push("twelveFactor.baseline.enabled must be true or false; using true.");
  }
  const trace = (value.trace as { server?: unknown } | undefined)?.server;
  if (trace === "off" || trace === "messages" || trace === "verbose") settings.trace.server = trace;
  const showMessage = (value.hover as { showMessage?: unknown } | undefined)?.showMessage;
  if (showMessage !== undefined) {
    const known = hoverShowMessageOf(value);
    if (known) settings.hover.showMessage = known;
    else problems.push(`twelveFactor.hover.showMessage must be "auto", "always" or "never"; using "auto".`);
  }
  return { settings, problems };
}
