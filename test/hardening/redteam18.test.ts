import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// Eighteenth round: three limits that held their tongue.
// 1. The Notion walk under `roots` stopped 64 levels down without a word, and the pages it found on its last
//    level were then left out as well (the check of "below a root" went one step less deep than the walk).
// 2. A comment post that got no answer stopped the wiki's comments at the first page: the rest got none.
// 3. The HTML and Markdown reports carried a page's bidirectional overrides as they were, where the console,
//    compact and GitHub outputs show them as `\u202e`.

const NOW = ['--now', '2026-06-01'];

/** What these tests read of the JSON report. */
interface JsonReport {
  summary: { pages: number };
  findings: { page: { title: string; path: string } }[];
}
const RLO = '\u202e';
const LRI = '\u2066';
const RLM = '\u200f';

describe('bidirectional overrides in the HTML and Markdown reports', () => {
  const hostile = `Guide ${RLO}dm.exe ${LRI}x`;
  // A right-to-left page's own marks (U+200F) and Hebrew are its text: they stay.
  const rtl = `מדריך ${RLM}שלום`;
  const repository = () =>
    tempTree({
      [`docs/red${RLO}gpj.md`]: `# ${hostile}\n\nSee [x](miss${RLO}ing.md).\n`,
      'docs/hebrew.md': `# ${rtl}\n\nSee [y](gone.md).\n`,
      'docs/index.md': `# Home\n\nSee [the guide](red${RLO}gpj.md) and [the other](hebrew.md).\n`,
    });
  const FLAGS = ['--fail-on', 'never', ...NOW];

  it.each(['html', 'markdown'])(
    '--format %s shows them as \\u202e, and keeps right-to-left text',
    async (format) => {
      const root = repository();
      const out = join(root, `report.${format}`);
      const run = await runCli(['run', root, '--format', format, '-o', out, ...FLAGS]);
      expect(run.stderr).not.toMatch(/internal error/);
      const text = readFileSync(out, 'utf8');
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      // Markdown escapes the backslash it shows; a link still leads to the file as it is named.
      const shown = format === 'html' ? '\\' : '\\\\';
      expect(text).toContain(`Guide ${shown}u202edm.exe ${shown}u2066x`);
      expect(text).toContain(`miss${shown}u202eing.md`);
      expect(text).toContain('docs/red%E2%80%AEgpj.md');
      expect(text).toContain(rtl);
    },
  );

  it('--format json keeps the raw text', async () => {
    const root = repository();
    const run = await runCli(['run', root, '--format', 'json', ...FLAGS]);
    const report = JSON.parse(run.stdout) as JsonReport;
    const titles = report.findings.map((f) => f.page.title);
    expect(titles).toContain(hostile);
    expect(report.findings.map((f) => f.page.path)).toContain(`docs/red${RLO}gpj.md`);
  });
});
