import { HandbookLintError } from '../../errors.js';
import type { WriteAction } from '../../model/writeback.js';
import type { PublishedPage } from '../../state.js';
import { digestOn, type FindingsPageBody } from '../../writeback/content.js';
import type { FindingsPageWriter, PublishResult } from '../../writeback/types.js';
import type { ConfluenceApi } from './api.js';
import { isContentId } from './listed-page.js';
import { keysMeant } from './listing.js';
import { failed, onConflictRetry, statusOf, write } from './write.js';

const PAGE_HINT = 'The account needs permission to view the space and to add and edit pages in it.';

interface LivePage {
  id: string;
  title: string;
  version: number;
  url: string;
  /** The digest the page's content carries, when read with its body (adopting a page). */
  digest?: string;
}

/** The findings page in a space (under an optional parent): created once, then updated with version + 1. */
export class ConfluenceFindingsPage implements FindingsPageWriter {
  readonly target = 'confluence' as const;
  private readonly api: ConfluenceApi;
  private readonly settings: { siteUrl: string; space: string; parentPage?: string; title: string };

  constructor(
    api: ConfluenceApi,
    settings: { siteUrl: string; space: string; parentPage?: string; title: string },
  ) {
    this.api = api;
    this.settings = settings;
  }

  private live(page: {
    id?: string;
    title?: string;
    version?: { number?: number } | null;
    _links?: { webui?: string } | null;
  }): LivePage {
    const webui = page._links?.webui;
    return {
      id: page.id ?? '',
      title: page.title ?? this.settings.title,
      version: page.version?.number ?? 1,
      url: webui ? `${this.settings.siteUrl}/wiki${webui}` : '',
    };
  }

  /**
   * The recorded page if it is still current (a page deleted by hand answers 404) and in the
   * configured space (else the config moved it). The ledger may name any page (restored from a
   * shared cache, edited by hand): one the integration did not create is refused, never rewritten.
   */
  private async current(id: string, spaceId: string): Promise<LivePage | undefined> {
    // An id Confluence never gives (`0x3E9`) would be sent as another page's number: it names no page.
    if (!isContentId(id)) return undefined;
    let page: Awaited<ReturnType<ConfluenceApi['clients']['v2']['page']['getPageById']>>;
    try {
      page = await this.api.read((c) => c.v2.page.getPageById({ id: Number(id) }));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw failed(this.api, 'reading the findings page', error, PAGE_HINT);
    }
    if (page.status !== 'current') return undefined;
    if (page.authorId !== (await this.api.accountId())) {
      throw new HandbookLintError(
        'WRITEBACK_FAILED',
        `Confluence: the ledger names page ${id} as the findings page, but handbook-lint did not create it; it is left alone. Remove writeback.pages.confluence from the state file, and the next run finds or creates its own page.`,
      );
    }
    return page.spaceId === spaceId ? this.live(page) : undefined;
  }

  private async spaceId(): Promise<string> {
    const res = await this.api.read((c) => c.v2.space.getSpaces({ keys: [this.settings.space] }));
    const id = res.results?.find((s) => s.key === this.settings.space)?.id;
    if (!id)
      throw new HandbookLintError(
        'WRITEBACK_FAILED',
        `Confluence: space ${this.settings.space} (writeback.findings-page.confluence.space) not found or not visible.${await keysMeant(this.api, [this.settings.space])} ${PAGE_HINT}`,
      );
    return id;
  }

  /**
   * Our page by title in the space, so a ledger lost after a crash never means a second page
   * (titles are unique per space); read with its body, whose digest tells whether to rewrite it.
   * A page of that title someone else created is theirs: it is left alone, and no page is written.
   */
  private async adopt(spaceId: string): Promise<LivePage | undefined> {
    const res = await this.api.read((c) =>
      c.v2.page.getPages({
        spaceId: [Number(spaceId)],
        title: this.settings.title,
        status: ['current'],
        bodyFormat: 'storage',
      }),
    );
    // Only a page of that title in that space: an answer may carry others (ours among them).
    const page = res.results?.find((p) => p.title === this.settings.title && p.spaceId === spaceId);
    if (!page) return undefined;
    if (page.authorId !== (await this.api.accountId())) {
      throw new HandbookLintError(
        'WRITEBACK_FAILED',
        `Confluence: a page titled "${this.settings.title}" already exists in space ${this.settings.space}, and handbook-lint did not create it; it is left alone. Rename it, or choose another writeback.findings-page.confluence.title.`,
      );
    }
    const digest = digestOn(page.body?.storage?.value ?? '');
    return { ...this.live(page), ...(digest ? { digest } : {}) };
  }

  private async parentVisible(id: string): Promise<void> {
    try {
      await this.api.read((c) => c.v2.page.getPageById({ id: Number(id) }));
    } catch (error) {
      throw failed(this.api, `reading the findings page's parent ${id}`, error, PAGE_HINT);
    }
  }

  async publish(
    { content, hash }: FindingsPageBody,
    previous: PublishedPage | undefined,
    dryRun: boolean,
  ): Promise<PublishResult> {
    try {
      const spaceId = await this.spaceId();
      const recordedPage = previous ? await this.current(previous.id, spaceId) : undefined;
      // A recorded page that is gone or elsewhere: ours by title in the space, as on a first run.
      const existing = recordedPage ?? (await this.adopt(spaceId));
      const recorded = recordedPage ? previous?.hash : existing?.digest;
      if (existing && recorded === hash) return { page: { id: existing.id, url: existing.url, hash } };
      const action: WriteAction = {
        target: this.target,
        kind: existing ? 'update page' : 'create page',
        page: { title: existing?.title ?? this.settings.title, url: existing?.url ?? '' },
        detail: existing ? 'report changed' : previous ? 'the recorded page was deleted' : 'first run',
      };
      if (dryRun) {
        // A dry run planning the page under a parent the account cannot see says the write would fail.
        if (!existing && this.settings.parentPage) await this.parentVisible(this.settings.parentPage);
        return { action, page: { id: existing?.id ?? '', url: existing?.url ?? '', hash } };
      }
      const body = { representation: 'storage', value: content };
      if (existing) {
        await onConflictRetry(async (retry) => {
          const target = (retry ? await this.current(existing.id, spaceId) : existing) ?? existing;
          await write(this.api, (c) =>
            c.v2.page.updatePage({
              id: Number(target.id),
              body: {
                id: target.id,
                status: 'current',
                title: target.title,
                body,
                version: { number: target.version + 1, message: 'handbook-lint run' },
              },
            }),
          );
        });
        return { action, page: { id: existing.id, url: existing.url, hash } };
      }
      const parent = this.settings.parentPage ? { parentId: this.settings.parentPage } : {};
      const created = await write(this.api, (c) =>
        c.v2.page.createPage({
          body: { spaceId, status: 'current', title: this.settings.title, ...parent, body },
        }),
      );
      const page = this.live(created);
      return {
        action: { ...action, page: { title: page.title, url: page.url } },
        page: { id: page.id, url: page.url, hash },
      };
    } catch (error) {
      throw failed(this.api, `writing the findings page "${this.settings.title}"`, error, PAGE_HINT);
    }
  }
}
