// C0 controls, DEL and C1 controls (0x9b is a one-byte CSI): what a terminal acts on instead of showing.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// The same but line breaks and tabs, for text that is already laid out in lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job.
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const visible = (char: string) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Text from a page (titles, paths, messages quoting them, server replies) made safe to print for
 * people: every control character is shown as `\xNN`, so a page cannot move the cursor, retitle the
 * window or hide lines of the report. JSON and SARIF escape these themselves.
 */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, visible);
}

/** As `forTerminal`, for a block of lines: line breaks and tabs stay. */
export function linesForTerminal(text: string): string {
  return text.replace(CONTROL_BUT_LAYOUT, visible);
}
