import { APIErrorCode, APIResponseError, isFullPage, type PageObjectResponse } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import type { WriteAction } from '../../model/writeback.js';
import { normalizeKey, OWNER_FIELDS } from '../../normalize/fields.js';
import type { PublishedPage } from '../../state.js';
import { type CommentContent, notionComment } from '../../writeback/comment-text.js';
import { digestOn, type FindingsPageBody } from '../../writeback/content.js';
import { readMarker } from '../../writeback/marker.js';
import type { CommentApi, FindingsPageWriter, FoundComment, PublishResult } from '../../writeback/types.js';
import { hasStatus, type NotionApi } from './api.js';
import { noGaps, paginate } from './listing.js';
import { childBlocks } from './markdown.js';
import { dashedNotionId } from './urls.js';
import {
  CAPABILITIES_HINT,
  COMMENT_HINT,
  failed,
  MAX_COMMENT_REQUESTS,
  pageFailed,
  unfinished,
  write,
} from './write.js';

const titleOf = (page: PageObjectResponse) =>
  Object.values(page.properties)
    .flatMap((p) => (p.type === 'title' ? p.title.map((t) => t.plain_text) : []))
    .join('');

/** The findings page under a configured parent: created once with a markdown body, then replaced in place. */
export class NotionFindingsPage implements FindingsPageWriter {
  readonly target = 'notion' as const;
  private readonly api: NotionApi;
  private readonly parent: string;
  private readonly title: string;
  private me?: Promise<string>;

  constructor(api: NotionApi, settings: { parentPage: string; title: string }) {
    this.api = api;
    this.parent = settings.parentPage;
    this.title = settings.title;
  }

  /** The integration's own user, read once: the creator of every page of ours. */
  private botId(): Promise<string> {
    this.me ??= this.api.read((c) => c.users.me({})).then((user) => dashedNotionId(user.id));
    return this.me;
  }

  /**
   * The recorded page when it still exists outside the trash (deleted by hand = gone) under the
   * configured parent (else the config moved it). The ledger may name any page (restored from a
   * shared cache, edited by hand): one the integration did not create is refused, never replaced.
   */
  private async current(id: string): Promise<PageObjectResponse | undefined> {
    let page: Awaited<ReturnType<NotionApi['client']['pages']['retrieve']>>;
    try {
      page = await this.api.read((c) => c.pages.retrieve({ page_id: id }));
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw failed(this.api, 'reading the findings page', error, CAPABILITIES_HINT);
    }
    if (!isFullPage(page) || page.in_trash) return undefined;
    if (dashedNotionId(page.created_by.id) !== (await this.botId())) {
      throw new HandbookLintError(
        'WRITEBACK_FAILED',
        `Notion: the ledger names page ${id} as the findings page, but handbook-lint did not create it; it is left alone. Remove writeback.pages.notion from the state file, and the next run finds or creates its own page.`,
      );
    }
    if (page.parent.type !== 'page_id' || dashedNotionId(page.parent.page_id) !== dashedNotionId(this.parent))
      return undefined;
    return page;
  }

  /**
   * A page of ours under the parent with the configured title: a ledger lost after a crash must not
   * mean a second page. Ours means the integration created it: a person's page of that title is theirs.
   */
  private async adopt(): Promise<PageObjectResponse | undefined> {
    const me = await this.botId();
    const gaps = noGaps();
    const found = paginate(
      (cursor) =>
        this.api.read((c) =>
          c.search({
            query: this.title,
            filter: { property: 'object', value: 'page' },
            ...(cursor ? { start_cursor: cursor } : {}),
          }),
        ),
      gaps,
    );
    for await (const item of found) {
      if (!isFullPage(item) || item.in_trash || item.parent.type !== 'page_id') continue;
      if (dashedNotionId(item.created_by.id) !== me) continue;
      if (dashedNotionId(item.parent.page_id) === this.parent && titleOf(item) === this.title) return item;
    }
    // A search cut short may have missed our page: making another would be the duplicate this avoids.
    const cut = unfinished('the search for the findings page', gaps);
    if (cut) throw cut;
    return undefined;
  }

  /** The child pages and databases the page shows now; a page we cannot read back keeps none (Notion refuses to drop one). */
  private async childBlocks(id: string): Promise<string[]> {
    const page = await this.api.read((c) => c.pages.retrieveMarkdown({ page_id: id })).catch(() => undefined);
    return page ? childBlocks(page.markdown) : [];
  }

  /** The digest the page's content carries; a page we cannot read back is simply rewritten. */
  private async digest(id: string): Promise<string | undefined> {
    const page = await this.api.read((c) => c.pages.retrieveMarkdown({ page_id: id })).catch(() => undefined);
    return page && digestOn(page.markdown);
  }

  /**
   * The recorded page, or (gone or elsewhere) ours by title under the parent, as on a first run. Every
   * failed answer is a write-back problem told without the token: one of the search or of `users/me`
   * ended the run (exit 70), printing the server's message as it came.
   */
  private async located(previous: PublishedPage | undefined) {
    try {
      const recordedPage = previous ? await this.current(previous.id) : undefined;
      return { recordedPage, existing: recordedPage ?? (await this.adopt()) };
    } catch (error) {
      throw failed(this.api, 'looking for the findings page', error, CAPABILITIES_HINT);
    }
  }

  private readonly parentFailed = (error: unknown): never => {
    throw failed(this.api, `reading the findings page's parent ${this.parent}`, error, CAPABILITIES_HINT);
  };

  async publish(
    { content, hash }: FindingsPageBody,
    previous: PublishedPage | undefined,
    dryRun: boolean,
  ): Promise<PublishResult> {
    const { recordedPage, existing } = await this.located(previous);
    const url = existing?.url ?? '';
    const recorded = recordedPage ? previous?.hash : existing && (await this.digest(existing.id));
    if (existing && recorded === hash) return { page: { id: existing.id, url, hash } };
    const action: WriteAction = {
      target: this.target,
      kind: existing ? 'update page' : 'create page',
      page: { title: existing ? titleOf(existing) : this.title, url },
      detail: existing ? 'report changed' : previous ? 'the recorded page was deleted' : 'first run',
    };
    if (dryRun) {
      // A dry run planning the page under a parent the integration cannot see says the write would fail.
      if (!existing)
        await this.api.read((c) => c.pages.retrieve({ page_id: this.parent })).catch(this.parentFailed);
      return { action, page: { id: existing?.id ?? '', url, hash } };
    }
    try {
      if (existing) {
        // replace_content refuses to drop the pages someone hung under the findings page: they are carried over.
        const kept = await this.childBlocks(existing.id);
        const body = kept.length ? `${content.trimEnd()}\n${kept.join('\n')}\n` : content;
        await write(this.api, (c) =>
          c.pages.updateMarkdown({
            page_id: existing.id,
            type: 'replace_content',
            replace_content: { new_str: body },
          }),
        );
        return { action, page: { id: existing.id, url, hash } };
      }
      const created = await write(this.api, (c) =>
        c.pages.create({
          parent: { page_id: this.parent },
          properties: { title: { title: [{ text: { content: this.title } }] } },
          markdown: content,
        }),
      );
      const createdUrl = isFullPage(created) ? created.url : '';
      return {
        action: { ...action, page: { title: this.title, url: createdUrl } },
        page: { id: created.id, url: createdUrl, hash },
      };
    } catch (error) {
      throw failed(this.api, `writing the findings page "${this.title}"`, error, CAPABILITIES_HINT);
    }
  }
}

/** A reply into a discussion that is gone: 404 object_not_found, or 400 validation_error as the API may answer. */
function threadGone(error: unknown): boolean {
  if (hasStatus(error, 404)) return true;
  return (
    APIResponseError.isAPIResponseError(error) &&
    (error.code === APIErrorCode.ObjectNotFound || error.code === APIErrorCode.ValidationError)
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
    for (const [name, value] of Object.entries(page.properties)) {
      if (value.type !== 'people' || !OWNER_FIELDS.includes(normalizeKey(name))) continue;
      const person = value.people.find((p) => !('type' in p) || p.type === 'person');
      if (person) return person.id;
    }
    return undefined;
  }

  async create(pageId: string, content: CommentContent): Promise<{ id: string; discussionId?: string }> {
    try {
      const res = await write(this.api, (c) =>
        c.comments.create({ parent: { page_id: pageId }, rich_text: notionComment(content) }),
      );
      return { id: res.id, ...('discussion_id' in res ? { discussionId: res.discussion_id } : {}) };
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
