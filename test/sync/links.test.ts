import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/normalize/markdown.js';
import { findLinkEdits, rewriteLinks } from '../../src/sync/links.js';

const A = '0123456789abcdef0123456789abcdef';
const B = 'fedcba9876543210fedcba9876543210';
const files: Record<string, string> = {
  'notion:01234567-89ab-cdef-0123-456789abcdef': 'handbook/engineering.md',
  'notion:fedcba98-7654-3210-fedc-ba9876543210': 'handbook/engineering/on-call (old).md',
};
const rewrite = (markdown: string, from = 'handbook/people.md') =>
  rewriteLinks(markdown, findLinkEdits(parseMarkdown(markdown), markdown), from, (key) => files[key]);

describe('rewriteLinks', () => {
  it('points links at mirrored pages to their files, relative and with the anchor', () => {
    expect(rewrite(`See [Eng](https://www.notion.so/Eng-${A}#deploys "Engineering") now.\n`)).toBe(
      'See [Eng](engineering.md#deploys "Engineering") now.\n',
    );
    expect(rewrite(`[x](<https://www.notion.so/${A}>)\n`, 'other/deep/page.md')).toBe(
      '[x](../../handbook/engineering.md)\n',
    );
  });

  it('rewrites reference definitions, autolinks and HTML anchors; bare URLs are text, as the linter reads them', () => {
    expect(
      rewrite(
        `[ref][e] and https://www.notion.so/${A} and <https://www.notion.so/${B}> and <a href="https://www.notion.so/${A}">e</a>\n\n[e]: https://www.notion.so/${A} "t"\n`,
      ),
    ).toBe(
      `[ref][e] and https://www.notion.so/${A} and [https://www.notion.so/${B}](<engineering/on-call (old).md>) and <a href="engineering.md">e</a>\n\n[e]: engineering.md "t"\n`,
    );
  });

  it('leaves links to pages the mirror lacks, external links and relative links alone', () => {
    const markdown = `[gone](https://www.notion.so/${'1'.repeat(32)}) [web](https://example.com) [rel](foo) [top](#top)\n`;
    expect(rewrite(markdown)).toBe(markdown);
  });
});
