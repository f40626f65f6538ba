import { describe, expect, it } from 'vitest';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { generateNotionWorkspace } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile, confluenceEmulatorForSuite } from '../helpers/confluence.js';
import { notionConfigFile, notionEmulatorForSuite } from '../helpers/notion.js';
import { ledger } from '../writeback/fixtures.js';

// A first run on a large, messy wiki with comments on: the cap lets a few pages get a comment, and
// every other page with findings waits. The findings page must still fit in one write.
describe('a findings page with 1,200 pages waiting for a comment', () => {
  const workspace = generateNotionWorkspace(1_200, 3);
  const parent = workspace.pages[0];
  if (!parent) throw new Error('the generated workspace has pages');
  const emulator = notionEmulatorForSuite(() => workspace);

  it('Notion: is written, listing some waiting pages and counting the rest', async () => {
    const file = notionConfigFile(
      emulator(),
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { notion: { 'parent-page': parent.id } },
          comments: { enabled: true, level: 'warning', cap: 1 },
        },
      },
    );
    const run = await runCli(['run', '--config', file, '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('writing the findings page');
    expect(run.stderr).toMatch(/(\d{4}) page\(s\) wait for a comment/);
    const page = emulator().page(ledger(file).writeback.pages.notion?.id ?? '');
    expect(page?.markdown).toMatch(/## Waiting for a comment \(1\d{3}\)/);
    expect(page?.markdown).toMatch(/…and 1\d{3} more pages\./);
  }, 120_000);
});

describe('a Confluence findings page with 1,200 pages waiting for a comment', () => {
  const space = generateConfluenceSpace(1_200, 3);
  const emulator = confluenceEmulatorForSuite(() => space);

  it('lists some waiting pages and counts the rest', async () => {
    const key = space.spaces[0]?.key ?? '';
    const file = confluenceConfigFile(
      emulator(),
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { confluence: { space: key } },
          comments: { enabled: true, level: 'warning', cap: 1 },
        },
      },
    );
    const run = await runCli(['run', '--config', file, '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    const body = emulator().getPage(ledger(file).writeback.pages.confluence?.id ?? '')?.body ?? '';
    const waiting =
      /<h2>Waiting for a comment \((\d+)\)<\/h2>.*?<ul>(.*?)<\/ul><p>…and (\d+) more pages\.<\/p>/.exec(body);
    expect(waiting).not.toBeNull();
    const [, all, items, rest] = waiting ?? [];
    expect(items?.split('<li>').length).toBe(101);
    expect(Number(rest)).toBe(Number(all) - 100);
  }, 120_000);
});
