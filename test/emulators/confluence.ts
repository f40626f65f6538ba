import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  type ConfluenceComment,
  type ConfluenceFixture,
  type ConfluenceFixtureInput,
  type ConfluencePage,
  loadConfluenceFixture,
} from './confluence-fixture.js';
import { confluenceRouter, type SiteState } from './confluence-routes.js';
import { errorBody, fail } from './confluence-shapes.js';
import {
  closeServer,
  EmulatorHttpError,
  FaultInjector,
  type FaultRule,
  listen,
  type RateLimit,
  RateLimiter,
  type RequestLogEntry,
  readBody,
  sendJson,
  sendText,
  sleep,
  trackRequest,
} from './http-util.js';

/** Options for one emulated Confluence Cloud site. */
export interface ConfluenceEmulatorOptions {
  /** Fixture or JSON path; `{{site}}` in bodies becomes the emulator URL, so absolute page links resolve. */
  fixture: ConfluenceFixtureInput | ConfluenceFixture | string;
  port?: number;
  /** Basic-auth email; a fixture user with this email is "the bot" that authors writes. */
  email?: string;
  token?: string;
  /** Clock for the version stamps of writes, so tests can pin them. */
  now?: () => Date;
}

/** A human edit made behind the crawler's back, stamped as the Confluence editor would stamp it. */
export interface PageEdit {
  title?: string;
  body?: string;
  labels?: string[];
  authorId?: string;
  at?: Date;
}

/** A running emulator: its URL, the request log, the switches, and direct access to the site's state. */
export interface ConfluenceEmulator {
  /** Site URL to pass as confluence.js `host` (no `/wiki`, no trailing slash). */
  url: string;
  log: RequestLogEntry[];
  fault(rule: FaultRule): void;
  clearFaults(): void;
  rateLimit(limit: RateLimit | null): void;
  getPage(id: string): ConfluencePage | undefined;
  editPage(id: string, edit: PageEdit): ConfluencePage;
  /** Purges the page, as if deleted and emptied from the trash. */
  deletePage(id: string): void;
  setPageAccess(id: string, deny: 403 | 404 | undefined): void;
  comments(pageId: string): ConfluenceComment[];
  /** A footer comment written by someone (a person unless `authorId` is the bot's), as the editor would save it. */
  addComment(pageId: string, body: string, authorId: string): ConfluenceComment;
  close(): Promise<void>;
}

export type { FaultRule, RateLimit, RequestLogEntry };

const DEFAULT_EMAIL = 'bot@example.com';
const DEFAULT_TOKEN = 'test-token';
const BOT_ACCOUNT_ID = '557058:handbook-lint-bot';
/** Confluence rejects request bodies over 5 MB with 413. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Starts an emulated Confluence Cloud site (REST v2 plus v1 CQL search) for the real confluence.js client. */
export async function startConfluenceEmulator(
  options: ConfluenceEmulatorOptions,
): Promise<ConfluenceEmulator> {
  const fixture = loadConfluenceFixture(options.fixture);
  const email = options.email ?? DEFAULT_EMAIL;
  const auth = `Basic ${Buffer.from(`${email}:${options.token ?? DEFAULT_TOKEN}`).toString('base64')}`;
  const log: RequestLogEntry[] = [];
  const faults = new FaultInjector();
  const limiter = new RateLimiter();
  let limit: RateLimit | null = null;
  const closing = new AbortController();
  const bot = fixture.users.find((u) => u.email === email) ?? {
    accountId: BOT_ACCOUNT_ID,
    displayName: 'handbook-lint',
    email,
    timeZone: null,
  };
  const pages = new Map(fixture.pages.map((p) => [p.id, p]));
  const comments = new Map(fixture.comments.map((c) => [c.id, c]));
  let lastId = Math.max(0, ...[...pages.keys(), ...comments.keys()].map(Number));
  const state: SiteState = {
    base: '',
    pages,
    folders: new Map(fixture.folders.map((f) => [f.id, f])),
    comments,
    spaces: fixture.spaces,
    users: new Map([...fixture.users, bot].map((u) => [u.accountId, u])),
    labelIds: new Map(),
    bot,
    now: options.now ?? (() => new Date()),
    nextId: () => String(++lastId),
  };
  const route = confluenceRouter(state);

  function rateHeaders(retryAfterSeconds: number): Record<string, string> {
    return {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Limit': String(limit?.requests ?? 0),
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
      'X-RateLimit-NearLimit': 'true',
    };
  }

  // Order as on the real site: credentials, then the rate budget, then whatever the test injected.
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const { pathname: path, searchParams: q } = url;
    const method = req.method ?? 'GET';
    // users-bulk is a POST that only reads, and a dry run may call it.
    const entry = trackRequest(log, req, res, url, method !== 'GET' && !path.endsWith('/users-bulk'));
    try {
      const { text, tooLarge } = await readBody(req, MAX_BODY_BYTES);
      if (tooLarge) fail(413, 'Request entity too large');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        fail(400, 'Unexpected character in JSON request body');
      }
      if (body !== undefined) entry.body = body;
      if (req.headers.authorization !== auth) fail(401, 'Unauthorized; the email or API token is wrong');
      const retryAfter = limiter.check();
      if (retryAfter !== undefined) fail(429, 'Rate limit exceeded', rateHeaders(retryAfter));
      const fault = faults.take(method, path);
      if (fault?.hang) return;
      if (fault?.delayMs) await sleep(fault.delayMs, closing.signal);
      if (fault?.status) {
        const throttled = fault.status === 429 || fault.retryAfterSeconds !== undefined;
        fail(
          fault.status,
          `Injected fault: ${fault.status}`,
          throttled ? rateHeaders(fault.retryAfterSeconds ?? 1) : {},
        );
      }
      const reply = route(method, path, q, body);
      if (fault?.malformed) {
        // The real answer cut short: what a dropped proxy connection looks like to a JSON client.
        const whole = JSON.stringify(reply.body ?? {});
        sendText(res, 200, whole.slice(0, Math.ceil(whole.length / 2)), 'application/json;charset=UTF-8');
      } else if (reply.body === undefined) {
        res.writeHead(reply.status, reply.headers).end();
      } else {
        sendJson(res, reply.status, reply.body, reply.headers);
      }
    } catch (error) {
      const e =
        error instanceof EmulatorHttpError
          ? error
          : new EmulatorHttpError(500, 'INTERNAL_SERVER_ERROR', String(error));
      sendJson(res, e.status, errorBody(e, path.startsWith('/wiki/rest/')), e.headers);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  const url = `http://127.0.0.1:${await listen(server, options.port ?? 0)}`;
  state.base = `${url}/wiki`;
  for (const item of [...pages.values(), ...comments.values()])
    item.body = item.body.replaceAll('{{site}}', url);

  return {
    url,
    log,
    fault: (rule) => faults.add(rule),
    clearFaults: () => faults.set([]),
    rateLimit(next) {
      limit = next;
      limiter.set(next);
    },
    getPage: (id) => pages.get(id),
    editPage(id, edit) {
      const p = pages.get(id) ?? fail(404, `No content found with id: ${id}`);
      if (edit.title !== undefined) p.title = edit.title;
      if (edit.body !== undefined) p.body = edit.body;
      if (edit.labels !== undefined) p.labels = edit.labels;
      p.version = {
        number: p.version.number + 1,
        createdAt: (edit.at ?? state.now()).toISOString(),
        authorId: edit.authorId ?? p.version.authorId,
        message: '',
        minorEdit: false,
      };
      return p;
    },
    deletePage: (id) => void pages.delete(id),
    setPageAccess(id, deny) {
      const p = pages.get(id) ?? fail(404, `No content found with id: ${id}`);
      if (deny) p.deny = deny;
      else delete p.deny;
    },
    comments: (pageId) => [...comments.values()].filter((c) => c.pageId === pageId),
    addComment(pageId, body, authorId) {
      const version = {
        number: 1,
        createdAt: state.now().toISOString(),
        authorId,
        message: '',
        minorEdit: false,
      };
      const c: ConfluenceComment = { id: state.nextId(), pageId, authorId, body, version };
      comments.set(c.id, c);
      return c;
    },
    close() {
      closing.abort();
      return closeServer(server);
    },
  };
}
