import { HandbookLintError } from '../errors.js';

/**
 * The largest response body read: far above any real answer (250 Confluence pages with their
 * bodies, a long Notion page as markdown), far below what would exhaust a run's memory.
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** How long a request may take, headers and body together, and how large its body may be. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes?: number;
}

/** A request that was aborted because it got no complete answer in time. */
export class ResponseTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'ResponseTimeoutError';
  }
}

/** An answer whose body grew past the limit; reading stopped there and the request was aborted. */
export class ResponseTooLargeError extends Error {
  constructor(bytes: number) {
    super(`response body larger than ${bytes} bytes (request aborted)`);
    this.name = 'ResponseTooLargeError';
  }
}

/** An answer that claims JSON but does not parse. */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`response is not valid JSON: ${detail}`);
    this.name = 'MalformedResponseError';
  }
}

// Statuses whose Response must have no body.
const NULL_BODY = new Set([101, 204, 205, 304]);

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(maxBytes);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// Statuses that send the client elsewhere (`Location`); 303, and 301/302 after a POST, turn it into a GET.
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Hops followed on the same host: a real wiki needs one or two (a trailing slash, a moved path).
const MAX_REDIRECTS = 5;

/**
 * The request a redirect asks for, on the same host: 303 (and 301/302 after anything but GET or
 * HEAD, as browsers do) becomes a GET without body; 307 and 308 repeat the request as it was.
 */
function redirected(init: RequestInit, status: number): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (status === 303 || ((status === 301 || status === 302) && method !== 'GET' && method !== 'HEAD')) {
    const { body: _body, ...rest } = init;
    return { ...rest, method: 'GET' };
  }
  return init;
}

/**
 * fetch that follows redirects only on the host it was sent to. Off the host, the answer would be
 * taken for the wiki's (fetch drops the token there, but another server's pages would be linted,
 * cached, and written back as the handbook's): a SOURCE_FAILED error naming both hosts instead.
 */
async function fetchOnHost(url: string, init: RequestInit): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  let request = init;
  for (let hops = 0; ; hops++) {
    const response = await fetch(current, { ...request, redirect: 'manual' });
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel();
    const next = new URL(location, current);
    if (next.origin !== origin) {
      throw new HandbookLintError(
        'SOURCE_FAILED',
        `The wiki at ${origin} redirected an API request to another host, ${next.origin}: not followed (its answers are not this wiki's). Set the wiki's URL in the config to the address it answers on.`,
      );
    }
    if (hops === MAX_REDIRECTS)
      throw new HandbookLintError(
        'SOURCE_FAILED',
        `The wiki at ${origin} redirected an API request more than ${MAX_REDIRECTS} times.`,
      );
    request = redirected(request, response.status);
    current = next.href;
  }
}

/**
 * fetch with a deadline over the whole exchange (headers and body): when it passes the request is
 * aborted, so no socket outlives it and keeps the process running after the run has ended (an
 * abandoned request did). The body is read here, to at most `maxBytes`, and handed on in memory.
 * Redirects are followed on the request's own host only (`fetchOnHost`).
 */
export async function boundedFetch(url: string, init: RequestInit, limits: FetchLimits): Promise<Response> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetchOnHost(url, { ...init, signal });
    const body = await readCapped(response, limits.maxBytes ?? MAX_RESPONSE_BYTES);
    return new Response(NULL_BODY.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (signal.aborted) throw new ResponseTimeoutError(limits.timeoutMs);
    throw error;
  }
}
