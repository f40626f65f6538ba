import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { DEPLOY_HALF_FIXED, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';

interface Run {
  text?: { content: string; link?: { url: string } | null };
  mention?: { user?: { id: string } };
  annotations?: { code?: boolean };
}

describe('Notion comments are sent as the API takes them', () => {
  let emulator: NotionEmulator;
  let file: string;
  const lint = async () => {
    emulator.log.splice(0);
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    return run;
  };
  const commentRequests = () =>
    emulator.log
      .filter((e) => e.method === 'POST' && e.path === '/v1/comments')
      .map((e) => e.body as { markdown?: string; rich_text?: Run[]; discussion_id?: string });

  beforeEach(async () => {
    emulator = await startNotionEmulator({ fixture: notionWorkspace() });
    process.env[TOKEN_ENV] = emulator.token;
    file = notionConfigFile(emulator, {}, notionWriteBack());
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('multi-line comments go as rich text runs within 2000 characters, never as block markdown', async () => {
    await lint();
    const requests = commentRequests();
    expect(requests.length).toBeGreaterThan(0);
    for (const body of requests) {
      expect(body.markdown).toBeUndefined();
      expect(body.rich_text?.length).toBeLessThanOrEqual(100);
      for (const run of body.rich_text ?? []) expect(run.text?.content.length ?? 0).toBeLessThanOrEqual(2000);
    }
    const adr = requests.find((b) => b.rich_text?.some((r) => r.mention?.user?.id === N.maya));
    expect(adr?.rich_text?.some((r) => r.annotations?.code && r.text?.content === 'decision-status')).toBe(
      true,
    );
    const text = emulator.comments(N.deploy)[0]?.text ?? '';
    expect(text).toMatch(/^handbook-lint found 2 problems on this page:\n• broken-link: /);
    expect(text).toMatch(/\nhandbook-lint #[0-9a-f]{12}: [0-9a-f]{16}/);
  }, 60_000); // CLI runs against an emulator: room for a busy machine

  it('a reply refused with 400 validation_error (the discussion is gone) starts a new discussion', async () => {
    await lint();
    const first = emulator.comments(N.deploy)[0];
    emulator.editPage(N.deploy, DEPLOY_HALF_FIXED, { at: '2026-05-31T12:00:00.000Z' });
    emulator.addFault({ method: 'POST', path: '/v1/comments', status: 400 });
    await lint();
    const thread = emulator.comments(N.deploy);
    expect(thread).toHaveLength(2);
    expect(thread[1]?.discussionId).not.toBe(first?.discussionId);
    expect(thread[1]?.text).toContain('Update: 0 new, 1 fixed');
    expect(commentRequests().map((b) => (b.discussion_id ? 'reply' : 'new'))).toEqual(['reply', 'new']);
  }, 60_000); // CLI runs against an emulator: room for a busy machine
});
