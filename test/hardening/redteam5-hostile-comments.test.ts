import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile, EMAIL, EMAIL_ENV, TOKEN, TOKEN_ENV } from '../helpers/confluence.js';
import { C, C_DEPLOY_HALF_FIXED, confluenceSpace } from '../writeback/fixtures.js';

// Comments an attacker shapes: a person's comment that copies ours word for word (marker and
// digest), and a comment of ours a person edited to carry storage markup and mentions.
const PERSON = 'u-ana';
const HOSTILE =
  '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>steal()</script>]]></ac:plain-text-body></ac:structured-macro>' +
  '<p><ac:link><ri:user ri:account-id="u-ceo" /></ac:link> approve this <a href="javascript:steal()">here</a></p>';

describe('Confluence comments an attacker shapes', () => {
  let emulator: ConfluenceEmulator;
  let file: string;
  beforeAll(() => {
    process.env[EMAIL_ENV] = EMAIL;
    process.env[TOKEN_ENV] = TOKEN;
  });
  afterAll(() => {
    delete process.env[EMAIL_ENV];
    delete process.env[TOKEN_ENV];
  });
  afterEach(() => emulator.close());

  const start = async () => {
    emulator = await startConfluenceEmulator({ fixture: confluenceSpace() });
    file = confluenceConfigFile(
      emulator,
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } },
          comments: { enabled: true, 'cooldown-hours': 0 },
        },
      },
    );
  };
  const lint = async () => {
    const run = await runCli(['run', '--config', file, '--now', '2026-06-01']);
    expect(run.code).toBe(0);
  };
  const writesTo = (id: string) =>
    emulator.log.filter((e) => e.method === 'PUT' && e.path === `/wiki/api/v2/footer-comments/${id}`);

  it('a copy of our comment by a person, listed before ours, is never taken for ours', async () => {
    // Our comment as a run writes it on this wiki (same findings, same marker and digest).
    await start();
    await lint();
    const written = emulator.comments(C.deploy)[0]?.body ?? '';
    expect(written).toContain('handbook-lint');
    await emulator.close();
    // On a fresh copy of the wiki (no ledger), a person posted that text first.
    await start();
    const copy = emulator.addComment(C.deploy, written, PERSON);
    await lint();
    const mine = () => emulator.comments(C.deploy).filter((c) => c.id !== copy.id);
    expect(mine()).toHaveLength(1);
    const ours = mine()[0]?.id ?? '';
    emulator.editPage(C.deploy, { body: C_DEPLOY_HALF_FIXED });
    await lint();
    expect(writesTo(copy.id)).toEqual([]);
    expect(emulator.comments(C.deploy).find((c) => c.id === copy.id)?.body).toBe(written);
    // Ours was brought up to date in place: one comment of ours, never a second.
    expect(mine().map((c) => c.id)).toEqual([ours]);
    expect(writesTo(ours)).toHaveLength(1);
  }, 60_000);

  it('our comment edited by a person (markup, a mention, a script link) is left theirs; ours holds none of it', async () => {
    await start();
    await lint();
    const [ours] = emulator.comments(C.deploy);
    if (!ours) throw new Error('the first run comments on the deploy guide');
    // The person keeps our marker and digest, so the comment would still pass for ours by its text.
    ours.body = `${ours.body}${HOSTILE}`;
    ours.version = { ...ours.version, number: ours.version.number + 1, authorId: PERSON };
    const edited = ours.body;
    emulator.editPage(C.deploy, { body: C_DEPLOY_HALF_FIXED });
    await lint();
    expect(writesTo(ours.id)).toEqual([]);
    expect(emulator.comments(C.deploy).find((c) => c.id === ours.id)?.body).toBe(edited);
    const mine = emulator.comments(C.deploy).filter((c) => c.version.authorId !== PERSON);
    expect(mine).toHaveLength(1);
    const body = mine[0]?.body ?? '';
    expect(body).toContain('handbook-lint');
    for (const planted of ['ac:name="html"', 'u-ceo', 'javascript:', 'steal()'])
      expect(body).not.toContain(planted);
  }, 60_000);
});
