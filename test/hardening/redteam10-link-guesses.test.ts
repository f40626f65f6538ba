import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// The ninth round found a page of many links slow to crawl and left it unprofiled. The profile of a
// page of broken links into another page's headings (`other.md#h123`, the target with 2,000 headings)
// spent nine tenths of its time in one place: the "Did you mean #k123?" guess, an edit distance from
// each broken link to every heading (or every file of the folder) of its target. 10,000 such links
// cost 14 s, 40,000 73 s; a folder of 4,000 pages and a page of 4,000 links to missing names as many
// edit distances as links times pages. A page's guesses now share a budget of edit-distance cells
// (some 50 million, a second): the first broken links still get their guess, those after the budget
// none. Every link is still reported. The test's timeout is its only clock; what it asserts is the
// answer and that the bound was reached.

interface Report {
  findings: { ruleId: string; message: string; page: { path: string } }[];
}

const brokenLinks = async (files: Record<string, string>) =>
  (JSON.parse((await runJson(tempTree(files))).stdout) as Report).findings.filter(
    (f) => f.ruleId === 'broken-link',
  );

const guessed = (findings: Report['findings']) => findings.filter((f) => f.message.includes('Did you mean'));

describe('a page of thousands of broken links', () => {
  it('20,000 links to missing headings of a page of 2,000 are each reported; the guesses stop at the budget', {
    timeout: 120_000,
  }, async () => {
    const headings = Array.from({ length: 2_000 }, (_, i) => `## k${i}`).join('\n\n');
    const links = Array.from({ length: 20_000 }, (_, i) => `[l](other.md#h${i})`).join(' ');
    const found = await brokenLinks({
      'page.md': `# Links\n\nOwner: @ana\n\n${links}\n`,
      'other.md': `# Other\n\nOwner: @ana\n\n[back](page.md)\n\n${headings}\n`,
    });
    expect(found).toHaveLength(20_000);
    expect(found[0]?.message).toBe(
      'Broken link other.md#h0: no heading or anchor "#h0" on that page. Did you mean #k0?',
    );
    const withGuess = guessed(found).length;
    expect(withGuess).toBeGreaterThan(100);
    expect(withGuess).toBeLessThan(20_000);
    expect(found.at(-1)?.message).toBe(
      'Broken link other.md#h19999: no heading or anchor "#h19999" on that page.',
    );
  });

  it('4,000 links to missing pages of a folder of 4,000 are each reported; the guesses stop at the budget', {
    timeout: 120_000,
  }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4_000; i++) files[`docs/f${i}.md`] = `# F${i}\n\nOwner: @ana\n`;
    const links = Array.from({ length: 4_000 }, (_, i) => `[l](g${i}.md)`).join(' ');
    files['docs/index.md'] =
      `# Index\n\nOwner: @ana\n\n${Array.from({ length: 4_000 }, (_, i) => `[f](f${i}.md)`).join(' ')}\n\n${links}\n`;
    const found = (await brokenLinks(files)).filter((f) => f.page.path.endsWith('index.md'));
    expect(found).toHaveLength(4_000);
    expect(found[0]?.message).toMatch(/^Broken link g0\.md: no such page\. Did you mean /);
    expect(guessed(found).length).toBeLessThan(4_000);
    expect(found.at(-1)?.message).toBe('Broken link g3999.md: no such page.');
  });

  it('a page of a few broken links still gets every guess', async () => {
    const found = await brokenLinks({
      'page.md': '# Links\n\nOwner: @ana\n\n[a](other.md#kk1) [b](othr.md) [c](#link)\n',
      'other.md': '# Other\n\nOwner: @ana\n\n[back](page.md)\n\n## kk2\n',
    });
    expect(found.map((f) => f.message)).toEqual([
      'Broken link other.md#kk1: no heading or anchor "#kk1" on that page. Did you mean #kk2?',
      'Broken link othr.md: no such page. Did you mean other.md?',
      'Broken link #link: no heading or anchor "#link" on that page. Did you mean #links?',
    ]);
  });
});
