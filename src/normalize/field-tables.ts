import type { Table } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { fieldKey } from './field-keys.js';
import { cleanValue } from './fields.js';

/**
 * The headers a metadata table under the title uses. A table whose headers are all of these is the
 * page's header block; any other header (`| Type | Size |`) makes it data, which must not set fields.
 */
export const TABLE_KEYS = new Set([
  'status',
  'date',
  'created',
  'creation-date',
  'updated',
  'last-updated',
  'last-modified',
  'last-reviewed',
  'decided',
  'proposed',
  'owner',
  'owners',
  'author',
  'authors',
  'deciders',
  'decision-makers',
  'driver',
  'approver',
  'approvers',
  'reviewers',
]);

/**
 * A header key, an en or em dash between spaces, then its value (`Date – 2019-07-23`), as a record typed
 * in a word processor writes it: read for the keys of a header block only (TABLE_KEYS), so a sentence
 * with a dash in it sets no field. Not a hyphen: `- Date - 2019` is a list item's text.
 */
export const DASH_KEY_VALUE =
  /^[^\S\n]{0,40}(?:[-*+][^\S\n]{1,4})?(?:\*\*|__)?(\p{L}[\p{L} _/]{0,39}?)(?:\*\*|__)?[^\S\n]{1,4}[–—][^\S\n]{1,4}(?![\s–—])((?:[^\S\n\r\u2028\u2029]*\S)*?)\s*$/u;

/**
 * Columns a header table also has beside its metadata keys (GSA's ADR template: `| CREATED DATE | LAST
 * UPDATED | STATUS | IMPLEMENTED | AUTHOR | STAKEHOLDERS |`): still the record's header block, and they
 * name their cells' fields, but alone (or as `Key: value` lines) they mark no metadata.
 */
const COLUMN_KEYS = new Set([
  'created-date',
  'created-on',
  'implemented',
  'stakeholders',
  'consulted',
  'informed',
]);

/** What a key/value table's header calls its first column (`| Key | Value |`, `| Field | Value |`). */
const KEY_COLUMNS = new Set(['key', 'field', 'property', 'attribute']);

/**
 * A one-row table under metadata headers (`| Created | Status |` over `| 2020-05-17 | Open |`),
 * the header block some ADR templates put under the title: each header names its cell's field.
 * At least one header is a metadata key of the header block (TABLE_KEYS), so a table of the extra
 * columns alone sets nothing.
 */
export function fromHeaderTable(node: Table, fields: Record<string, Field>): void {
  const [header, row, ...more] = node.children;
  if (!header || !row || more.length) return;
  const keys = header.children.map((cell) => fieldKey(mdToString(cell)));
  if (!keys.every((key) => TABLE_KEYS.has(key) || COLUMN_KEYS.has(key))) return;
  if (!keys.some((key) => TABLE_KEYS.has(key))) return;
  keys.forEach((key, index) => {
    const valueCell = row.children[index];
    const value = valueCell ? cleanValue(mdToString(valueCell).trim()) : '';
    if (!valueCell || !value || key in fields) return;
    fields[key] = { value, ...(valueCell.position ? { position: valueCell.position } : {}) };
  });
}

/**
 * A two-column table of key/value rows under the title, its header row left empty (`| Date | \`04/07/2023\` |`
 * under `| | |`), as some ADR templates write their header block (NHS England's, inside a blockquote): each
 * row whose key is a metadata header names its field. At least two such rows, so one stray row of a data
 * table sets nothing; a table whose header names its columns is data. The header row may be the first
 * key/value row (TensorFlow's RFC template: `| Status | Proposed |` over `| **Author(s)** | … |`), when its
 * first cell is a metadata key. Or the header names the columns a key and a value (`| **Key** | **Value** |`,
 * a student team's MADR records): the rows below are the fields, as with an empty header.
 */
export function fromKeyValueTable(node: Table, fields: Record<string, Field>): void {
  const [header, ...rest] = node.children;
  if (header?.children.length !== 2) return;
  const [first, second] = header.children.map((cell) => mdToString(cell).trim());
  const headerIsRow = TABLE_KEYS.has(fieldKey(first ?? '')) && !!second;
  const namesColumns = KEY_COLUMNS.has(fieldKey(first ?? '')) && fieldKey(second ?? '') === 'value';
  if (!headerIsRow && !namesColumns && (first || second)) return;
  const rows = headerIsRow ? node.children : rest;
  const keyed = rows.filter((row) => {
    const keyCell = row.children[0];
    return keyCell !== undefined && TABLE_KEYS.has(fieldKey(mdToString(keyCell)));
  });
  if (keyed.length < 2) return;
  for (const row of keyed) {
    const [keyCell, valueCell] = row.children;
    const key = fieldKey(keyCell ? mdToString(keyCell) : '');
    const value = valueCell ? cleanValue(mdToString(valueCell).trim()) : '';
    if (!valueCell || !value || key in fields) continue;
    fields[key] = { value, ...(valueCell.position ? { position: valueCell.position } : {}) };
  }
}
