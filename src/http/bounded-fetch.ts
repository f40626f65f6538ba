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

/**
 * fetch with a deadline over the whole exchange (headers and body): when it passes the request is
 * aborted, so no socket outlives it and keeps the process running after the run has ended (an
 * abandoned request did). The body is read here, to at most `maxBytes`, and handed on in memory.
 */
export async function boundedFetch(url: string, init: RequestInit, limits: FetchLimits): Promise<Response> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal });
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
