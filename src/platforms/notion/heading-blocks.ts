import { type BlockObjectResponse, isFullBlock } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import type { HeadingBlock, HeadingBlockReader } from '../../report/location.js';
import type { SourceState } from '../../state.js';
import type { NotionApi } from './api.js';
import { noGaps, paginate } from './listing.js';

const HEADINGS = new Set(['heading_1', 'heading_2', 'heading_3', 'heading_4']);

function headingText(block: BlockObjectResponse): string {
  const body = (block as unknown as Record<string, { rich_text?: { plain_text: string }[] }>)[block.type];
  return (body?.rich_text ?? []).map((part) => part.plain_text).join('');
}

/** Answers one page's blocks may take: 4,000 top-level blocks, far more than a page holds. */
const MAX_BLOCK_REQUESTS = 40;

/** A page's top-level heading blocks, in order: the Markdown endpoint names no block ids, the block API does. */
async function headingBlocks(api: NotionApi, pageId: string): Promise<HeadingBlock[]> {
  const headings: HeadingBlock[] = [];
  const blocks = paginate(
    (cursor) =>
      api.read((client) =>
        client.blocks.children.list({
          block_id: pageId,
          page_size: 100,
          ...(cursor ? { start_cursor: cursor } : {}),
        }),
      ),
    noGaps(),
    MAX_BLOCK_REQUESTS,
  );
  for await (const block of blocks) {
    if (isFullBlock(block) && HEADINGS.has(block.type))
      headings.push({ id: block.id, text: headingText(block) });
  }
  return headings;
}

/**
 * Reads heading blocks through the crawl's client, so its queue's budget and 429 pauses hold for
 * these reads too. An unchanged page's headings come from the page cache, where they are kept next
 * to its content (both change only with the page): a nightly run asks again only for edited pages.
 * A page that cannot be read gets no anchors: its findings link to the page, which is still right;
 * a rejected token still ends the run.
 */
export function headingBlockReader(api: NotionApi, cache?: SourceState): HeadingBlockReader {
  return async (pageId) => {
    const cached = cache?.pages[pageId];
    // A hand-edited ledger is not trusted to hold a list here; the API is asked instead.
    if (Array.isArray(cached?.headings)) return cached.headings;
    let headings: HeadingBlock[];
    try {
      headings = await headingBlocks(api, pageId);
    } catch (error) {
      if (error instanceof HandbookLintError) throw error;
      return [];
    }
    // Only a page the crawl cached is current.
    if (cache && cached) cache.pages[pageId] = { ...cached, headings };
    return headings;
  };
}
