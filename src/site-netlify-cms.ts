import { DepthStop, scanFrontMatter } from './site-front-matter.js';
import type { SiteNavigation } from './site-nav.js';

/** Netlify CMS's (Decap CMS's) key for the template an entry is built with, as its Gatsby starters write it. */
const TEMPLATE_KEY = /^templateKey[ \t]*:/m;

/**
 * The entries of a Netlify CMS site (`templateKey: entry` in their front matter): the site's queries list a
 * collection's entries, so no page links them. A page without the key is none of them, reached only by a link.
 */
export function netlifyCmsNavigation(root: string): SiteNavigation | undefined {
  // Every handbook is probed: a walk stopped at its depth matters only to a Netlify CMS site.
  const deep = new DepthStop();
  const files = scanFrontMatter(root, TEMPLATE_KEY, deep)
    .filter(({ data }) => typeof data.templateKey === 'string' && data.templateKey !== '')
    .map(({ file }) => file);
  if (files.length === 0) return undefined;
  deep.tell();
  return { files };
}
