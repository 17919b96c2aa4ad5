import path from "node:path";
import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { isSourceFile } from "../engine/sourceKinds";
import type { Finding, Note } from "../engine/types";
import type { ProjectRegistry } from "./projects";
import type { Settings } from "./settings";
import { toDiagnostic } from "./diagnostics";
import { foreground } from "./foreground";

export interface DocumentResult {
  version: number;
  /** The text the findings were computed on: the buffer, or with `run: onSave` the saved text. */
  text: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
  durationMs: number;
}

export function fileOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? path.resolve(parsed.fsPath) : undefined;
}

/**
 * The one analysis path behind both deliveries (pull and push): the engine over the unsaved
 * buffer, cached per document version so a pull after a push costs nothing.
 */
export class DocumentDiagnostics {
  private readonly cache = new Map<string, DocumentResult>();
  /** Text of each open document as of its open or last save, for `run: onSave`. */
  private readonly saved = new Map<string, string>();

  constructor(
    private readonly registry: ProjectRegistry,
    private readonly settings: () => Settings,
    private readonly onNotes: (notes: readonly Note[]) => void,
  ) {}

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  markSaved(document: TextDocument): void {
    this.saved.set(document.uri, document.getText());
  }

  closed(uri: string): void {
    this.cache.delete(uri);
    this.saved.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  cached(uri: string): DocumentResult | undefined {
    return this.cache.get(uri);
  }

  analyze(document: TextDocument): DocumentResult {
    const text = (this.settings().run === "onSave" ? this.saved.get(document.uri) : undefined) ?? document.getText();
    const cached = this.cache.get(document.uri);
    if (cached && cached.text === text) return cached;
    const started = performance.now();
    const file = fileOf(document.uri);
    let findings: Finding[] = [];
    if (file && this.settings().enable) {
      const project = this.registry.projectFor(file);
      if (!project.isExcluded(file)) {
        this.onNotes(project.configNotes);
        // Background audit workers pause meanwhile, so a keystroke never waits for the cores.
        const result = foreground.run(() => project.engine.analyzeFile(file, text, { incremental: true }));
        this.onNotes(result.notes);
        // Fingerprints are taken on the text just analysed (the buffer), so typing above a
        // baselined line keeps it hidden.
        findings = project.hideBaselined(result.findings, (other) => (other === file ? text : project.engine.project.host.readFile(other))).fresh;
      }
    }
    const commentable = file !== undefined && isSourceFile(file);
    const result: DocumentResult = {
      version: document.version,
      text,
      findings,
      diagnostics: findings.map((finding) => toDiagnostic(finding, commentable)),
      durationMs: performance.now() - started,
    };
    this.cache.set(document.uri, result);
    return result;
  }
}
