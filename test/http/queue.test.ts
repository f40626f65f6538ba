import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  budgetFromRate,
  PACING_MARGIN_MS,
  RequestQueue,
  type RequestQueueOptions,
} from '../../src/http/queue.js';
import {
  backoffMs,
  type Failure,
  isNetworkError,
  parseRetryAfter,
  TRANSIENT_STATUSES,
} from '../../src/http/retry.js';

/** What the test server saw: one entry per request, with server-side start and answer times. */
interface Seen {
  path: string;
  startedAt: number;
  answeredAt: number;
  status: number;
}

/** An HTTP error as a client library would surface it: status plus headers. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
  ) {
    super(`HTTP ${status}`);
  }
}

// The generic classifier a source would write for its SDK.
function classify(error: unknown): Failure {
  if (error instanceof HttpError) {
    if (error.status === 429) {
      const retryAfterMs = parseRetryAfter(error.headers.get('retry-after'));
      return retryAfterMs === undefined ? { kind: 'rate-limited' } : { kind: 'rate-limited', retryAfterMs };
    }
    return TRANSIENT_STATUSES.has(error.status) ? { kind: 'transient' } : { kind: 'fatal' };
  }
  return isNetworkError(error) ? { kind: 'transient' } : { kind: 'fatal' };
}

type Script = (req: IncomingMessage, res: ServerResponse, n: number) => void;

describe('RequestQueue against a local HTTP server', () => {
  const seen: Seen[] = [];
  let script: Script = (_req, res) => res.end('ok');
  let inFlight = 0;
  let maxInFlight = 0;
  let holdMs = 0;
  const server = createServer((req, res) => {
    const entry: Seen = { path: req.url ?? '', startedAt: Date.now(), answeredAt: 0, status: 0 };
    seen.push(entry);
    const n = seen.length; // this request's number, fixed on arrival
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
      entry.answeredAt = Date.now();
      entry.status = res.statusCode;
    });
    setTimeout(() => script(req, res, n), holdMs);
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.splice(0);
    maxInFlight = 0;
    holdMs = 0;
    script = (_req, res) => res.end('ok');
  });

  const get = (path: string) => async () => {
    const response = await fetch(`${base}${path}`);
    const text = await response.text();
    if (!response.ok) throw new HttpError(response.status, response.headers);
    return text;
  };

  const queue = (options: Partial<RequestQueueOptions> = {}) =>
    new RequestQueue({
      budget: { intervalCap: 100, intervalMs: 1000 },
      concurrency: 4,
      maxAttempts: 4,
      classify,
      retryBaseMs: 10,
      retryMaxMs: 40,
      ...options,
    });

  it('keeps at most `concurrency` requests in flight', async () => {
    holdMs = 20;
    const q = queue({ concurrency: 3 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => q.schedule(get(`/${i}`), { idempotent: true })),
    );
    expect(results).toEqual(Array(12).fill('ok'));
    expect(maxInFlight).toBe(3);
    expect(q.counters).toEqual({ requests: 12, rateLimited: 0, retries: 0 });
  });

  it('starts no more than intervalCap requests in any window (sliding)', async () => {
    const q = queue({ budget: { intervalCap: 2, intervalMs: 150 }, concurrency: 10 });
    const starts: number[] = [];
    const timed = (path: string) => () => {
      starts.push(Date.now()); // when the queue let it go, before any network delay
      return get(path)();
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) => q.schedule(timed(`/${i}`), { idempotent: true })));
    expect(seen).toHaveLength(6);
    // The third request of any run of three waits until the first one's window has passed.
    for (let i = 2; i < starts.length; i++)
      expect((starts[i] ?? 0) - (starts[i - 2] ?? 0)).toBeGreaterThanOrEqual(120); // without pacing it would be ~0
  });

  it('turns a rate into a budget without rounding the rate away', () => {
    const margin = PACING_MARGIN_MS; // slack for network jitter
    expect(budgetFromRate(3)).toEqual({ intervalCap: 3, intervalMs: 1000 + margin });
    expect(budgetFromRate(0.5)).toEqual({ intervalCap: 1, intervalMs: 2000 + margin });
    expect(budgetFromRate(2.5)).toEqual({ intervalCap: 3, intervalMs: 1200 + margin });
  });

  it('pauses the whole queue for Retry-After on a 429, then retries; nothing is lost', async () => {
    holdMs = 5;
    script = (_req, res, n) => {
      if (n === 2) {
        res.writeHead(429, { 'retry-after': '0.3' });
        res.end('slow down');
      } else res.end('ok');
    };
    const q = queue({ concurrency: 2 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => q.schedule(get(`/${i}`), { idempotent: true })),
    );
    expect(results).toEqual(Array(8).fill('ok'));
    const limited = seen.find((s) => s.status === 429);
    if (!limited) throw new Error('expected a 429');
    // Requests already on the wire when the 429 left the server may still arrive (allow 50 ms for
    // that); after them, nothing starts until the pause is over, not just the request that failed.
    const sinceLimit = (s: Seen) => s.startedAt - limited.answeredAt;
    expect(seen.filter((s) => sinceLimit(s) > 50 && sinceLimit(s) < 290)).toEqual([]);
    expect(seen.filter((s) => sinceLimit(s) >= 290).length).toBeGreaterThan(1);
    expect(seen.filter((s) => s.path === limited.path).map((s) => s.status)).toEqual([429, 200]);
    expect(q.counters).toEqual({ requests: 9, rateLimited: 1, retries: 1 });
  });

  it('clamps a huge Retry-After to the maximum', async () => {
    script = (_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '3600' });
        res.end();
      } else res.end('ok');
    };
    const q = queue({ retryAfterMaxMs: 50 });
    await expect(q.schedule(get('/clamped'), { idempotent: true })).resolves.toBe('ok');
    expect(seen.map((s) => s.status)).toEqual([429, 200]);
  });

  it('retries 5xx and dropped connections on reads, with backoff, up to maxAttempts', async () => {
    script = (req, res, n) => {
      if (n === 1) req.socket.destroy();
      else if (n === 2) res.writeHead(503).end();
      else if (n === 3) res.writeHead(500).end();
      else res.end('ok');
    };
    const q = queue();
    await expect(q.schedule(get('/flaky'), { idempotent: true })).resolves.toBe('ok');
    expect(seen.slice(1).map((s) => s.status)).toEqual([503, 500, 200]); // the first never got an answer
    expect(q.counters).toEqual({ requests: 4, rateLimited: 0, retries: 3 });

    seen.splice(0);
    script = (_req, res) => res.writeHead(502).end();
    const error = await q.schedule(get('/down'), { idempotent: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(seen).toHaveLength(4); // maxAttempts, the first included
  });

  it('never retries a write on 5xx, but does after a 429 (the server did not run it)', async () => {
    script = (_req, res) => res.writeHead(500).end();
    const q = queue();
    await expect(q.schedule(get('/write'), { idempotent: false })).rejects.toBeInstanceOf(HttpError);
    expect(seen).toHaveLength(1);

    seen.splice(0);
    script = (_req, res, n) => (n === 1 ? res.writeHead(429, { 'retry-after': '0' }).end() : res.end('ok'));
    await expect(q.schedule(get('/write'), { idempotent: false })).resolves.toBe('ok');
    expect(seen.map((s) => s.status)).toEqual([429, 200]);
  });

  it('does not retry fatal answers such as 404', async () => {
    script = (_req, res) => res.writeHead(404).end();
    const q = queue();
    await expect(q.schedule(get('/missing'), { idempotent: true })).rejects.toMatchObject({ status: 404 });
    expect(seen).toHaveLength(1);
    expect(q.counters.retries).toBe(0);
  });
});

describe('retry helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-06-01T10:00:00Z');
    expect(parseRetryAfter('Mon, 01 Jun 2026 10:00:05 GMT', now)).toBe(5000);
  });

  it('backs off exponentially within [ceiling/2, ceiling], capped', () => {
    expect(backoffMs(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffMs(3, 100, 10_000, () => 1)).toBe(400);
    expect(backoffMs(10, 100, 1000, () => 1)).toBe(1000);
  });
});
