import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { parseCodeowners, patternGlobs } from '../../src/platforms/markdown/codeowners.js';
import { crawlMarkdown } from '../../src/platforms/markdown/folder.js';
import { tempTree } from '../helpers/cli.js';

describe('CODEOWNERS', () => {
  it('reads patterns as gitignore does: anchored with a slash, any depth without', () => {
    expect(patternGlobs('*')).toEqual(['**']);
    // As in gitignore, a name pattern also matches a folder of that name and all below it.
    expect(patternGlobs('*.md')).toEqual(['**/*.md', '**/*.md/**']);
    expect(patternGlobs('/docs/')).toEqual(['docs', 'docs/**']);
    expect(patternGlobs('policies')).toEqual(['**/policies', '**/policies/**']);
    expect(patternGlobs('docs/*')).toEqual(['docs/*']);
  });

  it('lets the last matching line win, and a line without owners unown its paths', () => {
    const owners = parseCodeowners(
      [
        '# Handbook owners',
        '*       @acme/people-ops',
        '/engineering/  @acme/eng  @dana # eng leads',
        '/engineering/drafts/',
      ].join('\n'),
    );
    expect(owners('company/holidays.md')).toBe('@acme/people-ops');
    expect(owners('engineering/oncall.md')).toBe('@acme/eng, @dana');
    expect(owners('engineering/drafts/idea.md')).toBeUndefined();
  });

  it('gives a page that names no owner its CODEOWNERS owner, marked as such; a named owner wins', async () => {
    const root = tempTree({
      '.github/CODEOWNERS': '* @acme/handbook\n/finance/ @acme/finance\n',
      'finance/expenses.md': '# Expenses\n\nClaim within 30 days.\n',
      'finance/travel.md': '---\nowner: "@rosa"\n---\n# Travel\n',
    });
    const pages = [];
    const options = { root, include: ['**/*.md'], exclude: [] };
    for await (const page of crawlMarkdown(options, typeClassifier(DEFAULT_DOCUMENT_TYPES))) pages.push(page);
    expect(pages.map((p) => [p.file, p.owner, p.ownerSource])).toEqual([
      ['finance/expenses.md', '@acme/finance', 'codeowners'],
      ['finance/travel.md', '@rosa', 'front-matter'],
    ]);
  });
});
