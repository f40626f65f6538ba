import {
  createV1Client,
  createV2Client,
  isApiError,
  isAuthError,
  isRateLimitError,
  isSchemaMismatchError,
  isNetworkError as isSdkNetworkError,
  type V1Client,
  type V2Client,
} from 'confluence.js';
import { type Client, createClient } from 'confluence.js/core';
import { HandbookLintError } from '../../errors.js';
import type { RequestQueue } from '../../http/queue.js';
import { type Failure, isNetworkError, TRANSIENT_STATUSES } from '../../http/retry.js';
import { readThrough, redact, sourceQueue } from '../../http/source-client.js';
import type { ConfluenceSourceConfig } from './config.js';

/** A request that got no answer in time; confluence.js has no timeout of its own. */
class ConfluenceTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'ConfluenceTimeoutError';
  }
}

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
  const transient =
    error instanceof ConfluenceTimeoutError || isSchemaMismatchError(error) || isNetworkError(error);
  return transient ? { kind: 'transient' } : { kind: 'fatal' };
}

// The request is abandoned, not aborted (the SDK takes no signal); undici closes the socket later.
function withTimeout(client: Client, ms: number): Client {
  return {
    sendRequest<T>(options: Parameters<Client['sendRequest']>[0]): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new ConfluenceTimeoutError(ms)), ms);
        client
          .sendRequest<T>(options as never)
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      });
    },
  };
}

/** The account the crawler signs in as. */
export interface ConfluenceCredentials {
  email: string;
  token: string;
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
  private readonly token: string;

  constructor(config: ConfluenceSourceConfig, credentials: ConfluenceCredentials) {
    this.config = config;
    this.token = credentials.token;
    // No `retry` option: the SDK's retry stays off so it never stacks with the queue's.
    const client = createClient({
      host: config.siteUrl,
      auth: { type: 'basic', email: credentials.email, apiToken: credentials.token },
    });
    const timed = withTimeout(client, config.timeoutMs);
    this.clients = { v1: createV1Client(timed), v2: createV2Client(timed) };
    this.queue = sourceQueue(config, classifyConfluenceError);
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

  /** Why a request failed, for an unreadable page's reason: status and Confluence's message, never the token. */
  reason(error: unknown): string {
    let text: string;
    if (isApiError(error)) {
      const body = error.body as { errors?: { title?: string }[]; message?: string } | undefined;
      const detail = body?.errors?.[0]?.title ?? body?.message;
      text = `${error.status} ${error.statusText}${detail ? `: ${detail}` : ''}`;
    } else if (error instanceof ConfluenceTimeoutError) text = `timeout: ${error.message}`;
    else text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return redact(text, this.token);
  }
}

/** The credentials from the configured environment variables; a missing one is a clear error naming it. */
export function confluenceCredentials(
  config: ConfluenceSourceConfig,
  env: NodeJS.ProcessEnv = process.env,
): ConfluenceCredentials {
  const email = env[config.emailEnv]?.trim();
  const token = env[config.tokenEnv]?.trim();
  const missing = [email ? undefined : config.emailEnv, token ? undefined : config.tokenEnv].filter(Boolean);
  if (!email || !token) {
    throw new HandbookLintError(
      'AUTH_FAILED',
      `No Confluence credentials: set ${missing.join(' and ')} to the account's email and an API token (sources.confluence.email-env and token-env name the variables; credentials never go in the config file).`,
    );
  }
  return { email, token };
}
