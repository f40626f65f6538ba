import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { runCli, tempTree } from '../helpers/cli.js';

const NOW = new Date('2026-06-01');
const OWNED = '---\nowner: Ann\n---\n';

/**
 * Lints a one-page handbook (linked from its home page) and lists the page's findings as `rule line: message`.
 * The home page names an owner, which the page inherits, unless `homeOwned` is false.
 */
async function lint(page: string, homeOwned = true): Promise<string[]> {
  const home = `${homeOwned ? OWNED : ''}# Home\n\n- [Page](page.md)\n`;
  const root = tempTree({ 'index.md': home, 'page.md': page });
  const result = await run(defaultConfig(root), { now: NOW });
  return result.findings
    .filter((f) => f.page.path === 'page.md')
    .map((f) => `${f.ruleId} ${f.position?.start.line ?? '-'}: ${f.message}`);
}

const TBD = (line: number) => `placeholder ${line}: Unfilled template text "TBD".`;

describe('disable-line', () => {
  it('silences its own line only, for the rule it names (the issue: it used to hide every later finding)', async () => {
    const page = `${OWNED}# Page\n\nLocation: TBD <!-- handbook-lint-disable-line placeholder -->\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(8)]);
  });

  it('takes an ESLint-style reason after --', async () => {
    const page = `${OWNED}# Page\n\nLocation: TBD <!-- handbook-lint-disable-line placeholder -- open role -->\n`;
    expect(await lint(page)).toEqual([]);
  });

  it('silences every rule on its line without rule ids', async () => {
    const page = `${OWNED}# Page\n\nSee [x](gone.md): TBD <!-- handbook-lint-disable-line -->\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(8)]);
  });

  it('leaves another rule on its line alone', async () => {
    const page = `${OWNED}# Page\n\nSee [x](gone.md) <!-- handbook-lint-disable-line placeholder -->\n`;
    expect(await lint(page)).toEqual([
      'broken-link 6: Broken link gone.md: no such page.',
      'directive 6: Unused handbook-lint-disable-line: no "placeholder" finding to suppress.',
    ]);
  });

  it('is no text after a placeholder: the finding it leaves is the one without it', async () => {
    const fingerprints = async (line: string) => {
      const root = tempTree({ 'index.md': `${OWNED}# Home\n\n${line}\n` });
      const result = await run(defaultConfig(root), { now: NOW });
      return result.findings.filter((f) => f.ruleId === 'placeholder').map((f) => f.fingerprint);
    };
    const plain = await fingerprints('Venue: TBD');
    expect(plain).toHaveLength(1);
    expect(await fingerprints('Venue: TBD <!-- handbook-lint-disable-line broken-link -->')).toEqual(plain);
  });

  it('never covers a whole-page finding', async () => {
    const page = '# Page\n\nText. <!-- handbook-lint-disable-line page-owner -->\n';
    expect(await lint(page, false)).toEqual([
      'page-owner -: Page owner is missing (found: none).',
      'directive 3: handbook-lint-disable-line cannot silence "page-owner": its findings are about the whole page; use handbook-lint-disable-file.',
    ]);
  });
});

describe('disable-next-line', () => {
  it('silences the next line with content, for the rules it names', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable-next-line placeholder, broken-link -- venue not booked -->\nSee [x](gone.md). Venue: TBD\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(9)]);
  });

  it('silences every rule on the next line without rule ids', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable-next-line -->\n\nVenue: TBD\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(10)]);
  });
});

describe('disable and enable', () => {
  it('silences the named rule between them, not after', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable placeholder -- draft section -->\nVenue: TBD\n\nRoom: TBD\n<!-- handbook-lint-enable placeholder -->\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(12)]);
  });

  it('silences every rule without ids, until a blanket enable', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable -->\nVenue: TBD, see [x](gone.md)\n<!-- handbook-lint-enable -->\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(10)]);
  });

  it('ends one rule of a blanket disable with an enable naming it', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable -->\nVenue: [x](gone.md)\n<!-- handbook-lint-enable placeholder -->\n\nOffice: TBD\n\nSee [y](gone-too.md)\n`;
    expect(await lint(page)).toEqual([TBD(10)]);
  });

  it('ends a rule disabled both by name and by a blanket disable', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable -->\n<!-- handbook-lint-disable placeholder -->\nVenue: TBD\n<!-- handbook-lint-enable placeholder -->\n\nOffice: TBD\n\nSee [y](gone.md)\n`;
    expect(await lint(page)).toEqual([TBD(11)]);
  });

  it('covers whole-page findings when never enabled again (to the end of the page)', async () => {
    const page = '# Page\n\n<!-- handbook-lint-disable page-owner -->\n\nText.\n';
    expect(await lint(page)).toEqual([]);
  });

  it('does not cover whole-page findings when enabled again: the block is a part of the page', async () => {
    const page =
      '# Page\n\n<!-- handbook-lint-disable page-owner -->\nText.\n<!-- handbook-lint-enable page-owner -->\n';
    expect(await lint(page, false)).toEqual([
      'page-owner -: Page owner is missing (found: none).',
      'directive 3: handbook-lint-disable cannot silence "page-owner": its findings are about the whole page; use handbook-lint-disable-file.',
    ]);
  });

  it('reports an enable that ends no disable', async () => {
    const page = `${OWNED}# Page\n\nText.\n\n<!-- handbook-lint-enable placeholder -->\n`;
    expect(await lint(page)).toEqual([
      'directive 8: handbook-lint-enable "placeholder" has no handbook-lint-disable to end.',
    ]);
  });
});

describe('disable-file', () => {
  it('silences the named rule everywhere, whole-page findings included, and no other rule', async () => {
    const page =
      '<!-- handbook-lint-disable-file page-owner, placeholder -- shared inbox -->\n# Page\n\nOwner: TBD\n\nSee [x](gone.md)\n';
    expect(await lint(page)).toEqual(['broken-link 6: Broken link gone.md: no such page.']);
  });

  it('silences everything without ids, and is never reported as unused (it marks a page nothing judges)', async () => {
    expect(await lint('<!-- handbook-lint-disable-file -->\n# Page\n\nOwner: TBD\n')).toEqual([]);
    expect(await lint(`${OWNED}<!-- handbook-lint-disable-file -->\n# Page\n\nFine.\n`)).toEqual([]);
  });

  it('covers site findings (orphan page), decided after the site rules ran', async () => {
    const root = tempTree({
      'index.md': `${OWNED}# Home\n`,
      'lonely.md': `${OWNED}<!-- handbook-lint-disable-file orphan-page -- linked from the intranet -->\n# Lonely\n`,
      'other.md': `${OWNED}<!-- handbook-lint-disable-file orphan-page -->\n# Other\n\n[Lonely](lonely.md)\n`,
    });
    const result = await run(defaultConfig(root), { now: NOW });
    expect(result.findings.map((f) => `${f.page.path} ${f.ruleId}: ${f.message}`)).toEqual([
      'lonely.md directive: Unused handbook-lint-disable-file: no "orphan-page" finding to suppress.',
    ]);
  });
});

describe('the directive rule', () => {
  it('reports a misspelled rule id with the nearest rule id, and applies nothing for it', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable-next-line placehodler -->\nVenue: TBD\n`;
    expect(await lint(page)).toEqual([
      'directive 6: Unknown rule "placehodler" in handbook-lint-disable-next-line (did you mean "placeholder"?).',
      TBD(7),
    ]);
  });

  it('reports a misspelled directive form', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable-nextline placeholder -->\nVenue: TBD\n`;
    expect(await lint(page)).toEqual([
      'directive 6: Unknown directive handbook-lint-disable-nextline (did you mean handbook-lint-disable-next-line?).',
      TBD(7),
    ]);
  });

  it('reports a form written without its dash, and applies nothing for it', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint disable-next-line placeholder -->\nVenue: TBD\n\n<!-- handbook-lint:enable -->\n\n<!-- handbook-lint is checked nightly -->\n`;
    expect(await lint(page)).toEqual([
      'directive 6: Unknown directive handbook-lint disable-next-line (did you mean handbook-lint-disable-next-line?).',
      TBD(7),
      'directive 9: Unknown directive handbook-lint:enable (did you mean handbook-lint-enable?).',
    ]);
  });

  it('reports a directive that suppresses nothing, naming the rules it did not use', async () => {
    const page = `${OWNED}# Page\n\n<!-- handbook-lint-disable-next-line placeholder, broken-link -->\nVenue: TBD\n\n<!-- handbook-lint-disable -->\n`;
    expect(await lint(page)).toEqual([
      'directive 6: Unused handbook-lint-disable-next-line: no "broken-link" finding to suppress.',
      'directive 9: Unused handbook-lint-disable: no finding to suppress.',
    ]);
  });

  it('does not call a directive unused for a rule that is off, in the config or for its path', async () => {
    const page = `${OWNED}<!-- handbook-lint-disable-file stale-page, placeholder -->\n# Page\n\nText.\n`;
    const root = tempTree({ 'index.md': `${OWNED}# Home\n\n- [Page](page.md)\n`, 'page.md': page });
    const config = defaultConfig(root);
    const findings = async (changes: Partial<typeof config>) =>
      (await run({ ...config, ...changes }, { now: NOW })).findings.map((f) => f.message);
    expect(await findings({})).toEqual([
      'Unused handbook-lint-disable-file: no "stale-page", "placeholder" finding to suppress.',
    ]);
    const off = { ...config.rules, 'stale-page': { level: 'off' as const, options: {} } };
    expect(await findings({ rules: off })).toEqual([
      'Unused handbook-lint-disable-file: no "placeholder" finding to suppress.',
    ]);
    const overrides = [{ paths: ['page.md'], rules: { placeholder: 'off' as const } }];
    expect(await findings({ rules: off, overrides })).toEqual([]);
  });

  it('does not call a disable-file orphan-page unused in a run on some pages, where orphan-page is off', async () => {
    const root = tempTree({
      'hb/index.md': `${OWNED}# Home\n`,
      'hb/old.md': `${OWNED}<!-- handbook-lint-disable-file orphan-page -- kept for the record -->\n# Old\n\nText.\n`,
      'c.yml': 'sources:\n  markdown: { root: hb }\n',
    });
    const lintCli = async (...inputs: string[]) => {
      const args = ['run', '--config', join(root, 'c.yml'), '--format', 'json', '--now', '2026-06-01'];
      const { stdout } = await runCli([...args, ...inputs]);
      return JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    };
    expect(await lintCli()).toEqual([]);
    expect(await lintCli(join(root, 'hb/old.md'))).toEqual([]);
  }, 60_000);

  it('gives credit to the narrower of two directives, so the redundant one is reported', async () => {
    const page = `${OWNED}<!-- handbook-lint-disable-file placeholder -->\n# Page\n\nVenue: TBD <!-- handbook-lint-disable-line placeholder -->\n`;
    expect(await lint(page)).toEqual([
      'directive 4: Unused handbook-lint-disable-file: no "placeholder" finding to suppress.',
    ]);
  });

  it('cannot be suppressed by a directive', async () => {
    const page = `${OWNED}<!-- handbook-lint-disable-file directive -->\n# Page\n\n<!-- handbook-lint-disable-next-line placehodler -->\nVenue: TBD <!-- handbook-lint-disable-line -->\n`;
    expect(await lint(page)).toEqual([
      `directive 4: "directive" findings cannot be suppressed inline; set the rule's level in the config instead.`,
      'directive 7: Unknown rule "placehodler" in handbook-lint-disable-next-line (did you mean "placeholder"?).',
    ]);
  });

  it('leaves directives shown in code alone', async () => {
    const page = `${OWNED}# Page\n\n\`<!-- handbook-lint-disable -->\`\n\n\`\`\`markdown\n<!-- handbook-lint-disable-nextline -->\n\`\`\`\n`;
    expect(await lint(page)).toEqual([]);
  });

  it('is listed by `handbook-lint rules` and can be switched off in the config', async () => {
    const listed = await runCli(['rules']);
    expect(listed.stdout).toMatch(/^directive\s+warning\s+Every inline directive/m);
    const root = tempTree({
      'hb/index.md': `${OWNED}# Home\n\n<!-- handbook-lint-disable-next-line placehodler -->\nText.\n`,
      'c.yml': 'sources:\n  markdown: { root: hb }\nrules:\n  directive: "off"\n',
    });
    const off = await runCli([
      'run',
      '--config',
      join(root, 'c.yml'),
      '--format',
      'json',
      '--now',
      '2026-06-01',
    ]);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).findings).toEqual([]);
  });
});

describe('directives typed in a wiki (text, not an HTML comment)', () => {
  it('reads a paragraph that is only a directive, its reason after a dash the editor made of --', async () => {
    const page = `${OWNED}# Page\n\nhandbook-lint-disable-next-line placeholder — open role\n\nVenue: TBD\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(10)]);
  });

  it('reads a comment typed as text (escaped in Markdown, as Notion and the mirror write it)', async () => {
    const page = `${OWNED}# Page\n\nVenue: TBD \\<!-- handbook-lint-disable-line placeholder -->\n\nOffice: TBD\n`;
    expect(await lint(page)).toEqual([TBD(8)]);
  });

  it('leaves prose that mentions a directive alone', async () => {
    const page = `${OWNED}# Page\n\nWrite handbook-lint-disable-next-line before a line to silence it.\n`;
    expect(await lint(page)).toEqual([]);
  });

  it('leaves a sentence that starts with a form alone, even after a dash (it used to silence the page)', async () => {
    const page = `${OWNED}# Page\n\nhandbook-lint-disable-file — use this on generated pages.\n\nhandbook-lint-disable — and enable after.\n\nVenue: TBD\n`;
    expect(await lint(page)).toEqual([TBD(10)]);
  });

  it('still reads a paragraph that is only a form naming no rule', async () => {
    const page = `${OWNED}# Page\n\nhandbook-lint-disable-file\n\nVenue: TBD\n`;
    expect(await lint(page)).toEqual([]);
  });

  it('leaves a comment written with entities alone: the page shows it', async () => {
    const page = `${OWNED}# Page\n\nWrite &lt;!-- handbook-lint-disable-file --&gt; on generated pages.\n\nVenue: TBD\n`;
    expect(await lint(page)).toEqual([TBD(8)]);
  });
});
