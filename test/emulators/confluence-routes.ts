import type { ConfluenceComment, ConfluencePage, ConfluenceUser } from './confluence-fixture.js';
import {
  ancestorsOf,
  cqlSearch,
  fail,
  labelId,
  limitParam,
  listParam,
  paged,
  type Reply,
  type Site,
  v1Label,
  v1User,
  v2Comment,
  v2Folder,
  v2Page,
  v2Space,
  v2User,
  webui,
} from './confluence-shapes.js';

/** The site plus what writes need: the comments, who "the bot" is, the clock and fresh ids. */
export interface SiteState extends Site {
  comments: Map<string, ConfluenceComment>;
  bot: ConfluenceUser;
  now: () => Date;
  nextId: () => string;
}

type Ctx = { params: string[]; q: URLSearchParams; body: unknown; path: string };
type Route = [method: string, pattern: RegExp, handle: (ctx: Ctx) => Reply];

const LIVE = ['current', 'archived'];

function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

// Writes carry the body flat (`{representation, value}`) or nested (`{storage: {...}}`); both are valid.
function storageOf(body: unknown): string | undefined {
  const b = obj(body);
  const flat = b.representation === 'storage' ? b : obj(b.storage);
  return typeof flat.value === 'string' ? flat.value : undefined;
}

// Optimistic locking: the writer must send exactly current + 1, or lose to whoever edited in between.
function nextVersion(current: number, body: Record<string, unknown>): number {
  const wanted = obj(body.version).number;
  if (typeof wanted !== 'number') fail(400, 'Version number is required');
  if (wanted !== current + 1)
    fail(409, `Version must be incremented on update. Current version is: ${current}`);
  return wanted;
}

const SORTS: Record<string, (a: ConfluencePage, b: ConfluencePage) => number> = {
  id: (a, b) => Number(a.id) - Number(b.id),
  title: (a, b) => a.title.localeCompare(b.title),
  'created-date': (a, b) => a.createdAt.localeCompare(b.createdAt),
  'modified-date': (a, b) => a.version.createdAt.localeCompare(b.version.createdAt),
};

/** The request handler over a site: 404 for unknown paths, 405 for a known path's other methods. */
export function confluenceRouter(
  state: SiteState,
): (method: string, path: string, q: URLSearchParams, body: unknown) => Reply {
  const table = routes(state);
  return (method, path, q, body) => {
    let known = false;
    for (const [m, pattern, handle] of table) {
      const match = pattern.exec(path);
      if (!match) continue;
      if (m === method) return handle({ params: match.slice(1).map((s) => s ?? ''), q, body, path });
      known = true;
    }
    return known
      ? fail(405, `Method ${method} is not allowed on ${path}`)
      : fail(404, `No route for ${path}`);
  };
}

function routes(state: SiteState): Route[] {
  const { pages, comments } = state;

  function page(id: string | undefined, statuses = LIVE): ConfluencePage {
    const p = pages.get(id ?? '');
    if (!p || !statuses.includes(p.status)) fail(404, `No content found with id: ${id}`);
    if (p.deny === 403) fail(403, `Not permitted to view content with id: ${id}`);
    if (p.deny === 404) fail(404, `No content found with id: ${id}`);
    return p;
  }

  function comment(id: string | undefined): ConfluenceComment {
    return comments.get(id ?? '') ?? fail(404, `No comment found with id: ${id}`);
  }

  function stamp(number: number, message: unknown) {
    const text = typeof message === 'string' ? message : '';
    return {
      number,
      createdAt: state.now().toISOString(),
      authorId: state.bot.accountId,
      message: text,
      minorEdit: false,
    };
  }

  function checkTitleFree(spaceId: string, title: string, except?: string): void {
    for (const p of pages.values()) {
      if (p.spaceId === spaceId && p.title === title && p.id !== except && p.status !== 'trashed') {
        fail(
          400,
          'A page with this title already exists: A page already exists with the same TITLE in this space',
        );
      }
    }
  }

  // Listings leave out what the caller may not view, as Confluence does, rather than failing.
  function pageList(q: URLSearchParams, path: string, keep: (p: ConfluencePage) => boolean): Reply {
    const statuses = listParam(q, 'status').length ? listParam(q, 'status') : LIVE;
    const sort = q.get('sort') ?? 'id';
    const compare = SORTS[sort.replace(/^-/, '')] ?? fail(400, `Invalid sort: ${sort}`);
    const title = q.get('title');
    const found = [...pages.values()].filter(
      (p) =>
        p.deny === undefined &&
        statuses.includes(p.status) &&
        keep(p) &&
        (title === null || p.title === title),
    );
    found.sort((a, b) => (sort.startsWith('-') ? -compare(a, b) : compare(a, b)));
    const format = q.get('body-format');
    return paged(state, found, q, path, (p) => v2Page(state, p, format));
  }

  const labelJson = (name: string) => ({ id: labelId(state, name), name, prefix: 'global' });

  return [
    [
      'GET',
      /^\/wiki\/api\/v2\/spaces$/,
      ({ q, path }) => {
        const [ids, keys] = [listParam(q, 'ids'), listParam(q, 'keys')];
        const found = state.spaces.filter(
          (s) => (!ids.length || ids.includes(s.id)) && (!keys.length || keys.includes(s.key)),
        );
        return paged(state, found, q, path, v2Space);
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/folders\/(\d+)$/,
      ({ params }) => {
        const folder =
          state.folders.get(params[0] ?? '') ?? fail(404, `No folder found with id: ${params[0]}`);
        return { status: 200, body: v2Folder(state, folder) };
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/spaces\/(\d+)$/,
      ({ params }) => {
        const space =
          state.spaces.find((s) => s.id === params[0]) ?? fail(404, `No space found with id: ${params[0]}`);
        return { status: 200, body: v2Space(space) };
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/spaces\/(\d+)\/pages$/,
      ({ q, path, params }) => {
        if (!state.spaces.some((s) => s.id === params[0])) fail(404, `No space found with id: ${params[0]}`);
        const rootOnly = q.get('depth') === 'root';
        return pageList(q, path, (p) => p.spaceId === params[0] && (!rootOnly || p.parentId === null));
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/pages$/,
      ({ q, path }) => {
        const [ids, spaceIds] = [listParam(q, 'id'), listParam(q, 'space-id')];
        if (ids.length > 250 || spaceIds.length > 100)
          fail(400, 'At most 250 page ids and 100 space ids per request');
        return pageList(
          q,
          path,
          (p) => (!ids.length || ids.includes(p.id)) && (!spaceIds.length || spaceIds.includes(p.spaceId)),
        );
      },
    ],
    [
      'POST',
      /^\/wiki\/api\/v2\/pages$/,
      ({ body, q }) => {
        const b = obj(body);
        const space = state.spaces.find((s) => s.id === String(b.spaceId));
        if (!space || typeof b.title !== 'string' || !b.title) fail(400, 'spaceId and title are required');
        checkTitleFree(space.id, b.title);
        // Without a parent, Confluence files a new page under the space homepage unless root-level=true.
        const rootLevel = q.get('root-level') === 'true';
        const parentId =
          typeof b.parentId === 'string' ? page(b.parentId).id : rootLevel ? null : space.homepageId;
        const created: ConfluencePage = {
          id: state.nextId(),
          title: b.title,
          spaceId: space.id,
          parentId,
          status: 'current',
          position: 0,
          createdAt: state.now().toISOString(),
          authorId: state.bot.accountId,
          ownerId: state.bot.accountId,
          version: stamp(1, ''),
          labels: [],
          body: storageOf(b.body) ?? '',
        };
        pages.set(created.id, created);
        const links = { base: state.base, webui: webui(state, created) };
        return { status: 200, body: { ...v2Page(state, created, 'storage'), _links: links } };
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/pages\/(\d+)$/,
      ({ q, params }) => {
        const p = page(params[0], listParam(q, 'status').length ? listParam(q, 'status') : LIVE);
        const labels = { results: p.labels.map(labelJson), meta: { hasMore: false } };
        const shown = v2Page(state, p, q.get('body-format'));
        // PageSingle, unlike list items, carries the site base in its own `_links`.
        const body = {
          ...shown,
          _links: { ...obj(shown._links), base: state.base },
          ...(q.get('include-labels') === 'true' ? { labels } : {}),
          ...(q.get('include-version') === 'false' ? { version: undefined } : {}),
        };
        return { status: 200, body };
      },
    ],
    [
      'PUT',
      /^\/wiki\/api\/v2\/pages\/(\d+)$/,
      ({ body, params }) => {
        const p = page(params[0]);
        const b = obj(body);
        const value = storageOf(b.body);
        if (
          b.id !== p.id ||
          typeof b.title !== 'string' ||
          typeof b.status !== 'string' ||
          value === undefined
        ) {
          fail(400, 'id, status, title, body and version are required');
        }
        const number = nextVersion(p.version.number, b);
        checkTitleFree(p.spaceId, b.title, p.id);
        if (typeof b.parentId === 'string') p.parentId = page(b.parentId).id;
        Object.assign(p, { title: b.title, body: value, version: stamp(number, obj(b.version).message) });
        return { status: 200, body: v2Page(state, p, 'storage') };
      },
    ],
    [
      'DELETE',
      /^\/wiki\/api\/v2\/pages\/(\d+)$/,
      ({ q, params }) => {
        // A first delete trashes the page; purge=true on a trashed page removes it for good.
        const purge = q.get('purge') === 'true';
        const p = page(params[0], purge ? ['trashed'] : LIVE);
        if (purge) pages.delete(p.id);
        else p.status = 'trashed';
        return { status: 204 };
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/pages\/(\d+)\/labels$/,
      ({ q, path, params }) => paged(state, page(params[0]).labels, q, path, labelJson),
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/pages\/(\d+)\/ancestors$/,
      ({ q, params }) => {
        const chain = ancestorsOf(state, page(params[0])).slice(-limitParam(q, 25, 250));
        const results = chain.map((a) => ({ id: a.id, type: 'page' }));
        return { status: 200, body: { results, _links: { base: state.base } } };
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/pages\/(\d+)\/footer-comments$/,
      ({ q, path, params }) => {
        const id = page(params[0]).id;
        const top = [...comments.values()].filter((c) => c.pageId === id && !c.parentCommentId);
        return paged(state, top, q, path, (c) => v2Comment(state, c, q.get('body-format') === 'storage'));
      },
    ],
    [
      'POST',
      /^\/wiki\/api\/v2\/footer-comments$/,
      ({ body }) => {
        const b = obj(body);
        const parent = typeof b.parentCommentId === 'string' ? comment(b.parentCommentId) : undefined;
        const pageId = parent?.pageId ?? (typeof b.pageId === 'string' ? page(b.pageId).id : undefined);
        const value = storageOf(b.body);
        if (!pageId || value === undefined)
          fail(400, 'pageId (or parentCommentId) and a storage body are required');
        const c: ConfluenceComment = {
          id: state.nextId(),
          pageId,
          authorId: state.bot.accountId,
          body: value,
          version: stamp(1, ''),
        };
        if (parent) c.parentCommentId = parent.id;
        comments.set(c.id, c);
        const shown = v2Comment(state, c, true);
        return { status: 201, body: { ...shown, _links: { ...obj(shown._links), base: state.base } } };
      },
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/footer-comments\/(\d+)$/,
      ({ q, params }) => ({
        status: 200,
        body: v2Comment(state, comment(params[0]), q.get('body-format') === 'storage'),
      }),
    ],
    [
      'GET',
      /^\/wiki\/api\/v2\/footer-comments\/(\d+)\/children$/,
      ({ q, path, params }) => {
        const id = comment(params[0]).id;
        const replies = [...comments.values()].filter((c) => c.parentCommentId === id);
        return paged(state, replies, q, path, (c) => v2Comment(state, c, q.get('body-format') === 'storage'));
      },
    ],
    [
      'PUT',
      /^\/wiki\/api\/v2\/footer-comments\/(\d+)$/,
      ({ body, params }) => {
        const c = comment(params[0]);
        const b = obj(body);
        const value = storageOf(b.body) ?? fail(400, 'A storage body is required');
        c.version = stamp(nextVersion(c.version.number, b), obj(b.version).message);
        c.body = value;
        return { status: 200, body: v2Comment(state, c, true) };
      },
    ],
    [
      'DELETE',
      /^\/wiki\/api\/v2\/footer-comments\/(\d+)$/,
      ({ params }) => {
        comments.delete(comment(params[0]).id);
        return { status: 204 };
      },
    ],
    [
      'POST',
      /^\/wiki\/api\/v2\/users-bulk$/,
      ({ body }) => {
        const ids = obj(body).accountIds;
        if (!Array.isArray(ids) || ids.length < 1 || ids.length > 250) {
          fail(400, 'accountIds must hold 1 to 250 account ids');
        }
        // Unknown ids are left out, not reported: callers must expect fewer results than ids.
        const found = ids.flatMap((id) => state.users.get(String(id)) ?? []);
        return { status: 200, body: { results: found.map(v2User), _links: { base: state.base } } };
      },
    ],
    // Who the token belongs to: the bot, author of every write.
    [
      'GET',
      /^\/wiki\/rest\/api\/user\/current$/,
      () => ({ status: 200, body: v1User(state, state.bot.accountId) }),
    ],
    ['GET', /^\/wiki\/rest\/api\/content\/search$/, ({ q, path }) => cqlSearch(state, q, path, false)],
    ['GET', /^\/wiki\/rest\/api\/search$/, ({ q, path }) => cqlSearch(state, q, path, true)],
    [
      'POST',
      /^\/wiki\/rest\/api\/content\/(\d+)\/label$/,
      ({ body, params }) => {
        const p = page(params[0]);
        for (const item of Array.isArray(body) ? body : [body]) {
          const name = obj(item).name;
          if (typeof name !== 'string' || !/^[^\s:]+$/.test(name))
            fail(400, 'Label names cannot hold spaces or colons');
          if (!p.labels.includes(name.toLowerCase())) p.labels.push(name.toLowerCase());
        }
        const results = p.labels.map((name) => v1Label(state, name));
        const envelope = { start: 0, limit: 200, size: results.length, _links: { base: state.base } };
        return { status: 200, body: { results, ...envelope } };
      },
    ],
  ];
}
