import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { API_HOSTS_ENV } from '../../src/http/credential-url.js';
import { confluenceSourceSchema, toConfluenceConfig } from '../../src/platforms/confluence/config.js';
import { confluenceCredentials } from '../../src/platforms/confluence/credentials.js';
import { notionToken } from '../../src/platforms/notion/api.js';
import { notionSourceSchema, toNotionConfig } from '../../src/platforms/notion/config.js';
import { runCli, tempTree } from '../helpers/cli.js';
import {
  EMAIL_ENV as CONFLUENCE_EMAIL_ENV,
  TOKEN as CONFLUENCE_TOKEN,
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
} from '../helpers/confluence.js';
import { TOKEN_ENV as NOTION_TOKEN_ENV } from '../helpers/notion.js';
import { confluenceSpace, notionWorkspace } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';

// Fifteenth round. The config a pull request may change names the wiki's API: `sources.notion.base-url`,
// `sources.confluence.site-url`. The token comes from the job's environment (a secret), the config from the
// repository, and a workflow may lint a pull request's config with the secret set. Such a change could send the
// token to a host of its choosing: https was required already (plain http only to this machine), but any https
// host, or this machine itself, took it. A config now sends credentials only to the platform's own host (Notion's
// api.notion.com, an Atlassian Cloud site) or to one named in HANDBOOK_LINT_API_HOSTS, set where the token is set;
// anything else is refused before a request is made, and the refusal never prints the token. The tests name the
// emulators' host so (test/helpers/setup.ts); here it is taken away.

const NOW = ['--now', '2026-06-01'];

function withoutHosts(): void {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env[API_HOSTS_ENV];
    delete process.env[API_HOSTS_ENV];
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[API_HOSTS_ENV];
    else process.env[API_HOSTS_ENV] = saved;
  });
}

const configFile = (sources: Record<string, unknown>) =>
  join(tempTree({ 'handbook-lint.yml': stringify({ sources, 'fail-on': 'never' }) }), 'handbook-lint.yml');

describe('a config that sends the Notion token to a host of its own', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  withoutHosts();
  const notion = (url: string) =>
    configFile({ notion: { 'token-env': NOTION_TOKEN_ENV, 'base-url': url, 'requests-per-second': 1000 } });

  it('this machine, not named in the environment: refused before any request, the token not shown', async () => {
    env.proxy.log.length = 0;
    const run = await runCli(['run', '--config', notion(env.proxy.url), ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sources.notion.base-url');
    expect(run.stderr).toContain(`${API_HOSTS_ENV}=127.0.0.1`);
    expect(`${run.stdout}${run.stderr}`).not.toContain(env.emulator.token);
    expect(env.proxy.log).toEqual([]);
  });

  it('named in the environment: read as before', async () => {
    process.env[API_HOSTS_ENV] = 'wiki.acme.test, 127.0.0.1';
    const run = await runCli(['run', '--config', notion(env.proxy.url), ...NOW]);
    expect(run.code).toBe(0);
    expect(env.proxy.log.length).toBeGreaterThan(0);
  });

  it.each([
    'https://api.notion.com.evil.test',
    'https://evil.test',
    'https://evil.test/api.notion.com',
    'https://10.0.0.8',
  ])('%s: refused, whatever else the environment names', async (url) => {
    process.env[API_HOSTS_ENV] = '127.0.0.1';
    const run = await runCli(['run', '--config', notion(url), ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(API_HOSTS_ENV);
    expect(`${run.stdout}${run.stderr}`).not.toContain(env.emulator.token);
  });
});

describe('a config that sends the Confluence credentials to a host of its own', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  withoutHosts();
  const confluence = (url: string) =>
    configFile({
      confluence: {
        'site-url': url,
        'email-env': CONFLUENCE_EMAIL_ENV,
        'token-env': CONFLUENCE_TOKEN_ENV,
        'requests-per-second': 1000,
      },
    });

  it('this machine, not named in the environment: refused before any request, the token not shown', async () => {
    env.proxy.log.length = 0;
    const run = await runCli(['run', '--config', confluence(env.proxy.url), ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sources.confluence.site-url');
    expect(`${run.stdout}${run.stderr}`).not.toContain(CONFLUENCE_TOKEN);
    expect(env.proxy.log).toEqual([]);
  });

  it('named in the environment with its port: read as before', async () => {
    process.env[API_HOSTS_ENV] = new URL(env.proxy.url).host;
    const run = await runCli(['run', '--config', confluence(env.proxy.url), ...NOW]);
    expect(run.code).toBe(0);
  });

  it.each(['https://acme.atlassian.net.evil.test', 'https://evilatlassian.net', 'https://atlassian.net'])(
    '%s: refused',
    async (url) => {
      const run = await runCli(['run', '--config', confluence(url), ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(API_HOSTS_ENV);
      expect(`${run.stdout}${run.stderr}`).not.toContain(CONFLUENCE_TOKEN);
    },
  );
});

describe("the platforms' own hosts need nothing named", () => {
  const credentials = { NOTION_TOKEN: 'n', CONFLUENCE_EMAIL: 'e', CONFLUENCE_TOKEN: 't' };
  it('api.notion.com (the default) and an Atlassian Cloud site', () => {
    expect(notionToken(toNotionConfig(notionSourceSchema.parse({})), credentials)).toBe('n');
    const site = toConfluenceConfig(
      confluenceSourceSchema.parse({ 'site-url': 'https://Acme.atlassian.net/wiki' }),
    );
    expect(confluenceCredentials(site, credentials)).toEqual({ email: 'e', token: 't' });
  });
});
