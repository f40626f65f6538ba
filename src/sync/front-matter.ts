import { isMap, parseDocument, stringify } from 'yaml';
import type { Page } from '../model/page.js';
import { OWNER_SOURCES } from '../normalize/fields.js';
import { ORIGIN_KEY, type WikiOrigin } from '../normalize/origin.js';

/** What a mirror file is made of: the page without its syntax tree (dropped as soon as its links are found). */
export type MirroredPage = Omit<Page, 'tree'> & {
  /** The owner the wiki's tree gives a page that names none (its nearest parent's): the mirror has no tree. */
  inheritedOwner?: string;
};

// Keys this module writes itself, or that the Markdown source reads as more than a field.
const OWN_KEYS = new Set(['title', 'type', 'owner', 'status', 'tags', 'labels', ORIGIN_KEY]);

const FRONT_MATTER = /^---\n([\s\S]*?\n)?---\n/;

function yaml(data: Record<string, unknown>): string {
  // No line folding: a long title changes one line of the diff, not three.
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

function origin(page: MirroredPage): WikiOrigin {
  // An owner the platform records (Confluence's page owner) is no field: written as one, it would
  // answer a rule's `owner` before the aliases the wiki's text gives.
  const platformOwner = page.ownerSource === OWNER_SOURCES.platform ? page.owner : page.inheritedOwner;
  return {
    source: page.source,
    id: page.id,
    url: page.url,
    ...(page.updatedAt ? { updated: page.updatedAt.toISOString() } : {}),
    ...(page.createdAt ? { created: page.createdAt.toISOString() } : {}),
    ...(page.author ? { author: page.author } : {}),
    ...(platformOwner ? { owner: platformOwner } : {}),
    ...(page.unreadable ? { unreadable: page.unreadable.reason } : {}),
    ...(page.problems.length ? { problems: page.problems.map((p) => p.message) } : {}),
  };
}

/**
 * A mirrored page's front matter, built so linting the file judges it as the wiki page was judged:
 * title, document type (explicit, so the mirror's folder names never retype it), owner and status,
 * labels as `tags`, every field the platform gave (properties, which the text does not hold), and
 * under `wiki:` the origin (source, id, URL, times, creator, readability) that is no field.
 */
export function frontMatter(page: MirroredPage): string {
  const platform = Object.entries(page.fields)
    .filter(([key, field]) => !field.position && !OWN_KEYS.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const data: Record<string, unknown> = {
    title: page.title,
    ...(page.type ? { type: page.type } : {}),
    ...(page.fields.owner ? { owner: page.fields.owner.value } : {}),
    ...(page.fields.status ? { status: page.fields.status.value } : {}),
    ...(page.labels.length ? { tags: page.labels } : {}),
    ...Object.fromEntries(platform.map(([key, field]) => [key, field.value])),
    [ORIGIN_KEY]: origin(page),
  };
  return yaml(data);
}

/** A mirror file: front matter, then the page's Markdown (links already pointed at mirror files). */
export function mirrorFile(page: MirroredPage, body: string): string {
  if (!body.trim()) return frontMatter(page);
  return `${frontMatter(page)}\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/**
 * The last good copy of a page that cannot be read now, marked so: its text and front matter stay
 * as the last sync wrote them and its origin gains the reason, so linting the mirror lists the page
 * as unreadable, as linting the wiki does. Undefined when the file is not one this tool wrote, or
 * holds no text (a page never read), which is written afresh from what the wiki lists now.
 */
export function markUnreadable(file: string, reason: string): string | undefined {
  const match = FRONT_MATTER.exec(file);
  if (!match || !file.slice(match[0].length).trim()) return undefined;
  const doc = parseDocument(match[1] ?? '');
  if (doc.errors.length || !isMap(doc.contents) || !isMap(doc.get(ORIGIN_KEY))) return undefined;
  doc.setIn([ORIGIN_KEY, 'unreadable'], reason);
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${file.slice(match[0].length)}`;
}
