import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from '../judgement-fixtures/cli-findings.js';

// Eleventh round, held. The check for links to the author's dev server (`http://localhost:3000/x.html` at a page
// of the handbook) resolves the URL's path among the handbook's own pages, in memory: a path that climbs out
// (`..%2F`, `%2e%2e`, a backslash) names no page, even when a file of that name lies beside the lint root, and
// a path of 100,000 segments costs what its text costs. The address of a real page is still reported.

describe("links to the author's dev server", () => {
  it('name only pages of the handbook, however the path climbs', { timeout: 120_000 }, async () => {
    const long = `http://localhost:3000/${'a/'.repeat(100_000)}editors.html`;
    const root = tempTree({
      'outside.md': '# Outside\n\nNot the handbook.\n',
      'docs/index.md': '# Handbook\n\n- [Setup](setup.md)\n- [Editors](editors.md)\n',
      'docs/editors.md': '# Editors\n\nUse any.\n',
      'docs/setup.md': [
        '# Setup',
        '',
        'See [Outside](http://localhost:3000/..%2Foutside.html) and [Out](http://127.0.0.1:3000/%2e%2e/outside.html),',
        '[Back](http://localhost:3000/..%5Coutside.html), [Root](http://[::1]:3000/%2e%2e%2f%2e%2e%2foutside.md)',
        `and [Long](${long}).`,
        '',
        'Then open [Engineering guide: editors](http://localhost:3000/editors.html).',
        '',
      ].join('\n'),
    });
    expect(await findings([join(root, 'docs')], 'broken-link', true)).toEqual([
      'setup.md Broken link http://localhost:3000/editors.html: the address of a local development server, which readers cannot open. Did you mean editors.md?',
    ]);
  });
});
