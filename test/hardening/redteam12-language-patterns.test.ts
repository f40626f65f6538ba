import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inEnglish } from '../../src/rules/checks/heading-translations.js';

// Twelfth round. A sweep of the default pack's patterns that run on V8 (they look behind), the German,
// Dutch, Spanish, Portuguese, Scandinavian, Japanese and Chinese ones among them, over runs of some thirty
// units and of each pattern's own words, found one more that grows with the square: meeting-agenda's "a
// line that introduces the agenda" on lone carriage returns. With the `m` flag `^` starts after a `\r`, and
// its runs (`[^\n#]*`, `[^\n]*`) went on through every `\r` to the end of the page, so 80,000 of them took
// 21 s (within the page budget, which counts a lone `\r` as a line: 99,000 lines, half a minute). The runs
// now stop at a `\r` too. The pattern as the rule runs it (compileRegex: `imu` on V8), on 400,000 of them,
// with vitest's timeout as the only clock; and the lines it was written for.

const rule = parse(readFileSync(join(import.meta.dirname, '../../rules/meeting-agenda.yml'), 'utf8')) as {
  then: { 'any-of': { text?: string; name?: string }[] };
};
const source = rule.then['any-of'].find((t) => t.name === 'a line that introduces the agenda')?.text ?? '';
const introduces = new RegExp(source, 'imu');

describe('meeting-agenda\u2019s line that introduces the agenda', () => {
  it('reads 400,000 lone carriage returns once', { timeout: 30_000 }, () => {
    expect(source).not.toBe('');
    expect(introduces.test('\r'.repeat(400_000))).toBe(false);
    expect(introduces.test(`Agenda ${'x\r'.repeat(200_000)}`)).toBe(false);
  });

  it('still finds the line over a list, and not the next meeting\u2019s, nor a line ended by CRLF', () => {
    expect(introduces.test('The chair presented the agenda as sent:\n\n- Release\n')).toBe(true);
    expect(introduces.test('Auf der Tagesordnung stehen folgende Themen:\n1. Budget\n')).toBe(true);
    expect(introduces.test('Notes\rThe agenda as sent:\n- Release\n')).toBe(true);
    expect(introduces.test('The agenda for the next meeting:\n- Release\n')).toBe(false);
    // As before: the CRLF line never matched (`:[ \t]*\n`); the page's text has LF lines.
    expect(introduces.test('The agenda as sent:\r\n- Release\r\n')).toBe(false);
  });
});

// Held: the headings of records and minutes written in French, German, Spanish, Portuguese, Dutch, the
// Scandinavian languages, Japanese and Chinese are compared with their English names as text (a prefix and
// the character after it, heading-translations.ts), no pattern: a heading of a mebibyte costs its prefixes.
describe('translated headings on a heading of a mebibyte', () => {
  it.each([
    ['German', 'kontext und problemstellung', 'context and problem statement'],
    ['Spanish', 'resultado de la decisión', 'decision outcome'],
    ['Japanese', '背景', 'context'],
  ])('%s: read once', { timeout: 30_000 }, (_language, phrase, english) => {
    for (const tail of [' '.repeat(1_000_000), ` ${'x '.repeat(500_000)}`, 'ä'.repeat(1_000_000)]) {
      const out = inEnglish(`${phrase}${tail}`);
      expect(out.length).toBeGreaterThanOrEqual(1_000_000);
    }
    expect(inEnglish(phrase)).toBe(english);
  });
});
