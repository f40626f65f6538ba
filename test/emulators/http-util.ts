import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** One request an emulator saw, so tests can assert what a run did (e.g. a dry run made zero writes). */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** HTTP status sent; 0 while unanswered (a hung request, or the client gave up first). */
  status: number;
  /** True for requests that change remote state; each emulator decides per route. */
  write: boolean;
  /** Parsed JSON request body, if any, so tests can check what was written. */
  body?: unknown;
  startedAt: number;
  durationMs: number;
}

/** An API error an emulator raises inside a handler; each emulator renders it in its own error body. */
export class EmulatorHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  /** Extra fields for the error body, e.g. Notion's `additional_data`. */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.details = details;
  }
}

/** A switchable misbehaviour for requests whose path matches, to test retries, timeouts and parsing. */
export interface FaultRule {
  /** Exact path, a pattern where `*` stands for one path segment and `**` for the rest, or a RegExp. */
  path: string | RegExp;
  /** Only this HTTP method (any when absent). */
  method?: string;
  /** Answer with this status (the emulator renders its own error body for it). */
  status?: number;
  /** Wait this long before answering: a slow answer, or a slow error when `status` is set. */
  delayMs?: number;
  /** Never answer: the client's own timeout has to fire. */
  hang?: boolean;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Sent as `Retry-After` with a 429/503/529 fault. */
  retryAfterSeconds?: number;
  /** How many matching requests the fault hits before it is spent; default 1, `Infinity` for all. */
  times?: number;
}

/** A request budget per fixed window, like the per-connection budgets of Notion and Confluence. */
export interface RateLimit {
  requests: number;
  perMs: number;
  /** Fixed `Retry-After` value; default: seconds until the window ends, rounded up. */
  retryAfterSeconds?: number;
}

/** Hands out injected faults in order; a spent fault stops matching. */
export class FaultInjector {
  private rules: Array<FaultRule & { left: number }> = [];

  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule, left: rule.times ?? 1 }));
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** The fault for this request, if any, consuming one use of it. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) => r.left > 0 && (!r.method || r.method.toUpperCase() === method) && pathMatches(r.path, path),
    );
    if (rule) rule.left -= 1;
    return rule;
  }
}

/** Counts requests in fixed windows and says how long to wait once the budget is spent. */
export class RateLimiter {
  private limit: RateLimit | null = null;
  private windowStart = 0;
  private used = 0;

  set(limit: RateLimit | null): void {
    this.limit = limit;
    this.used = 0;
    this.windowStart = 0;
  }

  /** Undefined when the request fits the budget, else the Retry-After value in whole seconds. */
  check(now: number = Date.now()): number | undefined {
    if (!this.limit) return undefined;
    if (now - this.windowStart >= this.limit.perMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used < this.limit.requests) {
      this.used += 1;
      return undefined;
    }
    const untilReset = Math.ceil((this.windowStart + this.limit.perMs - now) / 1000);
    return this.limit.retryAfterSeconds ?? Math.max(untilReset, 1);
  }
}

/** Whether a fault pattern matches a request path (no query string). */
export function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  if (!pattern.includes('*')) return pattern === path;
  const source = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+'),
    )
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/** Query parameters as the SDKs send them: repeated keys become arrays. */
export function parseQuery(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

/** Reads a request body as text; `tooLarge` instead of buffering without bound. */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > maxBytes };
}

/** Sends a JSON body; `replacer` lets an emulator drop fields per API version. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  replacer?: (key: string, value: unknown) => unknown,
): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body, replacer);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Sends a non-JSON body, e.g. a gateway's HTML error page or a deliberately malformed answer. */
export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/html'): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts a log entry and completes it when the answer is sent, so hung requests stay visible as status 0. */
export function trackRequest(
  log: RequestLogEntry[],
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  write: boolean,
): RequestLogEntry {
  const entry: RequestLogEntry = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: parseQuery(url),
    status: 0,
    write,
    startedAt: Date.now(),
    durationMs: 0,
  };
  log.push(entry);
  res.on('finish', () => {
    entry.status = res.statusCode;
    entry.durationMs = Date.now() - entry.startedAt;
  });
  return entry;
}

/** Resolves after `ms`, or early when the emulator shuts down, so slow-answer faults never outlive a test. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Listens on 127.0.0.1 (port 0 = any free port) and returns the port actually bound. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Closes a server even with hung requests open, which a plain close() would wait on forever. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
