import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import { closeServer, listen } from '../emulators/http-util.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import {
  CONFLUENCE_FIXTURE,
  TOKEN as CONFLUENCE_TOKEN,
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
} from '../helpers/confluence.js';
import { NOTION_FIXTURE, TOKEN_ENV as NOTION_TOKEN_ENV, notionConfigFile } from '../helpers/notion.js';

const NOW = ['--now', '2026-06-01'];
const SLOW_MS = 60_000;

interface Hop {
  url: string;
  /** Requests this server received. */
  hits: number;
  server: Server;
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<Hop> {
  const hop = { url: '', hits: 0 } as Hop;
  hop.server = createServer((req, res) => {
    hop.hits++;
    handler?.(req, res);
  });
  hop.url = `http://127.0.0.1:${await listen(hop.server, 0)}`;
  return hop;
}

/** Forwards a request to `upstream` as it came, with `headers` over its own. */
function forward(
  upstream: string,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  headers: Record<string, string> = {},
): void {
  const target = new URL(upstream);
  const out = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path,
      headers: { ...req.headers, host: target.host, ...headers },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  req.pipe(out);
}

/**
 * Another host that serves a wiki of its own: it answers with the emulator's pages, signing the
 * requests itself, so whoever follows a redirect there gets answers that look right.
 */
function elsewhere(upstream: string, authorization: string): Promise<Hop> {
  return serve((req, res) => forward(upstream, req, res, req.url ?? '/', { authorization }));
}

/** A wiki that moved its API on its own host: every request is sent on to `/moved/…` there. */
function moved(upstream: string): Promise<Hop> {
  return serve((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/moved/')) return forward(upstream, req, res, path.slice('/moved'.length));
    res.writeHead(301, { location: `/moved${path}` });
    res.end();
  });
}

/** The configured wiki host, which answers every request with a redirect to `to`, same path. */
function redirector(to: () => string, status = 302): Promise<Hop> {
  return serve((req, res) => {
    res.writeHead(status, { location: `${to()}${req.url}` });
    res.end();
  });
}

describe('a wiki host that redirects API calls to another host', () => {
  let confluence: ConfluenceEmulator;
  let notion: NotionEmulator;
  const hops: Hop[] = [];
  let confluenceThief: Hop;
  let confluenceFront: Hop;
  let notionThief: Hop;
  let notionFront: Hop;
  let confluenceMoved: Hop;

  beforeAll(async () => {
    confluence = await startConfluenceEmulator({ fixture: loadConfluenceFixture(CONFLUENCE_FIXTURE) });
    notion = await startNotionEmulator({ fixture: NOTION_FIXTURE });
    const basic = `Basic ${Buffer.from(`${EMAIL}:${CONFLUENCE_TOKEN}`).toString('base64')}`;
    confluenceThief = await elsewhere(confluence.url, basic);
    confluenceFront = await redirector(() => confluenceThief.url);
    notionThief = await elsewhere(notion.url, `Bearer ${notion.token}`);
    notionFront = await redirector(() => notionThief.url, 307);
    confluenceMoved = await moved(confluence.url);
    hops.push(confluenceThief, confluenceFront, notionThief, notionFront, confluenceMoved);
    Object.assign(process.env, {
      [EMAIL_ENV]: EMAIL,
      [CONFLUENCE_TOKEN_ENV]: CONFLUENCE_TOKEN,
      [NOTION_TOKEN_ENV]: notion.token,
    });
  });
  afterAll(async () => {
    for (const name of [EMAIL_ENV, CONFLUENCE_TOKEN_ENV, NOTION_TOKEN_ENV]) delete process.env[name];
    for (const hop of hops) await closeServer(hop.server);
    await confluence.close();
    await notion.close();
  });

  it(
    'Confluence: the redirect is not followed; the run fails naming both hosts, and nothing is linted',
    async () => {
      const dir = tempTree({});
      const config = confluenceConfigFile(
        { url: confluenceFront.url } as ConfluenceEmulator,
        {
          'max-attempts': 2,
        },
        { state: { path: `${dir}/state.json` } },
      );
      const result = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(confluenceFront.url);
      expect(result.stderr).toContain(confluenceThief.url);
      expect(result.stderr).toContain('redirect');
      expect(confluenceThief.hits).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'Notion: the redirect is not followed; the run fails naming both hosts',
    async () => {
      const dir = tempTree({});
      const config = notionConfigFile(
        { url: notionFront.url } as NotionEmulator,
        { 'max-attempts': 2 },
        {
          state: { path: `${dir}/state.json` },
        },
      );
      const result = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(notionFront.url);
      expect(result.stderr).toContain(notionThief.url);
      expect(notionThief.hits).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'a redirect on the configured host is followed',
    async () => {
      const dir = tempTree({});
      const config = confluenceConfigFile(
        { url: confluenceMoved.url } as ConfluenceEmulator,
        {},
        {
          'fail-on': 'never',
          state: { path: `${dir}/state.json` },
        },
      );
      const result = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
      expect(result.stderr).not.toContain('redirect');
      // 3: the fixture plants a page this account may not read.
      expect(result.code).toBe(3);
      const report = JSON.parse(result.stdout) as { summary: { pages: number }; unreadable: unknown[] };
      expect(report.summary.pages).toBeGreaterThan(20);
      expect(JSON.stringify(report.unreadable)).not.toContain('redirect');
    },
    SLOW_MS,
  );
});
