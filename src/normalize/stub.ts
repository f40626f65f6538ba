import type { Root, RootContent } from 'mdast';
import type { Page } from '../model/page.js';

/**
 * Why a page is not a maintained document, if it is not one: nobody owns it or reviews it by age.
 * - `empty`: no text beyond its headings (the fix is to fill or delete it, not to name an owner);
 * - `alias`: a git symlink stored as the one-line path of its target;
 * - `redirect`: a short pointer to the real page ("Moved to ...", "Please refer to ...", one link);
 * - `retired`: it says it is frozen, archived or retired ("This list is frozen", "status: retired");
 * - `release`: a record of one release, named by its version (`trivy/5-2-6.md`);
 * - `headless`: a site generator's headless bundle (a Hugo menu), configuration rather than a page;
 * - `personal`: one person's own page about themselves (`jake-readme.md`, "Jake README");
 * - `record`: a log of meetings by its title or first heading ("Pipelining Meeting Notes", "# 2019-02-20"),
 *   a record of its days however its front matter types it (Hugo's `type: docs` hides the type).
 */
export type NotMaintained =
  | 'record'
  | 'empty'
  | 'alias'
  | 'redirect'
  | 'retired'
  | 'release'
  | 'headless'
  | 'personal';

/**
 * A `headless: true` line below a `---` line (a Hugo bundle's front matter). The lines between are read
 * from the last `---` before it only: from every `---` each, a page of them is read once per line.
 */
const HEADLESS = /^---\r?\n(?:(?!---\r?\n).*\r?\n)*?headless:\s*true\s*$/m;
/** A pointer to where the content now lives. */
const REDIRECT =
  /\b(?:moved|has moved|relocated|please (?:refer to|see|go to|visit)|now (?:lives|lives at|available (?:at|on)|at)|documented (?:on|at|in))\b/i;
/** The page itself said to be out of service; its subject must be the page (or site, list...), not a feature it describes. */
const RETIRED =
  /\b(?:(?:this|the)\s+(?:page|document|doc|list|index|site|website|wiki|handbook|section|guide|working group|group)|this\s+(?:repository|repo))\s+(?:is|was|has been|have been)\s+(?:now\s+|currently\s+|officially\s+)?(?:retired|archived|frozen|deprecated|discontinued|obsolete|no longer (?:maintained|updated|used|in use))\b/i;
/**
 * A handbook's front page saying the whole handbook is kept unchanged: no longer maintained, archived or
 * frozen ("This handbook is no longer maintained"), kept for reference ("This handbook is preserved as a
 * historical record"), or a history of the company as it was ("it's a useful history of the organisation
 * at the time"). The subject is the handbook ("this site, wiki, book, repository", "the handbook"), never a
 * tool, page or older wiki it describes ("the old wiki has been archived", "old notes are kept for
 * historical reference"); "at the time of" a later event is no history. The subject opens its sentence, not
 * a part of it ("the 2019 edition of this handbook", "if a page of this handbook", "think this handbook"),
 * and the state ends it, not a policy or a place ("archived every quarter", "frozen from 15 December", "no
 * longer maintained in Confluence"), nor is undone later ("archived in 2020 and revived in 2024"). Read in
 * the text of the front page only (site-archive.ts). Exported for the static ReDoS check.
 */
export const ARCHIVE_NOTICES: readonly RegExp[] = [
  /(?<![\p{L}\p{N},'’] )\b(?:this\s+(?:handbook|book|site|website|wiki|documentation|repository|repo)|(?:the|our)\s+handbook)\s+(?:is|was|has\s+been)\s+(?:now\s+|currently\s+|officially\s+)?(?:no\s+longer\s+(?:maintained|updated)|unmaintained|archived|frozen)\b(?=\s*(?:[.!;,)—–]|$)|\s+(?:and|but|since|as\s+of|in\s+\d{4})\b)(?![^.!?\n]{0,160}\b(?:revived|restored|reopened|unarchived|again)\b)/imu,
  /(?<![\p{L}\p{N},'’] )\bthis\s+(?:handbook|book|site|wiki|repository)\s+(?:(?:is|has\s+been)\s+)?(?:kept|preserved|retained)\s+(?:here\s+)?(?:for|as)\s+(?:an?\s+)?(?:historical\s+(?:reference|record|purposes)|history)\b/iu,
  /\b(?:keep|preserve)\s+this\s+(?:handbook|book|site|wiki|repository)\s+(?:here\s+)?(?:for|as)\s+(?:an?\s+)?(?:historical\s+(?:reference|record|purposes)|history)\b/iu,
  /\b(?:it|this)(?:['’]s|\s+is)\s+an?\s+(?:useful\s+|valuable\s+)?(?:history|historical\s+record|snapshot)\s+of\s+(?:the|our|this)\s+[\p{L}-]+\s+(?:as\s+it\s+was\s+)?at\s+the\s+time\b(?!\s+of\b)/iu,
];
/** A status badge or line ("working group status: retired"). */
const RETIRED_STATUS = /\bstatus:\s*(?:retired|archived|frozen|discontinued)\b/i;
/** A symlink's stored text: one relative path to a Markdown file. */
const ALIAS = /^[\w.-]+(?:\/[\w.-]+)*\.(?:md|markdown)$/;
/** A file named by a version number (`5-2-6.md`, `v4.1.1.md`); a date (`2024-03-14.md`) has a four-digit year first. */
const RELEASE_NAME = /^v?\d{1,2}(?:[-._]\d{1,3}){1,3}\.(?:md|markdown)$/i;
/** `jake-readme.md`, `ana_readme.md`: a person's README (not the folder's own `README.md`). */
const PERSONAL_NAME = /^[\p{L}]+(?:[-_][\p{L}]+)?[-_]readme\.(?:md|markdown)$/iu;
/** "Jake README", "Ana's README": one name before README (a team's README is the team's page). */
const PERSONAL_TITLE = /^(?!(?:team|group|project|our|the|my)\b)\p{Lu}[\p{L}-]+(?:'s)? README$/iu;
/** A title or first heading that names meeting notes, or is the date of one meeting. */
const RECORD_TITLE = /\bmeeting (?:notes|minutes)\b|\bminutes\b|^\d{4}-\d{2}-\d{2}$/i;
/** How far into a page a retirement notice counts: it opens the page. */
const OPENING = 600;

function text(node: RootContent | Root, out: string[]): void {
  if (node.type === 'text' || node.type === 'inlineCode') out.push(node.value);
  else if (node.type === 'image' || node.type === 'imageReference') out.push(` ${node.alt ?? ''} `);
  if ('children' in node) for (const child of node.children) text(child, out);
  if (node.type === 'paragraph' || node.type === 'listItem') out.push('\n');
}

function linkCount(node: RootContent | Root): number {
  const own = node.type === 'link' || node.type === 'linkReference' ? 1 : 0;
  return own + ('children' in node ? node.children.reduce((n, c) => n + linkCount(c), 0) : 0);
}

function baseName(page: Page): string {
  return (page.file ?? page.path).split('/').pop() ?? '';
}

// Several rules ask of the same page (stale-page, page-owner and the other owner fields).
const cache = new WeakMap<Page, NotMaintained | null>();

/** Why `page` is not a maintained document, or undefined for an ordinary page. */
export function notMaintained(page: Page): NotMaintained | undefined {
  let why = cache.get(page);
  if (why === undefined) {
    why = judge(page) ?? null;
    cache.set(page, why);
  }
  return why ?? undefined;
}

function judge(page: Page): NotMaintained | undefined {
  const body = page.tree.children.filter(
    (n) => n.type !== 'yaml' && n.type !== 'heading' && n.type !== 'html',
  );
  const parts: string[] = [];
  for (const node of body) text(node, parts);
  const prose = parts.join('').replace(/\s+/g, ' ').trim();
  const name = baseName(page);
  if (page.source === 'markdown' && ALIAS.test(page.markdown.trim())) return 'alias';
  if (page.source === 'markdown' && HEADLESS.test(page.markdown)) return 'headless';
  if (!prose && linkCount(page.tree) === 0) return 'empty';
  if (RELEASE_NAME.test(name)) return 'release';
  if (PERSONAL_NAME.test(name) || PERSONAL_TITLE.test(page.title)) return 'personal';
  const h1 = page.headings.find((h) => h.depth === 1)?.text.trim() ?? '';
  if (RECORD_TITLE.test(page.title) || RECORD_TITLE.test(h1)) return 'record';
  const links = body.reduce((n, node) => n + linkCount(node), 0);
  const onlyLink =
    body.length === 1 &&
    body[0]?.type === 'paragraph' &&
    body[0].children.every((c) => c.type === 'link' || (c.type === 'text' && !c.value.trim()));
  if (links === 1 && (onlyLink || (prose.length <= 240 && body.length <= 2 && REDIRECT.test(prose))))
    return 'redirect';
  const opening = prose.slice(0, OPENING);
  if (RETIRED.test(opening) || RETIRED_STATUS.test(opening)) return 'retired';
  return undefined;
}
