import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState } from '../../src/state.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { emulatorsPerTest } from '../helpers/emulators-per-test.js';
import { C, confluenceSpace } from '../writeback/fixtures.js';

// A ledger edited by hand (or restored from a cache) may name ids Confluence never gives. Sent as
// Number(id), `0x3E9` asked for page 1001 and `0x1` for comment 1: another page or comment.
describe('Confluence ids in the ledger that are no Confluence ids', () => {
  const start = emulatorsPerTest();

  it('are taken as gone: nothing is asked for the number they would turn into', async () => {
    const confluence = await start.confluence(confluenceSpace());
    const file = confluenceConfigFile(
      confluence,
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } },
          comments: { enabled: true, 'cooldown-hours': 0 },
        },
      },
    );
    const state = emptyState();
    state.writeback.pages.confluence = { id: '0x3E9', url: 'https://x.invalid', hash: 'stale' };
    state.writeback.comments[`confluence:${C.deploy}`] = {
      id: '0x1',
      fingerprints: ['0000000000000000'],
      at: '2026-01-01T00:00:00.000Z',
    };
    const ledger = join(dirname(file), '.handbook-lint', 'state.json');
    mkdirSync(dirname(ledger), { recursive: true });
    writeFileSync(ledger, JSON.stringify(state));

    const run = await runCli(['run', '--config', file, '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    const asked = confluence.log.map((e) => `${e.method} ${e.path}`);
    expect(asked).not.toContain(`GET /wiki/api/v2/pages/${Number('0x3E9')}`);
    expect(asked).not.toContain('GET /wiki/api/v2/footer-comments/1');
    expect(asked.filter((a) => a === 'POST /wiki/api/v2/pages')).toHaveLength(1);
    expect(confluence.comments(C.deploy)).toHaveLength(1);
  }, 60_000);
});
