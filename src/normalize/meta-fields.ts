import type { Root, RootContent } from 'mdast';
import type { Field } from '../model/page.js';
import { fieldKey } from './field-keys.js';
import { frontMatterValue, OWNER_FIELDS, OWNER_SOURCES } from './fields.js';
import { isStateWord } from './state-words.js';

/**
 * An HTML meta tag's attributes. A tag ends at its `>` and none holds a `<`, so a run of `<meta` with no end
 * is read once, not from each of them to the page's end.
 */
const META_TAG = /<meta\s([^<>]{0,1000})>/gi;
const ATTRIBUTE = /([\w:-]{1,40})\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The keys a meta tag may give: the owner's only; a page's `description` or `viewport` is the site's, no field. */
const META_KEYS: ReadonlySet<string> = new Set(OWNER_FIELDS);

function metaField(tag: string): readonly [string, string] | undefined {
  const attributes = new Map<string, string>();
  for (const [, name, double, single] of tag.matchAll(ATTRIBUTE))
    if (name) attributes.set(name.toLowerCase(), (double ?? single ?? '').trim());
  const key = fieldKey(attributes.get('name') ?? '');
  const value = attributes.get('value') || attributes.get('content');
  return META_KEYS.has(key) && value ? [key, value] : undefined;
}

/**
 * The owner a page names in an HTML meta tag (`<meta name="maintainedBy" value="…">` at the end of each
 * page of fleetdm.com's handbook; `content=` as HTML writes it), when nothing above named one. A meta tag is
 * its own page's metadata: a README's names the README's maintainer, not its folder's (`meta-tag` source).
 */
export function fromMetaTags(tree: Root, fields: Record<string, Field>): void {
  const visit = (node: RootContent | Root): void => {
    if (node.type === 'html') {
      for (const [, tag = ''] of node.value.matchAll(META_TAG)) {
        const [key, value] = metaField(tag) ?? [];
        if (key && value && !(key in fields))
          fields[key] = {
            value,
            source: OWNER_SOURCES.metaTag,
            ...(node.position ? { position: node.position } : {}),
          };
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/**
 * The Dublin Core terms a Just-the-Docs MADR variant nests under `dct:` in front matter (`issued: 2025-01-01`,
 * `isVersionOf: accepted`): `issued` is the record's date, `isVersionOf` its status when it is a lifecycle
 * word (elsewhere it names the work the page is a version of). Top-level keys win.
 */
export function fromDublinCore(data: Record<string, unknown>, fields: Record<string, Field>): void {
  const terms = data.dct;
  if (!terms || typeof terms !== 'object' || Array.isArray(terms)) return;
  const { issued, isVersionOf } = terms as Record<string, unknown>;
  const date = frontMatterValue(issued)?.trim();
  const status = frontMatterValue(isVersionOf)?.trim();
  if (date && !fields.date) fields.date = { value: date };
  if (status && isStateWord(status.toLowerCase()) && !fields.status) fields.status = { value: status };
}
