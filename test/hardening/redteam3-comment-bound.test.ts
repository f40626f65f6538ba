import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { runCli } from '../helpers/cli.js';
import { commentingWikiForSuite } from '../helpers/confluence.js';

/** The cap the config documents for `writeback.comments.cap` when it is not set. */
const DEFAULT_CAP = 25;

interface Report {
  findings: { severity: string; page: { key: string } }[];
}

describe('a first run on a messy 3,000-page wiki comments within the documented cap', () => {
  let emulator: ConfluenceEmulator;
  let file: string;
  let pageIds: string[];
  const wiki = commentingWikiForSuite(3000);
  beforeAll(() => {
    ({ emulator, file, pageIds } = wiki());
  });

  const lint = async () => {
    emulator.log.length = 0;
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    const writes = emulator.log.filter((e) => e.write && e.path.includes('footer-comments'));
    return { report: JSON.parse(run.stdout) as Report, writes };
  };
  const commented = () => pageIds.filter((id) => emulator.comments(id).length > 0);

  it('each run writes at most the cap; a page never gets a second comment; a run that lost its ledger writes none twice', async () => {
    const first = await lint();
    const offending = new Set(
      first.report.findings.filter((f) => f.severity === 'error').map((f) => f.page.key),
    );
    expect(offending.size).toBeGreaterThan(3 * DEFAULT_CAP);
    expect(first.writes.length).toBe(DEFAULT_CAP);
    expect(commented()).toHaveLength(DEFAULT_CAP);

    // Same findings: only pages still waiting get their comment, none is edited or posted twice.
    const second = await lint();
    expect(second.writes.length).toBe(DEFAULT_CAP);
    expect(second.writes.every((w) => w.method === 'POST')).toBe(true);
    expect(commented()).toHaveLength(2 * DEFAULT_CAP);
    expect(pageIds.every((id) => emulator.comments(id).length <= 1)).toBe(true);

    // The ledger lost (a CI cache gone): the pages first in line already carry our comment.
    rmSync(join(dirname(file), '.handbook-lint'), { recursive: true, force: true });
    const third = await lint();
    expect(third.writes).toEqual([]);
    expect(pageIds.every((id) => emulator.comments(id).length <= 1)).toBe(true);
  }, 240_000);
});
