import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { CONFLUENCE_FIXTURE, confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { N, notionWorkspace } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

const ONBOARDING = '98316';
const ESCALATION = '98318';
const NOW = ['--now', '2026-10-10'];

interface Report {
  findings: { ruleId: string; message: string; fingerprint: string; page: { key: string } }[];
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

  it('version numbers that go backwards: each such page is read again, the findings stay as they were', async () => {
    const config = setup();
    const first = await lint(config);
    const before = env.proxy.log.length;
    env.proxy.setRules([
      changeListed((page) => ({ ...page, version: { ...(page.version as object), number: 0 } })),
    ]);
    const second = await lint(config);
    const bulk = env.proxy.log.slice(before).filter((r) => r.path === '/wiki/api/v2/pages').length;
    expect(bulk).toBeGreaterThan(1); // the listing, then the bodies its versions no longer match
    expect(second.code).toBe(first.code);
    expect(second.report.fixed).toEqual([]);
    const prints = (r: Report) => r.findings.map((f) => f.fingerprint).sort();
    expect(prints(second.report)).toEqual(prints(first.report));
  }, 60_000);

  it('edit times in the future or unparsable: no crash, no negative age, nothing called fixed', async () => {
    const config = setup();
    const first = await lint(config);
    env.proxy.setRules([
      changeListed((page) => {
        const version = page.version as Record<string, unknown>;
        if (page.id === ESCALATION)
          return { ...page, version: { ...version, createdAt: '2999-01-01T00:00:00.000Z' } };
        if (page.id === ONBOARDING)
          return { ...page, createdAt: 'yesterday', version: { ...version, createdAt: 'not a date' } };
        return page;
      }),
    ]);
    const second = await lint(config, '--full');
    // One page the client cannot read fails that page, not the listing (it was exit 2, every night).
    expect(second.code).toBe(3);
    expect(second.report.unreadable.map((u) => [u.key, u.reason])).toEqual([
      [
        `confluence:${ONBOARDING}`,
        expect.stringMatching(/createdAt, version\.createdAt|version\.createdAt, createdAt/),
      ],
      [`confluence:${ESCALATION}`, expect.stringContaining('in the future (2999-01-01')],
    ]);
    expect(second.report.fixed).toEqual([]);
    expect(second.report.findings.filter((f) => /-\d+ days?|NaN|Invalid/.test(f.message))).toEqual([]);
    const others = (r: Report) =>
      r.findings.filter((f) => !f.page.key.endsWith(ONBOARDING)).map((f) => f.fingerprint);
    expect(others(second.report).sort()).toEqual(others(first.report).sort());
  }, 60_000);
});

describe('a Notion wiki that answers half', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it('edit times in the future or unparsable: no crash, no negative age, nothing called fixed', async () => {
    const dir = tempTree({});
    const config = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      {
        'fail-on': 'never',
        state: { path: join(dir, 'state.json') },
      },
    );
    const lint = async (...extra: string[]) => {
      const run = await runCli([
        'run',
        '--config',
        config,
        '--format',
        'json',
        '--now',
        '2027-06-01',
        ...extra,
      ]);
      return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || '{}') as Report };
    };
    const first = await lint();
    env.proxy.setRules([
      {
        path: '/v1/search',
        method: 'POST',
        fault: {
          kind: 'transform',
          change: (json) => ({
            ...json,
            results: ((json.results ?? []) as Record<string, unknown>[]).map((page) =>
              page.id === N.deploy
                ? { ...page, last_edited_time: 'not a date', created_time: 'yesterday' }
                : page.id === N.runbook
                  ? { ...page, last_edited_time: '2999-01-01T00:00:00.000Z' }
                  : page,
            ),
          }),
        },
      },
    ]);
    const second = await lint('--full');
    // An edit time that is no date ended the run (exit 70, "Invalid time value"); one in 2999 made the
    // page's stale finding look fixed.
    expect(second.code).toBe(3);
    expect(second.report.unreadable.map((u) => [u.key, u.reason])).toEqual([
      [`notion:${N.deploy}`, expect.stringContaining('no date (created_time, last_edited_time)')],
      [`notion:${N.runbook}`, expect.stringContaining('in the future (2999-01-01')],
    ]);
    expect(second.report.fixed).toEqual([]);
    expect(first.report.findings.length).toBeGreaterThan(0);
  }, 60_000);
});
