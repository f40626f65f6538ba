import { describe, expect, it } from 'vitest';
import { archiveNotice } from '../../src/site-archive.js';
import { runCli, tempTree } from '../helpers/cli.js';

// Thirteenth round. The archive notice (site-archive.ts, new in the last round) reads the handbook's front
// page (the root's README or index, read up to 1 MiB) before the crawl, to know whether the whole handbook
// is kept unchanged, and parsed it with the Markdown parser outside the page budget. So a README of lazy
// lines (`> a`, then lines that go on without their `>`), which the crawl refuses before parsing, cost the
// parser's look-back there: 20,000 lines (40 KB) 9 s, 40,000 some 40 s (207 s on a loaded host), a mebibyte hours, on
// every run. The front page is now judged by the page budget first: one the crawl would refuse says nothing
// of the handbook (held: a notice at the top of an ordinary front page still counts).

const NOTICE = 'This handbook is no longer maintained.';

describe('a hostile front page', () => {
  it('a README of 40,000 lazy lines is refused by its budget, not parsed (the timeout is the only clock)', {
    timeout: 60_000,
  }, async () => {
    const root = tempTree({
      'README.md': `# Handbook\n\n${NOTICE}\n\n> a\n${'b\n'.repeat(40_000)}`,
      'guide.md': '# Guide\n\nSee the [home](README.md).\n',
    });
    expect(archiveNotice(root)).toBeUndefined();
    const run = await runCli(['run', root, '--format', 'json', '--fail-on', 'never', '--now', '2026-07-01']);
    expect(run.stderr).not.toMatch(/kept unchanged/);
    const report = JSON.parse(run.stdout) as { unreadable?: { file?: string; reason: string }[] };
    expect(JSON.stringify(report)).toMatch(/too many lines that go on with a list or block quote/);
  });

  it('an ordinary front page that says so still turns the unmaintained rules off (held)', async () => {
    const root = tempTree({ 'README.md': `# Handbook\n\n${NOTICE}\n`, 'guide.md': '# Guide\n\nHello.\n' });
    expect(archiveNotice(root)).toEqual({
      file: 'README.md',
      quote: 'This handbook is no longer maintained',
    });
    const run = await runCli(['run', root, '--format', 'json', '--fail-on', 'never', '--now', '2026-07-01']);
    expect(run.stderr).toMatch(/README\.md says the handbook is kept unchanged/);
  });
});
