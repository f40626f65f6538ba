import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { justTheDocsNavigation } from '../../src/site-jekyll.js';
import { runCli, tempTree } from '../helpers/cli.js';

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

// A site generator's config is read before the crawl to find the pages its navigation lists. A
// repository can make that file a link to a device that never ends (`/dev/zero`): the run read it
// until it ran out of memory. Such a file, or one over 1 MiB, is now read as empty.
describe('site generator config files that are links to /dev/zero', () => {
  it('are read as no config, and the run ends with its report', { timeout: 120_000 }, async () => {
    const root = tempTree({
      'handbook/docs/index.md': '# Home\n\nSee [setup](setup.md).\n',
      'handbook/docs/setup.md': '# Setup\n\nOwner: Ana\n',
    });
    for (const name of ['mkdocs.yml', '_toc.yml', 'sidebars.js', 'docusaurus.config.js'])
      symlinkSync('/dev/zero', join(root, 'handbook', name));
    const { code, stdout } = await runCli([
      'run',
      join(root, 'handbook'),
      '--format',
      'json',
      '--now',
      '2026-04-01',
    ]);
    expect(code).toBeLessThan(2);
    expect((JSON.parse(stdout) as { summary: { pages: number } }).summary.pages).toBe(2);
  });
});
