import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { PARALLEL_MIN_PAGES, workerCount } from '../../src/parallel/pool.js';
import { formatJson } from '../../src/report/json.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const WORKER = new URL('../../dist/parallel/worker.js', import.meta.url);
const OWNED = '---\nowner: Ann\n---\n';

/** Pages that use every directive form, repeated past the size at which a folder is linted on worker threads. */
function handbook(): Record<string, string> {
  const pages: Record<string, string> = {};
  const links: string[] = [];
  for (let i = 0; i < PARALLEL_MIN_PAGES + 10; i++) {
    const name = `p${String(i).padStart(3, '0')}.md`;
    // Every tenth page is left unlinked: its orphan finding comes from a site rule, after the workers.
    if (i % 10) links.push(`- [Page ${i}](${name})`);
    pages[name] = [
      i % 10
        ? OWNED
        : `${OWNED}<!-- handbook-lint-disable-file orphan-page -- linked from the intranet -->\n`,
      `# Page ${i}\n`,
      'Venue: TBD <!-- handbook-lint-disable-line placeholder -- open role -->\n',
      '<!-- handbook-lint-disable-next-line placehodler -->\nRoom: TBD\n',
      '<!-- handbook-lint-disable broken-link -->\nSee [x](gone.md)\n<!-- handbook-lint-enable broken-link -->\n',
      '<!-- handbook-lint-disable-next-line -->\nNothing to see.\n',
    ].join('\n');
  }
  pages['index.md'] = `${OWNED}# Home\n\n${links.join('\n')}\n`;
  return pages;
}

describe('directives on worker threads', () => {
  it.skipIf(!existsSync(CLI))(
    'suppress and report exactly as in this thread, site rules included',
    async () => {
      const files = handbook();
      expect(workerCount(Object.keys(files).length, WORKER)).toBeGreaterThan(0);
      const root = tempTree(files);
      const now = '2026-06-01';
      const inline = await run(defaultConfig(root), { now: new Date(now) });
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [CLI, 'run', root, '--format', 'json', '--now', now, '--fail-on', 'never'],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      expect(stdout).toBe(formatJson(inline));
      const count = (text: string) => inline.findings.filter((f) => f.message.startsWith(text)).length;
      const pages = PARALLEL_MIN_PAGES + 10;
      expect(count('Unknown rule "placehodler"')).toBe(pages);
      expect(count('Unused handbook-lint-disable-next-line: no finding')).toBe(pages);
      expect(count('Unfilled template text')).toBe(pages); // Room: TBD, not Venue: TBD
      expect(inline.findings.filter((f) => f.ruleId === 'broken-link' || f.ruleId === 'orphan-page')).toEqual(
        [],
      );
      expect(inline.findings.filter((f) => f.message.includes('orphan-page'))).toEqual([]);
    },
    120_000,
  );
});
