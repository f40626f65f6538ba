import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// Fifteenth round. Hardening 13 bounded the Sphinx toctree reader (10,000 `:glob:` patterns, 20 million tests of a
// document's name): past either bound the toctrees are not read and the site is linted as one whose navigation
// is unknown. It said nothing of it, so a pull request that pads `index.rst` with patterns changed every orphan
// finding of the site without a word. The reader now says so in a notice of the run (the readers hand a notice
// to the run through `siteOptions`), naming the site's folder and the bound it passed.

function site(docs: number, index: string): string {
  const root = tempTree({ 'docs/conf.py': "project = 'x'\n", 'docs/index.rst': index });
  mkdirSync(join(root, 'docs', 'p'));
  for (let i = 0; i < docs; i++) writeFileSync(join(root, 'docs', 'p', `${i}.md`), `# P${i}\n`);
  return root;
}

const toctree = (entries: string[]) => `Home\n====\n\n.. toctree::\n   :glob:\n\n${entries.join('\n')}\n`;

describe('a Sphinx site past the glob bound', () => {
  it('10,001 patterns: the run says the toctrees were not read, and where', { timeout: 60_000 }, async () => {
    const patterns = Array.from({ length: 10_001 }, (_, i) => `   p/x${i}*`);
    const run = await runJson(site(5, toctree(patterns)));
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(
      /warning .*Sphinx site in docs.*10001 `:glob:` patterns.*toctrees were not read/,
    );
  });

  it('a site within the bound says nothing of it', { timeout: 60_000 }, async () => {
    const run = await runJson(site(5, toctree(['   p/*'])));
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/toctrees were not read/);
  });
});
