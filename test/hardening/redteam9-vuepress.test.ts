import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vuepressNavigation } from '../../src/site-vuepress.js';
import { tempTree } from '../helpers/temp-tree.js';

// VuePress' sidebar is read from `.vuepress/config.*` by its quoted paths, never run (site-vuepress.ts,
// tenth round); a pull request writes that file. Ninth red-team round, held: a sidebar of 100,000
// entries in a config of a mebibyte, paths that climb out with `..` (from the source folder, from a
// sidebar key, after the base) and a page beside the handbook list only the site's own pages, and a
// config that is a link to /dev/zero is no config.

describe('a hostile VuePress config (held)', () => {
  it('100,000 sidebar entries and paths with .. list only the pages inside the site', {
    timeout: 60_000,
  }, () => {
    const root = tempTree({
      'docs/README.md': '# Home\n',
      'docs/guide/setup.md': '# Setup\n',
      'secret.md': '# Outside the site\n',
      'docs/.vuepress/keep.txt': '',
    });
    const site = join(root, 'docs');
    const entries = Array.from({ length: 100_000 }, (_, i) => `'/p${i}'`).join(',');
    const climbing = [
      "'../secret.md'",
      "'/../secret'",
      "'/guide/../../secret.md'",
      "'guide/../../secret'",
    ].join(',');
    writeFileSync(
      join(site, '.vuepress', 'config.js'),
      `module.exports = { base: '/../', themeConfig: { sidebar: { '/../': ['../secret', ${climbing}], '/guide/': ['setup'], '/': [${entries}] } } };\n`,
    );
    // The README by the `'/'` key, the setup page by the `'/guide/'` key; nothing from outside `docs/`.
    expect(vuepressNavigation(root, site)?.sort()).toEqual(['docs/README.md', 'docs/guide/setup.md']);
  });

  it('a config that is a link to /dev/zero is no config', () => {
    const root = tempTree({ 'docs/README.md': '# Home\n' });
    mkdirSync(join(root, 'docs', '.vuepress'));
    symlinkSync('/dev/zero', join(root, 'docs', '.vuepress', 'config.js'));
    expect(vuepressNavigation(root, join(root, 'docs'))).toBeUndefined();
  });
});
