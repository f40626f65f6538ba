import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_MONTH, parseDate, parseStrictDate } from '../../src/normalize/fields.js';
import {
  DELETABLE_SECTIONS,
  NEGATION_BEFORE,
  saysSectionsMayGo,
} from '../../src/rules/deletable-sections.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';

/**
 * Beside review14.test.ts (the reviewer's tests, all fixed): the edges of its fixes that it does not
 * pin down, and the patterns the fixes added, checked as redos-patterns.test.ts checks them.
 */
const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);

describe('dates', () => {
  it('a year inside prose is no date on any key; a year alone, or with a month or a day, still is', () => {
    for (const value of ['EU customers 2024', 'in 2019', 'Spring 2020', '2019 (approx)'])
      expect(parseDate(value)).toBeUndefined();
    expect(day(parseDate('2024'))).toBe('2024-01-01');
    expect(day(parseDate('March 2024'))).toBe('2024-03-01');
    expect(day(parseDate('Accepted on March 7, 2026'))).toBe('2026-03-07');
    expect(day(parseDate('03/07/2026'))).toBe('2026-03-07');
  });

  it('a strict date (Portuguese `Data:`): ISO, the day first, a named month; nothing Date alone reads', () => {
    expect(day(parseStrictDate('2019-03-07'))).toBe('2019-03-07');
    expect(day(parseStrictDate('10/11/2024'))).toBe('2024-11-10');
    expect(day(parseStrictDate('5 de março de 2024'))).toBe('2024-03-05');
    for (const value of ['customer PII', 'EU customers 2024', 'March 7, 2026', '31/02/2024'])
      expect(parseStrictDate(value)).toBeUndefined();
  });
});

describe('a template that says its sections may go', () => {
  it('unless a negation comes before the verb', () => {
    expect(saysSectionsMayGo('Please delete any sections which are not relevant for your RFC.')).toBe(true);
    expect(saysSectionsMayGo("Remove the sections that don't apply.")).toBe(true);
    for (const negated of ['Do not remove', "Don't delete", 'Never  remove', 'Please do NOT remove'])
      expect(saysSectionsMayGo(`${negated} sections that don't apply.`)).toBe(false);
    // A negated sentence and a plain one: the plain one counts.
    expect(
      saysSectionsMayGo("Do not remove sections that don't apply. Remove the sections that don't apply."),
    ).toBe(true);
  });
});

describe('a rule folder with rules one folder down', () => {
  const rule = `check: fields\ndescription: Pages name an owner.\nlevel: warning\nfields:\n  owner:\n    required: true\nmessage: "Owner {{problem}}."\n`;

  it('parked in drafts/: a notice naming the folder, and the run goes on', async () => {
    const root = tempTree({
      'handbook-lint.yml': 'rule-folders: [rules]\n',
      'docs/a.md': '# A\n\nOwner: @ana\n\nText.\n',
      'rules/drafts/owner.yml': rule,
    });
    const { code, stderr } = await runCli(['run', `${root}/docs`, '-c', `${root}/handbook-lint.yml`]);
    expect(code).not.toBe(2);
    expect(stderr).toContain(
      `Rule folder ${join(root, 'rules')} holds no rule files (*.yml); the rules in drafts/ are not read`,
    );
  }, 60_000);

  it('a style laid out beside the drafts: still the error, naming only the style', async () => {
    const root = tempTree({
      'handbook-lint.yml': 'rule-folders: [rules]\n',
      'docs/a.md': '# A\n\nText.\n',
      'rules/drafts/owner.yml': rule,
      'rules/Acme/owner.yml': rule,
    });
    const { code, stderr } = await runCli(['run', `${root}/docs`, '-c', `${root}/handbook-lint.yml`]);
    expect(code).toBe(2);
    expect(stderr).toContain("but Acme/ in it does: a rule folder's own files are its rules");
  }, 60_000);
});

useRecheck();

describe('the patterns these fixes added are safe (as redos-patterns.test.ts checks them)', () => {
  it('an English month, a negation before a verb, the deletable-sections sentence', () => {
    expect(verdict(ENGLISH_MONTH)).toBe('safe');
    expect(verdict(NEGATION_BEFORE)).toBe('safe');
    expect(verdict(DELETABLE_SECTIONS)).toBe('safe');
  }, 60_000);
});
