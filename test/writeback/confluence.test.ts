import { SaxesParser } from 'saxes';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile, EMAIL, EMAIL_ENV, TOKEN, TOKEN_ENV } from '../helpers/confluence.js';
import { C, C_DEPLOY_HALF_FIXED, confluenceSpace, HOSTILE_TITLE, ledger } from './fixtures.js';

interface Report {
  findings: { ruleId: string; page: { key: string }; status: string }[];
  fixed: { ruleId: string; page: { key: string } }[];
}

const OFFENDING = [C.deploy, C.runbook];
const writeBack = (comments: Record<string, unknown> = {}) => ({
  'fail-on': 'never',
  writeback: {
    'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } },
    comments: { enabled: true, 'cooldown-hours': 0, ...comments },
  },
});

/** The text of a storage body, parsed by a conforming XML parser (throws unless well-formed). */
function xmlText(storage: string): string {
  const parser = new SaxesParser({ xmlns: false });
  let text = '';
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('error', (error) => {
    throw error;
  });
  // Storage is a fragment: one wrapper element makes it a document.
  parser.write(`<body>${storage}</body>`).close();
  return text;
}

beforeAll(() => {
  process.env[EMAIL_ENV] = EMAIL;
  process.env[TOKEN_ENV] = TOKEN;
});
afterAll(() => {
  delete process.env[EMAIL_ENV];
  delete process.env[TOKEN_ENV];
});

describe('Confluence write-back against the emulator', () => {
  let emulator: ConfluenceEmulator;
  let file: string;
  const writes = () => emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path}`);
  const lint = async (...extra: string[]) => {
    emulator.log.length = 0;
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01', ...extra]);
    expect(run.code).toBe(0);
    return { ...run, report: JSON.parse(run.stdout) as Report };
  };
  const findingsPage = () => emulator.getPage(ledger(file).writeback.pages.confluence?.id ?? '');

  beforeEach(async () => {
    emulator = await startConfluenceEmulator({ fixture: confluenceSpace() });
    file = confluenceConfigFile(emulator, {}, writeBack());
  });
  afterEach(() => emulator.close());

  it('ten runs over an unchanged space: one findings page, one comment per offending page, no writes after run 1', async () => {
    await lint();
    expect(writes().filter((w) => w === 'POST /wiki/api/v2/pages')).toHaveLength(1);
    expect(writes().filter((w) => w === 'POST /wiki/api/v2/footer-comments')).toHaveLength(OFFENDING.length);
    const page = findingsPage();
    expect(page).toMatchObject({ title: 'Handbook lint findings', parentId: C.reports, spaceId: '100' });
    for (let run = 2; run <= 10; run++) {
      const { report } = await lint();
      expect(writes()).toEqual([]);
      expect(report.findings.every((f) => f.status === 'open')).toBe(true);
    }
    expect(findingsPage()?.version.number).toBe(1);
    for (const id of OFFENDING) expect(emulator.comments(id)).toHaveLength(1);
    expect(emulator.comments(page?.id ?? '')).toEqual([]);
    expect(emulator.comments(C.deploy)[0]?.body).toContain(
      '<ac:link><ri:user ri:account-id="u-ana" /></ac:link>',
    );
  }, 60_000); // ten CLI runs: room for a busy machine

  it('escapes page titles: the findings page and comments are well-formed XML that show the title as text', async () => {
    await lint();
    const body = findingsPage()?.body ?? '';
    expect(body).not.toContain('<script>');
    expect(xmlText(body)).toContain(HOSTILE_TITLE);
    for (const id of OFFENDING)
      for (const comment of emulator.comments(id)) expect(() => xmlText(comment.body)).not.toThrow();
  });

  it('fixing a problem moves it to fixed, updates the comment in place and changes the findings page', async () => {
    await lint();
    const before = findingsPage()?.body;
    const comment = emulator.comments(C.deploy)[0];
    emulator.editPage(C.deploy, { body: C_DEPLOY_HALF_FIXED });
    const { report } = await lint();
    expect(report.fixed).toEqual([
      expect.objectContaining({
        ruleId: 'broken-link',
        page: expect.objectContaining({ key: `confluence:${C.deploy}` }),
      }),
    ]);
    const comments = emulator.comments(C.deploy);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ id: comment?.id, version: { number: 2 } });
    expect(comments[0]?.body).toContain('Update: 0 new, 1 fixed since the last comment. Now 1 problem:');
    expect(writes()).toEqual([
      `PUT /wiki/api/v2/pages/${findingsPage()?.id}`,
      `PUT /wiki/api/v2/footer-comments/${comment?.id}`,
    ]);
    expect(findingsPage()?.body).not.toBe(before);
    expect(xmlText(findingsPage()?.body ?? '')).toContain('Fixed since the last run (1)');
  });

  it('retries a findings-page update after a 409 version conflict on the version just saved', async () => {
    await lint();
    const id = findingsPage()?.id ?? '';
    emulator.editPage(id, { body: '<p>Someone edited the report.</p>' }); // version 2 behind our back
    emulator.editPage(C.deploy, { body: C_DEPLOY_HALF_FIXED });
    emulator.fault({ method: 'PUT', path: `/wiki/api/v2/pages/${id}`, status: 409 });
    await lint();
    expect(
      emulator.log.filter((e) => e.method === 'PUT' && e.path.endsWith(`/pages/${id}`)).map((e) => e.status),
    ).toEqual([409, 200]);
    expect(findingsPage()?.version.number).toBe(3);
  });

  it('--dry-run makes no write request and prints the plan', async () => {
    const { stderr } = await lint('--dry-run');
    expect(writes()).toEqual([]);
    expect(stderr).toMatch(/create page\s+confluence\s+"Handbook lint findings" \(first run\)/);
    expect(stderr).toMatch(/comment\s+confluence\s+"Deploy guide" <http[^>]+> \(2 findings\)/);
  });

  it('recreates a findings page deleted by hand', async () => {
    await lint();
    const first = findingsPage()?.id ?? '';
    emulator.deletePage(first);
    await lint();
    expect(writes()).toEqual(['POST /wiki/api/v2/pages']);
    expect(ledger(file).writeback.pages.confluence?.id).not.toBe(first);
  });

  it('reports a refused comment clearly, once, and still writes the findings page', async () => {
    emulator.fault({ method: 'POST', path: '/wiki/api/v2/footer-comments', status: 403, times: 5 });
    const { stderr } = await lint();
    expect(stderr).toContain('Confluence: posting a comment failed: 403');
    expect(stderr).toContain('permission to add comments');
    expect(stderr.match(/warning/g)).toHaveLength(1);
    expect(writes().filter((w) => w.startsWith('POST /wiki/api/v2/pages'))).toHaveLength(1);
  });
});
