import type { Content } from './bodies.js';
import type { ListedPage } from './listed-page.js';
import { type ConfluenceRaw, type Lookups, titleKey } from './page.js';
import type { ConfluenceTree } from './tree.js';

/**
 * What converting a page will look up beyond its storage: people by account id, pages by title
 * (in a space, or the page's own when `spaceKey` is unset) and spaces' home pages. Read from the
 * raw storage with patterns, so a page can wait until the crawl knows them and then carry exactly
 * their answers to whichever thread converts it.
 */
export interface Needs {
  people: string[];
  titles: { spaceKey?: string; title: string }[];
  spaces: string[];
}

const ACCOUNT_ID = /ri:account-id="([^"]+)"/g;
const PAGE_REF = /<ri:page\b([^>]*)>/g;
const SPACE_REF = /<ri:space\b[^>]*\bri:space-key="([^"]*)"/g;
const CONTENT_TITLE = /\bri:content-title="([^"]*)"/;
const SPACE_KEY = /\bri:space-key="([^"]*)"/;
const XML_ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeAttribute(value: string): string {
  return value.replace(XML_ENTITY, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

// People one page's mentions get looked up for: a page that names thousands (made up or not) costs
// one bulk request, not one per 250; the rest show as their account id.
const MAX_MENTIONS = 250;

/** Account ids a page names, each once: owner, author, last editor and its first mentions. */
function peopleOf(page: PagePeople, content: Content): string[] {
  const ids = new Set<string>();
  if (page.ownerId) ids.add(page.ownerId);
  if (page.authorId) ids.add(page.authorId);
  if (page.editorId) ids.add(page.editorId);
  if (!('storage' in content)) return [...ids];
  const limit = ids.size + MAX_MENTIONS;
  for (const m of content.storage.matchAll(ACCOUNT_ID)) {
    if (ids.size >= limit) break;
    ids.add(m[1] as string);
  }
  return [...ids];
}

type PagePeople = { ownerId?: string; authorId?: string; editorId?: string };

export function needsOf(page: PagePeople, content: Content): Needs {
  const needs: Needs = { people: peopleOf(page, content), titles: [], spaces: [] };
  if (!('storage' in content)) return needs;
  for (const [, attributes = ''] of content.storage.matchAll(PAGE_REF)) {
    const title = CONTENT_TITLE.exec(attributes)?.[1];
    if (title === undefined) continue;
    const spaceKey = SPACE_KEY.exec(attributes)?.[1];
    needs.titles.push({
      title: decodeAttribute(title),
      ...(spaceKey ? { spaceKey: decodeAttribute(spaceKey) } : {}),
    });
  }
  for (const [, key = ''] of content.storage.matchAll(SPACE_REF)) needs.spaces.push(decodeAttribute(key));
  return needs;
}

/** A listed page with everything the crawl fetches for it: its body, its labels and what the body reads. */
export interface ReadyPage {
  page: ListedPage;
  content: Content;
  labels: string[];
  needs: Needs;
}

/**
 * A page with its body and labels as a raw page: its place in the tree and its people resolved,
 * and the answers to what its body reads. Throws PendingContext when the tree cannot answer yet.
 */
export function resolvePage(
  ready: ReadyPage,
  tree: ConfluenceTree,
  names: ReadonlyMap<string, string>,
  siteUrl: string,
): ConfluenceRaw {
  const { page, content, labels, needs } = ready;
  const { id, title, spaceId, webui, createdAt, updatedAt, ownerId, authorId, editorId } = page;
  const spaceKey = tree.space(spaceId)?.key ?? '';
  const lookups: Lookups = { pages: {}, spaces: {}, users: {} };
  for (const need of needs.titles) {
    const key = need.spaceKey ?? spaceKey;
    lookups.pages[titleKey(key, need.title)] = tree.linkUrl(key, need.title);
  }
  for (const key of needs.spaces) lookups.spaces[key] = tree.spaceUrl(key);
  for (const person of needs.people) {
    const name = names.get(person);
    if (name !== undefined) lookups.users[person] = name;
  }
  const parent = tree.parentKey(id);
  const person = (who?: string) => (who ? names.get(who) : undefined);
  const [owner, author, lastEditor] = [person(ownerId), person(authorId), person(editorId)];
  return {
    source: 'confluence',
    siteUrl,
    page: {
      id,
      title,
      spaceKey,
      url: webui ? `${siteUrl}/wiki${webui}` : tree.pageUrl(id),
      path: tree.path(id),
      ...(parent ? { parent } : {}),
      ...(owner ? { owner } : {}),
      ...(author ? { author } : {}),
      ...(lastEditor ? { lastEditor } : {}),
      ...(createdAt ? { createdAt } : {}),
      ...(updatedAt ? { updatedAt } : {}),
    },
    content,
    labels,
    lookups,
  };
}
