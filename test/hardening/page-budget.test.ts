import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PAGE_BUDGET, overBudget } from '../../src/normalize/budget.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';
import { runCli, tempTree } from '../helpers/cli.js';

// Root reads any file, so permission errors are simulated for paths named "locked".
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const denied = (path: string) => {
    const error = new Error(`EACCES: permission denied, open '${path}'`) as NodeJS.ErrnoException;
    error.code = 'EACCES';
    return error;
  };
  return {
    ...fs,
    readFile: (async (path: string, ...rest: unknown[]) => {
      if (String(path).includes('locked')) throw denied(String(path));
      return (fs.readFile as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof fs.readFile,
    open: (async (path: string, ...rest: unknown[]) => {
      if (String(path).includes('locked')) throw denied(String(path));
      return (fs.open as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof fs.open,
    readdir: (async (path: string, ...rest: unknown[]) => {
      if (String(path).endsWith('locked-folder')) throw denied(String(path));
      return (fs.readdir as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof fs.readdir,
  };
});

const classify = typeClassifier({});

function page(markdown: string) {
  return buildPage(
    { source: 'markdown', id: 'p.md', url: 'p.md', path: 'p.md', markdown, fallbackTitle: 'p' },
    classify,
  );
}

/** A list nested `depth` levels, each item indented under the one before. */
function deepList(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
}

const ALIAS_BOMB = [
  '---',
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = 'abcdefghi'[i];
    return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
  }),
  '---',
  '# Bomb',
  '',
].join('\n');

describe('the page budget pre-scan', () => {
  it('passes an ordinary page', () => {
    const md = '# Title\n\n> quote\n> > nested\n\n- a\n  - b\n    - c\n\n*emphasis* and _more_ ~~gone~~\n';
    expect(overBudget(md, DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });

  it('refuses lists nested deeper than the limit, naming the line', () => {
    expect(overBudget(deepList(100), DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(overBudget(deepList(300), DEFAULT_PAGE_BUDGET)).toBe(
      'line 101 is nested 101 blocks deep, over the limit of 100',
    );
    expect(overBudget('- '.repeat(5000), DEFAULT_PAGE_BUDGET)).toMatch(/^line 1 is nested 5000 blocks deep/);
  });

  it('is not fooled by unindented lazy lines between the nested items', () => {
    const lazy = Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- item\nlazy text`).join('\n');
    expect(overBudget(lazy, DEFAULT_PAGE_BUDGET)).toMatch(/^line 201 is nested 101 blocks deep/);
  });

  it('refuses deep blockquotes, on one line or many', () => {
    expect(overBudget('>'.repeat(200_000), DEFAULT_PAGE_BUDGET)).toMatch(
      /^line 1 is nested 200000 blocks deep/,
    );
    expect(overBudget(`${'> '.repeat(150)}x\n`.repeat(1000), DEFAULT_PAGE_BUDGET)).toMatch(
      /^line 1 is nested 150/,
    );
  });

  it('does not count lists or markers inside code fences', () => {
    const code = `\`\`\`\n${deepList(300)}\n${'*a'.repeat(20_000)}\n\`\`\`\n`;
    expect(overBudget(code, DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });

  it('refuses a paragraph with more emphasis markers than the limit, not the same markers in short paragraphs', () => {
    expect(overBudget('*a'.repeat(20_000), DEFAULT_PAGE_BUDGET)).toMatch(/paragraph at line 1 has over 2000/);
    expect(overBudget(`${'*a'.repeat(100)}\n\n`.repeat(200), DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });

  it('refuses a page over the size limit', () => {
    expect(overBudget('x'.repeat(2000), { ...DEFAULT_PAGE_BUDGET, maxBytes: 1000 })).toBe(
      'the page is 2000 bytes, over the limit of 1000',
    );
  });
});

describe('pages the parser must not see', () => {
  it('lists a 300-deep list as unreadable instead of overflowing the stack', () => {
    const p = page(deepList(300));
    expect(p.unreadable?.reason).toMatch(/nested 101 blocks deep/);
    expect(p.markdown).toBe('');
    expect(p.title).toBe('p');
  });

  it('makes a front matter alias bomb a front-matter problem, not a crash', () => {
    const p = page(ALIAS_BOMB);
    expect(p.unreadable).toBeUndefined();
    expect(p.title).toBe('Bomb');
    expect(p.problems).toEqual([
      expect.objectContaining({ code: 'front-matter', message: expect.stringMatching(/alias count/i) }),
    ]);
  });
});

describe('a run with pages it cannot read', () => {
  it('lists each as unreadable with its reason and goes on to exit 3 with a report', async () => {
    const root = tempTree({
      'README.md': '# Home\n\nOwner: Ann\n',
      'deep.md': deepList(300),
      'quotes.md': '>'.repeat(200_000),
      'bomb.md': ALIAS_BOMB,
      'locked.md': '# Locked\n',
      'docs/locked-folder/page.md': '# Hidden\n',
      'docs/ok.md': '# Fine\n',
    });
    writeFileSync(join(root, 'big.md'), `# Big\n\n${'word '.repeat(60_000)}\n`);
    writeFileSync(
      join(root, 'handbook-lint.yml'),
      'sources:\n  markdown:\n    root: .\n    max-page-bytes: 250000\n',
    );
    const out = join(root, 'report.json');
    const result = await runCli([
      'run',
      '--config',
      join(root, 'handbook-lint.yml'),
      '--format',
      'json',
      '-o',
      out,
    ]);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(result.code).toBe(3);
    const report = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(out, 'utf8')));
    const reasons = Object.fromEntries(
      (report.unreadable as { path: string; reason: string }[]).map((u) => [u.path, u.reason]),
    );
    expect(reasons).toEqual({
      'big.md': 'the page is 300008 bytes, over the limit of 250000',
      'deep.md': expect.stringMatching(/^line 101 is nested 101 blocks deep/),
      'docs/locked-folder/': 'cannot read folder: permission denied (EACCES)',
      'locked.md': 'cannot read file: permission denied (EACCES)',
      'quotes.md': 'line 1 is nested 200000 blocks deep, over the limit of 100',
    });
    expect(report.summary.pages).toBe(8);
  });
});
