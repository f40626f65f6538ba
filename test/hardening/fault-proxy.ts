import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createGzip } from 'node:zlib';
import { closeServer, listen, pathMatches } from '../emulators/http-util.js';

/** A JSON list answer as Notion and Confluence send them. */
type Listing = Record<string, unknown> & { results?: unknown[]; _links?: Record<string, unknown> };

/**
 * What the proxy does to a matching request:
 * - `empty`: the upstream answer with no results and no next page;
 * - `shrink`: keeps the first `keep` results, no next page;
 * - `incomplete`: adds Notion's `request_status: incomplete`;
 * - `duplicate`: every result twice;
 * - `loop`: the first page again, whatever cursor was asked for, pointing at the same next cursor;
 * - `fresh`: the first page again, whatever cursor was asked for, pointing at a new cursor each time
 *   (a listing that never ends, though no cursor repeats);
 * - `cycle`: the first page again, whatever cursor was asked for, pointing at the next of `length` cursors
 *   in turn (A, B, C, then A again): a loop no single answer repeats;
 * - `hang`: never answers; `reset`: drops the connection; `huge`: 200 with a 100 MB body;
 * - `gzip-bomb`: 200 with some 256 KB of gzip that inflates to 256 MB of JSON-looking text;
 * - `malformed`: 200 with JSON cut short;
 * - `status`: that HTTP status with `body` as JSON (an error the API gives, say 404 for one page);
 * - `transform`: any other change to the upstream JSON (of a 200, or a 201 to a write).
 */
export type Fault =
  | {
      kind:
        | 'empty'
        | 'incomplete'
        | 'duplicate'
        | 'loop'
        | 'fresh'
        | 'hang'
        | 'reset'
        | 'huge'
        | 'gzip-bomb'
        | 'malformed';
    }
  | { kind: 'shrink'; keep: number }
  | { kind: 'cycle'; length: number }
  | { kind: 'status'; status: number; body: Record<string, unknown> }
  | { kind: 'transform'; change: (json: Listing, url: URL) => Listing };

/** When a fault applies: requests to `path` (emulator pattern syntax), optionally only some of them. */
export interface ProxyRule {
  path: string | RegExp;
  method?: string;
  /** Extra condition on the request (its URL and JSON body). */
  when?: (url: URL, body: Record<string, unknown>) => boolean;
  /** Matching requests let through untouched before the fault starts; default 0. */
  skip?: number;
  /** Matching requests the fault hits; default every one. */
  times?: number;
  fault: Fault;
}

/** One request as the proxy saw it, for assertions. */
export interface ProxiedRequest {
  method: string;
  path: string;
  fault?: Fault['kind'];
}

export interface FaultProxy {
  url: string;
  log: ProxiedRequest[];
  setRules(rules: ProxyRule[]): void;
  close(): Promise<void>;
}

const HUGE_BYTES = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x20);

function emptied(json: Listing): Listing {
  const links = json._links ? { ...json._links } : undefined;
  if (links) delete links.next;
  return {
    ...json,
    results: [],
    ...('has_more' in json ? { has_more: false, next_cursor: null } : {}),
    ...(links ? { _links: links } : {}),
  };
}

function shrunk(json: Listing, keep: number): Listing {
  return { ...emptied(json), results: (json.results ?? []).slice(0, keep) };
}

/** The request with its cursor removed, so upstream answers the first page. */
function firstPage(url: URL, body: Record<string, unknown>): { url: URL; body: Record<string, unknown> } {
  const first = new URL(url);
  first.searchParams.delete('cursor');
  first.searchParams.delete('start_cursor');
  const { start_cursor: _ignored, ...rest } = body;
  return { url: first, body: rest };
}

/** The first page with a next pointer `cursor` (always the same for a loop): a client that trusts it asks forever. */
function looped(json: Listing, url: URL, cursor = 'hl-loop-cursor'): Listing {
  if ('has_more' in json) return { ...json, has_more: true, next_cursor: cursor };
  const next = new URL(url);
  next.searchParams.set('cursor', cursor);
  const base = typeof json._links?.base === 'string' ? new URL(json._links.base).pathname : '';
  const path =
    next.pathname.startsWith(`${base}/`) && base ? next.pathname.slice(base.length) : next.pathname;
  // v2 links start with /wiki/api/v2; v1 links are relative to /wiki.
  const link = next.pathname.startsWith('/wiki/api/v2') ? next.pathname : path;
  return { ...json, _links: { ...json._links, next: `${link}${next.search}` } };
}

/** The cursor after the one the request asked for, in a cycle of `length` (the first answer points at the first). */
function nextInCycle(url: URL, body: Record<string, unknown>, length: number): string {
  const asked =
    url.searchParams.get('cursor') ??
    url.searchParams.get('start_cursor') ??
    (body.start_cursor as string | undefined) ??
    '';
  const at = /^hl-cycle-(\d+)$/.exec(asked)?.[1];
  return `hl-cycle-${at === undefined ? 0 : (Number(at) + 1) % length}`;
}

const BOMB_BYTES = 256 * 1024 * 1024;
let bomb: Promise<Buffer> | undefined;

/** 256 MB of JSON-looking text, gzipped once per process. */
function gzipBomb(): Promise<Buffer> {
  bomb ??= new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const out: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => out.push(chunk));
    gzip.on('end', () => resolve(Buffer.concat(out)));
    gzip.on('error', reject);
    gzip.write('{"object":"list","results":[],"padding":"');
    for (let sent = 0; sent < BOMB_BYTES; sent += CHUNK.length) gzip.write(CHUNK);
    gzip.end('"}');
  });
  return bomb;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes 100 MB of JSON-looking text, with backpressure, stopping when the client goes away. */
async function sendHuge(res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"object":"list","results":[],"padding":"');
  for (let sent = 0; sent < HUGE_BYTES && !res.destroyed; sent += CHUNK.length) {
    if (!res.write(CHUNK)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  if (!res.destroyed) res.end('"}');
}

/**
 * An HTTP proxy on 127.0.0.1 in front of an emulator that misbehaves as its rules say: the wrong
 * answers a real API or a network may give (an empty or shrunk listing, an incomplete search,
 * duplicates, a looping cursor, no answer, a reset, a huge or broken body). Everything else is
 * passed through unchanged.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  let rules: Array<ProxyRule & { seen: number; hit: number }> = [];
  const log: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  let self = '';
  let fresh = 0;

  const forward = (
    req: IncomingMessage,
    url: URL,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
      delete headers['accept-encoding']; // plain bodies, so JSON can be changed
      headers['content-length'] = String(body.length);
      const out = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: url.pathname + url.search,
          headers,
        },
        (answer) => {
          readAll(answer).then(
            (text) =>
              resolve({
                status: answer.statusCode ?? 502,
                headers: answer.headers,
                body: text,
              }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const raw = await readAll(req);
    let json: Record<string, unknown> = {};
    try {
      json = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      // not JSON: conditions see an empty body
    }
    const rule = rules.find(
      (r) =>
        (!r.method || r.method.toUpperCase() === req.method) &&
        pathMatches(r.path, url.pathname) &&
        (!r.when || r.when(url, json)),
    );
    let fault: Fault | undefined;
    if (rule) {
      rule.seen++;
      if (rule.seen > (rule.skip ?? 0) && rule.hit < (rule.times ?? Number.POSITIVE_INFINITY)) {
        rule.hit++;
        fault = rule.fault;
      }
    }
    log.push({ method: req.method ?? 'GET', path: url.pathname, ...(fault ? { fault: fault.kind } : {}) });
    try {
      if (fault?.kind === 'hang') return; // the socket stays open until the client gives up
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault?.kind === 'huge') return await sendHuge(res);
      if (fault?.kind === 'gzip-bomb') {
        const body = await gzipBomb();
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': String(body.length),
        });
        return void res.end(body);
      }
      if (fault?.kind === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"object":"list","results":[{"object":"pa');
      }
      if (fault?.kind === 'status') {
        res.writeHead(fault.status, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(fault.body));
      }
      const restarts = fault?.kind === 'loop' || fault?.kind === 'fresh' || fault?.kind === 'cycle';
      const request = restarts ? firstPage(url, json) : { url, body: json };
      const sent = restarts && raw.length ? Buffer.from(JSON.stringify(request.body)) : raw;
      const answer = await forward(req, request.url, sent);
      // Links the emulator writes name its own address; behind the proxy they name the proxy's.
      let body = Buffer.from(answer.body.toString('utf8').replaceAll(target.origin, self));
      // A write's answer (201) may be changed too, so a test can give a creation an answer of the wrong shape.
      if (fault && (answer.status === 200 || (fault.kind === 'transform' && answer.status === 201))) {
        const listing = JSON.parse(body.toString('utf8')) as Listing;
        const changed =
          fault.kind === 'empty'
            ? emptied(listing)
            : fault.kind === 'shrink'
              ? shrunk(listing, fault.keep)
              : fault.kind === 'incomplete'
                ? {
                    ...listing,
                    request_status: { type: 'incomplete', incomplete_reason: 'query_result_limit_reached' },
                  }
                : fault.kind === 'duplicate'
                  ? { ...listing, results: [...(listing.results ?? []), ...(listing.results ?? [])] }
                  : fault.kind === 'loop'
                    ? looped(listing, url)
                    : fault.kind === 'fresh'
                      ? looped(listing, url, `hl-fresh-${++fresh}`)
                      : fault.kind === 'cycle'
                        ? looped(listing, url, nextInCycle(url, json, fault.length))
                        : fault.kind === 'transform'
                          ? fault.change(listing, url)
                          : listing;
        body = Buffer.from(JSON.stringify(changed));
      }
      const headers: Record<string, string | string[] | undefined> = {
        ...answer.headers,
        'content-length': String(body.length),
      };
      delete headers['transfer-encoding'];
      delete headers.link; // a v2 Link header would contradict a changed `_links.next`
      res.writeHead(answer.status, headers);
      res.end(body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${(error as Error).message}`);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, 0);
  self = `http://127.0.0.1:${port}`;
  return {
    url: self,
    log,
    setRules(next) {
      rules = next.map((rule) => ({ ...rule, seen: 0, hit: 0 }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}
