import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { CONFLUENCE_FIXTURE, confluenceConfigFile } from '../helpers/confluence.js';
import { confluenceBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

const ONBOARDING = '98316';
const NOW = ['--now', '2026-10-10'];

interface Report {
  findings: { ruleId: string; message: string; page: { key: string } }[];
  fixed: { ruleId: string; page: { key: string } }[];
  unreadable: { key: string; reason: string }[];
}

/** Changes the pages of the page listing (not the look-ups of pages by id). */
function changeListed(change: (page: Record<string, unknown>) => Record<string, unknown>): ProxyRule {
  return {
    path: '/wiki/api/v2/pages',
    method: 'GET',
    when: (url) => !url.searchParams.has('id'),
    fault: {
      kind: 'transform',
      change: (json) => ({
        ...json,
        results: ((json.results ?? []) as Record<string, unknown>[]).map(change),
      }),
    },
  };
}

describe('a Confluence wiki that answers half', () => {
  const env = confluenceBehindProxy({ fixture: loadConfluenceFixture(CONFLUENCE_FIXTURE) });
  afterEach(() => env.proxy.setRules([]));

  const setup = () => {
    const dir = tempTree({});
    return confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      { spaces: ['HB'] },
      {
        'fail-on': 'never',
        state: { path: join(dir, 'state.json') },
      },
    );
  };
  const lint = async (config: string, ...extra: string[]) => {
    const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW, ...extra]);
    return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || '{}') as Report };
  };

  /** The page's body cut inside the link to the missing title: the broken-link finding would look fixed. */
  const cutBody = (page: Record<string, unknown>) => {
    const body = page.body as { storage: { value: string } };
    const cut = body.storage.value.slice(0, body.storage.value.indexOf('<ac:link') + 12);
    return { ...page, body: { storage: { ...body.storage, value: cut } } };
  };
  const onboardingFindings = (report: Report) =>
    report.findings.filter((f) => f.page.key === `confluence:${ONBOARDING}`).map((f) => f.ruleId);

  it('a body cut mid-tag in the listing is read again alone: its findings stay open', async () => {
    const config = setup();
    const first = await lint(config);
    expect(onboardingFindings(first.report)).toContain('broken-link');
    env.proxy.setRules([changeListed((page) => (page.id === ONBOARDING ? cutBody(page) : page))]);
    const second = await lint(config, '--full');
    expect(second.report.fixed).toEqual([]);
    expect(onboardingFindings(second.report)).toEqual(onboardingFindings(first.report));
    expect(second.code).toBe(0);
  }, 60_000);

  it('a body cut mid-tag in every answer makes the page unreadable: nothing is called fixed', async () => {
    const config = setup();
    await lint(config);
    env.proxy.setRules([
      changeListed((page) => (page.id === ONBOARDING ? cutBody(page) : page)),
      {
        path: `/wiki/api/v2/pages/${ONBOARDING}`,
        method: 'GET',
        fault: { kind: 'transform', change: (json) => cutBody(json) },
      },
    ]);
    const second = await lint(config, '--full');
    expect(second.report.fixed).toEqual([]);
    expect(second.report.unreadable).toEqual([
      expect.objectContaining({ key: `confluence:${ONBOARDING}`, reason: expect.stringContaining('cut') }),
    ]);
    expect(second.code).toBe(3);
  }, 60_000);
});
