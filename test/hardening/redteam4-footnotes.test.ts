import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_BUDGET, overBudget } from '../../src/normalize/budget.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';
import { runCli, tempTree } from '../helpers/cli.js';

const classify = typeClassifier({});

function page(markdown: string) {
  return buildPage(
    { source: 'markdown', id: 'p.md', url: 'p.md', path: 'p.md', markdown, fallbackTitle: 'p' },
    classify,
  );
}

const FOOTNOTE = '# Leave\n\nApply early[^1].\n\n[^1]: Two weeks ahead.\n\n';
const REASON =
  /^the page writes footnotes \(\[\^\) and has too many \] among other marks by its paragraph at line 7/;

// On a page that writes a footnote, the footnote syntax looked back through the paragraph from
// every `]`: 40,000 `]` in a paragraph cost 7-14 s of CPU, 1,000 `]` after 200,000 escapes 19 s.
// Such a page is now unreadable with the reason before it is parsed; no real page comes near.
describe('the page budget, on a page that writes footnotes', () => {
  it('refuses a paragraph of 40,000 ]', { timeout: 120_000 }, () => {
    const p = page(`${FOOTNOTE}${'a]'.repeat(40_000)}\n`);
    expect(p.unreadable?.reason).toMatch(REASON);
  });

  it('refuses 1,000 ] after 200,000 escapes in a paragraph', { timeout: 120_000 }, () => {
    const p = page(`${FOOTNOTE}${'\\!'.repeat(200_000)}${' ]'.repeat(1_000)}\n`);
    expect(p.unreadable?.reason).toMatch(REASON);
  });

  it('reads the same paragraphs on a page without a footnote', { timeout: 120_000 }, () => {
    const p = page(`# Leave\n\n${'a]'.repeat(40_000)}\n`);
    expect(p.unreadable).toBeUndefined();
  });

  it('reads a page with footnotes and ordinary brackets, and a fenced block of them', () => {
    const fenced = `\`\`\`\n${'[1]]'.repeat(50_000)}\n\`\`\`\n`;
    const prose = 'See [the policy](policy.md) and [^1], [a] [b] [c].\n\n'.repeat(500);
    const md = `${FOOTNOTE}${prose}${fenced}`;
    expect(overBudget(md, DEFAULT_PAGE_BUDGET)).toBeUndefined();
    const p = page(md);
    expect(p.unreadable).toBeUndefined();
    expect(p.title).toBe('Leave');
  });
});

describe('a run with a page of 40,000 ] that writes a footnote', () => {
  it('lists it as unreadable with the reason, lints the rest and exits 3', { timeout: 120_000 }, async () => {
    const root = tempTree({
      'README.md': '# Home\n\nOwner: Ann\n',
      'brackets.md': `${FOOTNOTE}${'a]'.repeat(40_000)}\n`,
    });
    writeFileSync(join(root, 'handbook-lint.yml'), 'sources:\n  markdown:\n    root: .\n');
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
    expect(result.code).toBe(3);
    const report = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(out, 'utf8')));
    expect(report.unreadable).toEqual([
      expect.objectContaining({ path: 'brackets.md', reason: expect.stringMatching(REASON) }),
    ]);
    expect(report.summary.pages).toBe(2);
  });
});
