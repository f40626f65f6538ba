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
 * A one-row table under metadata headers (`| Created | Status |` over `| 2020-05-17 | Open |`),
 * the header block some ADR templates put under the title: each header names its cell's field.
 */
export function fromHeaderTable(node: Table, fields: Record<string, Field>): void {
  const [header, row, ...more] = node.children;
  if (!header || !row || more.length) return;
  const keys = header.children.map((cell) => fieldKey(mdToString(cell)));
  if (!keys.every((key) => TABLE_KEYS.has(key))) return;
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
 * table sets nothing; a table whose header names its columns is data.
 */
export function fromKeyValueTable(node: Table, fields: Record<string, Field>): void {
  const [header, ...rows] = node.children;
  if (header?.children.length !== 2 || header.children.some((cell) => mdToString(cell).trim())) return;
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
