import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchHeadingBlocks } from '../../src/report/location.js';
import { escapeMarkdown } from '../../src/report/markdown-text.js';
import { runCli, tempTree } from '../helpers/cli.js';

// Page text the reports write on one line: the Markdown report and the Action's step summary fold each
// run of whitespace that breaks a line into a space, and a Notion page's headings are compared with its
// heading blocks without their attribute lists. Both patterns began with `\s*`, which read a run of
// spaces from each of its spaces: a title of 100,000 spaces cost 20 s of Markdown report (400,000:
// minutes), a heading as long as much in the comparison. Runs are now taken whole. A run of 400,000 here
// (the old cost grows with its square: some five minutes) and no stopwatch: the test's own timeout, a
// minute, is the clock (vitest fails a synchronous test that overran it when it returns).
const SPACES = ' '.repeat(400_000);

describe('page text with a run of 400,000 spaces in the reports', () => {
  it('--format markdown writes a page titled so, the run kept whole', { timeout: 60_000 }, async () => {
    const root = tempTree({ 'handbook/page.md': `# a${SPACES}b\n\nText.\n` });
    const { stdout } = await runCli([
      'run',
      join(root, 'handbook'),
      '--format',
      'markdown',
      '--fail-on',
      'never',
      '--now',
      '2026-04-01',
    ]);
    expect(stdout).toContain(`a${SPACES}b`);
  });

  it('text is folded onto one line as before', { timeout: 60_000 }, () => {
    expect(escapeMarkdown('a  \n \r\n  b   c\nd')).toBe('a b   c d');
    expect(escapeMarkdown(`a${SPACES}b`)).toBe(`a${SPACES}b`);
  });

  it('a Notion heading so long is matched to its block, attribute lists left out as before', {
    timeout: 60_000,
  }, () => {
    const ids = matchHeadingBlocks(
      [
        { depth: 2, text: `Plan${SPACES}x`, slug: 'plan' },
        { depth: 2, text: 'Risks', slug: 'risks' },
      ],
      [
        { id: 'b1', text: 'Plan x' },
        { id: 'b2', text: 'Risks {color="red"}' },
      ],
    );
    expect(ids).toEqual(['b1', 'b2']);
  });
});
