import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { crawlMarkdown, scanMarkdownFolder } from '../../src/platforms/markdown/folder.js';
import { parentOf } from '../../src/platforms/markdown/page-tree.js';
import { tempTree } from '../helpers/cli.js';

describe('markdown source', () => {
  const root = tempTree({
    'index.md': '# Home\n',
    'team/README.md': '# Team\n',
    'team/onboarding.md': '# Onboarding\n',
    'team/deep/page.md': '# Deep\n',
    'drafts/x.md': '# Draft\n',
    '.github/template.md': '# Hidden\n',
    'node_modules/pkg/readme.md': '# Dependency\n',
    'notes.txt': 'not markdown',
  });

  it('lists files by include/exclude, skipping dot folders and node_modules, sorted', async () => {
    const files = (await scanMarkdownFolder({ root, include: ['**/*.md'], exclude: ['drafts/**'] })).pages;
    expect(files).toEqual(['index.md', 'team/README.md', 'team/deep/page.md', 'team/onboarding.md']);
  });

  it('lists only the given files, without walking the folder, when told to (files outside any handbook)', async () => {
    const scan = await scanMarkdownFolder({
      root,
      include: ['**/*.md'],
      exclude: [],
      only: ['team/onboarding.md', 'team/missing.md', 'team'],
    });
    expect(scan).toEqual({ pages: ['team/onboarding.md'], assets: [], unreadable: [] });
  });

  it('finds the parent index page of files and of index pages', () => {
    const files = new Set(['index.md', 'team/README.md', 'team/onboarding.md', 'team/deep/page.md']);
    expect(parentOf('team/onboarding.md', files)).toBe('team/README.md');
    expect(parentOf('team/deep/page.md', files)).toBe('team/README.md');
    expect(parentOf('team/README.md', files)).toBe('index.md');
    expect(parentOf('index.md', files)).toBeUndefined();
  });

  it('falls back to the file time for the edit date outside git', async () => {
    utimesSync(join(root, 'index.md'), new Date('2024-03-04T00:00:00Z'), new Date('2024-03-04T00:00:00Z'));
    const pages = [];
    for await (const page of crawlMarkdown({ root, include: ['*.md'], exclude: [] }, typeClassifier({})))
      pages.push(page);
    expect(pages.map((p) => [p.key, p.updatedAt?.toISOString()])).toEqual([
      ['markdown:index.md', '2024-03-04T00:00:00.000Z'],
    ]);
  });

  it('reports a missing folder clearly', async () => {
    await expect(
      scanMarkdownFolder({ root: join(root, 'nope'), include: ['**/*.md'], exclude: [] }),
    ).rejects.toThrow(
      /Cannot read handbook folder .*nope: ENOENT \(no such folder: check sources\.markdown\.root/,
    );
  });
});
