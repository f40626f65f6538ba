/** Styles for people's output; plain text unless the stream is a TTY and NO_COLOR is unset. */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/**
 * Decides once per stream whether to color: a TTY with no NO_COLOR (any value) and a TERM other than
 * `dumb`, unless FORCE_COLOR decides. FORCE_COLOR is read as Node and chalk read it: 1, 2, 3, true or
 * empty force color on, any other value (0, false, as CI configs set it) forces it off.
 */
export function palette(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Palette {
  const forced = env.FORCE_COLOR === undefined ? undefined : /^(?:[123]|true|)$/i.test(env.FORCE_COLOR);
  const on = forced ?? (Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  if (!on) return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}
