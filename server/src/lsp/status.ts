import type { Connection } from "vscode-languageserver";
import type { DocumentResult } from "./documentDiagnostics";
import type { WorkspaceAudit } from "./workspaceAudit";

/** `twelveFactor/status`: what the client's language status item shows. Counts only, never text. */
export interface StatusParams {
  uri: string;
  fileFindings: number;
  workspaceFindings: number | null;
  analysisMs: number;
}

export const STATUS_NOTIFICATION = "twelveFactor/status";

export class StatusReporter {
  constructor(private readonly connection: Connection) {}

  documentAnalysed(uri: string, result: DocumentResult, audit: WorkspaceAudit): void {
    const params: StatusParams = {
      uri,
      fileFindings: result.findings.length,
      workspaceFindings: audit.ran ? audit.findingCount() : null,
      analysisMs: Math.round(result.durationMs * 10) / 10,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }
}
