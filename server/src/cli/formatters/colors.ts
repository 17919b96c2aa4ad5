/** The few ANSI styles the text report uses; every function is the identity when color is off. */
export interface Palette {
  underline(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function palette(color: boolean): Palette {
  if (!color) {
    const plain = (text: string) => text;
    return { underline: plain, dim: plain, bold: plain, red: plain, yellow: plain, blue: plain, green: plain };
  }
  return {
    underline: style(4, 24),
    dim: style(2, 22),
    bold: style(1, 22),
    red: style(31, 39),
    yellow: style(33, 39),
    blue: style(34, 39),
    green: style(32, 39),
  };
}

/**
 * Whether the terminal takes colors: `--no-color` and `NO_COLOR` turn them off, `FORCE_COLOR`
 * turns them on for pipes (CI logs), and otherwise only a TTY that is not `dumb` gets them.
 */
export function wantsColor(options: { noColor: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (options.noColor) return false;
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== "") return false;
  const force = options.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return options.isTTY && options.env.TERM !== "dumb";
}
