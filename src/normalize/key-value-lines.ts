/**
 * The `Key: value` forms a page's header lines take, and the one-line headers that join several with `|`.
 */

// Values are read a word at a time (spaces, then a non-space: what `.*?` matches, up to its last
// non-space) after all the spaces before them, as in `fieldAnywhere`: `.*?` before the trailing spaces
// reread the spaces after each character, hours of work on a line with a long run of them.
// A key is letters in any script (`Statut`, `Décideurs`), and may end in `(s)` (`Author(s)`).
// The colon may be the full-width one Japanese text uses (`ステータス：承認済み`).
export const KEY_VALUE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(\p{L}[\p{L}\p{N} _/-]{0,39}?(?:\(s\))?)\s*(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：]|[:：])\s*(?!\s)((?:[^\S\n\r\u2028\u2029]*\S)*?)\s*$/u;
/**
 * A metadata key set in bold with no colon, then its value (`* **Status** Implemented`), as some RFC
 * templates write their header list: a list item, and only for the keys a header block uses
 * (TABLE_KEYS), so a bold lead-in to a sentence ("**Status** of the migration is unclear") sets no field.
 */
export const BOLD_KEY_VALUE =
  /^\s*[-*+]\s+(?:\*\*|__)(\p{L}[\p{L}\p{N} _/-]{0,39}?(?:\(s\))?)(?:\*\*|__)\s+(?![\s:：])((?:[^\S\n\r\u2028\u2029]*\S)*?)\s*$/u;
/** A header line's key and value as `KEY_VALUE` reads them, for the keys written over a nested list. */
export function keyValue(line: string): readonly [string, string] | undefined {
  const match = KEY_VALUE.exec(line);
  return match?.[1] ? [match[1], match[2] ?? ''] : undefined;
}

/**
 * A header line's fields: the line itself, or each part of a one-line header whose parts are all bold
 * `**Key:** value` pairs joined by ` | ` (`**Status:** Proposed | **Date:** 2025-07-29`), with the column each
 * starts at. A status listing its choices (`Status: Proposed | Accepted`) stays one value.
 */
export function headerParts(line: string): { text: string; column: number }[] {
  const parts = line.split(/(?<=\S)[^\S\n]+\|[^\S\n]+(?=\S)/);
  if (
    parts.length < 2 ||
    !parts.every((part) => /^\s*(?:[-*+]\s+)?(?:\*\*|__)/.test(part) && KEY_VALUE.exec(part)?.[2])
  )
    return [{ text: line, column: 0 }];
  let from = 0;
  return parts.map((text) => {
    const column = line.indexOf(text, from);
    from = column + text.length;
    return { text, column };
  });
}
