import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('front matter written for a site generator', () => {
  it('is read without warnings on standard error: a Liquid title is no title, the heading gives it', {
    timeout: 60_000,
  }, async () => {
    const dir = tempTree({
      'handbook/index.md': '---\ntitle: {{ page.title }}\nowner: "@ana"\n---\n# Expenses\n\nBudget: TBD\n',
    });
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      CLI,
      'run',
      join(dir, 'handbook'),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as {
      findings: { page: { title: string } }[];
      summary: { pages: number };
    };
    expect(report.summary.pages).toBe(1);
    expect(report.findings.map((f) => f.page.title)).toEqual(['Expenses']);
  });
});
