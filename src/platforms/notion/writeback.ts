import { isFullPage, type PageObjectResponse } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import type { WriteAction } from '../../model/writeback.js';
import type { PublishedPage } from '../../state.js';
import { digestOn, type FindingsPageBody } from '../../writeback/content.js';
import type { FindingsPageWriter, PublishResult } from '../../writeback/types.js';
import { markdownAnswer } from './answer-shape.js';
import { hasStatus, type NotionApi } from './api.js';
import { noGaps, paginate } from './listing.js';
import { childBlocks } from './markdown.js';
import { dashedNotionId, isNotionId } from './urls.js';
import { CAPABILITIES_HINT, failed, unfinished, write } from './write.js';

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
    const page = await this.readBack(id);
    return page ? childBlocks(page.markdown) : [];
  }

  /** The digest the page's content carries; a page we cannot read back is simply rewritten. */
  private async digest(id: string): Promise<string | undefined> {
    const page = await this.readBack(id);
    return page && digestOn(page.markdown);
  }

  /** The page's Markdown as written; undefined when it cannot be read back or the answer has no text. */
  private readBack(id: string) {
    return this.api
      .read((c) => c.pages.retrieveMarkdown({ page_id: id }))
      .then(markdownAnswer)
      .catch(() => undefined);
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
      // Made but not named: recording it without an id would write a ledger every later run refuses.
      if (!isNotionId(created.id))
        throw new HandbookLintError(
          'WRITEBACK_FAILED',
          `Notion: the findings page "${this.title}" was created, but Notion's answer names no page id, so it is not recorded; the next run finds it by its title and creator.`,
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
