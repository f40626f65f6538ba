import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../emulators/http-util.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { EMAIL, EMAIL_ENV, TOKEN_ENV } from '../helpers/confluence.js';

const NOW = ['--now', '2026-06-01'];
const SECRET = 'Xq7hunter2Zr9Tk4secretvalue';

describe('a credential written into a URL of the config is refused and never printed', () => {
  const configs: [string, string][] = [
    [
      'confluence site-url',
      `sources:\n  confluence:\n    site-url: https://bot%40acme.com:${SECRET}@acme.atlassian.net\n`,
    ],
    ['notion base-url', `sources:\n  notion:\n    base-url: https://integration:${SECRET}@api.notion.com\n`],
    [
      'markdown site-url',
      `sources:\n  markdown:\n    root: .\n    site-url: https://ci:${SECRET}@handbook.acme.com\n`,
    ],
  ];
  for (const [where, yaml] of configs) {
    it(`${where}: exit 2 before any request, the value shown nowhere`, async () => {
      const dir = tempTree({ 'handbook-lint.yml': yaml, 'index.md': '# Home\n' });
      const run = await runCli(['run', '--config', `${dir}/handbook-lint.yml`, ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('carries a user name or password');
      expect(run.stderr + run.stdout).not.toContain(SECRET);
    });
  }

  it('a YAML error elsewhere still masks the credential in the URL line it shows', async () => {
    const dir = tempTree({
      'handbook-lint.yml': `sources:\n  confluence: { site-url: "https://bot:${SECRET}@acme.atlassian.net", spaces: [HB }\n`,
    });
    const run = await runCli(['run', '--config', `${dir}/handbook-lint.yml`, ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(SECRET);
  });
});

/** A gateway that answers every request with an error echoing the request's Authorization header. */
function echoingGateway(): { url: () => string; start: () => Promise<void>; stop: () => Promise<void> } {
  let server: Server | undefined;
  let url = '';
  return {
    url: () => url,
    async start() {
      server = createServer((req, res) => {
        const echo = `header authorization=${req.headers.authorization}`;
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: echo, errors: [{ title: echo }] }));
      });
      url = `http://127.0.0.1:${await listen(server, 0)}`;
    },
    async stop() {
      if (server) await closeServer(server);
    },
  };
}

describe('a server that echoes the request headers', () => {
  const gateway = echoingGateway();
  beforeAll(gateway.start);
  afterAll(gateway.stop);

  it('Confluence: the error shows neither the token nor the Basic credentials it was sent in', async () => {
    const token = 'ATATT3xFfGF0-redteam-token-value';
    const basic = Buffer.from(`${EMAIL}:${token}`).toString('base64');
    const dir = tempTree({
      'handbook-lint.yml': `sources:\n  confluence:\n    site-url: ${gateway.url()}\n    email-env: ${EMAIL_ENV}\n    token-env: ${TOKEN_ENV}\n`,
    });
    process.env[EMAIL_ENV] = EMAIL;
    process.env[TOKEN_ENV] = token;
    try {
      const run = await runCli(['run', '--config', `${dir}/handbook-lint.yml`, ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Confluence space listing failed: 400');
      expect(run.stderr).not.toContain(token);
      expect(run.stderr).not.toContain(basic);
    } finally {
      delete process.env[EMAIL_ENV];
      delete process.env[TOKEN_ENV];
    }
  });
});

describe('credentials are never sent in clear text over a network', () => {
  const configs: [string, string][] = [
    ['confluence site-url', 'sources:\n  confluence:\n    site-url: http://acme.atlassian.net\n'],
    ['notion base-url', 'sources:\n  notion:\n    base-url: http://api.notion.com\n'],
  ];
  for (const [where, yaml] of configs) {
    it(`${where} over http to another machine: exit 2 at the line, before any request`, async () => {
      const dir = tempTree({ 'handbook-lint.yml': yaml });
      const run = await runCli(['run', '--config', `${dir}/handbook-lint.yml`, ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/handbook-lint\.yml:3:\d+ .*must use https/);
    });
  }

  it('http to this machine (an emulator, a local tunnel) is allowed', async () => {
    const dir = tempTree({
      'handbook-lint.yml': 'sources:\n  notion:\n    base-url: http://127.0.0.1:9\n    max-attempts: 1\n',
    });
    const run = await runCli(['run', '--config', `${dir}/handbook-lint.yml`, ...NOW]);
    expect(run.stderr).not.toContain('must use https');
  });
});
