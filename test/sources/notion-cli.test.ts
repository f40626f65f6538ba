import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateNotionWorkspace, type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';

interface JsonReport {
  summary: { pages: number; unreadablePages: number };
  unreadable: { key: string; path: string; reason: string }[];
  findings: { ruleId: string; page: { key: string; title: string } }[];
}

const workspace = generateNotionWorkspace(60, 11);
const pageAt = (index: number) => {
  const page = workspace.pages.filter((p) => p.parent.type === 'page')[index];
  if (!page) throw new Error(`no standalone page ${index}`);
  return page;
};

describe('notion crawls through the command line', () => {
  let emulator: NotionEmulator;
  const markdownRequests = () => emulator.log.filter((e) => e.path.endsWith('/markdown')).map((e) => e.path);

  beforeAll(async () => {
    emulator = await startNotionEmulator({ fixture: workspace });
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    delete process.env[TOKEN_ENV];
    emulator.setFaults([]);
    emulator.log.splice(0);
  });

  it('exits 2 on a rejected token after one request, and never prints the token', async () => {
    const wrong = 'secret_not_the_right_one_4242';
    process.env[TOKEN_ENV] = wrong;
    const { code, stdout, stderr } = await runCli(['run', '--config', notionConfigFile(emulator)]);
    expect(code).toBe(2);
    expect(stderr).toContain(`Notion rejected the token in ${TOKEN_ENV} (401 unauthorized)`);
    expect(stdout + stderr).not.toContain(wrong);
    expect(emulator.log.map((e) => [e.path, e.status])).toEqual([['/v1/search', 401]]);
  });

  it('exits 2 naming the variable when the token is not set', async () => {
    const { code, stderr } = await runCli(['run', '--config', notionConfigFile(emulator)]);
    expect(code).toBe(2);
    expect(stderr).toContain(`set the environment variable ${TOKEN_ENV}`);
    expect(emulator.log).toEqual([]);
  });

  it('lists pages that fail with 502 or time out after every attempt as unreadable, and exits 3', async () => {
    process.env[TOKEN_ENV] = emulator.token;
    const file = notionConfigFile(
      emulator,
      { 'max-attempts': 2, 'timeout-ms': 2_000 },
      { 'fail-on': 'never' },
    );
    const clean = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
    expect(clean.code).toBe(0);
    const [gateway, hanging] = [pageAt(3), pageAt(4)];
    emulator.log.splice(0);
    emulator.setFaults([
      { path: `/v1/pages/${gateway.id}/markdown`, status: 502, times: Number.POSITIVE_INFINITY },
      { path: `/v1/pages/${hanging.id}/markdown`, hang: true, times: Number.POSITIVE_INFINITY },
    ]);
    // --full: the clean run cached every page, and unchanged pages are not fetched again.
    const { code, stdout, stderr } = await runCli([
      'run',
      '--config',
      file,
      '--format',
      'json',
      '--now',
      '2026-06-01',
      '--full',
    ]);
    expect(code).toBe(3);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.unreadable.map((u) => [u.key, u.reason])).toEqual(
      expect.arrayContaining([
        [`notion:${gateway.id}`, expect.stringMatching(/^502 notionhq_client_response_error/)],
        [`notion:${hanging.id}`, expect.stringMatching(/^timeout: /)],
      ]),
    );
    expect(report.summary.unreadablePages).toBe(2);
    expect(markdownRequests().filter((p) => p.includes(gateway.id))).toHaveLength(2); // max-attempts
    expect(stdout + stderr).not.toContain(emulator.token);
  });

  it('exits 2 when the listing itself keeps failing, since nothing can be judged', async () => {
    process.env[TOKEN_ENV] = emulator.token;
    emulator.setFaults([{ path: '/v1/search', status: 502, times: Number.POSITIVE_INFINITY }]);
    const { code, stderr } = await runCli([
      'run',
      '--config',
      notionConfigFile(emulator, { 'max-attempts': 2 }),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('Notion search for pages failed: 502');
  });

  it('fetches only edited pages on the next run, drops deleted ones, and refetches all with --full', async () => {
    process.env[TOKEN_ENV] = emulator.token;
    const file = notionConfigFile(emulator, {}, { 'fail-on': 'never' });
    const lint = async (...extra: string[]) => {
      emulator.log.splice(0);
      const { code, stdout, stderr } = await runCli([
        'run',
        '--config',
        file,
        '--format',
        'json',
        '--now',
        '2026-06-01',
        ...extra,
      ]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      return JSON.parse(stdout) as JsonReport;
    };
    const first = await lint();
    expect(markdownRequests()).toHaveLength(60);

    const [edited, deleted] = [pageAt(5), pageAt(6)];
    emulator.editPage(
      edited.id,
      'Rewritten. See <mention-page url="https://www.notion.so/0123456789abcdef0123456789abcdef"/>.\n',
      {
        at: '2026-06-01T09:30:00.000Z',
      },
    );
    const second = await lint();
    expect(markdownRequests()).toEqual([`/v1/pages/${edited.id}/markdown`]);
    const searches = emulator.log.filter((e) => e.path === '/v1/search');
    expect(searches).toHaveLength(2); // the listing is the whole cost of the 59 unchanged pages
    const brokenOn = (report: JsonReport) =>
      report.findings.filter((f) => f.ruleId === 'broken-link').map((f) => f.page.key);
    expect(brokenOn(second)).toContain(`notion:${edited.id}`); // the new content was linted
    expect(second.findings.filter((f) => f.page.key !== `notion:${edited.id}`).length).toBe(
      first.findings.filter((f) => f.page.key !== `notion:${edited.id}`).length,
    ); // unchanged pages rebuilt from the cache judge the same

    // The ledger and, beside it, the page cache.
    const stateFiles = () =>
      ['state.json', 'state.cache.json']
        .map((name) => readFileSync(join(dirname(file), '.handbook-lint', name), 'utf8'))
        .join('\n');
    const state = stateFiles();
    expect(state).toContain('Rewritten. See <mention-page');
    expect(state).not.toContain(emulator.token);

    emulator.deletePage(deleted.id);
    const third = await lint();
    expect(markdownRequests()).toEqual([]);
    expect(third.summary.pages).toBe(first.summary.pages - 1);
    expect(third.findings.some((f) => f.page.key === `notion:${deleted.id}`)).toBe(false);
    expect(stateFiles()).not.toContain(deleted.id);

    await lint('--full');
    expect(markdownRequests()).toHaveLength(59);
  });
});
