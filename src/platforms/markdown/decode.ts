import { isUtf8 } from 'node:buffer';
import type { ParseProblem } from '../../model/page.js';

/** A page file's text, and the problem when its bytes are not the UTF-8 it was read as. */
export interface DecodedPage {
  markdown: string;
  problem?: ParseProblem;
}

const UTF16_BOMS = [
  { bom: [0xff, 0xfe], encoding: 'utf-16le' },
  { bom: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/**
 * Reads a page file as editors do: UTF-8 (a UTF-8 byte order mark is left to the parser), or UTF-16
 * when its byte order mark says so (Windows Notepad's "Unicode"), which read as UTF-8 was a page of
 * NUL bytes with no owner and no link. Bytes that are no UTF-8 (a Latin-1 or Windows-1252 file)
 * become U+FFFD in owners, titles and quotes: that is a problem at the first one, not a silence.
 */
export function decodePage(bytes: Buffer): DecodedPage {
  for (const { bom, encoding } of UTF16_BOMS)
    if (bytes[0] === bom[0] && bytes[1] === bom[1])
      return { markdown: new TextDecoder(encoding).decode(bytes) };
  const markdown = bytes.toString('utf8');
  if (isUtf8(bytes)) return { markdown };
  // Placed by bytes: a U+FFFD the file holds as UTF-8 is text, not the bad byte.
  const valid = bytes.subarray(0, firstInvalidByte(bytes)).toString('utf8');
  const lines = valid.split('\n');
  const line = lines.length;
  const column = (lines.at(-1) ?? '').length + 1;
  return {
    markdown,
    problem: {
      code: 'encoding',
      message: `The file is not UTF-8: the byte at ${line}:${column} cannot be read as text (a Latin-1 or Windows-1252 file?); save it as UTF-8.`,
      position: { start: { line, column }, end: { line, column: column + 1 } },
    },
  };
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
