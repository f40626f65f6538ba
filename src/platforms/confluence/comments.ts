import { HandbookLintError } from '../../errors.js';
import { CursorTrail } from '../../listing-check.js';
import { type CommentContent, storageComment } from '../../writeback/comment-text.js';
import { readMarker } from '../../writeback/marker.js';
import type { CommentApi, FoundComment } from '../../writeback/types.js';
import type { ConfluenceApi } from './api.js';
import { isContentId } from './listed-page.js';
import { resultsOf } from './listing.js';
import { onConflictRetry, pageFailed, statusOf, write } from './write.js';

const COMMENT_HINT = 'The account needs the space permission to add comments.';
/** Footer comments read per request (the API's maximum). */
const COMMENTS_PER_REQUEST = 250;
/** Requests for one page's comments at most: 10,000 comments, so a page flooded with them cannot stall a run. */
const MAX_COMMENT_REQUESTS = 40;

/** The cursor in a v2 `_links.next` URL. */
function cursorOf(next: string | undefined): string | undefined {
  return next
    ? (new URL(next, 'http://confluence.invalid').searchParams.get('cursor') ?? undefined)
    : undefined;
}

/** Footer comments on Confluence pages: one per page, updated in place when its findings change. */
export class ConfluenceComments implements CommentApi {
  readonly platform = 'confluence' as const;
  private readonly api: ConfluenceApi;

  constructor(api: ConfluenceApi) {
    this.api = api;
  }

  async find(pageId: string): Promise<FoundComment | undefined> {
    try {
      const me = await this.api.accountId();
      const trail = new CursorTrail();
      let cursor: string | undefined;
      for (let request = 0; request < MAX_COMMENT_REQUESTS; request++) {
        const res = await this.api.read((c) =>
          c.v2.comment.getPageFooterComments({
            id: Number(pageId),
            bodyFormat: 'storage',
            limit: COMMENTS_PER_REQUEST,
            ...(cursor ? { cursor } : {}),
          }),
        );
        for (const comment of resultsOf(res, 'comment listing')) {
          // The author of the comment's current version: ours unless someone else saved it since.
          // One of ours on another page (an answer with comments nobody asked for) is not this page's.
          if (comment.version?.authorId !== me || comment.pageId !== pageId) continue;
          const digest = readMarker(comment.body?.storage?.value ?? '');
          if (digest && isContentId(comment.id)) return { id: comment.id, digest };
        }
        cursor = cursorOf(res._links?.next);
        if (!cursor) return undefined;
        if (!trail.follow(cursor)) break;
      }
    } catch (error) {
      throw pageFailed(this.api, 'reading comments', error, COMMENT_HINT);
    }
    // Comments not read may hold ours: posting another would be the duplicate this avoids.
    throw new HandbookLintError(
      'WRITEBACK_PAGE_FAILED',
      `Confluence: the comments of page ${pageId} repeated a cursor or ran past ${MAX_COMMENT_REQUESTS} requests; nothing was written for it.`,
    );
  }

  async owner(pageId: string): Promise<string | undefined> {
    const page = await this.api
      .read((c) => c.v2.page.getPageById({ id: Number(pageId) }))
      .catch(() => undefined);
    return page?.ownerId ?? undefined;
  }

  async create(pageId: string, content: CommentContent): Promise<{ id: string }> {
    try {
      const res = await write(this.api, (c) =>
        c.v2.comment.createFooterComment({
          pageId,
          body: { representation: 'storage', value: storageComment(content) },
        }),
      );
      // Recorded without its id, the next update could only post a second comment beside it: left to be found by marker.
      if (!isContentId(res.id))
        throw new HandbookLintError(
          'WRITEBACK_PAGE_FAILED',
          `Confluence: the comment on page ${pageId} was posted, but Confluence's answer names no comment id, so it is not recorded; the next run finds it by its marker.`,
        );
      return { id: res.id };
    } catch (error) {
      throw pageFailed(this.api, 'posting a comment', error, COMMENT_HINT, true);
    }
  }

  /**
   * Updates our comment in place (version + 1, re-read on a 409); a comment deleted by hand, or
   * one whose current version someone else wrote, is left alone and ours is posted again.
   */
  async follow(comment: { id: string }, pageId: string, content: CommentContent): Promise<{ id: string }> {
    const value = storageComment(content);
    try {
      // An id Confluence never gives (a ledger edited by hand) names no comment: ours is posted again.
      if (!isContentId(comment.id)) return await this.create(pageId, content);
      return await onConflictRetry(async () => {
        // Every try reads the comment: its version number is what the update must follow.
        const current = await this.api
          .read((c) => c.v2.comment.getFooterCommentById({ commentId: Number(comment.id) }))
          .catch((error: unknown) => {
            if (statusOf(error) === 404) return undefined;
            throw error;
          });
        // Gone, last saved by someone else (then it is theirs now, or was never ours), or on another
        // page (a ledger or an answer that mixed pages up): post our own on this page.
        const ours = current?.version?.authorId === (await this.api.accountId());
        if (!current || !ours || current.pageId !== pageId) return this.create(pageId, content);
        const version = (current.version?.number ?? 1) + 1;
        await write(this.api, (c) =>
          c.v2.comment.updateFooterComment({
            commentId: Number(comment.id),
            body: { version: { number: version }, body: { representation: 'storage', value } },
          }),
        );
        return { id: comment.id };
      });
    } catch (error) {
      throw pageFailed(this.api, 'updating a comment', error, COMMENT_HINT, true);
    }
  }
}
