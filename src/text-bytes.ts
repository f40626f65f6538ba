import { isUtf8 } from 'node:buffer';

/** A file's text, and where its first byte that is no UTF-8 stands (1-based), if it has one. */
export interface DecodedText {
  text: string;
  notUtf8At?: { line: number; column: number };
}

const UTF16_BOMS = [
  { bom: [0xff, 0xfe], encoding: 'utf-16le' },
  { bom: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/**
 * Reads a text file as editors do: UTF-8 (a UTF-8 byte order mark is left to the reader), or UTF-16
 * when its byte order mark says so (Windows Notepad's "Unicode"), which read as UTF-8 is NUL bytes
 * between letters. Bytes that are no UTF-8 (a Latin-1 or Windows-1252 file) become U+FFFD in the
 * text: where the first one stands is given, so the caller can say so instead of reading on in silence.
 */
export function decodeText(bytes: Buffer): DecodedText {
  for (const { bom, encoding } of UTF16_BOMS)
    if (bytes[0] === bom[0] && bytes[1] === bom[1]) return { text: new TextDecoder(encoding).decode(bytes) };
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  // Placed by bytes: a U+FFFD the file holds as UTF-8 is text, not the bad byte.
  const lines = bytes.subarray(0, firstInvalidByte(bytes)).toString('utf8').split('\n');
  return { text, notUtf8At: { line: lines.length, column: (lines.at(-1) ?? '').length + 1 } };
}

/** The message for a file that is not UTF-8, at its first bad byte. */
export function notUtf8Message(at: { line: number; column: number }): string {
  return `The file is not UTF-8: the byte at ${at.line}:${at.column} cannot be read as text (a Latin-1 or Windows-1252 file?); save it as UTF-8.`;
}

/** The offset of the first byte that starts no valid UTF-8 sequence (the file is known not to be UTF-8). */
function firstInvalidByte(bytes: Buffer): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] as number;
    const size = lead < 0x80 ? 1 : lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
    // isUtf8 on the one sequence also refuses overlong forms and surrogates.
    if (!size || !isUtf8(bytes.subarray(offset, offset + size))) return offset;
    offset += size;
  }
  return offset;
}
