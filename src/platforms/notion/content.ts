import { HandbookLintError } from '../../errors.js';
import { pushAll } from '../../push-all.js';
import { type MarkdownAnswer, markdownAnswer } from './answer-shape.js';
import type { NotionApi } from './api.js';
import { titleFromUrl, unknownTags } from './markdown.js';
import { dashedNotionId } from './urls.js';

/** A child page the parent's markdown shows but the integration cannot open (not shared with it). */
export interface HiddenChild {
  id: string;
  title: string;
  url: string;
  reason: string;
}

/** A page's content: complete, or with parts (or child pages) that could not be read. */
export type Content = { markdown: string; complete: boolean; hidden: HiddenChild[] } | { unreadable: string };

// Truncated parts can themselves be truncated; real pages need one round, this bounds a pathological one.
const MAX_ROUNDS = 5;

/**
 * Parts and unshared child pages one page's answers may name before the rest go unasked: each costs a
 * request, and a page with thousands of child pages would cost thousands (real pages name a few).
 */
export const MAX_PARTS = 100;

/** Fetches one markdown document (a page, or a truncated part of one by block id). */
async function fetchMarkdown(api: NotionApi, id: string): Promise<MarkdownAnswer> {
  return markdownAnswer(await api.read((client) => client.pages.retrieveMarkdown({ page_id: id })));
}

/** Failures become reasons; a bad token stays an error that ends the crawl. */
function reasonOrThrow(api: NotionApi, error: unknown): string {
  if (error instanceof HandbookLintError) throw error;
  return api.reason(error);
}

const NOT_ASKED = `not read: its parent page names more than ${MAX_PARTS} truncated parts and child pages`;

const OVER_PARTS = `Notion's answers for the page name more than ${MAX_PARTS} truncated parts and child pages, and a part past them was not read`;

/**
 * A page's content from the markdown endpoint, with truncated parts fetched by their block ids
 * and spliced in where their `<unknown>` tags stood. A part that cannot be read is noted in place;
 * an unreadable child page is reported so it is still listed. At most MAX_PARTS ids are asked for:
 * child pages past them are listed unread, and a truncated part past them makes the page unreadable.
 */
export async function fetchContent(api: NotionApi, pageId: string): Promise<Content> {
  let first: MarkdownAnswer;
  try {
    first = await fetchMarkdown(api, pageId);
  } catch (error) {
    return { unreadable: reasonOrThrow(api, error) };
  }
  let markdown = first.markdown;
  let complete = true;
  const hidden: HiddenChild[] = [];
  // Every id is fetched once: parts that name each other (or one part named many times) would
  // otherwise multiply the requests each round.
  const asked = new Set([dashedNotionId(pageId)]);
  const fresh = (ids: readonly string[]) =>
    ids.map(dashedNotionId).filter((id) => !asked.has(id) && asked.add(id));
  let pending = fresh(first.unknown_block_ids);
  let budget = MAX_PARTS;
  for (let round = 0; pending.length && round < MAX_ROUNDS; round++) {
    const tags = new Map(
      unknownTags(markdown)
        .map((tag) => [tag.id, tag] as const)
        .reverse(),
    );
    const unasked = pending.splice(budget);
    budget -= pending.length;
    for (const id of unasked) {
      const tag = tags.get(id);
      // Past the bound a part is no part of the page as read; the page is unreadable, never judged short.
      if (tag?.alt !== 'child_page') return { unreadable: OVER_PARTS };
      hidden.push({ id, title: titleFromUrl(tag.url), url: tag.url, reason: NOT_ASKED });
    }
    const parts = await Promise.all(
      pending.map(async (id) => {
        const tag = tags.get(id);
        try {
          return { id, tag, part: await fetchMarkdown(api, id) };
        } catch (error) {
          return { id, tag, reason: reasonOrThrow(api, error) };
        }
      }),
    );
    pending = [];
    for (const { id, tag, part, reason } of parts) {
      if (tag?.alt === 'child_page') {
        // The tag stays and becomes a link; the child is listed on its own (readable or not).
        if (reason !== undefined) hidden.push({ id, title: titleFromUrl(tag.url), url: tag.url, reason });
        continue;
      }
      if (!part) {
        complete = false;
        const note = `<!-- handbook-lint: part of this page could not be read: ${(reason ?? '').replace(/--+/g, '-')} -->`;
        markdown = tag ? markdown.replace(tag.tag, () => note) : `${markdown.trimEnd()}\n${note}\n`;
        continue;
      }
      const text = part.markdown.replace(/\n+$/, '');
      markdown = tag ? markdown.replace(tag.tag, () => text) : `${markdown.trimEnd()}\n${text}\n`;
      pushAll(pending, fresh(part.unknown_block_ids));
    }
  }
  return { markdown, complete: complete && !pending.length && !hidden.length, hidden };
}
