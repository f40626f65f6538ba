import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { detects } from '../../src/rules/checks/section-families.js';
import { runCli, tempTree } from '../helpers/cli.js';

// A page's findings and headings were spread into calls (`push(...findings)`, `Math.min(...depths)`),
// which V8 refuses past some 120,000 arguments: a 1.6 MB page of 150,000 `YYYY-MM-DD` ended the run
// with "internal error Maximum call stack size exceeded" (exit 70), and so did the console report's
// column width over a page's findings and the section families' depth over 125,000 headings.

describe('a page of more findings or headings than a call takes arguments', () => {
  it('150,000 findings on one page are reported, not an internal error', { timeout: 120_000 }, async () => {
    const root = tempTree({ 'page.md': `# Dates\n\nOwner: @ana\n\n${'YYYY-MM-DD '.repeat(150_000)}\n` });
    const args = ['run', root, '--format', 'json', '--fail-on', 'never', '--now', '2026-04-01'];
    const { code, stdout, stderr } = await runCli(args);
    expect(stderr).not.toContain('internal error');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'placeholder')).toHaveLength(150_000);
  });

  it("200,000 headings are a page's sections, not a stack overflow", () => {
    const children = Array.from({ length: 200_000 }, (_, i) => ({
      type: 'heading' as const,
      depth: 2 as const,
      children: [{ type: 'text' as const, value: i === 5 ? 'Context' : `Topic ${i}` }],
    }));
    const page = {
      title: 'Notes',
      fields: {},
      markdown: '',
      headings: children.map((h) => ({ depth: h.depth, text: 'Topic' })),
      tree: { type: 'root', children },
    } as unknown as Page;
    const detect = {
      'unless-paths': [],
      'unless-headings': ['Context'],
      titles: [],
      fields: [],
      headings: [],
      'min-headings': 1,
    };
    expect(detects(page, detect as unknown as Parameters<typeof detects>[1])).toBe(false);
  });
});
