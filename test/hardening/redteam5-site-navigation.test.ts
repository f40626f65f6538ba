import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { justTheDocsNavigation } from '../../src/site-jekyll.js';

// just-the-docs builds its sidebar from each page's `parent`. A repository can chain parents as deep as
// it has pages: reading that chain once ended the run ("Maximum call stack size exceeded").
describe('a just-the-docs sidebar built from a chain of 20,000 parents', () => {
  const site = mkdtempSync(join(tmpdir(), 'hl-jtd-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('lists every page of the chain and a page whose parent no page is titled is left out', () => {
    writeFileSync(join(site, '_config.yml'), 'theme: just-the-docs\n');
    const pages = join(site, 'docs');
    mkdirSync(pages);
    const depth = 20_000;
    for (let i = 0; i < depth; i++)
      writeFileSync(
        join(pages, `p${i}.md`),
        `---\ntitle: Page ${i}\n${i > 0 ? `parent: Page ${i - 1}\n` : ''}---\n# Page ${i}\n`,
      );
    writeFileSync(join(pages, 'lost.md'), '---\ntitle: Lost\nparent: Nobody\n---\n# Lost\n');

    const listed = justTheDocsNavigation(site, site) ?? [];

    expect(listed).toHaveLength(depth);
    expect(listed).toContain(`docs/p${depth - 1}.md`);
    expect(listed).not.toContain('docs/lost.md');
  }, 120_000);
});
