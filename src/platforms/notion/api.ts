import { Client, isHTTPResponseError, RequestTimeoutError } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import { boundedFetch, ResponseTimeoutError } from '../../http/bounded-fetch.js';
import { checkCredentialHost } from '../../http/credential-url.js';
import { isPlainPath, UnsafeRequestError } from '../../http/plain-path.js';
import type { RequestQueue } from '../../http/queue.js';
import {
  type Failure,
  headerValue,
  isNetworkError,
  parseRetryAfter,
  TRANSIENT_STATUSES,
} from '../../http/retry.js';
import { errorText, oneLine, readThrough, redact, sourceQueue } from '../../http/source-client.js';
import type { NotionSourceConfig } from './config.js';

/** Pinned so an SDK upgrade cannot silently change the shapes the crawler reads. */
export const NOTION_VERSION = '2025-09-03';

/** Maps the SDK's errors onto the queue's failure kinds (the SDK-specific half of retrying). */
export function classifyNotionError(error: unknown): Failure {
  if (isHTTPResponseError(error)) {
    if (error.status === 429) {
      const retryAfterMs = parseRetryAfter(headerValue(error.headers, 'retry-after'));
      return retryAfterMs === undefined ? { kind: 'rate-limited' } : { kind: 'rate-limited', retryAfterMs };
    }
    return TRANSIENT_STATUSES.has(error.status) ? { kind: 'transient' } : { kind: 'fatal' };
  }
  return RequestTimeoutError.isRequestTimeoutError(error) || isNetworkError(error)
    ? { kind: 'transient' }
    : { kind: 'fatal' };
}

/** Whether an error is an HTTP answer with this status. */
export function hasStatus(error: unknown, status: number): boolean {
  return isHTTPResponseError(error) && error.status === status;
}

/**
 * The SDK's client, refusing a request whose path a page or an answer steered: every endpoint
 * builds its path from ids as given (`pages/${id}`), and URL parsing would resolve `..` or `%2e%2e`
 * in one to another endpoint.
 */
class GuardedClient extends Client {
  override request<T extends object>(args: Parameters<Client['request']>[0]): Promise<T> {
    if (!isPlainPath(args.path)) return Promise.reject(new UnsafeRequestError(args.path));
    return super.request<T>(args);
  }
}

/** The Notion API as the crawler uses it: the real SDK behind one throttled queue, the token kept out of every message. */
export class NotionApi {
  readonly client: Client;
  readonly queue: RequestQueue;
  private readonly token: string;
  private readonly tokenEnv: string;

  constructor(config: NotionSourceConfig, token: string) {
    this.token = token;
    this.tokenEnv = config.tokenEnv;
    this.client = new GuardedClient({
      auth: token,
      baseUrl: config.baseUrl,
      notionVersion: NOTION_VERSION,
      timeoutMs: config.timeoutMs,
      // The SDK's own timeout only stops waiting; this one aborts the request (headers and body),
      // so a hung answer closes its socket, and caps the body it reads.
      fetch: (url, init) => boundedFetch(url, init as RequestInit, { timeoutMs: config.timeoutMs }),
      retry: false, // our queue retries; two retry layers would multiply attempts and ignore the shared 429 pause
      logger: () => {},
    });
    this.queue = sourceQueue(config, classifyNotionError);
  }

  /** One read through the queue; a 401 anywhere means the token is bad and ends the crawl. */
  read<T>(call: (client: Client) => Promise<T>): Promise<T> {
    return readThrough(
      this.queue,
      () => call(this.client),
      (error) => hasStatus(error, 401),
      `Notion rejected the token in ${this.tokenEnv} (401 unauthorized). Check that it holds the integration's secret and that the integration is still installed in the workspace.`,
    );
  }

  /** Why a request failed, for an unreadable page's reason: status, API code and message, never the token. */
  reason(error: unknown): string {
    let text: string;
    if (isHTTPResponseError(error)) text = `${error.status} ${error.code}: ${error.message}`;
    else if (RequestTimeoutError.isRequestTimeoutError(error) || error instanceof ResponseTimeoutError)
      text = `timeout: ${error.message}`;
    else text = errorText(error);
    return oneLine(this.redact(text));
  }

  /** Removes the token from text that may echo a request (defence in depth: the SDK's messages do not include it). */
  redact(text: string): string {
    return redact(text, this.token);
  }
}

/** Notion's API: the only host a Notion token goes to unless the environment names another. */
const NOTION_API_HOST = 'api.notion.com';

/**
 * The token from the configured environment variable, for Notion's API or a host the environment
 * names; a missing one is a clear error naming the variable.
 */
export function notionToken(config: NotionSourceConfig, env: NodeJS.ProcessEnv = process.env): string {
  checkCredentialHost(
    config.baseUrl,
    {
      setting: 'sources.notion.base-url',
      tokenEnv: config.tokenEnv,
      own: `Notion's API (${NOTION_API_HOST})`,
      isOwn: (hostname) => hostname === NOTION_API_HOST,
    },
    env,
  );
  const token = env[config.tokenEnv]?.trim();
  if (!token) {
    throw new HandbookLintError(
      'AUTH_FAILED',
      `No Notion token: set the environment variable ${config.tokenEnv} to the integration's secret (sources.notion.token-env names the variable; tokens never go in the config file).`,
    );
  }
  return token;
}
