import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
import { loadNotionFixture, type NotionFixture, parseNotionFixture } from './notion-fixture.js';
import { NOTION_ROUTES } from './notion-routes.js';
import {
  type Body,
  id,
  NOTION_LIMITS,
  type NotionCapabilities,
  type NotionCommentState,
  type NotionPageState,
  validation,
  World,
} from './notion-world.js';

export { generateNotionWorkspace, loadNotionFixture, type NotionFixture } from './notion-fixture.js';
export {
  NOTION_LIMITS,
  type NotionCapabilities,
  type NotionCommentState,
  type NotionPageState,
} from './notion-world.js';

/** API versions the emulator answers; 2026-03-11 drops the deprecated `archived` field. */
export const NOTION_VERSIONS = ['2025-09-03', '2026-03-11'] as const;
/** Token the emulator accepts unless told otherwise. */
export const DEFAULT_NOTION_TOKEN = 'secret_handbook_lint_emulator';

/** How to start an emulator: a fixture object or a path to a fixture JSON file. */
export interface NotionEmulatorOptions {
  fixture: NotionFixture | string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  /** Clock for timestamps the emulator writes, so incremental-crawl tests control "now". */
  now?: () => Date;
}

/** A running emulator and the switches tests use to change its world and behaviour. */
export interface NotionEmulator {
  url: string;
  port: number;
  token: string;
  log: RequestLogEntry[];
  close(): Promise<void>;
  setFaults(rules: FaultRule[]): void;
  addFault(rule: FaultRule): void;
  setRateLimit(limit: RateLimit | null): void;
  setCapabilities(capabilities: Partial<NotionCapabilities>): void;
  /** Simulates a person editing a page body (bumps last_edited_time). */
  editPage(id: string, markdown: string, options?: { at?: string; by?: string }): void;
  /** Moves a page to the trash, as deleting in the Notion UI does. */
  deletePage(id: string): void;
  /** Removes the integration's access: every endpoint then answers 404 for the page. */
  unsharePage(id: string): void;
  /** A copy of a page's current state, to check what a write did. */
  page(id: string): NotionPageState | undefined;
  /** Copies of every comment on a page, resolved ones included. */
  comments(pageId: string): NotionCommentState[];
  /** A page-level comment a person writes in the Notion UI (a new discussion). */
  addComment(pageId: string, text: string, by: string): NotionCommentState;
}

// Error codes the SDK knows, so injected errors are parsed (and retried) like real ones.
const FAULT_CODES: Record<number, string> = {
  400: 'validation_error',
  401: 'unauthorized',
  403: 'restricted_resource',
  404: 'object_not_found',
  409: 'conflict_error',
  429: 'rate_limited',
  500: 'internal_server_error',
  503: 'service_unavailable',
  504: 'gateway_timeout',
  529: 'service_overload',
};

function rateLimited(retryAfterSeconds: number): EmulatorHttpError {
  return new EmulatorHttpError(
    429,
    'rate_limited',
    'You have been rate limited. Please try again in a few minutes.',
    { 'retry-after': String(retryAfterSeconds) },
    { additional_data: { rate_limit_reason: 'public_api_request_rate_limit' } },
  );
}

/** Plays an injected fault; true when it has answered (or deliberately never will). */
async function applyFault(fault: FaultRule, res: ServerResponse, signal: AbortSignal): Promise<boolean> {
  if (fault.hang) return true;
  if (fault.delayMs) await sleep(fault.delayMs, signal);
  if (fault.malformed) {
    sendText(res, 200, '{"object":"list","results":[{"object":"pa', 'application/json');
    return true;
  }
  if (fault.status === undefined) return false;
  if (fault.status === 429) throw rateLimited(fault.retryAfterSeconds ?? 1);
  const code = FAULT_CODES[fault.status];
  if (!code) {
    // Gateways (502 and friends) answer with HTML, which the SDK reports as UnknownHTTPResponseError.
    sendText(res, fault.status, `<html><body><h1>${fault.status}</h1></body></html>`);
    return true;
  }
  const headers: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  throw new EmulatorHttpError(fault.status, code, `Injected fault: ${code}.`, headers);
}

function checkVersion(header: string | string[] | undefined): string {
  if (header === undefined) {
    throw new EmulatorHttpError(
      400,
      'missing_version',
      'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
    );
  }
  const version = String(header);
  if (!(NOTION_VERSIONS as readonly string[]).includes(version)) {
    throw validation(
      `Notion-Version header failed validation: the emulator answers ${NOTION_VERSIONS.join(' and ')}, instead was \`${version}\`.`,
    );
  }
  return version;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The request body as an object, or the 400 the API answers for it. */
function requestBody(text: string, tooLarge: boolean): Body {
  if (tooLarge) throw validation(`Request body too large: the limit is ${NOTION_LIMITS.bodyBytes} bytes.`);
  if (!text) return {};
  const body = parseJson(text);
  if (body === undefined) throw new EmulatorHttpError(400, 'invalid_json', 'Error parsing JSON body.');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validation('body failed validation: body should be an object.');
  }
  return body as Body;
}

/** Starts a Notion API emulator on 127.0.0.1 for the real `@notionhq/client` (pass `url` as `baseUrl`). */
export async function startNotionEmulator(options: NotionEmulatorOptions): Promise<NotionEmulator> {
  const fixture =
    typeof options.fixture === 'string'
      ? await loadNotionFixture(options.fixture)
      : parseNotionFixture(options.fixture);
  const ws = new World(fixture, options.now ?? (() => new Date()));
  const token = options.token ?? DEFAULT_NOTION_TOKEN;
  const log: RequestLogEntry[] = [];
  const faults = new FaultInjector();
  const limiter = new RateLimiter();
  const shutdown = new AbortController();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const route = NOTION_ROUTES.find((r) => r.method === method && r.path.test(url.pathname));
    const entry = trackRequest(log, req, res, url, route?.write ?? false);
    const requestId = randomUUID();
    let version: string | undefined;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      sendJson(res, status, body, { 'x-notion-request-id': requestId, ...headers }, (key, value) =>
        version === '2026-03-11' && key === 'archived' ? undefined : value,
      );
    try {
      const { text, tooLarge } = await readBody(req, NOTION_LIMITS.bodyBytes);
      entry.body = tooLarge ? undefined : parseJson(text);
      const retryAfter = limiter.check();
      if (retryAfter !== undefined) throw rateLimited(retryAfter);
      const fault = faults.take(method, url.pathname);
      if (fault && (await applyFault(fault, res, shutdown.signal))) return;
      if (req.headers.authorization !== `Bearer ${token}`) {
        throw new EmulatorHttpError(401, 'unauthorized', 'API token is invalid.');
      }
      version = checkVersion(req.headers['notion-version']);
      if (!route) throw new EmulatorHttpError(400, 'invalid_request_url', 'Invalid request URL.');
      const body = requestBody(text, tooLarge);
      const params = (route.path.exec(url.pathname) ?? []).slice(1);
      reply(200, route.handle({ ws, body, query: entry.query, params }));
    } catch (error) {
      const e =
        error instanceof EmulatorHttpError
          ? error
          : new EmulatorHttpError(500, 'internal_server_error', String(error));
      const { status, code, message, details, headers } = e;
      reply(status, { object: 'error', status, code, message, request_id: requestId, ...details }, headers);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  const port = await listen(server, options.port ?? 0);
  const existing = (pageId: string): NotionPageState => {
    const page = ws.pages.get(id(pageId));
    if (!page) throw new Error(`No page ${pageId} in the Notion emulator`);
    return page;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    log,
    close: async () => {
      shutdown.abort();
      await closeServer(server);
    },
    setFaults: (rules) => faults.set(rules),
    addFault: (rule) => faults.add(rule),
    setRateLimit: (limit) => limiter.set(limit),
    setCapabilities: (capabilities) => Object.assign(ws.capabilities, capabilities),
    editPage(pageId, markdown, { at, by } = {}) {
      const page = existing(pageId);
      page.markdown = markdown;
      ws.touch(page, by ?? page.createdBy, at);
    },
    deletePage(pageId) {
      const page = existing(pageId);
      page.inTrash = true;
      ws.touch(page, page.createdBy);
    },
    unsharePage(pageId) {
      existing(pageId).shared = false;
    },
    page: (pageId) => {
      const page = ws.pages.get(id(pageId));
      return page && structuredClone(page);
    },
    comments: (pageId) => ws.comments.filter((c) => c.pageId === id(pageId)).map((c) => structuredClone(c)),
    addComment(pageId, text, by) {
      const user = ws.users.find((u) => u.id === id(by));
      const comment: NotionCommentState = {
        id: randomUUID(),
        discussionId: randomUUID(),
        pageId: existing(pageId).id,
        createdBy: id(by),
        createdTime: ws.now(),
        text,
        displayName: { type: 'user', name: user?.name ?? 'Unknown' },
        resolved: false,
      };
      ws.comments.push(comment);
      return structuredClone(comment);
    },
  };
}
