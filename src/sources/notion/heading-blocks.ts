import { type BlockObjectResponse, isFullBlock } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import type { HeadingBlock, HeadingBlockReader } from '../../report/location.js';
import { NotionApi, notionToken } from './api.js';
import type { NotionSourceConfig } from './config.js';
import { paginate } from './listing.js';

const HEADINGS = new Set(['heading_1', 'heading_2', 'heading_3', 'heading_4']);

function headingText(block: BlockObjectResponse): string {
  const body = (block as unknown as Record<string, { rich_text?: { plain_text: string }[] }>)[block.type];
  return (body?.rich_text ?? []).map((part) => part.plain_text).join('');
}

/** A page's top-level heading blocks, in order: the Markdown endpoint names no block ids, the block API does. */
export async function headingBlocks(api: NotionApi, pageId: string): Promise<HeadingBlock[]> {
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
    { incomplete: false, loop: false },
  );
  for await (const block of blocks) {
    if (isFullBlock(block) && HEADINGS.has(block.type))
      headings.push({ id: block.id, text: headingText(block) });
  }
  return headings;
}

/**
 * Reads heading blocks with a client of its own, made on first use (runs without positioned Notion
 * findings send no request). A page that cannot be read gets no anchors: its findings link to the
 * page, which is still right; a rejected token still ends the run.
 */
export function headingBlockReader(config: NotionSourceConfig): HeadingBlockReader {
  let api: NotionApi | undefined;
  return async (pageId) => {
    api ??= new NotionApi(config, notionToken(config));
    try {
      return await headingBlocks(api, pageId);
    } catch (error) {
      if (error instanceof HandbookLintError) throw error;
      return [];
    }
  };
}
