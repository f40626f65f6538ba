import type { Content, Heading, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { fromBrokenFrontMatter } from './broken-front-matter.js';
import { fromChangelog } from './changelog.js';
import { datedLog, fromDateline, fromStatusDate } from './field-dates.js';
import { fieldKey, stateAsStatus } from './field-keys.js';
import { fromNestedLists, ownValue } from './field-lists.js';
import { DASH_KEY_VALUE, fromHeaderTable, fromKeyValueTable, TABLE_KEYS } from './field-tables.js';
import { cleanValue, frontMatterValue } from './fields.js';
import type { FrontMatter } from './front-matter.js';
import { BOLD_KEY_VALUE, headerParts, KEY_VALUE, keyValue } from './key-value-lines.js';
import { fromLeadLine } from './lead-line.js';
import { fromDublinCore, fromMetaTags } from './meta-fields.js';
import { fromByline, fromIndentedHeader } from './proposal-header.js';
import {
  badgeOnly,
  chosenState,
  fromStatusBanner,
  shownStatus,
  stateGlossary,
  stateHistory,
  withBold,
} from './status-markup.js';
import { fromTimeline } from './timeline.js';

/** Headings whose first paragraph is a field value (`## Status` then `Accepted`). */
const FIELD_HEADINGS = new Set([
  'status',
  'date',
  'owner',
  'owners',
  'author',
  'authors',
  'deciders',
  'approver',
]);

/** How far into a page's body (below any front matter) `Key: value` lines still count as metadata rather than prose. */
const FIELD_LINES_MAX = 25;

function fromFrontMatter(frontMatter: FrontMatter, fields: Record<string, Field>): void {
  for (const [key, raw] of Object.entries(frontMatter.data)) {
    const value = frontMatterValue(raw);
    if (value === undefined) continue;
    const line = frontMatter.keyLines[key];
    fields[fieldKey(key)] = {
      value,
      ...(line ? { position: { start: { line, column: 1 }, end: { line, column: key.length + 2 } } } : {}),
    };
  }
}

/** A line of a header block (`Key: value`, a header key in bold or with a dash), or blank between items. */
const headerLine = (text: string): boolean =>
  !text.trim() ||
  !!KEY_VALUE.exec(text)?.[2] ||
  TABLE_KEYS.has(fieldKey((BOLD_KEY_VALUE.exec(text) ?? DASH_KEY_VALUE.exec(text))?.[1] ?? ''));

/**
 * Reads a paragraph's or list's `Key: value` lines; the dash form only where `dash` (no prose before it)
 * and the whole node is header lines: a lead-in's list ("Every invoice carries:" then "- Status — Draft,
 * Sent, Paid or Void") defines its keys. Whether the node is prose (a line no header line), for `dash`.
 */
function fromKeyValueLines(
  node: Content,
  markdown: string,
  fields: Record<string, Field>,
  onlyMetadata: boolean,
  dash: boolean,
): boolean {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return false;
  const lines = markdown.slice(start.offset, end.offset).split('\n');
  if (onlyMetadata && !lines.every((text) => TABLE_KEYS.has(fieldKey(KEY_VALUE.exec(text)?.[1] ?? ''))))
    return false;
  const header = lines.every(headerLine);
  lines.forEach((line, index) => {
    for (const { text, column: at } of headerParts(line)) {
      const bold = BOLD_KEY_VALUE.exec(text) ?? (dash && header ? DASH_KEY_VALUE.exec(text) : null);
      const match = KEY_VALUE.exec(text) ?? (bold && TABLE_KEYS.has(fieldKey(bold[1] ?? '')) ? bold : null);
      if (!match?.[1] || !match[2]) continue;
      const key = fieldKey(match[1]);
      const written = ownValue(match[2]);
      const value = cleanValue((key === 'status' ? chosenState(written) : undefined) ?? written);
      // `RFC Status: -`: the header's way of saying the page has none.
      if (!key || !value || key in fields || (key === 'status' && /^[-–—]$/.test(value))) continue;
      const row = start.line + index;
      const column = (index === 0 ? start.column : 1) + at + (text.length - text.trimStart().length);
      fields[key] = {
        value,
        position: { start: { line: row, column }, end: { line: row, column: column + text.trim().length } },
      };
    }
  });
  return !header;
}

/** A heading's value that points to the section under it instead of giving one. */
const POINTER = /^(?:see\s+)?(?:below|as follows|the following|following)\b/i;

/** The field a heading names, for the value under it: `## Status`, `## Status: see below`. */
function headingField(node: Heading): string {
  const text = mdToString(node);
  const match = KEY_VALUE.exec(text);
  return fieldKey(match?.[1] && POINTER.test(cleanValue(match[2] ?? '')) ? match[1] : text);
}

/**
 * A field written as a heading of its own (`### Status: Aceito`, not the title), read as its line would
 * be; false when the heading holds no value of its own.
 */
function fromFieldHeading(node: Heading, fields: Record<string, Field>, title: boolean): boolean {
  // A record written all in first-level headings has `# Status: accepted` below its title.
  const match = node.depth >= 2 || !title ? KEY_VALUE.exec(mdToString(node)) : null;
  if (!match?.[1] || !match[2]) return false;
  const key = fieldKey(match[1]);
  const value = cleanValue(match[2]);
  // "## Status: see below": the value is the section's, read as for a heading of the field's name.
  if (POINTER.test(value)) return false;
  if (FIELD_HEADINGS.has(key) && value && !(key in fields))
    fields[key] = { value, ...(node.position ? { position: node.position } : {}) };
  return true;
}

function fromHeadingSections(tree: Root, fields: Record<string, Field>): void {
  const nodes = tree.children;
  const title = nodes.find((node) => node.type === 'heading');
  nodes.forEach((node, index) => {
    if (node.type !== 'heading' || fromFieldHeading(node, fields, node === title)) return;
    if (fromStatusHeading(nodes, index, fields)) return;
    // "## Author(s)" is the Authors heading, "## Statut" the Status one.
    const key = headingField(node);
    if (!FIELD_HEADINGS.has(key) || key in fields) return;
    const shown = key === 'status' ? shownStatus(nodes, index) : undefined;
    if (shown) {
      fields.status = shown;
      return;
    }
    // What a reader does not see under the heading is not its value: a link reference definition
    // (`[Status]: #status`, an anchor some templates keep there) or an HTML comment.
    const next = shownAfter(nodes, index, key === 'status');
    if (
      !next ||
      (next.type !== 'paragraph' && next.type !== 'list') ||
      (key === 'status' && stateGlossary(next))
    )
      return;
    // The template's states as a checklist (`- [ ] Proposed`, `- [x] Accepted`): the ticked one (the
    // last, when each state is ticked as the record moves on), and none while nothing is ticked.
    const ticked = next.type === 'list' ? next.children.filter((item) => item.checked === true) : [];
    if (next.type === 'list' && !ticked.length && next.children.some((item) => item.checked === false))
      return;
    // A list's first item, not the list run together: `- Accepted` over `- 2020-01-05` is Accepted.
    const first = next.type === 'list' ? (ticked.at(-1) ?? next.children[0]) : next;
    const line = ((first ? mdToString(first) : '').split('\n')[0] ?? '').trim();
    // `## Status` over `- Status: ACCEPTED`, `- Status Date: …`, `- Status Note: …` (Hyperledger's RFCs):
    // the item named for the heading holds its value.
    const named = KEY_VALUE.exec(line);
    const picked = key === 'status' && first?.type === 'paragraph' ? chosenState(withBold(first)) : undefined;
    const log = key === 'status' && !ticked.length ? (datedLog(next) ?? stateHistory(next)) : undefined;
    const value = cleanValue(
      log ?? picked ?? (named?.[1] && fieldKey(named[1]) === key && named[2] ? named[2] : line),
    );
    if (!value) return;
    fields[key] = { value, ...(next.position ? { position: next.position } : {}) };
  });
}

/**
 * `## Status Accepted` with nothing under it: the status written into its heading, the colon left out.
 * One word only, and no section under it (no text, no sub-heading), so "Status quo of the API" and
 * `## Status Quo` over its subsections are no field.
 */
function fromStatusHeading(nodes: Root['children'], index: number, fields: Record<string, Field>): boolean {
  const node = nodes[index];
  const words = node ? /^(\S{1,20})\s+(\p{L}[\p{L}-]{0,30})$/u.exec(mdToString(node).trim()) : null;
  if (!words?.[1] || !words[2] || fieldKey(words[1]) !== 'status' || 'status' in fields) return false;
  const next = shownAfter(nodes, index);
  if (
    next !== undefined &&
    (next.type !== 'heading' || (node?.type === 'heading' && next.depth > node.depth))
  )
    return false;
  fields.status = { value: words[2], ...(node?.position ? { position: node.position } : {}) };
  return true;
}

/** The node after a heading that a reader sees, skipping link reference definitions and comments. */
function shownAfter(
  nodes: Root['children'],
  index: number,
  pastBadges = false,
): Root['children'][number] | undefined {
  let at = index + 1;
  const skipped = (node: Root['children'][number] | undefined) =>
    node?.type === 'definition' ||
    node?.type === 'html' ||
    (pastBadges && node?.type === 'paragraph' && badgeOnly(node) !== undefined);
  while (skipped(nodes[at])) at++;
  return nodes[at];
}

/**
 * The fields a page has a place for but leaves empty: front matter keys with no value (`status:`), and
 * headings of a field's name with nothing under them before the next heading (`## Status`).
 */
export function emptyFieldSlots(tree: Root, frontMatter: FrontMatter): string[] {
  const empty = Object.entries(frontMatter.data)
    .filter(([, raw]) => raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0))
    .map(([key]) => fieldKey(key));
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const key = fieldKey(mdToString(node));
    const next = shownAfter(tree.children, index);
    if (FIELD_HEADINGS.has(key) && (next === undefined || next.type === 'heading')) empty.push(key);
  });
  return empty;
}

/**
 * Collects a page's fields from every place handbooks write them: front matter, `Key: value` and
 * `**Key:** value` lines near the top, `* Status: **X**` bullets, a one-row table under metadata
 * headers or a table of key/value rows (in a blockquote or not) near the top, and `## Status` + first paragraph.
 * Earlier places win.
 */
export function extractFields(tree: Root, markdown: string, frontMatter: FrontMatter): Record<string, Field> {
  const fields: Record<string, Field> = {};
  fromFrontMatter(frontMatter, fields);
  fromDublinCore(frontMatter.data, fields);
  fromBrokenFrontMatter(tree, frontMatter, fields);
  // Front matter does not use up those lines: a long one must not hide the `Key: value` lines below it.
  const first = tree.children[0];
  const bodyStart = first?.type === 'yaml' ? (first.position?.end.line ?? 0) : 0;
  // Below the first section heading only a paragraph of metadata lines still counts: some RFC templates
  // put `**Last modified:** ...` under a short Purpose section.
  let [inSection, prose] = [false, false];
  for (const node of tree.children) {
    if (node.position && node.position.start.line - bodyStart > FIELD_LINES_MAX) break;
    if (node.type === 'heading' && node.depth >= 2) inSection = true;
    else if (node.type === 'paragraph' || node.type === 'list') {
      // In a section only a metadata key's (a record titled by a second-level heading lists its owners below it).
      if (node.type === 'list')
        fromNestedLists(node, markdown, fields, keyValue, inSection ? TABLE_KEYS : undefined);
      const isProse = fromKeyValueLines(node, markdown, fields, inSection, !inSection && !prose);
      prose ||= node.type === 'paragraph' && isProse;
      if (node.type === 'paragraph' && !inSection) fromByline(node, fields);
    } else if (node.type === 'table' && !inSection) {
      fromHeaderTable(node, fields);
      fromKeyValueTable(node, fields);
    } else if (node.type === 'code' && !inSection && !prose) fromIndentedHeader(node, markdown, fields);
    else if (node.type === 'blockquote' && !inSection)
      for (const inner of node.children) if (inner.type === 'table') fromKeyValueTable(inner, fields);
  }
  fromHeadingSections(tree, fields);
  fromStatusBanner(tree, fields);
  fromLeadLine(tree, fields);
  fromChangelog(tree, markdown, fields);
  fromTimeline(tree, fields);
  fromDateline(tree, fields);
  fromMetaTags(tree, fields);
  stateAsStatus(fields);
  fromStatusDate(fields);
  return fields;
}
