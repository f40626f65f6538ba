import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { endsOpen } from '../../src/normalize/xml.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { CONFLUENCE_FIXTURE, confluenceConfigFile } from '../helpers/confluence.js';
import { confluenceBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

const ONBOARDING = '98316';
const OFFSITE = '98319';
const NOW = ['--now', '2026-10-10'];
// The storage corpus's samples, as the fixtures keep them.
const CORPUS = fileURLToPath(new URL('../fixtures/confluence/kovetskiy-mark/testdata/', import.meta.url));

interface Report {
  findings: { ruleId: string; message: string; fingerprint: string; page: { key: string } }[];
  fixed: { ruleId: string; page: { key: string } }[];
  unreadable: { key: string; reason: string }[];
}

type Body = { storage: { value: string } };

/**
 * The page's storage cut right before the item that links to the missing title: between two tags,
 * `<ol>` left open (and `tail` after it).
 */
const cutBetweenTags =
  (tail = '') =>
  (page: Record<string, unknown>): Record<string, unknown> => {
    const body = page.body as Body;
    const value = body.storage.value;
    const cut = value.slice(0, value.indexOf('<li><p>Set up your laptop')) + tail;
    return { ...page, body: { storage: { ...body.storage, value: cut } } };
  };

/** The page's storage replaced with `value`. */
const withStorage = (value: string) => (page: Record<string, unknown>) => ({
  ...page,
  body: { storage: { ...(page.body as Body).storage, value } },
});

/** Changes the listed pages (not the look-ups by id) that `id` names. */
function inListing(
  id: string,
  change: (page: Record<string, unknown>) => Record<string, unknown>,
): ProxyRule {
  return {
    path: '/wiki/api/v2/pages',
    method: 'GET',
    when: (url) => !url.searchParams.has('id'),
    fault: {
      kind: 'transform',
      change: (json) => ({
        ...json,
        results: ((json.results ?? []) as Record<string, unknown>[]).map((p) =>
          p.id === id ? change(p) : p,
        ),
      }),
    },
  };
}

describe('a Confluence body cut short between two tags', () => {
  const env = confluenceBehindProxy({ fixture: loadConfluenceFixture(CONFLUENCE_FIXTURE) });
  afterEach(() => env.proxy.setRules([]));

  const setup = () =>
    confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      { spaces: ['HB'] },
      { 'fail-on': 'never', state: { path: join(tempTree({}), 'state.json') } },
    );
  const lint = async (config: string, ...extra: string[]) => {
    const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW, ...extra]);
    return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || '{}') as Report };
  };
  const of = (report: Report, id: string) =>
    report.findings.filter((f) => f.page.key === `confluence:${id}`).map((f) => f.ruleId);

  it('in the listing: the page is read again alone and its findings stay open', async () => {
    const config = setup();
    const first = await lint(config);
    expect(of(first.report, ONBOARDING)).toContain('broken-link');
    env.proxy.setRules([inListing(ONBOARDING, cutBetweenTags())]);
    const before = env.proxy.log.length;
    const second = await lint(config, '--full');
    expect(env.proxy.log.slice(before).map((r) => r.path)).toContain(`/wiki/api/v2/pages/${ONBOARDING}`);
    expect(second.report.fixed).toEqual([]);
    expect(of(second.report, ONBOARDING)).toEqual(of(first.report, ONBOARDING));
    expect(second.code).toBe(0);
  }, 60_000);

  it('in every answer: the page is unreadable with the reason, nothing is called fixed', async () => {
    const config = setup();
    await lint(config);
    env.proxy.setRules([
      inListing(ONBOARDING, cutBetweenTags()),
      {
        path: `/wiki/api/v2/pages/${ONBOARDING}`,
        method: 'GET',
        fault: { kind: 'transform', change: (json) => cutBetweenTags()(json) },
      },
    ]);
    const second = await lint(config, '--full');
    expect(second.report.fixed).toEqual([]);
    expect(second.report.unreadable).toEqual([
      expect.objectContaining({ key: `confluence:${ONBOARDING}`, reason: expect.stringContaining('cut') }),
    ]);
    expect(second.code).toBe(3);
  }, 60_000);

  it('inside a code block whose text holds `>`: read again, nothing called fixed', async () => {
    const config = setup();
    const first = await lint(config);
    // Cut after a `>` in a code macro's text: the page does not end inside a tag.
    const code = '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[if a > b';
    env.proxy.setRules([inListing(ONBOARDING, cutBetweenTags(code))]);
    const second = await lint(config, '--full');
    expect(second.report.fixed).toEqual([]);
    expect(of(second.report, ONBOARDING)).toEqual(of(first.report, ONBOARDING));
  }, 60_000);

  it('a malformed body that closes what it opens is read as before: its storage problem, not read again', async () => {
    const config = setup();
    await lint(config);
    env.proxy.setRules([
      inListing(OFFSITE, withStorage('<p>Brainstorm: <strong>Lisbon</p>\n<p>a & b</p></li>')),
    ]);
    const before = env.proxy.log.length;
    const second = await lint(config, '--full');
    expect(env.proxy.log.slice(before).map((r) => r.path)).not.toContain(`/wiki/api/v2/pages/${OFFSITE}`);
    expect(second.report.unreadable).toEqual([]);
    expect(
      second.report.findings.filter(
        (f) => f.page.key === `confluence:${OFFSITE}` && f.ruleId === 'front-matter',
      ),
    ).toEqual([
      expect.objectContaining({ message: expect.stringContaining('expected </strong>, found </p>') }),
    ]);
  }, 60_000);
});

describe('which bodies end with elements open', () => {
  it('no stored body: the fixture site and the corpus samples', () => {
    const bodies = loadConfluenceFixture(CONFLUENCE_FIXTURE).pages.map((p) => p.body);
    for (const sample of ['links.html', 'export/layout.xml', 'export/article.xml'])
      bodies.push(readFileSync(CORPUS + sample, 'utf8'));
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodies.filter(endsOpen)).toEqual([]);
  });

  it('a body cut anywhere inside its elements, and malformed ones that close all they open do not', () => {
    const body = readFileSync(`${CORPUS}export/article.xml`, 'utf8').trim();
    const cuts = [...body.matchAll(/<\/?[a-z]/g)]
      .map((m) => m.index)
      .filter((at) => at > 0 && at < body.length - 10);
    expect(cuts.filter((at) => !endsOpen(body.slice(0, at)))).toEqual([]);
    for (const whole of [
      '<p>a & b</p>',
      '<p>x</p>\n</li>',
      '<p>Brainstorm: <strong>Lisbon</p>',
      '<p>a < b</p>',
      'text',
    ])
      expect([whole, endsOpen(whole)]).toEqual([whole, false]);
    for (const cut of ['<p>open', '<p><![CDATA[never', '<!-- never', '<ul><li>x</li>'])
      expect([cut, endsOpen(cut)]).toEqual([cut, true]);
  });
});
