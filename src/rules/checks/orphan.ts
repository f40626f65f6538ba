import { z } from 'zod';
import { matchesGlob } from '../../glob.js';
import type { Site, SitePage } from '../../site.js';
import { isNavigationPage } from '../../site-files.js';
import type { SiteCheckKind } from '../check.js';

const options = z.object({
  /**
   * Globs on page paths where navigation starts (Markdown). Wiki roots are top-level pages with
   * child pages; a lone top-level page nothing links to is exactly the stray page to report. The
   * community files GitHub links from every repository page and pull request (contributing guide,
   * code of conduct, security and support policies, in the root, `docs/` or `.github/`) are reached, and
   * GitBook's `GLOSSARY.md`, which the generator reads to link its terms, as it reads `SUMMARY.md`; docsify's
   * sidebar (in any folder: docsify loads the one nearest the page), top bar and cover are its navigation.
   */
  roots: z
    .array(z.string())
    .default([
      'index.md',
      'README.md',
      '_index.md',
      'SUMMARY.md',
      '**/_sidebar.md',
      '_navbar.md',
      '_coverpage.md',
      'GLOSSARY.md',
      'readme.md',
      '{,docs/,.github/}{CONTRIBUTING,CODE_OF_CONDUCT,SECURITY,SUPPORT,contributing,code_of_conduct,security,support,Contributing,Code_of_conduct,Security,Support}.md',
    ]),
  /**
   * Whether parent -> child counts as navigation. `auto`: yes for Notion and Confluence, whose
   * sidebars list children; no for Markdown folders, where a file is only found if a page links to it.
   */
  hierarchy: z.union([z.boolean(), z.literal('auto')]).default('auto'),
  /**
   * Document types whose pages are reached through their folder's index page: records such as
   * meeting minutes and decisions are found by date or number in the folder, not linked one by one.
   */
  'listed-types': z.array(z.string()).default(['meeting-notes', 'decision']),
});
type Options = z.output<typeof options>;

/**
 * Where a wiki's navigation starts: its top-level pages with child pages (a lone top-level page is
 * the stray page to report). Shared with `handbook-lint sync`, whose table of contents links what
 * this navigation reaches, so the mirror's orphans are the wiki's.
 */
export function wikiNavigationRoots(pages: Iterable<SitePage>): string[] {
  const all = [...pages];
  const parents = new Set<string>();
  for (const page of all) if (page.parent) parents.add(page.parent);
  return all.filter((page) => !page.parent && parents.has(page.key)).map((page) => page.key);
}

/**
 * Where GitBook looks for a book's glossary: `GLOSSARY.md` beside each `SUMMARY.md` (`docs/` where
 * `.gitbook.yaml` roots the book there). The generator reads it to link its terms, as it reads the summary;
 * nobody links it.
 */
function gitbookGlossaries(pages: Iterable<SitePage>): Set<string> {
  const glossaries = new Set<string>();
  for (const { source, path } of pages)
    if (source === 'markdown' && (path === 'SUMMARY.md' || path.endsWith('/SUMMARY.md')))
      glossaries.add(`${path.slice(0, -'SUMMARY.md'.length)}GLOSSARY.md`);
  return glossaries;
}

/** The document type of a folder's index page. */
const INDEX_TYPE = 'index';

const reachableCache = new WeakMap<Site, Map<string, Set<string>>>();

function reachable(site: Site, opts: Options, source: SitePage['source']): Set<string> {
  const hierarchy = opts.hierarchy === 'auto' ? source !== 'markdown' : opts.hierarchy;
  const cacheKey = `${hierarchy}\0${opts['listed-types'].join('\0')}\0${opts.roots.join('\0')}`;
  let bySettings = reachableCache.get(site);
  if (!bySettings) {
    bySettings = new Map();
    reachableCache.set(site, bySettings);
  }
  let set = bySettings.get(cacheKey);
  if (!set) {
    const roots: string[] = [];
    const wikiRoots = new Set(wikiNavigationRoots(site.all()));
    const glossaries = gitbookGlossaries(site.all());
    const markdownPages: SitePage[] = [];
    for (const page of site.all()) {
      if (page.source === 'markdown') markdownPages.push(page);
      // With no index at the top (a repository whose handbook sits in a folder), navigation starts
      // at the top-most index pages, and at pages typed as their folder's index by another name
      // (`adr/ADR-000-index.md`).
      const isRoot =
        page.source === 'markdown'
          ? opts.roots.some((g) => matchesGlob(page.path, g)) ||
            (!page.parent && (isNavigationPage(page) || page.type === INDEX_TYPE)) ||
            glossaries.has(page.path) ||
            // A book's source that pulls its chapters in (`!include`) is where its build starts, as SUMMARY.md is.
            page.links.some((link) => link.kind === 'navigation') ||
            (page.file !== undefined && site.listedInNavigation(page.file))
          : wikiRoots.has(page.key);
      if (isRoot) roots.push(page.key);
    }
    // A folder that holds one page, at its top, is that page's site: it is where a reader starts.
    const [only] = markdownPages;
    if (markdownPages.length === 1 && only && !only.path.includes('/')) roots.push(only.key);
    // A page typed as its folder's index by another name (`docs/adr/ADR-000-index.md`) is reached through
    // the index above, as the folder's README would be.
    const listedTypes = new Set(opts['listed-types']);
    if (!site.options.navigation?.indexesListed) listedTypes.add(INDEX_TYPE);
    set = site.reachableFrom(roots, hierarchy, listedTypes);
    bySettings.set(cacheKey, set);
  }
  return set;
}

/** Pages nothing links to and no navigation reaches: readers can only find them by search, if at all. */
export const orphanCheck: SiteCheckKind<Options> = {
  scope: 'site',
  name: 'orphan',
  values: ['path'],
  options,
  run(page, opts, { site }) {
    if (page.unreadable) return [];
    if (site.inbound(page.key).length > 0) return [];
    // A record with no index above it (dated minutes in `docs/meetings/`) is found in its folder's listing,
    // where a repository host shows the folder's files, or in its Hugo section's list page, which the
    // generator builds with the section's pages in nested folders too.
    const listed =
      opts['listed-types'].includes(page.type ?? '') && !page.parent && page.source === 'markdown';
    const sectionListed = site.options.sectionListings && page.path.startsWith('content/');
    if (listed && (site.options.folderListings || sectionListed)) return [];
    if (reachable(site, opts, page.source).has(page.key)) return [];
    return [{ matched: page.key, data: { path: page.path } }];
  },
};
