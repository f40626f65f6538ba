import { join, posix } from 'node:path';
import type { Table } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../../model/page.js';
import { fieldKey } from '../../normalize/field-keys.js';
import { cleanValue } from '../../normalize/fields.js';
import { parseMarkdown } from '../../normalize/markdown.js';
import { readOwnFile } from '../../own-file.js';

/**
 * A record's side page by its name: the record's number with a `D` after it (`0012D-use-x.md` beside
 * `0012-use-x.md`, an approval list kept per record) or the record's name ending in `-meta`.
 */
const SIDE_NAMES = [/^(\d+)D([-_].+\.md)$/i, /^(.+)-meta(\.md)$/i];

/** A side page is a few tables; a longer file is read no further. */
const SIDE_BYTES = 64 * 1024;

/**
 * The keys of a side page's rows by the record field each names: the approval list's `Decision` is the
 * record's status, `Decision date` its date, `Decision owner` (or `Driver`) its owner.
 */
const SIDE_KEYS: ReadonlyMap<string, string> = new Map([
  ['status', 'status'],
  ['decision', 'status'],
  ['date', 'date'],
  ['decision-date', 'date'],
  ['owner', 'owner'],
  ['decision-owner', 'owner'],
  ['driver', 'owner'],
]);

/** A row's key cell as a record field: its parenthesised alias first (`Driver (Decision owner)`), then the key. */
function sideKey(written: string): string | undefined {
  const [, key = written, alias] = /^([^()]*)\(([^()]*)\)\s*$/.exec(written.trim()) ?? [];
  return SIDE_KEYS.get(fieldKey(alias ?? '')) ?? SIDE_KEYS.get(fieldKey(key));
}

/**
 * The record fields of a side page's two-column tables, marked with its name; the first value of a key wins,
 * as such a list puts its newest entry on top. A table's first row is its header (`| Name | Value |`).
 */
export function sidePageFields(markdown: string, source: string): Record<string, Field> {
  const fields: Record<string, Field> = {};
  const tables = parseMarkdown(markdown).children.filter((node): node is Table => node.type === 'table');
  for (const table of tables) {
    for (const row of table.children.slice(1)) {
      const [keyCell, valueCell, ...more] = row.children;
      const key = keyCell && !more.length ? sideKey(mdToString(keyCell)) : undefined;
      const value = valueCell ? cleanValue(mdToString(valueCell).trim()) : '';
      if (key && value && !(key in fields)) fields[key] = { value, source };
    }
  }
  return fields;
}

/** The record a side page belongs to (SIDE_NAMES), in the same folder. */
function sideRecord(page: string): string | undefined {
  const name = posix.basename(page);
  const match = SIDE_NAMES.map((side) => side.exec(name)).find(Boolean);
  return match ? posix.join(posix.dirname(page), `${match[1]}${match[2]}`) : undefined;
}

/**
 * The records among `pages` that have a side page, with the side page and the fields it gives: a page named
 * as a record's side page (SIDE_NAMES) beside that record, whose tables give it a status, date or owner.
 * Such a page is the record's metadata, as a KEP's kep.yaml is, not a page of its own.
 */
export function planSidePages(
  root: string,
  pages: readonly string[],
): Map<string, { side: string; fields: Record<string, Field> }> {
  const listed = new Set(pages);
  const plan = new Map<string, { side: string; fields: Record<string, Field> }>();
  for (const side of pages) {
    const record = sideRecord(side);
    if (!record || !listed.has(record) || plan.has(record)) continue;
    const fields = sidePageFields(readSide(root, side), posix.basename(side));
    if (Object.keys(fields).length) plan.set(record, { side, fields });
  }
  return plan;
}

/** The side page's text; one that cannot be read gives none, and stays a page of its own. */
function readSide(root: string, page: string): string {
  try {
    return readOwnFile(join(root, page), SIDE_BYTES).toString('utf8');
  } catch {
    return '';
  }
}
