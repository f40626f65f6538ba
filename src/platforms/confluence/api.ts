import {
  ApiError,
  AuthError,
  createV1Client,
  createV2Client,
  ForbiddenError,
  isApiError,
  isAuthError,
  isRateLimitError,
  isSchemaMismatchError,
  isNetworkError as isSdkNetworkError,
  NotFoundError,
  RateLimitError,
  SchemaMismatchError,
  ServerError,
  type V1Client,
  type V2Client,
} from 'confluence.js';
import type { Client, SendRequestOptions } from 'confluence.js/core';
import { HandbookLintError } from '../../errors.js';
import {
  boundedFetch,
  type FetchLimits,
  MalformedResponseError,
  ResponseTimeoutError,
} from '../../http/bounded-fetch.js';
import { isPlainPath, UnsafeRequestError } from '../../http/plain-path.js';
import type { RequestQueue } from '../../http/queue.js';
import { type Failure, isNetworkError, parseRetryAfter, TRANSIENT_STATUSES } from '../../http/retry.js';
import { errorText, oneLine, readThrough, redact, sourceQueue } from '../../http/source-client.js';
import type { ConfluenceSourceConfig } from './config.js';
import type { ConfluenceCredentials } from './credentials.js';

/**
 * Maps confluence.js errors onto the queue's failure kinds. A schema mismatch counts as transient:
 * in practice it is a body cut short by a proxy, and a retry costs one request.
 */
function classifyConfluenceError(error: unknown): Failure {
  if (isRateLimitError(error)) {
    return error.retryAfterMs === undefined
      ? { kind: 'rate-limited' }
      : { kind: 'rate-limited', retryAfterMs: error.retryAfterMs };
  }
  if (isApiError(error))
    return TRANSIENT_STATUSES.has(error.status) ? { kind: 'transient' } : { kind: 'fatal' };
  if (isSdkNetworkError(error)) return error.transient ? { kind: 'transient' } : { kind: 'fatal' };
  const transient = isSchemaMismatchError(error) || isNetworkError(error);
  return transient ? { kind: 'transient' } : { kind: 'fatal' };
}

/** The SDK's error class for an HTTP error answer, as its own client picks it (callers test them with isAuthError and friends). */
function apiError(response: Response, text: string): ApiError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Gateways answer with HTML: the text is the detail.
  }
  const message = `Request failed: ${response.status} ${response.statusText}`;
  const { status, statusText } = response;
  if (status === 401) return new AuthError(message, statusText, body);
  if (status === 403) return new ForbiddenError(message, statusText, body);
  if (status === 404) return new NotFoundError(message, statusText, body);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return new RateLimitError(message, statusText, body, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  if (status >= 500) return new ServerError(message, status, statusText, body);
  return new ApiError(message, status, statusText, body);
}

/** Query parameters as confluence.js writes them: arrays repeat the key, objects are JSON. */
function withSearchParams(url: URL, params: Record<string, unknown> | undefined): URL {
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value)
        if (item !== undefined && item !== null) url.searchParams.append(key, String(item));
    } else {
      url.searchParams.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  }
  return url;
}

/**
 * A copy of an answer without the fields at `paths`; undefined when one of them is no field of an
 * object (an element of a list, the answer itself), which cannot be left out.
 */
function withoutFields(data: unknown, paths: readonly PropertyKey[][]): unknown {
  const copy = structuredClone(data);
  for (const path of paths) {
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown> | null)?.[key];
    const key = path.at(-1);
    if (key === undefined || typeof parent !== 'object' || parent === null || Array.isArray(parent))
      return undefined;
    delete (parent as Record<PropertyKey, unknown>)[key];
  }
  return copy;
}

/**
 * The transport confluence.js's v1 and v2 clients run on. The SDK's own client calls the global
 * fetch with no signal, so a request that timed out could only be abandoned, and its socket kept
 * the process alive after the run; this one aborts it, caps the body, and answers with the SDK's
 * own error classes and schema checks. JSON bodies only: all this tool sends.
 */
function boundedClient(
  siteUrl: string,
  credentials: ConfluenceCredentials,
  limits: FetchLimits,
  onUnread: (answer: object, paths: PropertyKey[][]) => void,
): Client {
  const host = siteUrl.replace(/\/+$/, '');
  const authorization = `Basic ${basicCredentials(credentials)}`;
  return {
    async sendRequest<T>(options: SendRequestOptions<T>): Promise<T> {
      const method = options.method ?? 'GET';
      const path = options.url.startsWith('/') ? options.url : `/${options.url}`;
      if (!isPlainPath(path)) throw new UnsafeRequestError(path);
      const url = withSearchParams(new URL(host + path), options.searchParams);
      const hasBody = options.body !== undefined && options.body !== null;
      const response = await boundedFetch(
        url.href,
        {
          method,
          headers: {
            Accept: 'application/json',
            ...(hasBody || (method !== 'GET' && method !== 'HEAD')
              ? { 'Content-Type': 'application/json' }
              : {}),
            Authorization: authorization,
            ...options.headers,
          },
          ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
        },
        limits,
      );
      const text = await response.text();
      if (!response.ok) throw apiError(response, text);
      if (response.status === 204 || !text) return undefined as T;
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw new MalformedResponseError(`${method} ${options.url}: ${(error as Error).message}`);
      }
      if (!options.schema) return data as T;
      const parsed = options.schema.safeParse(data);
      if (!parsed.success) {
        // One page's time the schema cannot read as a date would fail the whole listing, every
        // night: the answer is taken without those times, and the crawl told. Any other mismatch
        // (a list of results that is no list) fails the answer as before.
        const { issues } = parsed.error;
        const dates = issues.every((issue) => issue.code === 'invalid_type' && issue.expected === 'date');
        const paths = issues.map((issue) => issue.path);
        const repaired = dates ? withoutFields(data, paths) : undefined;
        const again = repaired === undefined ? undefined : options.schema.safeParse(repaired);
        if (again?.success && typeof again.data === 'object' && again.data !== null) {
          onUnread(again.data, paths);
          return again.data;
        }
        throw new SchemaMismatchError(
          `Response did not match the schema for ${method} ${options.url}`,
          text,
          {
            cause: parsed.error,
          },
        );
      }
      return parsed.data;
    },
  };
}

// The credentials as the Authorization header carries them: as secret as the token itself.
function basicCredentials(credentials: ConfluenceCredentials): string {
  return Buffer.from(`${credentials.email}:${credentials.token}`).toString('base64');
}

/** Both API versions over one client: v2 for pages, spaces and users, v1 for CQL (labels in bulk). */
export interface ConfluenceClients {
  v1: V1Client;
  v2: V2Client;
}

/** The Confluence API as the crawler uses it: the real SDK behind one throttled queue, the token kept out of every message. */
export class ConfluenceApi {
  readonly clients: ConfluenceClients;
  readonly queue: RequestQueue;
  private readonly config: ConfluenceSourceConfig;
  private readonly secrets: readonly string[];
  private readonly transport: Client;
  private me?: Promise<string>;
  private readonly unread = new WeakMap<object, PropertyKey[][]>();

  constructor(config: ConfluenceSourceConfig, credentials: ConfluenceCredentials) {
    this.config = config;
    // A gateway may echo the Authorization header, which holds the token in base64.
    this.secrets = [credentials.token, basicCredentials(credentials)];
    // Our transport has no retry: the queue's is the only one.
    this.transport = boundedClient(
      config.siteUrl,
      credentials,
      { timeoutMs: config.timeoutMs },
      (answer, paths) => this.unread.set(answer, paths),
    );
    this.clients = { v1: createV1Client(this.transport), v2: createV2Client(this.transport) };
    this.queue = sourceQueue(config, classifyConfluenceError);
  }

  /** The token's own account (v1 user/current; v2 has no such endpoint), read once per run: the author of what we wrote. */
  accountId(): Promise<string> {
    this.me ??= this.read((c) => c.v1.users.getCurrentUser()).then((user) => {
      if (!user.accountId)
        throw new HandbookLintError('WRITEBACK_FAILED', 'Confluence: the current user has no account id.');
      return user.accountId;
    });
    return this.me;
  }

  /** One read through the queue; a 401 anywhere means the credentials are bad and ends the crawl. */
  read<T>(call: (clients: ConfluenceClients) => Promise<T>): Promise<T> {
    return readThrough(
      this.queue,
      () => call(this.clients),
      isAuthError,
      `Confluence rejected the credentials in ${this.config.emailEnv} and ${this.config.tokenEnv} (401 unauthorized). Check that the API token is valid and belongs to that email's Atlassian account.`,
    );
  }

  /**
   * Reads a `_links.next` link as Confluence wrote it (every parameter kept, relative to `base`, the
   * site's `/wiki`), through the queue. A link that leads off the site is refused: the credentials
   * go to the configured site only.
   */
  follow<T>(link: string, base: string | undefined): Promise<T> {
    const host = this.config.siteUrl.replace(/\/+$/, '');
    const url = link.startsWith('/') ? `${(base ?? `${host}/wiki`).replace(/\/+$/, '')}${link}` : link;
    if (!url.startsWith(`${host}/`)) {
      return Promise.reject(
        new HandbookLintError(
          'SOURCE_FAILED',
          `Confluence sent a next link off the site (${oneLine(url)}); not followed.`,
        ),
      );
    }
    // The query goes as parameters, so the path alone is checked as written.
    const rest = url.slice(host.length).split('#', 1)[0] ?? '';
    const at = rest.indexOf('?');
    const searchParams: Record<string, string[]> = {};
    for (const [key, value] of new URLSearchParams(at < 0 ? '' : rest.slice(at + 1)))
      searchParams[key] = [...(searchParams[key] ?? []), value];
    const path = at < 0 ? rest : rest.slice(0, at);
    return this.read(() => this.transport.sendRequest<T>({ url: path, method: 'GET', searchParams }));
  }

  /** Where in this answer fields were left out because the client could not read them (`['results', 3, 'createdAt']`). */
  unreadFields(answer: object): readonly PropertyKey[][] {
    return this.unread.get(answer) ?? [];
  }

  /** Why a request failed, for an unreadable page's reason: status and Confluence's message, never the token. */
  reason(error: unknown): string {
    let text: string;
    if (isApiError(error)) {
      const body = error.body as { errors?: { title?: string }[]; message?: string } | undefined;
      const detail = body?.errors?.[0]?.title ?? body?.message;
      text = `${error.status} ${error.statusText}${detail ? `: ${detail}` : ''}`;
    } else if (error instanceof ResponseTimeoutError) text = `timeout: ${error.message}`;
    else text = errorText(error);
    return oneLine(this.secrets.reduce(redact, text));
  }
}
