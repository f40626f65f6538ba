import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sphinxNavigation } from '../../src/site-sphinx.js';
import { tempTree } from '../helpers/cli.js';

// Thirteenth round. The Sphinx toctree reader (site-sphinx.ts, new in the last round) tested each `:glob:`
// entry of a toctree against every document of the site as it met it, so an `index.rst` (a file a pull
// request writes, read up to 1 MiB) of 60,000 patterns over a site of 5,000 files made 300 million tests
// and compiled 60,000 matchers before the crawl (20,000 patterns over 10,000 files: 14 s; a mebibyte of
// them over as many: minutes, each such file as much again), and 100,000 `*` as many. Patterns are now
// gathered once each and counted first: past 10,000 patterns or 20 million tests the toctrees are not read
// (the site is linted as one whose navigation is unknown). Held: entries that climb out of the source
// folder (`..`, an absolute path), toctrees that list themselves, and 25,000 toctrees in an `{eval-rst}`.

function site(docs: number, index: string): string {
  const root = tempTree({ 'docs/conf.py': "project = 'x'\n", 'docs/index.rst': index });
  mkdirSync(join(root, 'docs', 'p'));
  for (let i = 0; i < docs; i++) writeFileSync(join(root, 'docs', 'p', `${i}.md`), `# P${i}\n`);
  return root;
}

describe('a hostile Sphinx site', () => {
  it('60,000 distinct glob patterns over 5,000 documents: the toctrees are not read (a bound, not minutes)', {
    timeout: 30_000,
  }, () => {
    const patterns = Array.from({ length: 60_000 }, (_, i) => `   p/x${i}*`).join('\n');
    const root = site(5_000, `Home\n====\n\n.. toctree::\n   :glob:\n\n${patterns}\n`);
    expect(sphinxNavigation(root, join(root, 'docs'))).toBeUndefined();
  });

  it('100,000 `*` entries are one pattern: every document is listed once', { timeout: 30_000 }, () => {
    const root = site(5_000, `Home\n====\n\n.. toctree::\n   :glob:\n\n${'   p/*\n'.repeat(100_000)}`);
    const listed = sphinxNavigation(root, join(root, 'docs'));
    expect(listed).toHaveLength(5_000);
    expect(listed).toContain('docs/p/4999.md');
  });

  it('entries that climb out, and toctrees that list themselves, name only the site’s own documents (held)', () => {
    const root = tempTree({
      'secret.md': '# Secret\n',
      'docs/conf.py': "project = 'x'\n",
      'docs/index.rst': `Home\n====\n\n.. toctree::\n   :glob:\n\n   self\n   index\n   ../secret\n   /../secret\n   /../../etc/passwd\n   ../*\n   /../*\n   a\n`,
      'docs/a.md': `# A\n\n\`\`\`{toctree}\na\nindex\n../secret\n\`\`\`\n\n\`\`\`{eval-rst}\n${'.. toctree::\n\n   a\n   ../secret\n\n'.repeat(25_000)}\`\`\`\n`,
    });
    expect(sphinxNavigation(root, join(root, 'docs'))?.sort()).toEqual(['docs/a.md', 'docs/index.rst']);
  });
});
