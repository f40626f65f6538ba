import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { PARALLEL_MIN_PAGES } from '../../src/parallel/pool.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const NOW = '2025-04-10';

// Written for these tests: a record of no known template family, in folders of different kinds.
const meta = 'Date: 2025-04-01\nStatus: Accepted\nOwner: Dana Whit\n';
const nygard = (n: number) =>
  `# ${n}. Topic ${n}\n\n${meta}\n## Context\n\nBuilds are slow because every job starts cold.\n\n## Decision\n\nKeep one warm runner, because it halves build time.\n\n## Consequences\n\nOne more machine to patch.\n`;
const madr = (n: number) =>
  `# Topic ${n}\n\n${meta}\n## Context and Problem Statement\n\nReleases break because nobody pins versions.\n\n## Considered Options\n\n* Pin\n* Float\n\n## Decision Outcome\n\nChosen option: Pin, because it is repeatable.\n`;
// Nygard's template without its Status and Consequences sections: no family is detected.
const cache = `# 9. Cache pages\n\n${meta}\n## Context\n\nPages load slowly because each request reads the database.\n\n## Decision\n\nCache pages for a minute, because most pages rarely change.\n`;
// The handbook's own template (Options considered): no family either.
const weighed = `# 8. Queue mail\n\n${meta}\n## Context\n\nMail is lost because the provider times out.\n\n## Options considered\n\nRetry inline, or queue.\n\n## Decision\n\nQueue mail, because a queue retries.\n\n## Consequences\n\nA queue to run.\n`;
const rfc = (n: number) =>
  `# RFC 00${n}: Topic ${n}\n\nStatus: Accepted\nDate: 2025-04-01\nOwner: Dana Whit\n\n## Problem statement\n\nServices log in different formats, so searches miss lines.\n\n## Proposed solution\n\nLog JSON lines, because the search indexes fields.\n`;

const folders: Record<string, string> = {
  'nygard/0001-a.md': nygard(1),
  'nygard/0002-b.md': nygard(2),
  'nygard/0003-c.md': nygard(3),
  'nygard/0009-cache.md': cache,
  'alone/0009-cache.md': cache,
  'mixed/0001-a.md': nygard(1),
  'mixed/0002-b.md': nygard(2),
  'mixed/0003-c.md': madr(3),
  'mixed/0004-d.md': madr(4),
  'mixed/0009-cache.md': cache,
  'weighed/0001-a.md': nygard(1),
  'weighed/0002-b.md': nygard(2),
  'weighed/0003-c.md': nygard(3),
  'weighed/0008-queue.md': weighed,
  'weighed/0009-cache.md': cache,
  // Records that are their folder's README belong to the folder above.
  'rfcs/001-logs/README.md': rfc(1),
  'rfcs/002-metrics/README.md': rfc(2),
  'rfcs/003-traces/README.md': rfc(3),
  'rfcs/004-urls/README.md': `# RFC 004: URL design\n\nStatus: Accepted\nDate: 2025-04-01\nOwner: Dana Whit\n\nURLs name the work, not the database row.\n`,
};

const missing = (section: string) => `Section "${section}" is missing (expected in a decision record).`;

/** The decision-sections messages per page file, from a run's findings. */
function sections(findings: readonly { ruleId: string; message: string; page: { path: string } }[]) {
  const by: Record<string, string[]> = {};
  for (const f of findings)
    if (f.ruleId === 'decision-sections') by[f.page.path] = [...(by[f.page.path] ?? []), f.message].sort();
  return by;
}

describe('a record of no known family judged by the family of its folder', async () => {
  const root = tempTree(folders);
  const result = await run(defaultConfig(root), { now: new Date(NOW) });
  const found = sections(result.findings);

  it('does not ask a record in a Nygard folder for Options considered, but still for Consequences', () => {
    expect(found['nygard/0009-cache.md']).toEqual([missing('Consequences')]);
  });

  it('still asks the same record for Options considered alone or in a folder of mixed families', () => {
    const both = [missing('Consequences'), missing('Options considered')];
    expect(found['alone/0009-cache.md']).toEqual(both);
    expect(found['mixed/0009-cache.md']).toEqual(both);
  });

  it("still asks for a section another record of the folder writes: the folder's template has it", () => {
    expect(found['weighed/0009-cache.md']).toEqual([missing('Consequences'), missing('Options considered')]);
  });

  it("asks a headingless RFC only for what its folder's problem/solution RFCs have", () => {
    expect(found['rfcs/004-urls/README.md']).toEqual([missing('Context'), missing('Decision')]);
  });

  it('changes no finding of a record that follows a family', () => {
    const followers = Object.keys(found).filter(
      (path) => !path.endsWith('cache.md') && !path.includes('004-urls'),
    );
    expect(followers).toEqual([]);
  });
});

describe('the folder family on worker threads', () => {
  it.skipIf(!existsSync(CLI))(
    'gives the same decision-sections findings from the built CLI past the worker threshold as in this thread',
    async () => {
      const notes = Object.fromEntries(
        Array.from({ length: PARALLEL_MIN_PAGES }, (_, i) => [
          `notes/note-${i}.md`,
          `# Note ${i}\n\nA note.\n`,
        ]),
      );
      const root = tempTree({ ...folders, ...notes });
      const inline = sections((await run(defaultConfig(root), { now: new Date(NOW) })).findings);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [CLI, 'run', root, '--format', 'json', '--now', NOW, '--fail-on', 'never'],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      const workers = sections(JSON.parse(stdout).findings);
      expect(workers).toEqual(inline);
      expect(workers['nygard/0009-cache.md']).toEqual([missing('Consequences')]);
    },
    120_000,
  );
});
