import { describe, expect, it } from 'vitest';
import { buildPage } from '../../src/normalize/page.js';
import { readmeTemplate } from '../../src/rules/readme-template.js';

// A folder's README may show its records' template in a Markdown code block (readme-template.ts,
// tenth round); a pull request writes that README. Ninth red-team round, held: the blocks are judged
// one by one up to the first with two headings, each read once, one over 20,000 characters not at
// all, and only that block is parsed as a page: after 10,000 blocks of one heading and a block of
// 30 KB of headings (over the bound) the template is found. Fences nested in a longer fence are one block, judged as
// the first with two headings: its inner headings are code in it, so it is no template, and the
// README's later template is not looked for (the first such block decides, by design).

const readme = (markdown: string) =>
  buildPage(
    {
      source: 'markdown',
      id: 'docs/adr/README.md',
      url: 'docs/adr/README.md',
      path: 'docs/adr/README.md',
      markdown,
      fallbackTitle: 'README',
      file: 'docs/adr/README.md',
    },
    () => 'page',
  );

const TEMPLATE =
  '```markdown\n# Title\n\n## Status\n\nProposed\n\n## Context\n\n## Decision\n\n## Consequences\n```\n';

describe("a README's code blocks read as its folder's template (held)", () => {
  it('finds the template after 10,000 blocks of one heading, a block of 30 KB; nested fences are one block', {
    timeout: 60_000,
  }, () => {
    const junk = '```\n# One heading\ntext\n```\n\n'.repeat(10_000);
    const huge = `\`\`\`md\n${'# Heading\n'.repeat(3_000)}\`\`\`\n\n`;
    const nested = `\`\`\`\`md\n# Outer\n\`\`\`md\n# Inner\n## Status\n\`\`\`\n\`\`\`\`\n\n`;
    const page = readme(`# Decisions\n\n${junk}${huge}${nested}${TEMPLATE}`);
    expect(page.unreadable).toBeUndefined();
    const template = readmeTemplate(page);
    expect(template).toBeUndefined();
    const plain = readmeTemplate(readme(`# Decisions\n\n${junk}${huge}${TEMPLATE}`));
    expect(plain?.headings.map((h) => h.text)).toEqual([
      'Title',
      'Status',
      'Context',
      'Decision',
      'Consequences',
    ]);
  });
});
