import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile, EMAIL, EMAIL_ENV, TOKEN, TOKEN_ENV } from '../helpers/confluence.js';
import { TOKEN_ENV as NOTION_TOKEN_ENV, notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace } from '../writeback/fixtures.js';

const writeBack = (findingsPage: Record<string, unknown>) => ({
  'fail-on': 'never',
  writeback: { 'findings-page': findingsPage, comments: { enabled: true, 'cooldown-hours': 0 } },
});
const QUOTE = 'Why does handbook-lint #0123456789ab keep flagging this? I think the link is fine.';
const markerOf = (text: string) => /handbook-lint #[0-9a-f]{12}[^\n<]*/.exec(text)?.[0] ?? '';

async function lint(file: string): Promise<void> {
  const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
  expect(run.code).toBe(0);
}
const forgetLedger = (file: string) => rmSync(join(dirname(file), '.handbook-lint'), { recursive: true });

describe('Notion: only comments the integration wrote are ours', () => {
  let emulator: NotionEmulator;
  const start = async () => {
    emulator = await startNotionEmulator({ fixture: notionWorkspace() });
    process.env[NOTION_TOKEN_ENV] = emulator.token;
    return notionConfigFile(emulator, {}, writeBack({ notion: { 'parent-page': N.reports } }));
  };
  afterEach(async () => {
    delete process.env[NOTION_TOKEN_ENV];
    await emulator.close();
  });

  it('never replies into a discussion a person started by quoting the marker', async () => {
    const file = await start();
    const human = emulator.addComment(N.deploy, QUOTE, N.maya);
    await lint(file);
    const comments = emulator.comments(N.deploy);
    expect(comments.filter((c) => c.discussionId === human.discussionId)).toEqual([human]);
    const ours = comments.filter((c) => c.createdBy === N.bot);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.discussionId).not.toBe(human.discussionId);
  }, 60_000); // CLI runs against an emulator: room for a busy machine

  it('a person quoting the current marker does not silence the bot', async () => {
    let file = await start();
    await lint(file);
    const marker = markerOf(emulator.comments(N.deploy)[0]?.text ?? '');
    expect(marker).not.toBe('');
    await emulator.close();
    file = await start();
    emulator.addComment(N.deploy, `Copied from the bot: ${marker}`, N.maya);
    await lint(file);
    expect(emulator.comments(N.deploy).filter((c) => c.createdBy === N.bot)).toHaveLength(1);
  }, 60_000); // CLI runs against an emulator: room for a busy machine
});

describe('Confluence: only footer comments the token account wrote are ours', () => {
  let emulator: ConfluenceEmulator;
  const start = async () => {
    emulator = await startConfluenceEmulator({ fixture: confluenceSpace() });
    return confluenceConfigFile(
      emulator,
      {},
      writeBack({ confluence: { space: 'HB', 'parent-page': C.reports } }),
    );
  };
  const posts = () =>
    emulator.log.filter((e) => e.method === 'POST' && e.path === '/wiki/api/v2/footer-comments');
  beforeAll(() => {
    process.env[EMAIL_ENV] = EMAIL;
    process.env[TOKEN_ENV] = TOKEN;
  });
  afterAll(() => {
    delete process.env[EMAIL_ENV];
    delete process.env[TOKEN_ENV];
  });
  afterEach(() => emulator.close());

  it('never overwrites a comment a person wrote quoting the marker', async () => {
    const file = await start();
    const human = emulator.addComment(C.deploy, `<p>${QUOTE}</p>`, 'u-ana');
    await lint(file);
    const comments = emulator.comments(C.deploy);
    expect(comments.find((c) => c.id === human.id)).toMatchObject({
      body: `<p>${QUOTE}</p>`,
      version: { number: 1 },
    });
    expect(comments.filter((c) => c.authorId !== 'u-ana')).toHaveLength(1);
    expect(emulator.log.filter((e) => e.method === 'PUT' && e.path.includes('footer-comments'))).toEqual([]);
  }, 60_000); // CLI runs against an emulator: room for a busy machine

  it('a person quoting the current marker does not silence the bot', async () => {
    let file = await start();
    await lint(file);
    const marker = markerOf(emulator.comments(C.deploy)[0]?.body ?? '');
    expect(marker).not.toBe('');
    await emulator.close();
    file = await start();
    emulator.addComment(C.deploy, `<p>Copied from the bot: ${marker}</p>`, 'u-ana');
    await lint(file);
    expect(posts().filter((e) => (e.body as { pageId?: string }).pageId === C.deploy)).toHaveLength(1);
  }, 60_000); // CLI runs against an emulator: room for a busy machine

  it('finds its own comment behind more than 250 others when the ledger is lost', async () => {
    const file = await start();
    for (let i = 0; i < 260; i++) emulator.addComment(C.deploy, `<p>Comment ${i}</p>`, 'u-ana');
    await lint(file);
    expect(emulator.comments(C.deploy)).toHaveLength(261);
    forgetLedger(file);
    emulator.log.length = 0;
    await lint(file);
    expect(posts()).toEqual([]);
    expect(emulator.comments(C.deploy)).toHaveLength(261);
  }, 60_000); // CLI runs against an emulator: room for a busy machine
});
