import { Engine } from "../engine/analyzer";
import { simulateFixes, type SimulatedFixes } from "../engine/fixPasses";
import type { DocumentHost } from "../engine/host";
import type { Finding } from "../engine/types";
import type { ProjectRegistry } from "./projects";
import type { EditTarget } from "./workspaceEdits";

/**
 * Fix-all in the editor, every pass of it: later passes re-analyse the text the earlier ones
 * produced, in scratch engines that read that text, so the user's files are untouched until the
 * one WorkspaceEdit is applied. `inScope`: the files whose findings may be fixed (the document,
 * or the audited files); a fix may still write elsewhere (`.env.example`).
 */
export function simulateEditorFixes(findings: readonly Finding[], registry: ProjectRegistry, target: EditTarget, inScope: (file: string) => boolean): SimulatedFixes {
  const engines = new Map<string, Engine>();
  let current: (file: string) => string | undefined = (file) => target.readText(file);
  const host: DocumentHost = { readFile: (file) => current(file), fileExists: (file) => current(file) !== undefined };
  return simulateFixes({
    findings,
    readFile: (file) => target.readText(file),
    reanalyze(files, read) {
      current = read;
      const found: Finding[] = [];
      for (const engine of engines.values()) for (const file of files) engine.invalidate(file);
      for (const file of files) {
        if (!inScope(file)) continue;
        const project = registry.projectFor(file);
        if (project.isExcluded(file)) continue;
        let engine = engines.get(project.root);
        if (!engine) {
          engine = new Engine({ root: project.root, rules: project.engine.rules, host, config: project.config });
          engines.set(project.root, engine);
        }
        found.push(...project.hideBaselined(engine.analyzeFile(file).findings, read).fresh);
      }
      return found;
    },
  });
}
