import type { Element, ElementContent } from 'hast';
import type { Html } from 'mdast';
import type { Rewrite, Scope } from './convert-types.js';
import { attr, child, el, elements, textOf, txt } from './hast.js';

/** The element a stored `id` or anchor macro becomes; storage.ts turns it into `<a id>` HTML the outline reads. */
export const ANCHOR_TAG = 'hl-anchor';

/** A target for `#fragment` links (footnotes, anchor macros). */
export function anchorElement(id: string): Element {
  return el(ANCHOR_TAG, { id }, []);
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** What an anchor element becomes in the Markdown: `<a id>` HTML, which the outline reads as a fragment target. */
export function anchorHtml(node: Element): Html {
  return { type: 'html', value: `<a id="${escapeAttribute(attr(node, 'id') ?? '')}"></a>` };
}

// Confluence turns a heading or anchor name into a fragment by joining its words with dashes.
const fragment = (anchor: string) => `#${anchor.trim().replace(/\s+/g, '-')}`;

const link = (href: string, children: ElementContent[]) => el('a', { href }, children);

function mention(rewriter: Rewrite, user: Element, scope: Scope): ElementContent {
  const id =
    attr(user, 'ri:account-id') ?? attr(user, 'ri:userkey') ?? attr(user, 'ri:username') ?? 'unknown';
  const name = rewriter.context.userName(id) ?? id;
  // In page properties a person is the value itself ("Owner: Ana Souza"); in prose, a mention.
  return txt(scope.inDetails ? name : `@${name}`);
}

/**
 * `<ac:link>`: page links become links to the page's URL (so the site resolves them to the page,
 * or reports them broken when no page has that title), user links become @mentions, attachment
 * links their file name. The link body wins over the target's name, as on screen.
 */
export function acLink(rewriter: Rewrite, node: Element, scope: Scope): ElementContent[] {
  const { context } = rewriter;
  const target = elements(node).find((e) => e.tagName.startsWith('ri:'));
  const plain = child(node, 'ac:plain-text-link-body');
  const rich = child(node, 'ac:link-body');
  const body = plain ? [txt(textOf(plain))] : rich ? rewriter.all(rich.children, scope) : [];
  const shown = (fallback: string) => (body.some((n) => textOf(n).trim() !== '') ? body : [txt(fallback)]);
  const anchor = attr(node, 'ac:anchor');
  const hash = anchor ? fragment(anchor) : '';
  switch (target?.tagName) {
    case 'ri:user':
      return [mention(rewriter, target, scope)];
    case 'ri:page': {
      const title = attr(target, 'ri:content-title');
      if (!title) return [link(hash, shown(anchor ?? ''))];
      const space = attr(target, 'ri:space-key') ?? context.spaceKey;
      return [link(context.pageUrl(space, title) + hash, shown(title))];
    }
    case 'ri:space': {
      const key = attr(target, 'ri:space-key') ?? context.spaceKey;
      return [link(context.spaceUrl(key), shown(key))];
    }
    case 'ri:url': {
      const url = attr(target, 'ri:value') ?? '';
      return [link(url, shown(url))];
    }
    case 'ri:attachment':
      return shown(attr(target, 'ri:filename') ?? '');
    case 'ri:blog-post':
      return shown(attr(target, 'ri:content-title') ?? '');
    case undefined:
      return anchor ? [link(hash, shown(anchor))] : body;
    default:
      return body;
  }
}

/** `<a href>`: root-relative Confluence URLs are made absolute so the site can resolve them to pages. */
export function hyperlink(rewriter: Rewrite, node: Element, scope: Scope): ElementContent[] {
  const href = attr(node, 'href');
  const absolute = href?.startsWith('/') && !href.startsWith('//') ? rewriter.context.siteUrl + href : href;
  const properties = absolute === undefined ? node.properties : { ...node.properties, href: absolute };
  return [rewriter.element({ ...node, properties }, scope)];
}

/** `<ac:image>`: its alt text (or file name), which is what a text linter can judge of an image. */
export function image(node: Element): ElementContent[] {
  const source = elements(node).find((e) => e.tagName.startsWith('ri:'));
  const alt =
    attr(node, 'ac:alt') ??
    attr(node, 'ac:title') ??
    (source && (attr(source, 'ri:filename') ?? attr(source, 'ri:value')));
  return alt ? [txt(alt)] : [];
}
