import { Message, type NotificationMessage } from "vscode-languageserver";

interface VersionedParams {
  textDocument?: { uri?: unknown; version?: unknown };
}

/**
 * The newest version of each open document as read off the wire, ahead of the connection's
 * queue, which hands the server one message per event-loop turn. It lets the server see that a
 * newer edit is already waiting, so it neither starts nor publishes the analysis of an older one.
 */
export class IncomingEdits {
  private readonly newest = new Map<string, number>();

  /** Called by a second reader of the same input, for every message as it is read. */
  note(message: Message): void {
    if (!Message.isNotification(message)) return;
    const { method, params } = message as NotificationMessage & { params?: VersionedParams };
    const uri = params?.textDocument?.uri;
    const version = params?.textDocument?.version;
    if (typeof uri !== "string") return;
    if (method === "textDocument/didClose") this.newest.delete(uri);
    else if ((method === "textDocument/didOpen" || method === "textDocument/didChange") && typeof version === "number") this.newest.set(uri, version);
  }

  /** Whether an edit newer than `version` of `uri` has been received, so work on `version` is stale. */
  superseded(uri: string, version: number): boolean {
    const newest = this.newest.get(uri);
    return newest !== undefined && newest > version;
  }
}
