import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveNotice } from '../../src/site-archive.js';
import { runCli, tempTree } from '../helpers/cli.js';

// Fourteenth round. The archive notice (site-archive.ts) reads the handbook's front page before the crawl,
// and since hardening 13 a front page the crawl would refuse says nothing of the handbook. It was judged by
// the default page budget, not the config's `max-page-bytes`: a README the crawl refuses as too large
// (unreadable, exit 3) still turned the unmaintained rules off for every page. It is now judged by the budget
// the crawl uses; an ordinary front page under that budget still counts.

const NOTICE = 'This handbook is no longer maintained.';
const config = 'sources:\n  markdown:\n    root: handbook\n    max-page-bytes: 20000\n';

const lint = (root: string) =>
  runCli([
    'run',
    '--config',
    join(root, 'handbook-lint.yml'),
    '--format',
    'json',
    '--fail-on',
    'never',
    '--now',
    '2026-07-01',
  ]);

describe("the archive notice and the config's max-page-bytes", () => {
  it('a front page over max-page-bytes (the crawl refuses it) turns nothing off', async () => {
    const root = tempTree({
      'handbook-lint.yml': config,
      'handbook/README.md': `# Handbook\n\n${NOTICE}\n\n${'More words here. '.repeat(2_000)}\n`,
      'handbook/guide.md': '# Guide\n\nSee the [home](README.md).\n',
    });
    expect(archiveNotice(join(root, 'handbook'), 20_000)).toBeUndefined();
    const run = await lint(root);
    expect(run.stderr).not.toMatch(/kept unchanged/);
    const report = JSON.parse(run.stdout) as { unreadable: { path: string; reason: string }[] };
    expect(report.unreadable.map((u) => u.path)).toEqual(['README.md']);
  });

  it('the same notice on a front page within it still counts (held)', async () => {
    const root = tempTree({
      'handbook-lint.yml': config,
      'handbook/README.md': `# Handbook\n\n${NOTICE}\n`,
      'handbook/guide.md': '# Guide\n\nSee the [home](README.md).\n',
    });
    expect(archiveNotice(join(root, 'handbook'), 20_000)?.quote).toBe(
      'This handbook is no longer maintained',
    );
    expect((await lint(root)).stderr).toMatch(/README\.md says the handbook is kept unchanged/);
  });
});
