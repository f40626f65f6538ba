import type { Root, RootContent } from 'mdast';
import type { Field } from '../model/page.js';
import { fieldKey } from './field-keys.js';
import { OWNER_FIELDS, OWNER_SOURCES } from './fields.js';

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
