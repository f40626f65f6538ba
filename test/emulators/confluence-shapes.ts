import type {
  ConfluenceComment,
  ConfluenceFolder,
  ConfluencePage,
  ConfluenceSpace,
  ConfluenceUser,
} from './confluence-fixture.js';
import { EmulatorHttpError } from './http-util.js';

/** The site state the renderers read; the emulator owns and mutates it. */
export interface Site {
  /** Site base with the context path, as in `_links.base` (e.g. `http://127.0.0.1:PORT/wiki`). */
  base: string;
  pages: Map<string, ConfluencePage>;
  folders: Map<string, ConfluenceFolder>;
  spaces: ConfluenceSpace[];
  users: Map<string, ConfluenceUser>;
  labelIds: Map<string, string>;
}

/** A handler's answer before it is written to the socket. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const V2_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
};

/** Raises an API error; the status picks the v2 error code so handlers only state the message. */
export function fail(status: number, message: string, headers: Record<string, string> = {}): never {
  throw new EmulatorHttpError(status, V2_CODES[status] ?? 'INTERNAL_SERVER_ERROR', message, headers);
}

/** Confluence's two error bodies: v2 `{errors: [...]}`, v1 `{statusCode, data, message, reason}`. */
export function errorBody(error: EmulatorHttpError, v1: boolean): unknown {
  const { status, code, message } = error;
  if (!v1) return { errors: [{ status, code, title: message, detail: null }] };
  const data = { authorized: status !== 401, valid: true, errors: [], successful: false };
  return { statusCode: status, data, message, reason: REASONS[status] ?? 'Server Error' };
}

/** Array query values, which clients send as `id=1,2` or as `id=1&id=2` (confluence.js 3 does the latter). */
export function listParam(q: URLSearchParams, key: string): string[] {
  return q
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** `limit` below 1 is a 400; above the endpoint's maximum it is silently capped, as Confluence does. */
export function limitParam(q: URLSearchParams, fallback: number, max: number): number {
  const raw = q.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail(400, `Invalid limit: ${raw}`);
  return Math.min(n, max);
}

/** Opaque to clients, like Confluence's; an offset inside keeps any sort order pageable. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** The offset a cursor stands for; a forged or foreign cursor is a 400. */
export function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match?.[1] ? Number(match[1]) : fail(400, 'Invalid cursor');
}

/** v2 list envelope: `_links.next` (relative, `/wiki/api/v2/...`) and the same URL in the `Link` header. */
export function paged<T>(
  site: Site,
  items: T[],
  q: URLSearchParams,
  path: string,
  render: (t: T) => unknown,
): Reply {
  const size = limitParam(q, 25, 250);
  const offset = decodeCursor(q.get('cursor'));
  const links: Record<string, string> = { base: site.base };
  let link = `<${site.base}>; rel="base"`;
  if (offset + size < items.length) {
    const next = new URLSearchParams(q);
    next.set('cursor', encodeCursor(offset + size));
    links.next = `${path}?${next}`;
    link = `<${links.next}>; rel="next", ${link}`;
  }
  const results = items.slice(offset, offset + size).map(render);
  return { status: 200, body: { results, _links: links }, headers: { Link: link } };
}

/** The id a label gets on first sight, stable for the emulator's lifetime. */
export function labelId(site: Site, name: string): string {
  const known = site.labelIds.get(name);
  if (known) return known;
  const id = String(9_000_000 + site.labelIds.size);
  site.labelIds.set(name, id);
  return id;
}

/** Web UI path relative to `_links.base`; the crawler builds page URLs from it. */
export function webui(site: Site, p: ConfluencePage): string {
  const key = site.spaces.find((s) => s.id === p.spaceId)?.key ?? '';
  return `/spaces/${key}/pages/${p.id}/${encodeURIComponent(p.title).replace(/%20/g, '+')}`;
}

/** Ancestors top-down, the order `GET /pages/{id}/ancestors` and v1 `expand=ancestors` use. */
export function ancestorsOf(site: Site, p: ConfluencePage): ConfluencePage[] {
  const chain: ConfluencePage[] = [];
  for (let cur = site.pages.get(p.parentId ?? ''); cur; cur = site.pages.get(cur.parentId ?? ''))
    chain.unshift(cur);
  return chain;
}

/** What a parent id names: Cloud pages can sit in folders. */
function parentType(site: Site, parentId: string | null): 'page' | 'folder' | null {
  return parentId === null ? null : site.folders.has(parentId) ? 'folder' : 'page';
}

/** A v2 folder (GET /folders/{id}). */
export function v2Folder(site: Site, f: ConfluenceFolder): Record<string, unknown> {
  return {
    id: f.id,
    type: 'folder',
    status: 'current',
    title: f.title,
    parentId: f.parentId,
    parentType: parentType(site, f.parentId),
    position: 0,
    authorId: f.authorId,
    ownerId: f.authorId,
    createdAt: f.createdAt,
    spaceId: f.spaceId,
    version: { number: 1, createdAt: f.createdAt, message: '', minorEdit: false, authorId: f.authorId },
  };
}

/** A v2 page (PageBulk / PageSingle without the include-* extras); `body` holds only the asked format. */
export function v2Page(site: Site, p: ConfluencePage, format: string | null): Record<string, unknown> {
  if (format !== null && format !== 'storage')
    fail(400, `The emulator serves body-format=storage only, not ${format}`);
  return {
    id: p.id,
    status: p.status,
    title: p.title,
    spaceId: p.spaceId,
    parentId: p.parentId,
    parentType: parentType(site, p.parentId),
    position: p.position,
    authorId: p.authorId,
    ownerId: p.ownerId,
    lastOwnerId: null,
    createdAt: p.createdAt,
    version: { ...p.version },
    body: format === 'storage' ? { storage: { representation: 'storage', value: p.body } } : {},
    _links: {
      webui: webui(site, p),
      editui: `/pages/resumedraft.action?draftId=${p.id}`,
      tinyui: `/x/${Buffer.from(p.id).toString('base64url')}`,
    },
  };
}

/** A v2 footer comment (PageCommentModel / FooterCommentModel). */
export function v2Comment(site: Site, c: ConfluenceComment, withBody: boolean): Record<string, unknown> {
  const p = site.pages.get(c.pageId);
  return {
    id: c.id,
    status: 'current',
    title: `Re: ${p?.title ?? ''}`,
    pageId: c.pageId,
    ...(c.parentCommentId ? { parentCommentId: c.parentCommentId } : {}),
    version: { ...c.version },
    body: withBody ? { storage: { representation: 'storage', value: c.body } } : {},
    _links: { webui: `${p ? webui(site, p) : ''}?focusedCommentId=${c.id}` },
  };
}

/** A v2 space (SpaceBulk). */
export function v2Space(s: ConfluenceSpace): Record<string, unknown> {
  const { id, key, name, type, authorId, createdAt, homepageId } = s;
  return {
    id,
    key,
    name,
    type,
    status: 'current',
    authorId,
    createdAt,
    homepageId,
    description: null,
    icon: null,
    _links: { webui: `/spaces/${key}` },
  };
}

/** A v2 user, as `POST /users-bulk` returns it. */
export function v2User(u: ConfluenceUser): Record<string, unknown> {
  return {
    accountId: u.accountId,
    accountType: 'atlassian',
    accountStatus: 'active',
    displayName: u.displayName,
    publicName: u.displayName,
    email: u.email,
    timeZone: u.timeZone,
    isExternalCollaborator: false,
    personalSpaceId: null,
    profilePicture: { path: '/wiki/aa-avatar/default.png', isDefault: true },
  };
}

/** A v1 user (the shape of `user/current` and of v1 `version.by`). */
export function v1User(site: Site, accountId: string): Record<string, unknown> {
  const name = site.users.get(accountId)?.displayName ?? 'Unknown user';
  const email = site.users.get(accountId)?.email ?? '';
  return {
    type: 'known',
    accountId,
    accountType: 'atlassian',
    email,
    publicName: name,
    displayName: name,
    _links: {},
  };
}

/** A v1 label list item; v1 repeats the name as `label`. */
export function v1Label(site: Site, name: string): Record<string, string> {
  return { prefix: 'global', name, id: labelId(site, name), label: name };
}

// v1 content carries only what `expand` asked for; the rest is listed under `_expandable`.
function v1Content(site: Site, p: ConfluencePage, expand: string[]): Record<string, unknown> {
  const s = site.spaces.find((sp) => sp.id === p.spaceId);
  const has = (e: string) => expand.includes(e);
  const { number, minorEdit, message, createdAt, authorId } = p.version;
  const version = { by: v1User(site, authorId), when: createdAt, number, minorEdit, message, _links: {} };
  const space = s && {
    id: Number(s.id),
    key: s.key,
    name: s.name,
    type: s.type,
    status: 'current',
    _expandable: {},
    _links: { webui: `/spaces/${s.key}` },
  };
  const history = { latest: true, createdBy: v1User(site, p.authorId), createdDate: p.createdAt };
  const labels = p.labels.map((name) => v1Label(site, name));
  return {
    id: p.id,
    type: 'page',
    status: p.status,
    title: p.title,
    ...(has('space') ? { space } : {}),
    ...(has('version') ? { version } : {}),
    ...(has('history') ? { history } : {}),
    ...(has('history.lastUpdated') ? { history: { ...history, lastUpdated: version } } : {}),
    ...(has('body.storage') ? { body: { storage: { value: p.body, representation: 'storage' } } } : {}),
    ...(has('ancestors')
      ? {
          ancestors: ancestorsOf(site, p).map((a) => ({
            id: a.id,
            type: 'page',
            status: a.status,
            title: a.title,
          })),
        }
      : {}),
    ...(has('metadata.labels')
      ? { metadata: { labels: { results: labels, start: 0, limit: 200, size: labels.length } } }
      : {}),
    _expandable: {
      children: `/rest/api/content/${p.id}/child`,
      ancestors: '',
      body: '',
      version: '',
      space: `/rest/api/space/${s?.key}`,
    },
    _links: { webui: webui(site, p), self: `${site.base}/rest/api/content/${p.id}` },
  };
}

type PageTest = (p: ConfluencePage) => boolean;

const COMPARE: Record<string, (t: number, at: number) => boolean> = {
  '>=': (t, at) => t >= at,
  '<=': (t, at) => t <= at,
  '>': (t, at) => t > at,
  '<': (t, at) => t < at,
  '=': (t, at) => t === at,
};

// The CQL subset the crawler needs: AND of `field op value`, optional ORDER BY lastmodified or created.
function parseCql(
  site: Site,
  cql: string,
): { test: PageTest; order?: { by: 'lastmodified' | 'created'; sign: 1 | -1 } } {
  const orderBy = /\s+order\s+by\s+(lastmodified|created)(?:\s+(asc|desc))?\s*$/i.exec(cql);
  const where = orderBy ? cql.slice(0, orderBy.index) : cql;
  const unsupported = `Could not parse cql : ${cql} (the emulator knows type, space, label, id, parent, ancestor, lastmodified, created; AND only)`;
  const tests = where.split(/\s+and\s+/i).map((clause): PageTest => {
    const m = /^\s*([\w.]+)\s*(>=|<=|!=|=|>|<|not\s+in|in)\s*(.+?)\s*$/i.exec(clause);
    if (!m?.[1] || !m[2] || !m[3]) fail(400, unsupported);
    const [field, op] = [m[1].toLowerCase(), m[2].toLowerCase().replace(/\s+/, ' ')];
    const values = m[3]
      .replace(/^\((.*)\)$/, '$1')
      .split(',')
      .map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
    const negate = op === '!=' || op === 'not in';
    const member = (actual: string[]) => negate !== values.some((v) => actual.includes(v));
    switch (field) {
      case 'type':
        return () => member(['page']);
      case 'space':
      case 'space.key':
        return (p) => member([site.spaces.find((s) => s.id === p.spaceId)?.key ?? '']);
      case 'label':
        return (p) => member(p.labels);
      case 'id':
      case 'content':
        return (p) => member([p.id]);
      case 'parent':
        return (p) => member([p.parentId ?? '']);
      case 'ancestor':
        return (p) => member(ancestorsOf(site, p).map((a) => a.id));
      case 'lastmodified':
      case 'created': {
        // CQL dates are read in the caller's time zone; the emulated caller lives in UTC.
        const d = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(values[0] ?? '');
        const compare = COMPARE[op];
        if (!d || !compare) fail(400, unsupported);
        const at = Date.UTC(
          Number(d[1]),
          Number(d[2]) - 1,
          Number(d[3]),
          Number(d[4] ?? 0),
          Number(d[5] ?? 0),
        );
        return (p) => compare(Date.parse(field === 'created' ? p.createdAt : p.version.createdAt), at);
      }
      default:
        return fail(400, unsupported);
    }
  });
  const order = orderBy
    ? {
        by: orderBy[1]?.toLowerCase() === 'created' ? ('created' as const) : ('lastmodified' as const),
        sign: orderBy[2]?.toLowerCase() === 'desc' ? (-1 as const) : (1 as const),
      }
    : undefined;
  return { test: (p) => tests.every((t) => t(p)), order };
}

/**
 * v1 `content/search` (ContentArray) and `search` (SearchPageResponse): v1 paging whose `_links.next` is
 * relative to `/wiki`, and Atlassian's per-call caps by expansion (body 50, export/styled views 25, else 200).
 */
export function cqlSearch(site: Site, q: URLSearchParams, path: string, asSearchResults: boolean): Reply {
  const cql = q.get('cql') || fail(400, 'cql query parameter is required');
  const expand = listParam(q, 'expand');
  const bodies = expand.filter((e) => e.startsWith('body.'));
  const cap = bodies.some((e) => /export_view|styled_view/.test(e)) ? 25 : bodies.length ? 50 : 200;
  const size = limitParam(q, 25, cap);
  const start = q.has('cursor') ? decodeCursor(q.get('cursor')) : Number(q.get('start') ?? 0);
  const { test, order } = parseCql(site, cql);
  const found = [...site.pages.values()].filter(
    (p) => p.deny === undefined && p.status === 'current' && test(p),
  );
  const time = (p: ConfluencePage) => (order?.by === 'created' ? p.createdAt : p.version.createdAt);
  if (order) found.sort((a, b) => time(a).localeCompare(time(b)) * order.sign);
  const slice = found.slice(start, start + size);
  const self = path.replace(/^\/wiki/, '');
  const links: Record<string, string> = {
    base: site.base,
    context: '/wiki',
    self: `${site.base}${self}?${q}`,
  };
  if (start + size < found.length) {
    const next = new URLSearchParams(q);
    next.delete('start');
    next.set('cursor', encodeCursor(start + size));
    links.next = `${self}?${next}`;
  }
  const envelope = { start, limit: size, size: slice.length, _links: links };
  if (!asSearchResults)
    return { status: 200, body: { results: slice.map((p) => v1Content(site, p, expand)), ...envelope } };
  const results = slice.map((p) => ({
    content: v1Content(site, p, expand),
    title: p.title,
    excerpt: '',
    url: webui(site, p),
    breadcrumbs: [],
    entityType: 'content',
    iconCssClass: 'aui-icon content-type-page',
    lastModified: p.version.createdAt,
  }));
  return {
    status: 200,
    body: { results, ...envelope, totalSize: found.length, cqlQuery: cql, searchDuration: 7 },
  };
}
