import { describe, expect, it } from 'vitest';
import { isLocaleIndex } from '../../src/normalize/index-pages.js';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';
import { pageType } from './page-type.js';

/**
 * Pages the nineteenth second reading typed by their content when they were not of the type (synthetic pages of the
 * probes' shape): a half-written runbook and a style guide with three bracketed sentences typed template, a guide
 * about decision records with MADR's three headings typed decision, a page about the Theory of Constraints named
 * `toc.md` typed index; and the neighbouring pages that still are of the type.
 */

const typeOf = pageType;

const RUNBOOK =
  '# Payments runbook\n\nOwner: @lee\n\nWhen the nightly export stops, work through these steps.\n\n[Paste a picture of the export screen here]\n\nStart the export again from the admin page.\n\n[Write down the admin command when we know it]\n\nCompare the totals.\n\n[Explain how the totals are compared with the bank file]\n';
const STYLE =
  '# House style\n\n[Use plain words in every title]\n\n[Prefer short sentences to long ones]\n\n[Keep each list under ten items]\n\nTODO: add the rest.\n';
const BLANK =
  '# Retro notes\n\n## Who came\n\n[Name everyone who joined the retro]\n\n## What went well\n\n[Write what the team wants to keep doing]\n\n## What to change\n\n[Write what the team will try next time]\n';

describe('review 20: bracketed instructions type a blank template, not a page with a few left in', () => {
  it('does not type a half-written runbook or a style guide of bracketed rules as a template', () => {
    expect(typeOf('docs/payments-runbook.md', RUNBOOK)).toBeUndefined();
    expect(typeOf('docs/house-style.md', STYLE)).toBeUndefined();
  });

  it('still types a page that is bracketed instructions under its headings as a template', () => {
    expect(typeOf('docs/retro.md', BLANK)).toBe('template');
  });

  it('does not type a page that states its owner as a template, however many instructions it keeps', () => {
    expect(typeOf('docs/retro.md', BLANK.replace('\n\n## Who came', '\n\nOwner: @lee\n\n## Who came'))).toBe(
      undefined,
    );
  });

  it("finds the runbook's bracketed notes as placeholders and the style guide's missing owner", async () => {
    const root = tempTree({
      'README.md': '# Docs\n\n- [Runbook](payments-runbook.md)\n- [Style](house-style.md)\n',
      'payments-runbook.md': RUNBOOK,
      'house-style.md': STYLE,
    });
    expect(await ruleFindings([root], 'placeholder')).toEqual([
      'payments-runbook.md',
      'payments-runbook.md',
      'payments-runbook.md',
    ]);
    expect(await ruleFindings([root], 'page-owner')).toContain('house-style.md');
  });

  it("reads a first line as a template's title only when the page has no front matter title", () => {
    const guide =
      '---\ntitle: Mail guidelines\n---\n\nAnswer mails with the template\n\nPut the question first.\n';
    expect(typeOf('docs/mail-guidelines.md', guide)).toBeUndefined();
    expect(typeOf('docs/standup.md', 'Daily Standup Template\n\n## Yesterday\n\n## Today\n')).toBe(
      'template',
    );
  });
});

const TRIO =
  '## Context and Problem Statement\n\nSay what forces are at play.\n\n## Considered Options\n\nList the options.\n\n## Decision Outcome\n\n';

describe("review 20: MADR's three headings type a record only with a record's mark", () => {
  it('does not type a guide that explains the three sections as a decision record', () => {
    const guide = `# How we write decision records\n\nEvery record has three parts.\n\n${TRIO}Name the option chosen and why.\n`;
    expect(typeOf('docs/writing-records.md', guide)).toBeUndefined();
  });

  it('types the same headings as a record with a chosen option, a date or a record name', () => {
    const chosen = `# Pick the queue\n\n${TRIO}Chosen option: the managed queue, because nobody runs servers.\n`;
    expect(typeOf('docs/queue-choice.md', chosen)).toBe('decision');
    const dated = `# Pick the queue\n\nDate: 2026-04-02\n\n${TRIO}We take the managed queue.\n`;
    expect(typeOf('docs/queue-choice.md', dated)).toBe('decision');
    const named = `# Pick the queue\n\n${TRIO}We take the managed queue.\n`;
    expect(typeOf('ADR Queue.md', named)).toBe('decision');
  });
});

describe('review 20: navigation names', () => {
  it('reads a language before README or index only for a language a site is translated into', () => {
    expect(isLocaleIndex('go.README.md')).toBe(false);
    expect(isLocaleIndex('ci.index.md')).toBe(false);
    expect(isLocaleIndex('fr.index.md')).toBe(true);
    expect(isLocaleIndex('README.pt-BR.md')).toBe(true);
    expect(typeOf('docs/go.README.md', '# Go service\n\nBuild it with make.\n')).toBeUndefined();
    expect(typeOf('docs/README.de.md', '# Dokumentation\n\nAlles über das Projekt.\n')).toBe('index');
  });

  it('types `toc.md` or `contents.md` as an index only when it is mostly links', () => {
    const theory = '# Theory of Constraints\n\nWe find the slowest step first.\n\nThen we feed it.\n';
    expect(typeOf('docs/toc.md', theory)).toBeUndefined();
    expect(typeOf('docs/contents.md', '# Pantry contents\n\nRice, tea and biscuits.\n')).toBeUndefined();
    const links = '# Contents\n\n- [Start here](start.md)\n- [Tools](tools.md)\n- [On call](on-call.md)\n';
    expect(typeOf('docs/toc.md', links)).toBe('index');
    expect(typeOf('docs/contents.md', links)).toBe('index');
  });

  it('asks a page named like navigation for its owner when it is no index, not a table of contents', async () => {
    const root = tempTree({
      'README.md':
        '# Docs\n\n- [Go](docs/go.README.md)\n- [Theory](docs/toc.md)\n- [Contents](guide/contents.md)\n',
      'docs/go.README.md': '# Go service\n\nBuild it with make.\n',
      'docs/toc.md': '# Theory of Constraints\n\nWe find the slowest step first.\n',
      'guide/contents.md': '# Contents\n\n- [Start here](start.md)\n- [Tools](tools.md)\n',
      'guide/start.md': '---\nowner: ana\n---\n# Start\n\nRead this first.\n',
      'guide/tools.md': '---\nowner: ana\n---\n# Tools\n\nWhat we use.\n',
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual(['docs/go.README.md', 'docs/toc.md']);
  });
});
