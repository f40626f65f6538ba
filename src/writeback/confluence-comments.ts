import type { ConfluenceApi } from '../sources/confluence/api.js';
import { failed, onConflictRetry, statusOf, write } from './confluence-write.js';
import { readMarker } from './marker.js';
import { escapeStorage } from './storage.js';
import type { CommentApi, FoundComment } from './types.js';

const COMMENT_HINT = 'The account needs the space permission to add comments.';

/** Footer comments on Confluence pages: one per page, updated in place when its findings change. */
export class ConfluenceComments implements CommentApi {
  readonly platform = 'confluence' as const;
  private readonly api: ConfluenceApi;

  constructor(api: ConfluenceApi) {
    this.api = api;
  }

  async find(pageId: string): Promise<FoundComment | undefined> {
    try {
      const res = await this.api.read((c) =>
        c.v2.comment.getPageFooterComments({ id: Number(pageId), bodyFormat: 'storage', limit: 250 }),
      );
      for (const comment of res.results ?? []) {
        const digest = readMarker(comment.body?.storage?.value ?? '');
        if (digest && comment.id) return { id: comment.id, digest };
      }
      return undefined;
    } catch (error) {
      throw failed(this.api, 'reading comments', error, COMMENT_HINT);
    }
  }

  async ownerMention(pageId: string): Promise<string | undefined> {
    const page = await this.api
      .read((c) => c.v2.page.getPageById({ id: Number(pageId) }))
      .catch(() => undefined);
    return page?.ownerId
      ? `<ac:link><ri:user ri:account-id="${escapeStorage(page.ownerId)}" /></ac:link>`
      : undefined;
  }

  async create(pageId: string, body: string): Promise<{ id: string }> {
    try {
      const res = await write(this.api, (c) =>
        c.v2.comment.createFooterComment({ pageId, body: { representation: 'storage', value: body } }),
      );
      return { id: res.id ?? '' };
    } catch (error) {
      throw failed(this.api, 'posting a comment', error, COMMENT_HINT);
    }
  }

  /** Updates our comment in place (version + 1, re-read on a 409); a comment deleted by hand is posted again. */
  async follow(comment: { id: string }, pageId: string, body: string): Promise<{ id: string }> {
    try {
      return await onConflictRetry(async () => {
        // Every try reads the comment: its version number is what the update must follow.
        const current = await this.api
          .read((c) => c.v2.comment.getFooterCommentById({ commentId: Number(comment.id) }))
          .catch((error: unknown) => {
            if (statusOf(error) === 404) return undefined;
            throw error;
          });
        if (!current) return this.create(pageId, body);
        const version = (current.version?.number ?? 1) + 1;
        await write(this.api, (c) =>
          c.v2.comment.updateFooterComment({
            commentId: Number(comment.id),
            body: { version: { number: version }, body: { representation: 'storage', value: body } },
          }),
        );
        return { id: comment.id };
      });
    } catch (error) {
      throw failed(this.api, 'updating a comment', error, COMMENT_HINT);
    }
  }
}
