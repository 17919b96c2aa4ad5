import { ForegroundWork } from "../engine/foregroundWork";

/**
 * The server's one foreground flag: each analysis of an open document sets it while it runs, and
 * the workers of a background workspace audit wait on it between files.
 */
export const foreground = new ForegroundWork();
