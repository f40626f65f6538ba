import { APIErrorCode, APIResponseError, isFullPage } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import { normalizeKey, OWNER_FIELDS } from '../../normalize/fields.js';
import { type CommentContent, notionComment } from '../../writeback/comment-text.js';
import { readMarker } from '../../writeback/marker.js';
import type { CommentApi, FoundComment } from '../../writeback/types.js';
import { hasStatus, type NotionApi } from './api.js';
import { noGaps, paginate } from './listing.js';
import { dashedNotionId, isNotionId } from './urls.js';
import { COMMENT_HINT, MAX_COMMENT_REQUESTS, pageFailed, unfinished, write } from './write.js';

/** A reply into a discussion that is gone: 404 object_not_found, or 400 validation_error as the API may answer. */
function threadGone(error: unknown): boolean {
  if (hasStatus(error, 404)) return true;
  return (
    APIResponseError.isAPIResponseError(error) &&
    (error.code === APIErrorCode.ObjectNotFound || error.code === APIErrorCode.ValidationError)
  );
}

/** The people a people property names, when it is one and they are a list of objects with ids. */
function peopleOf(value: unknown): { id: string; type?: unknown }[] | undefined {
  const property = value as { type?: unknown; people?: unknown } | null;
  if (property?.type !== 'people' || !Array.isArray(property.people)) return undefined;
  return property.people.filter(
    (p): p is { id: string } => typeof p === 'object' && p !== null && typeof p.id === 'string',
  );
}

/** Comments on Notion pages: a page-level discussion per page, follow-ups as replies in it. */
export class NotionComments implements CommentApi {
  readonly platform = 'notion' as const;
  private readonly api: NotionApi;
  private me?: Promise<string>;

  constructor(api: NotionApi) {
    this.api = api;
  }

  /** The integration's own user (GET /v1/users/me), read once per run: the author of every comment we wrote. */
  private botId(): Promise<string> {
    this.me ??= this.api.read((c) => c.users.me({})).then((user) => dashedNotionId(user.id));
    return this.me;
  }

  async find(pageId: string): Promise<FoundComment | undefined> {
    try {
      const me = await this.botId();
      const gaps = noGaps();
      const comments = paginate(
        (cursor) =>
          this.api.read((c) =>
            c.comments.list({
              block_id: pageId,
              page_size: 100,
              ...(cursor ? { start_cursor: cursor } : {}),
            }),
          ),
        gaps,
        MAX_COMMENT_REQUESTS,
      );
      // Notion lists only open discussions: a thread someone resolved is not ours to continue.
      const page = dashedNotionId(pageId);
      for await (const comment of comments) {
        if (!('rich_text' in comment) || dashedNotionId(comment.created_by.id) !== me) continue;
        // One of ours in another page's discussion (an answer with comments nobody asked for) is not this page's.
        const parent = comment.parent;
        if (parent.type !== 'page_id' || dashedNotionId(parent.page_id) !== page) continue;
        const digest = readMarker(comment.rich_text.map((t) => t.plain_text).join(''));
        if (digest) return { id: comment.id, discussionId: comment.discussion_id, digest };
      }
      // Comments not listed may hold ours: posting another would be the duplicate this avoids.
      const cut = unfinished(`the comments of page ${pageId}`, gaps, MAX_COMMENT_REQUESTS);
      if (cut) throw cut;
      return undefined;
    } catch (error) {
      throw pageFailed(this.api, 'reading comments', error, COMMENT_HINT);
    }
  }

  async owner(pageId: string): Promise<string | undefined> {
    const page = await this.api.read((c) => c.pages.retrieve({ page_id: pageId })).catch(() => undefined);
    if (!page || !isFullPage(page)) return undefined;
    // The SDK checks no schema: properties or people that are none name no owner, never end the run.
    const properties: Record<string, unknown> = page.properties ?? {};
    for (const [name, value] of Object.entries(properties)) {
      const people = peopleOf(value);
      if (!people || !OWNER_FIELDS.includes(normalizeKey(name))) continue;
      const person = people.find((p) => !('type' in p) || p.type === 'person');
      if (person) return person.id;
    }
    return undefined;
  }

  async create(pageId: string, content: CommentContent): Promise<{ id: string; discussionId?: string }> {
    try {
      const res = await write(this.api, (c) =>
        c.comments.create({ parent: { page_id: pageId }, rich_text: notionComment(content) }),
      );
      // Without its discussion a follow-up could only start another thread beside ours: left to be found by marker.
      const discussionId = 'discussion_id' in res ? res.discussion_id : undefined;
      if (!isNotionId(res.id) || !isNotionId(discussionId))
        throw new HandbookLintError(
          'WRITEBACK_PAGE_FAILED',
          `Notion: the comment on page ${pageId} was posted, but Notion's answer names no comment or discussion id, so it is not recorded; the next run finds it by its marker.`,
        );
      return { id: res.id, discussionId };
    } catch (error) {
      throw pageFailed(this.api, 'posting a comment', error, COMMENT_HINT, true);
    }
  }

  async follow(
    comment: { id: string; discussionId?: string },
    pageId: string,
    content: CommentContent,
  ): Promise<{ id: string; discussionId?: string }> {
    if (!comment.discussionId) return this.create(pageId, content);
    const discussionId = comment.discussionId;
    try {
      const res = await write(this.api, (c) =>
        c.comments.create({ discussion_id: discussionId, rich_text: notionComment(content) }),
      );
      return { id: res.id, discussionId };
    } catch (error) {
      // The thread is gone (deleted with its first comment): start a new one.
      if (threadGone(error)) return this.create(pageId, content);
      throw pageFailed(this.api, 'replying to a comment', error, COMMENT_HINT, true);
    }
  }
}
