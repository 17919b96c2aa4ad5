import type ts from "typescript";
import type { Fix } from "../../engine/types";
import type { PathInfo } from "../shared/pathKinds";

/** One place where logs are routed to a file. */
export interface LogFileHit {
  /** The expression to report, in the file under analysis. */
  node: ts.Node;
  /** Subject of the message ("winston File transport"). */
  label: string;
  /** Short reason for signals, when the label is not one. */
  signal?: string;
  /** The file, when its name can be read. */
  file?: PathInfo;
  /** What to do instead ("log to stdout (winston.transports.Console)"). */
  advice: string;
  fix?: Fix;
}
