import { wikiNavigationRoots } from '../rules/checks/orphan.js';
import { Site, type SitePage } from '../site.js';

/** The mirror's own page at its top: a table of contents, never a page of the wiki. */
export const CONTENTS_FILE = 'README.md';

const SOURCE_NAMES: Record<string, string> = { notion: 'Notion', confluence: 'Confluence' };

const escaped = (text: string) => text.replace(/[\\[\]*_`<>]/g, '\\$&');
const byTitle = (a: SitePage, b: SitePage) =>
  a.title.localeCompare(b.title, 'en') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The mirror's README: the pages the wiki's navigation reaches (its sidebar, from the top-level
 * pages with child pages down), as links nested like the wiki, then the pages it does not reach as
 * plain text. A Markdown folder has no sidebar: these links stand in for it, so the pages the
 * orphan check reports in the mirror are the ones it reports in the wiki. The README turns every
 * rule off for itself, and is sorted by title so it changes only when the wiki's tree does.
 */
export function contentsPage(pages: readonly SitePage[], files: ReadonlyMap<string, string>): string {
  const site = new Site();
  for (const page of pages) site.add(page);
  site.build();
  const reached = site.reachableFrom(wikiNavigationRoots(pages), true);
  const children = new Map<string, SitePage[]>();
  const top: SitePage[] = [];
  for (const page of pages) {
    if (!reached.has(page.key)) continue;
    const parent = page.parent && reached.has(page.parent) ? page.parent : undefined;
    if (!parent) top.push(page);
    else children.set(parent, [...(children.get(parent) ?? []), page]);
  }
  const lines: string[] = [];
  const list = (entries: SitePage[], depth: number): void => {
    for (const page of entries.sort(byTitle)) {
      lines.push(`${'  '.repeat(depth)}- [${escaped(page.title)}](${files.get(page.key)})`);
      list(children.get(page.key) ?? [], depth + 1);
    }
  };
  list(top, 0);
  const outside = pages
    .filter((page) => !reached.has(page.key))
    .sort((a, b) => ((files.get(a.key) ?? '') < (files.get(b.key) ?? '') ? -1 : 1))
    .map((page) => `- ${escaped(page.title)} (\`${files.get(page.key)}\`)`);
  const sources = [...new Set(pages.map((page) => SOURCE_NAMES[page.source] ?? page.source))].join(' and ');
  return [
    '<!-- handbook-lint-disable-file -->',
    `# ${sources || 'Wiki'} mirror`,
    '',
    `Every page of the wiki as a Markdown file, written by \`handbook-lint sync\`. Edit the wiki, not these files: the next sync overwrites them.`,
    '',
    '## Pages',
    '',
    ...(lines.length ? lines : ['None.']),
    ...(outside.length
      ? [
          '',
          '## Pages outside the navigation',
          '',
          "The wiki's navigation (its top-level pages with sub-pages, and what lies below them) does not lead to these:",
          '',
          ...outside,
        ]
      : []),
    '',
  ].join('\n');
}
