import { EmulatorHttpError } from './http-util.js';
import {
  type NotionFixture,
  type NotionFixtureDatabase,
  type NotionFixturePage,
  type NotionFixtureUnknownBlock,
  normalizeNotionId,
} from './notion-fixture.js';

/** Notion's request limits: whole payload, blocks per write, chars per text run, items per list page. */
export const NOTION_LIMITS = { bodyBytes: 500 * 1024, blocksPerWrite: 1000, textChars: 2000, pageSize: 100 };

/** Integration capabilities; switching one off yields the 403 a misconfigured integration gets. */
export interface NotionCapabilities {
  readContent: boolean;
  updateContent: boolean;
  insertContent: boolean;
  readComments: boolean;
  insertComments: boolean;
}

/** A page as the emulator holds it; read it in tests to check what a write did. */
export type NotionPageState = Required<Omit<NotionFixturePage, 'lastEditedBy' | 'icon' | 'comments'>> & {
  lastEditedBy: string;
  icon?: string;
};

/** A stored comment; resolved ones are kept but never listed, like the real API. */
export interface NotionCommentState {
  id: string;
  discussionId: string;
  pageId: string;
  createdBy: string;
  createdTime: string;
  /** Comment text in enhanced markdown (mentions included), rendered to rich text when listed. */
  text: string;
  displayName: { type: 'user' | 'integration' | 'custom'; name: string };
  resolved: boolean;
}

/** A JSON request body. */
export type Body = Record<string, unknown>;

/** What a route handler gets: the world and the parsed request. */
export interface Ctx {
  ws: World;
  body: Body;
  query: Record<string, string | string[]>;
  params: string[];
}

/** The emulated workspace: pages, databases, users and comments, changed by writes and by tests. */
export class World {
  pages = new Map<string, NotionPageState>();
  dataSources = new Map<string, NotionFixtureDatabase>();
  databases = new Map<string, NotionFixtureDatabase>();
  unknownBlocks = new Map<string, { page: NotionPageState; block: NotionFixtureUnknownBlock }>();
  // Child pages by parent id, so rendering a page stays cheap in a 2,000-page benchmark workspace.
  private children = new Map<string, NotionPageState[]>();
  users: NotionFixture['users'];
  comments: NotionCommentState[] = [];
  capabilities: NotionCapabilities = {
    readContent: true,
    updateContent: true,
    insertContent: true,
    readComments: true,
    insertComments: true,
  };

  constructor(
    readonly fixture: NotionFixture,
    readonly clock: () => Date,
  ) {
    this.users = fixture.users.map((u) => ({ ...u, id: id(u.id) }));
    for (const db of fixture.databases) {
      const entry = {
        ...db,
        id: id(db.id),
        dataSourceId: id(db.dataSourceId),
        parentPageId: id(db.parentPageId),
      };
      this.databases.set(entry.id, entry);
      this.dataSources.set(entry.dataSourceId, entry);
    }
    for (const p of fixture.pages) this.addPage(p);
  }

  /** Adds a fixture page (or one created through the API) with its blocks and comments. */
  addPage(p: NotionFixturePage): NotionPageState {
    const page: NotionPageState = {
      ...p,
      id: id(p.id),
      parent: p.parent.type === 'workspace' ? p.parent : { ...p.parent, id: id(p.parent.id) },
      lastEditedBy: p.lastEditedBy ?? p.createdBy,
      properties: p.properties ?? {},
      markdown: p.markdown ?? '',
      shared: p.shared ?? true,
      restricted: p.restricted ?? false,
      inTrash: p.inTrash ?? false,
      unknownBlocks: (p.unknownBlocks ?? []).map((b) => ({ ...b, id: id(b.id) })),
    };
    this.pages.set(page.id, page);
    if (page.parent.type === 'page') {
      this.children.set(page.parent.id, [...(this.children.get(page.parent.id) ?? []), page]);
    }
    for (const block of page.unknownBlocks) this.unknownBlocks.set(block.id, { page, block });
    for (const c of p.comments ?? []) {
      const user = this.users.find((u) => u.id === id(c.createdBy));
      this.comments.push({
        id: id(c.id),
        discussionId: id(c.discussionId),
        pageId: page.id,
        createdBy: id(c.createdBy),
        createdTime: c.createdTime,
        text: c.text,
        displayName: { type: 'user', name: user?.name ?? 'Unknown' },
        resolved: c.resolved ?? false,
      });
    }
    return page;
  }

  /** The current time as Notion stamps it. */
  now(): string {
    const ms = this.clock().getTime();
    return new Date(ms - (ms % 60_000)).toISOString(); // Notion timestamps are minute-granular.
  }

  /** Records an edit, by the integration unless someone else is named. */
  touch(page: NotionPageState, by = this.fixture.bot.id, at = this.now()): void {
    page.lastEditedTime = at;
    page.lastEditedBy = id(by);
  }

  /** The page's child pages that are not in the trash, in creation order. */
  childPages(pageId: string): NotionPageState[] {
    return (this.children.get(pageId) ?? []).filter((child) => !child.inTrash);
  }

  /** Empties a page body, forgetting its unloadable blocks too. */
  eraseContent(page: NotionPageState): void {
    page.markdown = '';
    for (const block of page.unknownBlocks) this.unknownBlocks.delete(block.id);
    page.unknownBlocks = [];
  }

  /** A page the integration can see (trashed pages stay retrievable, like the real API). */
  page(rawId: string): NotionPageState {
    const page = this.pages.get(pathId(rawId, 'page_id'));
    if (!page?.shared) throw notFound('page', rawId);
    return page;
  }

  /** A page whose content the integration may read or write. */
  content(rawId: string, capability: keyof NotionCapabilities): NotionPageState {
    const page = this.page(rawId);
    this.require(capability);
    if (page.restricted) {
      throw new EmulatorHttpError(
        403,
        'restricted_resource',
        'API token does not have access to this resource.',
      );
    }
    return page;
  }

  /** Fails like the API when the integration lacks a capability. */
  require(capability: keyof NotionCapabilities): void {
    if (!this.capabilities[capability]) {
      throw new EmulatorHttpError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.');
    }
  }

  /** A data source by id, or the API's 404. */
  dataSource(rawId: string): NotionFixtureDatabase {
    const ds = this.dataSources.get(pathId(rawId, 'data_source_id'));
    if (!ds) throw notFound('data_source', rawId);
    return ds;
  }
}

/** Dashed form of an id when it is one (requests may drop the dashes). */
export function id(raw: string): string {
  return normalizeNotionId(raw) ?? raw;
}

/** An id from a URL path, or the 400 the API gives for a malformed one. */
export function pathId(raw: string, param: string): string {
  const normalized = normalizeNotionId(decodeURIComponent(raw));
  if (!normalized) {
    throw validation(
      `path failed validation: path.${param} should be a valid uuid, instead was \`"${raw}"\`.`,
    );
  }
  return normalized;
}

/** The API's 404, also used for objects not shared with the integration. */
export function notFound(kind: string, rawId: string): EmulatorHttpError {
  return new EmulatorHttpError(
    404,
    'object_not_found',
    `Could not find ${kind} with ID: ${id(rawId)}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

/** The API's 400 validation_error. */
export function validation(message: string): EmulatorHttpError {
  return new EmulatorHttpError(400, 'validation_error', message);
}
