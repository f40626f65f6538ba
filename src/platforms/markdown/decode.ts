import type { ParseProblem } from '../../model/page.js';
import { decodeText, notUtf8Message } from '../../text-bytes.js';

/** A page file's text, and the problem when its bytes are not the UTF-8 it was read as. */
export interface DecodedPage {
  markdown: string;
  problem?: ParseProblem;
}

/**
 * A page file's bytes as text (UTF-8, or UTF-16 by its byte order mark). A file that is not UTF-8
 * puts U+FFFD in owners, titles and quotes: that is a problem at its first bad byte, not a silence.
 */
export function decodePage(bytes: Buffer): DecodedPage {
  const { text, notUtf8At: at } = decodeText(bytes);
  if (!at) return { markdown: text };
  return {
    markdown: text,
    problem: {
      code: 'encoding',
      message: notUtf8Message(at),
      position: { start: at, end: { line: at.line, column: at.column + 1 } },
    },
  };
}
