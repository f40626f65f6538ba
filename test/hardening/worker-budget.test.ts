import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_PAGES } from '../../src/parallel/pool.js';
import { tempTree } from '../helpers/cli.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('the page budget on worker threads', () => {
  // Workers run compiled code only, so this runs the built CLI on a folder large enough for them.
  it.skipIf(!existsSync(CLI))(
    'lists pages over budget as unreadable and ends with exit 3 and a report',
    async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < PARALLEL_MIN_PAGES; i++) files[`pages/p${i}.md`] = `# Page ${i}\n`;
      files['deep.md'] = '- '.repeat(5000);
      files['quotes.md'] = '>'.repeat(200_000);
      files['bomb.md'] =
        '---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n# Bomb\n';
      const root = tempTree(files);
      const out = join(root, 'report.json');
      const code = await new Promise<number>((resolve) => {
        execFile(process.execPath, [CLI, 'run', root, '--format', 'json', '-o', out], (error) =>
          resolve(error ? Number(error.code) : 0),
        );
      });
      expect(code).toBe(3);
      const report = JSON.parse(readFileSync(out, 'utf8'));
      expect(report.summary.pages).toBe(PARALLEL_MIN_PAGES + 3);
      expect(report.unreadable.map((u: { path: string }) => u.path).sort()).toEqual(['deep.md', 'quotes.md']);
      const bomb = report.findings.filter((f: { page: { path: string } }) => f.page.path === 'bomb.md');
      expect(bomb.map((f: { message: string }) => f.message).join('\n')).toMatch(/alias count/i);
    },
    120_000,
  );
});
