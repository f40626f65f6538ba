import type { Finding, FindingLocation } from '../model/finding.js';
import type { Heading } from '../model/page.js';
import { nearestHeading } from '../normalize/anchors.js';
import { quoteLine } from '../rules/quote.js';
import type { SitePage } from '../site.js';

/** A heading block of a Notion page as the block API lists it. */
export interface HeadingBlock {
  id: string;
  text: string;
}

/** The heading blocks of a Notion page, in order; empty when they cannot be read. */
export type HeadingBlockReader = (pageId: string) => Promise<readonly HeadingBlock[]>;

/** A wiki page's heading anchors, in the order of its headings (undefined where one has none). */
export type HeadingAnchors = (page: SitePage) => Promise<readonly (string | undefined)[]>;

const comparable = (text: string) =>
  text
    // An enhanced-Markdown attribute list (`{color="red"}`); the spaces before it go with the trim, as a
    // leading `\s*` read a run of spaces from each of its spaces (100,000 in a heading: seconds).
    .replace(/\{[^{}]*\}\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The block id of each Markdown heading of a Notion page: the next heading block with the same
 * text, in order; a heading left unmatched (a mention written otherwise in the Markdown than in the
 * block) takes the block at its position when the counts and the order agree.
 */
export function matchHeadingBlocks(
  headings: readonly Heading[],
  blocks: readonly HeadingBlock[],
): (string | undefined)[] {
  const ids: (string | undefined)[] = [];
  let next = 0;
  for (const heading of headings) {
    const text = comparable(heading.text);
    const at = blocks.findIndex((block, i) => i >= next && comparable(block.text) === text);
    if (at < 0) {
      ids.push(undefined);
      continue;
    }
    ids.push(blocks[at]?.id);
    next = at + 1;
  }
  // By position only where the text matches already sit at their own positions: the order agrees.
  const aligned =
    blocks.length === headings.length && ids.every((id, i) => id === undefined || id === blocks[i]?.id);
  return aligned ? ids.map((id, i) => id ?? blocks[i]?.id) : ids;
}

/**
 * A site finding's quote, its page text being gone by then: the text of the link it is about
 * (what a reader sees on the wiki), else its excerpt.
 */
function siteQuote(f: Finding, page: SitePage | undefined): string | undefined {
  const start = f.position?.start;
  if (!start) return undefined;
  const link = page?.links.find(
    (l) => l.position?.start.line === start.line && l.position.start.column === start.column,
  );
  const text = link?.text || link?.href || f.excerpt;
  return text ? quoteLine(text) : undefined;
}

/**
 * Points every finding on a wiki page at its spot on the wiki: the page URL, plus the nearest
 * heading's anchor at or before the finding's line (asked of the page's platform only for pages
 * with such findings) and the quoted text. A whole-page finding, or one above the first heading,
 * links to the page. Pages of platforms without anchors (a Markdown folder) get no location.
 */
export async function locateFindings(
  findings: readonly Finding[],
  pageOf: (key: string) => SitePage | undefined,
  anchorsBySource: ReadonlyMap<string, HeadingAnchors>,
): Promise<Finding[]> {
  const located = (key: string) => anchorsBySource.has(key.slice(0, key.indexOf(':')));
  const nearest = (f: Finding) => {
    const page = pageOf(f.page.key);
    const line = f.position?.start.line;
    if (!page || line === undefined || !located(page.key)) return undefined;
    const found = nearestHeading(page.headings, line);
    return found && { page, ...found };
  };
  const wanted = new Map<string, SitePage>();
  for (const f of findings) {
    const at = nearest(f);
    if (at) wanted.set(at.page.key, at.page);
  }
  const anchors = new Map<string, readonly (string | undefined)[]>();
  await Promise.all(
    [...wanted.values()].map(async (page) => {
      const read = anchorsBySource.get(page.source);
      if (read) anchors.set(page.key, await read(page));
    }),
  );
  return findings.map((f) => {
    if (!located(f.page.key) || !f.page.url) return f;
    const at = nearest(f);
    const anchor = at && anchors.get(at.page.key)?.[at.index];
    const quote = f.location?.quote ?? siteQuote(f, pageOf(f.page.key));
    const location: FindingLocation = {
      url: anchor ? `${f.page.url.replace(/#.*$/, '')}#${anchor}` : f.page.url,
      ...(anchor ? { anchor } : {}),
      ...(quote ? { quote } : {}),
    };
    return { ...f, location };
  });
}
