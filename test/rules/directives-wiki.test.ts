import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { runCli, tempTree } from '../helpers/cli.js';
import {
  CONFLUENCE_FIXTURE,
  confluenceConfigFile,
  confluenceEmulatorForSuite,
} from '../helpers/confluence.js';
import { NOTION_FIXTURE, notionConfigFile, notionEmulatorForSuite } from '../helpers/notion.js';

const NOW = new Date('2026-10-15T00:00:00Z');
const ONBOARDING = '98316'; // links to "Laptop Setup Checklist", a title no page has
const LAPTOP = '<ac:link><ri:page ri:content-title="Laptop Setup Checklist" /></ac:link>.';

describe('directives typed into Confluence pages (the editor keeps them as text)', () => {
  const emulator = confluenceEmulatorForSuite(() => CONFLUENCE_FIXTURE);

  it('suppress what they name and report a misspelled rule id', async () => {
    const before = await run(await loadConfig(confluenceConfigFile(emulator())), { now: NOW });
    const onboarding = (result: typeof before) =>
      result.findings
        .filter((f) => f.page.title === 'Onboarding Guide')
        .map((f) => `${f.ruleId}: ${f.message}`);
    expect(onboarding(before)).toEqual([expect.stringMatching(/^broken-link: .*Laptop%20Setup%20Checklist/)]);
    const body = emulator().getPage(ONBOARDING)?.body ?? '';
    expect(body).toContain(LAPTOP);
    // As typed in the editor: a comment at the end of the line, and a paragraph of its own with the dash
    // the editor made of "--".
    emulator().editPage(ONBOARDING, {
      body: `${body.replace(LAPTOP, `${LAPTOP} &lt;!-- handbook-lint-disable-line broken-link -- being written --&gt;`)}<ac:structured-macro ac:name="info"><ac:rich-text-body><p>handbook-lint-disable-next-line stale-pgae – reviewed in October</p></ac:rich-text-body></ac:structured-macro><p>Done.</p>`,
    });
    const file = confluenceConfigFile(emulator());
    const config = await loadConfig(file);
    const after = await run(config, { now: NOW });
    const expected = [
      'directive: Unknown rule "stale-pgae" in handbook-lint-disable-next-line (did you mean "stale-page"?).',
    ];
    expect(onboarding(after)).toEqual(expected);
    // The mirror keeps them as text, so linting it judges the page alike.
    const out = join(tempTree({}), 'mirror');
    await runCli(['sync', '--config', file, '--out', out]);
    const { confluence: _confluence, ...rest } = config;
    const mirror = await run(
      { ...rest, markdown: { root: out, include: ['**/*.md'], exclude: [] } },
      { now: NOW },
    );
    expect(onboarding(mirror)).toEqual(expected);
    // The mirror's own README is marked with a blanket disable-file: never an unused directive.
    expect(mirror.findings.filter((f) => f.ruleId === 'directive')).toHaveLength(1);
  }, 60_000);
});

describe('directives typed into Notion pages (Notion escapes a typed < in its markdown)', () => {
  const emulator = notionEmulatorForSuite(() => NOTION_FIXTURE);

  it('suppress what they name and report what suppresses nothing', async () => {
    const lint = async () => {
      const result = await run(await loadConfig(notionConfigFile(emulator())), { now: NOW });
      return result.findings
        .filter((f) => f.page.title === 'Old team rituals')
        .map((f) => `${f.ruleId} ${f.position?.start.line ?? '-'}: ${f.message}`);
    };
    expect(await lint()).toContainEqual(expect.stringMatching(/^orphan-page -: /));
    // Blocks as the markdown endpoint writes them: one line each, a typed "<" escaped.
    emulator().editPage(
      '0c8a0733-19b0-4897-a13e-196ea2113e42',
      [
        'handbook-lint-disable-file orphan-page, page-owner — kept for the history',
        'Friday demos, monthly retros and the quarterly hack day.',
        'Demo host: TBD \\<!-- handbook-lint-disable-line placeholder --\\>',
        'handbook-lint-disable-next-line stale-page',
        'Nobody links here any more.',
        '',
      ].join('\n'),
    );
    expect(await lint()).toEqual([
      'directive 7: Unused handbook-lint-disable-next-line: no "stale-page" finding to suppress.',
    ]);
  }, 60_000);
});
