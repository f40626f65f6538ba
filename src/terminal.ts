// C0 controls, DEL and C1 controls (0x9b is a one-byte CSI): what a terminal acts on instead of showing;
// and the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make a
// terminal or log viewer show the text after them reversed ("Trojan Source"). The marks U+200E and
// U+200F stay: right-to-left pages use them, and they reorder nothing beyond their neighbours.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same but line breaks and tabs, for text that is already laid out in lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job.
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (char: string) => {
  const code = char.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
};

/**
 * Text from a page (titles, paths, messages quoting them, server replies) made safe to print for
 * people: every control character is shown as `\xNN` and every bidirectional override as `\uNNNN`, so a
 * page cannot move the cursor, retitle the window, hide lines of the report or reverse what it says.
 * JSON and SARIF escape the control characters themselves.
 */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, visible);
}

/** As `forTerminal`, for a block of lines: line breaks and tabs stay. */
export function linesForTerminal(text: string): string {
  return text.replace(CONTROL_BUT_LAYOUT, visible);
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Only the bidirectional overrides shown as `\uNNNN`: for a GitHub annotation's message, which GitHub shows
 * in the run's log and beside the diff, and whose other characters the workflow command escapes itself.
 */
export function withoutBidiOverrides(text: string): string {
  return text.replace(BIDI, visible);
}
